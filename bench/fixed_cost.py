"""Time an `ingest` flow run over zero sources in a fresh process (the run's fixed cost).

Run by `bench.run` as `python -m bench.fixed_cost CONFIG DB_URL`, with or without
PREFECT_API_URL in the environment; prints one JSON object: the time to import the flow,
the first run (with Prefect's temporary server when there is no API URL) and a second run.
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> None:
    config, db_url = argv
    started = time.perf_counter()
    from flows.ingest import ingest

    imported = time.perf_counter()
    first = ingest(config=config, db_url=db_url)
    ran = time.perf_counter()
    ingest(config=config, db_url=db_url)
    again = time.perf_counter()
    print(json.dumps({
        "import_s": imported - started,
        "first_run_s": ran - imported,
        "second_run_s": again - ran,
        "sources": first["sources"],
    }))


if __name__ == "__main__":
    main(sys.argv[1:])
