"""Open-data downloads: peak memory while streaming a large dataset as CSV and as JSON.

    python -m tests.benchmarks.opendata [--sizes 1000 10000 100000]

Builds a throw-away SQLite database (migrate), fills a table with the largest size's rows
(agencies: 100 000 by default), registers a dataset over it that streams with
``.values_list(...).iterator()``, then downloads it through the real view
(``/data/<slug>.csv|json``) for each size, reading the response chunk by chunk as a client would.
Prints, per size and format, the rows, the bytes sent, the seconds and the peak memory Python
allocated meanwhile (tracemalloc). Flat means: the peak at 100 000 rows is about the peak at 1 000.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args(argv)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "ELASTICSEARCH_URL": ""}
    with tempfile.TemporaryDirectory() as tmp:
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "tests.benchmarks.opendata.run", *map(str, args.sizes)],
            cwd=ROOT,
            env=env,
            check=False,
        )
    return result.returncode
