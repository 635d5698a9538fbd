"""In-process CPU time per request of some pages, with Django's test client, plus a profile.

    python -m tests.benchmarks.pages.cpu [--db PATH] [--n 50] [--profile PATH] [paths ...]

Production settings (DEBUG off), SQLite + ``seed_demo`` (built once in ``--db``, reused when the
file exists), local-memory cache. Each path is requested 3 times to warm the caches, then ``n``
times; the figure is ``time.process_time()`` per request, which other load on the machine moves
far less than throughput. ``--profile PATH`` prints cProfile's top functions for that path.
Not part of ``make bench``: a tool for finding where a page's time goes.
"""

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PATHS = [
    "/en/forums/iacml/xviii-iacml-medellin-2013/",  # references: a meeting page (78 req/s)
    "/en/forums/",  # and the forums index (121 req/s)
    "/es/legal-frameworks/a-70/", "/es/forums/iacml/", "/en/commitments/", "/en/projects/",
    "/en/countries/", "/pt/countries/br/", "/sitemap.xml",
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/puente-cpu-bench.sqlite3")  # noqa: S108
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--profile")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-" + "x9Q!" * 16,
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": f"sqlite:///{args.db}",
        "MEDIA_ROOT": f"{args.db}-media",
    })
    os.environ.pop("REDIS_URL", None)
    if not Path(args.db).exists():
        for command in (["migrate", "--noinput", "-v0"], ["seed_demo"]):
            subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", *command], cwd=ROOT, check=True,
                stdout=subprocess.DEVNULL,
            )
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    for path in args.paths or PATHS:
        for _ in range(3):
            assert client.get(path).status_code == 200, path
        profiler = cProfile.Profile() if path == args.profile else None
        if profiler:
            profiler.enable()
        start = time.process_time()
        for _ in range(args.n):
            response = client.get(path)
        cpu_ms = (time.process_time() - start) * 1000 / args.n
        if profiler:
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
            print(out.getvalue())
        print(f"cpu: {path} {cpu_ms:.1f} ms/request ({len(response.content)} bytes; "
              f"{args.n} requests, test client, production settings, SQLite)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
