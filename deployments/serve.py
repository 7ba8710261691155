"""`newswatch serve`: the deployments of deployments/prefect.yaml, served from one process.

Prefect's `serve` registers them with the Prefect server in PREFECT_API_URL and runs
their flow runs (scheduled, caught up or started by hand) as subprocesses of this one;
no work pool or worker is involved. The names, parameters and schedules come from
prefect.yaml, so `serve` and `prefect deploy` describe the same deployments (use one or
the other against a given server: they register the same names).

Stopping (Ctrl-C or SIGTERM) leaves the schedules active (`pause_on_shutdown=False`):
the schedule belongs to the deployment, not to this process. Runs that come due while it
is down wait as Late and run when it is back, each over its own window.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

PREFECT_YAML = Path(__file__).with_name("prefect.yaml")


@dataclass(frozen=True)
class DeploymentSpec:
    """One entry of prefect.yaml's `deployments` list, the parts `serve` uses."""

    name: str
    entrypoint: str  # flows/ingest.py:ingest
    description: str | None = None
    tags: tuple[str, ...] = ()
    parameters: dict[str, Any] = field(default_factory=dict)
    schedules: tuple[dict[str, Any], ...] = ()

    @property
    def full_name(self) -> str:
        """How Prefect names it: flow/deployment, e.g. "ingest/default" (newswatch's flows are
        named after their functions)."""
        return f"{self.module_and_function[1]}/{self.name}"

    @property
    def module_and_function(self) -> tuple[str, str]:
        """("flows.ingest", "ingest") for "flows/ingest.py:ingest"."""
        path, _, function = self.entrypoint.partition(":")
        if not path.endswith(".py") or not function:
            raise ValueError(f"{self.name}: entrypoint must look like flows/name.py:function, got {self.entrypoint!r}")
        return path[: -len(".py")].replace("/", "."), function


def load_specs(path: Path = PREFECT_YAML) -> list[DeploymentSpec]:
    """The deployments declared in prefect.yaml."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    specs = []
    for item in doc.get("deployments") or []:
        specs.append(DeploymentSpec(
            name=item["name"], entrypoint=item["entrypoint"], description=item.get("description"),
            tags=tuple(item.get("tags") or ()), parameters=dict(item.get("parameters") or {}),
            schedules=tuple(item.get("schedules") or ()),
        ))
    return specs


def build_deployments(
    specs: list[DeploymentSpec], parameters: dict[str, Any] | None = None
) -> list[RunnerDeployment]:
    """Runner deployments for `specs`; `parameters` (e.g. config, db_url) are added to each."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Schedule

    deployments = []
    for spec in specs:
        module, function = spec.module_and_function
        flow = getattr(importlib.import_module(module), function)
        deployments.append(flow.to_deployment(
            name=spec.name,
            description=spec.description,
            tags=list(spec.tags),
            parameters={**spec.parameters, **(parameters or {})},
            schedules=[Schedule(**item) for item in spec.schedules],
            # flows.ingest.ingest rather than a file path: runs work from any directory.
            entrypoint_type=EntrypointType.MODULE_PATH,
        ))
    return deployments


def serve_deployments(
    *, config: str | None = None, db_url: str | None = None, limit: int | None = None,
    path: Path = PREFECT_YAML,
) -> None:
    """Serve prefect.yaml's deployments until Ctrl-C or SIGTERM; schedules stay active after."""
    from prefect import serve

    parameters = {k: v for k, v in (("config", config), ("db_url", db_url)) if v}
    serve(*build_deployments(load_specs(path), parameters), pause_on_shutdown=False, limit=limit)
