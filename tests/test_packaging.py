"""Packaging: dependencies declared exactly as imported, and requirements.lock pins each of them."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.helpers import REPO

PARTS = ("newswatch", "flows", "extractors", "storage", "deployments")
FIRST_PARTY = {*PARTS, "tests", "bench"}
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DECLARED = {canonicalize_name(Requirement(r).name): Requirement(r) for r in PROJECT["dependencies"]}
TEST_EXTRA = {canonicalize_name(Requirement(r).name): Requirement(r) for r in PROJECT["optional-dependencies"]["test"]}


def _lock() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version.split(";")[0].split()[0]
    return pins


def _imported_top_level() -> set[str]:
    names: set[str] = set()
    for part in PARTS:
        for path in (REPO / part).rglob("*.py"):
            if "versions" in path.parts:  # migrations: alembic and sqlalchemy, both declared
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return names - FIRST_PARTY - set(sys.stdlib_module_names) - {"__future__"}


def test_every_imported_distribution_is_declared() -> None:
    dists = packages_distributions()
    imported = {canonicalize_name(dists[name][0]) for name in _imported_top_level()}
    # A maintenance tool may import a [test] extra (extractors/territories.py regenerates its table with babel).
    assert imported - DECLARED.keys() - TEST_EXTRA.keys() == set(), "imported but not in [project] dependencies"


def test_every_declared_dependency_is_imported_or_explained() -> None:
    dists = packages_distributions()
    imported = {canonicalize_name(dists[name][0]) for name in _imported_top_level()}
    # Declared without a direct import: a plugin another library loads, or a server kept for the API.
    indirect = {"lxml-html-clean", "psycopg", "uvicorn", "python-multipart"}
    assert DECLARED.keys() - imported - indirect == set(), "declared but never imported: drop it"


def test_the_lock_pins_every_dependency_within_its_range() -> None:
    pins = _lock()
    for name, req in {**DECLARED, **TEST_EXTRA}.items():
        assert name in pins, f"{name} is declared but not in requirements.lock: run `make lock`"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {name}=={pins[name]}, outside {req.specifier}: run `make lock`"
        )


def test_top_level_parts_are_this_repository() -> None:
    """The parts install as top-level packages (docs/ARCHITECTURE.md, "Packaging decision"): a
    distribution that ships a module of the same name must fail here, not shadow a part."""
    import importlib

    owners = packages_distributions()
    for part in PARTS:
        module = importlib.import_module(part)
        assert module.__file__ is not None and REPO in Path(module.__file__).parents, part
        assert {canonicalize_name(d) for d in owners.get(part, [])} <= {"newswatch"}, (part, owners.get(part))
