"""Search benchmark: N synthetic experiences, 200 mixed faceted queries through the JSON API.

    python -m tests.benchmarks.search [--sizes 10000 100000] [--databases sqlite postgresql]
                                      [--queries 200]

Each (database, N) runs in its own process on a throw-away database: a temporary SQLite file,
or the PostgreSQL database named by BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/puente_search_bench — dropped and re-created). Pages are
bulk-inserted (treebeard paths computed here), then indexed through the engine's own rebuild,
then queried in-process through /api/experiences/search with facet counts. One line per figure.

The corpus is deliberately harsh: every text is drawn uniformly from the few hundred distinct
words of the demo experiences of its language, so one common word matches up to ~45 % of the
documents (real text, Zipf-distributed over thousands of words, matches far fewer). The 200
queries mix one to three such words (80 %), country, theme, language and year filters, sort by
newest and pages 2-3; there is no result cache. ``make bench BENCH=search`` runs both sizes on
both databases (the 100 000 runs take most of the time); ``--sizes`` and ``--databases``
shorten it.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/puente_search_bench"
TARGET = "target: p95 < 50 ms at 100000 experiences on PostgreSQL, facet counts included"


def _recreate_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def run_one(database: str, size: int, queries: int) -> int:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "ELASTICSEARCH_URL": ""}
    with tempfile.TemporaryDirectory() as tmp:
        if database == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        else:
            env["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG)
            _recreate_postgres(env["DATABASE_URL"])
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "tests.benchmarks.search.run", str(size), str(queries)],
            cwd=ROOT,
            env=env,
            check=False,
        )
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    print(f"search: {TARGET}", flush=True)
    status = 0
    for database in args.databases:
        for size in args.sizes:
            status |= run_one(database, size, args.queries)
    return status
