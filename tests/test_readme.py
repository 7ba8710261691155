"""The README's commands stay true: its first two are `make run` and `make test`, the
Makefile gives them, CI runs the same test command, and every documented CLI command exists."""

from __future__ import annotations

import re
from typing import Any

import typer.main

from newswatch.cli.app import app
from tests.helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands_in_code_blocks() -> list[str]:
    blocks = re.findall(r"```(?:\w*)\n(.*?)```", README, flags=re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line and not line.startswith(("[", "db_url", "timeout", "max_", "allow",
                                                                      "name", "url", "language", "tags", "enabled"))]


def test_first_two_commands_install_and_run_then_test() -> None:
    assert _commands_in_code_blocks()[:2] == ["make run", "make test"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test"):
        body = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert "$(STAMP)" in body.splitlines()[0], f"make {target} must install first"
    assert "newswatch run" in makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "pytest" in makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def _cli_paths() -> set[str]:
    root = typer.main.get_command(app)
    paths: set[str] = set()

    def walk(cmd: Any, prefix: str) -> None:
        paths.add(prefix)
        if hasattr(cmd, "commands"):  # a group (typer may ship its own click)
            for name, sub in cmd.commands.items():
                walk(sub, f"{prefix} {name}".strip())

    walk(root, "")
    return paths


def test_every_documented_command_exists() -> None:
    documented = set(re.findall(r"`newswatch ((?:[a-z]+)(?: [a-z]+)?)", README))
    for line in _commands_in_code_blocks():
        documented |= set(re.findall(r"^newswatch ((?:[a-z]+)(?: [a-z]+)?)", line))
    assert documented, "the README documents no command"
    paths = _cli_paths()
    for doc in documented:
        words = doc.split()
        assert doc in paths or words[0] in paths, f"README mentions `newswatch {doc}` but the CLI has no such command"


def test_every_command_is_documented() -> None:
    for path in _cli_paths():
        if path and " " not in path and path not in ("records", "sources", "db", "eval"):
            assert f"newswatch {path}" in README, f"`newswatch {path}` is not in the README"
