"""Room fan-out benchmark: daphne + the Redis channel layer, N listeners in one room, one sender
posting 10 stamped messages a second for 30 s. Reports p50/p95/p99 delivery latency, messages
delivered / expected and the server's CPU, one line per figure with its conditions.

    python -m tests.benchmarks.rooms [--clients 50 200 500] [--seconds 30] [--rate 10]
                                     [--layers pubsub core] [--processes 1]

Needs Redis (REDIS_URL, default redis://127.0.0.1:6379/6 — the database is flushed). The server
gets a throw-away SQLite database (or BENCH_DATABASE_URL) and a raised rate limit (20 per
second), since one sender at 10 messages/s is far above the per-person limit of 5 per 10 s.
"""

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_REDIS = "redis://127.0.0.1:6379/6"
TARGET = "target: p95 < 100 ms at 200 clients with 100 % delivered"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


class Server:
    """daphne in a subprocess, on a fresh database, with the Redis layer."""

    def __init__(self, env: dict):
        self.env = env
        self.port = _free_port()
        self.process = None

    def manage(self, *args) -> str:
        result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, *args], cwd=ROOT, env=self.env, check=True,
            capture_output=True, text=True,
        )
        return result.stdout

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(self.port),
             "--websocket_connect_timeout", "60", "cms.asgi:application"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL,
            stderr=open(os.environ.get("BENCH_SERVER_LOG", os.devnull), "a"),  # noqa: SIM115
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("daphne did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


async def _listener(url, origin, cookie, sent_at, latencies, received, ready, stop):
    from websockets.asyncio.client import connect

    # Each process is its own origin (its port): the site's origin check refuses any other.
    origin = origin or url.replace("ws://", "http://", 1).split("/ws/", 1)[0]
    async with connect(url, origin=origin, additional_headers={"Cookie": cookie},
                       max_queue=None, compression=None, open_timeout=60) as socket_:
        ready.release()
        while not stop.is_set():
            try:
                raw = await asyncio.wait_for(socket_.recv(), timeout=0.5)
            except TimeoutError:
                continue
            now = time.perf_counter()
            frame = json.loads(raw)
            if frame.get("type") != "message":
                continue
            _tag, seq, _stamp = frame["message"]["body"].split(" ", 2)
            seq = int(seq)
            if seq in sent_at:
                latencies.append(now - sent_at[seq])
                received.add(seq)


async def _run(urls, origin, cookies, seconds, rate):
    from websockets.asyncio.client import connect

    listeners, sender_cookie = cookies[:-1], cookies[-1]
    sent_at: dict[int, float] = {}
    latencies: list[float] = []
    received_sets = [set() for _ in listeners]
    ready = asyncio.Semaphore(0)
    stop = asyncio.Event()
    tasks = []
    for n, cookie in enumerate(listeners):
        tasks.append(asyncio.create_task(_listener(
            urls[n % len(urls)], None, f"sessionid={cookie}", sent_at, latencies,
            received_sets[n], ready, stop,
        )))
        if n % 10 == 9 or n == len(listeners) - 1:
            # Connect in waves of ten, each accepted before the next, as people arrive.
            for _ in range(n % 10 + 1):
                await asyncio.wait_for(ready.acquire(), timeout=120)
    await asyncio.sleep(1)
    errors = 0
    async with connect(urls[0], origin=origin, additional_headers={"Cookie":
                       f"sessionid={sender_cookie}"}, compression=None) as sender:
        start = time.perf_counter()
        total = int(seconds * rate)
        for seq in range(total):
            target = start + seq / rate
            await asyncio.sleep(max(0.0, target - time.perf_counter()))
            sent_at[seq] = time.perf_counter()
            await sender.send(json.dumps({
                "type": "message", "body": f"bench {seq} {time.time_ns()}"
            }))
        # Drain the sender's own frames and count refusals (an error frame per refused post).
        drain_until = time.perf_counter() + 5
        while time.perf_counter() < drain_until:
            try:
                frame = json.loads(await asyncio.wait_for(sender.recv(), timeout=0.5))
            except TimeoutError:
                continue
            if frame.get("type") == "error":
                errors += 1
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    delivered = sum(len(s) for s in received_sets)
    return latencies, delivered, total * len(listeners), errors


def bench(clients: int, seconds: float, rate: float, env: dict, layer: str,
          processes: int = 1) -> list[str]:
    servers = [Server({**env, "REDIS_CHANNEL_LAYER": layer}) for _ in range(processes)]
    setup = json.loads(servers[0].manage("-m", "tests.benchmarks.rooms.fixture", str(clients)))
    for server in servers:
        server.start()
    try:
        # Listeners spread over the processes; the Redis layer carries each broadcast to all.
        urls = [f"ws://127.0.0.1:{s.port}/ws/rooms/{setup['room']}/" for s in servers]
        origin = f"http://127.0.0.1:{servers[0].port}"
        pids = [server.process.pid for server in servers]
        cpu_before, wall_before = sum(map(_cpu_seconds, pids)), time.monotonic()
        client_before = _cpu_seconds(os.getpid())
        latencies, delivered, expected, errors = asyncio.run(
            _run(urls, origin, setup["cookies"], seconds, rate)
        )
        wall = time.monotonic() - wall_before
        cpu = (sum(map(_cpu_seconds, pids)) - cpu_before) / wall
        client_cpu = (_cpu_seconds(os.getpid()) - client_before) / wall
        load = os.getloadavg()[0]
    finally:
        for server in servers:
            server.stop()
    ms = [value * 1000 for value in latencies]
    conditions = (
        f"N={clients} listeners, 1 sender at {rate:g} msg/s for {seconds:g} s, daphne "
        f"({processes} process{'es' if processes > 1 else ''}) "
        f"+ Redis {layer} layer, {env['DATABASE_URL'].split(':')[0]} with "
        f"DB_CONN_MAX_AGE={env['DB_CONN_MAX_AGE']}, {os.cpu_count()} cores shared with the "
        f"load generator"
    )
    return [
        f"rooms p50 delivery latency: {statistics.median(ms) if ms else float('nan'):.1f} ms "
        f"({conditions})",
        f"rooms p95 delivery latency: {_percentile(ms, 95):.1f} ms ({conditions})",
        f"rooms p99 delivery latency: {_percentile(ms, 99):.1f} ms ({conditions})",
        f"rooms delivered/expected: {delivered}/{expected} "
        f"({100 * delivered / expected if expected else 0:.2f} %, {errors} posts refused) "
        f"({conditions})",
        f"rooms server CPU: {100 * cpu:.0f} % of one core (all daphne processes), whole run "
        f"incl. connects "
        f"({conditions})",
        f"rooms load-generator CPU: {100 * client_cpu:.0f} % of one core (one asyncio process "
        f"for all clients; 1-min load average at the end {load:.1f}) ({conditions})",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rate", type=float, default=10)
    parser.add_argument(
        "--layers", nargs="+", choices=["core", "pubsub"], default=["pubsub", "core"],
        help="channels-redis layer: pubsub (REDIS_CHANNEL_LAYER=pubsub) or core (the default)",
    )
    parser.add_argument("--processes", type=int, default=1,
                        help="daphne processes sharing the listeners (default 1)")
    args = parser.parse_args(argv)

    redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    print(TARGET, flush=True)
    with tempfile.TemporaryDirectory(prefix="puente-bench-rooms-") as tmp:
        database_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "ROOMS_RATE_LIMIT": "20/1",
            # Persistent database connections, as a deployment should run: with the default 0,
            # every thread hop of a consumer opens and closes a connection (on SQLite in WAL
            # mode the close also checkpoints the log), which alone costs ~20 ms per message.
            "DB_CONN_MAX_AGE": os.environ.get("DB_CONN_MAX_AGE", "600"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        Server(env).manage("manage.py", "migrate", "--noinput")
        for layer in args.layers:
            for clients in args.clients:
                for line in bench(
                    clients, args.seconds, args.rate, env, layer, args.processes
                ):
                    print(line, flush=True)
    return 0
