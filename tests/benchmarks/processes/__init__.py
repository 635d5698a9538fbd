"""Throughput against processes: ``make serve`` with 1, then 2 workers, on PostgreSQL + Redis.

    python -m tests.benchmarks.processes [--workers 1 2] [--seconds 15] [--connections 16]

Needs DATABASE_URL (PostgreSQL, migrated and seeded with ``seed_demo``: the benchmark only
reads) and REDIS_URL (shared cache, sessions and channel layer); use databases of your own, e.g.
``postgres://postgres@127.0.0.1:5432/puente_perf`` and ``redis://127.0.0.1:6379/7``. For each
worker count it starts ``make serve WORKERS=n`` (gunicorn + uvicorn workers, production
settings), then loads the catalogue (anonymous) and the demo learner's first lesson (signed in)
with ``wrk`` (16 keep-alive connections, one thread; the load generator shares the two cores)
and prints requests/s, latency and the server CPU per request (every worker), with the ratio of
2 workers to 1 and the load average.
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.peer import PUENTE_LOOKUP

ROOT = Path(__file__).resolve().parents[3]
PAGES = [("course catalogue", "catalogue", False), ("lesson, enrolled learner", "lesson", True)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tree_cpu(pid: int) -> dict[int, float]:
    """CPU seconds of a process and each of its descendants (the gunicorn arbiter and its
    workers), by pid."""
    seconds = {}
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            seconds[current] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        pids.extend(int(child) for child in children)
    return seconds


def _shares(before: dict[int, float], after: dict[int, float]) -> str:
    """Each process's part of the CPU spent between two readings, largest first ("71/27/2 %"):
    whether the workers shared the load (wrk's connections are kept by the worker that
    accepted them)."""
    spent = sorted((after[pid] - before.get(pid, 0.0) for pid in after), reverse=True)
    total = sum(spent) or 1.0
    return "/".join(f"{100 * part / total:.0f}" for part in spent) + " %"


def _wrk(port, path, seconds, connections, cookie):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
               "-H", "Host: localhost", f"http://127.0.0.1:{port}{path}"]
    if cookie:
        command[-1:-1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)

    def percentile(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rate, requests, percentile(50), percentile(90), percentile(99), \
        int(errors.group(1)) if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get(
        "REDIS_URL"
    ):
        print("processes: set DATABASE_URL (PostgreSQL, seeded) and REDIS_URL; see the docstring")
        return 2
    env = {**os.environ, "DJANGO_ENV": "production", "SECURE_SSL_REDIRECT": "false",
           "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver"}
    env.setdefault("SECRET_KEY", "bench-" + "x9Q!" * 16)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    demo = json.loads(subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-v0", "-c", PUENTE_LOOKUP], cwd=ROOT, env=env,
        check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1])
    results = {}
    for workers in args.workers:
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603
            ["make", "serve", f"WORKERS={workers}", f"PORT={port}"], cwd=ROOT, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    time.sleep(0.5)
            time.sleep(3)  # every worker booted
            for label, key, signed in PAGES:
                cookie = f"sessionid={demo['session']}" if signed else ""
                _wrk(port, demo[key], 3, args.connections, cookie)  # warm every worker
                load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
                cpu_before = _tree_cpu(server.pid)
                rate, requests, p50, p90, p99, errors = _wrk(
                    port, demo[key], args.seconds, args.connections, cookie)
                cpu_after = _tree_cpu(server.pid)
                cpu = (sum(cpu_after.values()) - sum(cpu_before.values())) * 1000 / max(
                    requests, 1)
                results[workers, label] = rate
                print(f"processes: {label} {demo[key]} with {workers} worker(s): {rate:.1f} "
                      f"req/s, p50 {p50:.0f} ms, p90 {p90:.0f} ms, p99 {p99:.0f} ms, server CPU "
                      f"{cpu:.1f} ms/request (by process {_shares(cpu_before, cpu_after)}), "
                      f"{errors} errors ({requests} requests, make serve, "
                      f"PostgreSQL + Redis, wrk 1 thread {args.connections} connections "
                      f"{args.seconds} s; load average before {load})", flush=True)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
    if len(args.workers) > 1:
        low, high = min(args.workers), max(args.workers)
        for label, _, _ in PAGES:
            print(f"processes: {label}: {high} workers / {low} worker = "
                  f"{results[high, label] / results[low, label]:.2f}x (target >= 1.7x)")
    return 0
