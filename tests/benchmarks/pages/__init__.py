"""Page throughput: requests/s and latency from one daphne process on the seeded demo site.

    python -m tests.benchmarks.pages [--seconds 15] [--concurrency 8] [--paths /en/ ...]

Builds a throw-away SQLite database (migrate + seed_demo), starts one daphne process with the
production settings (DEBUG off, SSL redirect off for loopback), then keeps ``concurrency``
keep-alive HTTP clients busy on each path for ``seconds``. One line per figure.
Target: at least 60 requests/s per page.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PATHS = ["/en/", "/es/acerca/", "/fr/courses/", "/pt/experiences/", "/en/exchanges/"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _load(port: int, path: str, seconds: float, concurrency: int):
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Host": "localhost"})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--paths", nargs="+", default=DEFAULT_PATHS)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_ENV": "production",
            "SECRET_KEY": "bench-" + "x9Q!" * 16,
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        env.pop("REDIS_URL", None)
        manage = [sys.executable, "manage.py"]
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["seed_demo"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            subprocess.run(
                manage + command,
                cwd=ROOT,
                env=env,
                check=True,  # noqa: S603
                stdout=subprocess.DEVNULL,
            )
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "cms.asgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            status = 0
            for path in args.paths:
                _load(port, path, 2, args.concurrency)  # warm-up: caches, first queries
                latencies, errors, elapsed = _load(port, path, args.seconds, args.concurrency)
                rate = len(latencies) / elapsed
                p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
                p95 = (
                    statistics.quantiles(latencies, n=20)[18] * 1000
                    if len(latencies) > 20
                    else float("nan")
                )
                verdict = "ok" if rate >= 60 and not errors else "BELOW TARGET"
                print(
                    f"pages: {path} {rate:.1f} req/s, p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
                    f"{errors} errors ({len(latencies)} requests; 1 daphne process, production "
                    f"settings, SQLite, {args.concurrency} keep-alive clients, "
                    f"{args.seconds:.0f} s; "
                    f"target >= 60 req/s: {verdict})",
                    flush=True,
                )
                if verdict != "ok":
                    status = 1
            return status
        finally:
            server.terminate()
            server.wait(timeout=10)
