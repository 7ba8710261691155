"""The doors: the `newswatch` command line, the demo and the evaluation commands.

Nothing outside this package imports it (the layers are checked by import-linter).
"""

from __future__ import annotations


def main() -> None:
    """Entry point of the `newswatch` command (imports the app only when run)."""
    from newswatch.cli.app import main as run_app

    run_app()
