"""Puente side by side with the Wagtail LMS peer (wagtail-lms 0.11.1 on Wagtail 7.2), one run.

    python -m tests.benchmarks.peer [--rounds 3] [--seconds 5] [--concurrency 16]
                                    [--peer-dir /tmp/puente-peer] [--server-core 0]

Sets up the peer outside the repository (``$PEER_DIR`` or ``/tmp/puente-peer``: its own venv with
wagtail-lms from PyPI, and the minimal host project of ``host.py`` written there at run time,
on a fresh SQLite database: one course, five lessons, an enrolled learner), and Puente as
``make bench BENCH=pages`` does (fresh SQLite, seed_demo, production settings). Each site is one
daphne process pinned with ``taskset`` to the same core; the 16 keep-alive clients run in this
process, pinned to the other core. Page by page, round by round, the two sites alternate (a
1 s warm-up, then ``seconds`` of load each), so both see the same load from the rest of the
machine. Prints each page's requests/s, p50/p95, server CPU per request and SQL queries per
request (counted with Django's test client on each site's settings, second request: warm
caches), with the ratio, and the load average before and after.
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.benchmarks.peer import host

ROOT = Path(__file__).resolve().parents[3]
# django-tasks 0.9 (which Wagtail 7.2 allows) fails on Python 3.11 when a page is saved: its
# slotted TaskResult cannot take typing's __orig_class__; 0.8.1 is in Wagtail 7.2's range.
PEER_REQUIREMENTS = ["wagtail-lms==0.11.1", "wagtail>=7.2,<7.3", "django-tasks==0.8.1", "daphne",
                     "whitenoise"]
PAGES = [  # (label, path key, signed in)
    ("course catalogue", "catalogue", False),
    ("course page, anonymous", "course", False),
    ("course page, enrolled learner", "course", True),
    ("lesson, enrolled learner", "lesson", True),
]
TARGET = 2.0

PUENTE_LOOKUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from courses.models import CoursePage, Enrolment, LessonPage

user = get_user_model().objects.get(email="learner@puente.test")
enrolment = Enrolment.objects.filter(user=user, status="active").order_by("pk").first()
course = CoursePage.objects.get(pk=enrolment.cohort.course_id)
lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "cms.accounts.backends.CachedPermissionsBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({"session": session.session_key, "catalogue": "/en/courses/",
                  "course": course.url, "lesson": lesson.url}))
"""

# Run with each site's own manage.py: SQL queries of the second request to each page (the
# first fills the per-process caches, as the warm-up does for the served process).
COUNT_QUERIES = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pages = json.loads(%r)
counts = {}
for key, path, session in pages:
    client = Client(HTTP_HOST="localhost")
    if session:
        client.cookies["sessionid"] = session
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    counts[key] = len(queries)
print(json.dumps(counts))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _run(command, cwd, env, capture=False) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreters and manage.py files
        command, cwd=cwd, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout or ""


def _last_json(output: str):
    return json.loads(output.strip().splitlines()[-1])


class Site:
    def __init__(self, name, python, cwd, env, asgi, core):
        self.name, self.python, self.cwd, self.env = name, python, cwd, env
        self.asgi, self.core, self.port, self.process = asgi, core, _free_port(), None
        self.paths, self.session = {}, ""

    def manage(self, *args, capture=False) -> str:
        return _run([self.python, "manage.py", *args], self.cwd, self.env, capture)

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            ["taskset", "-c", str(self.core), self.python, "-m", "daphne",
             "-b", "127.0.0.1", "-p", str(self.port), self.asgi],
            cwd=self.cwd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.name}: daphne did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)

    def count_queries(self) -> dict:
        pages = [(label, self.paths[key], self.session if signed else "")
                 for label, key, signed in PAGES]
        return _last_json(self.manage("shell", "-v0", "-c", COUNT_QUERIES % json.dumps(pages),
                                      capture=True))


def _load(port, path, seconds, concurrency, cookie=""):
    latencies, errors, lock = [], 0, threading.Lock()
    deadline = time.monotonic() + seconds
    headers = {"Host": "localhost", **({"Cookie": cookie} if cookie else {})}

    def client():
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
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


def setup_peer(peer_dir: Path, core: int) -> Site:
    venv = peer_dir / "venv"
    python = str(venv / "bin" / "python")
    if not (venv / ".installed").exists():
        print(f"peer: installing {' '.join(PEER_REQUIREMENTS)} into {venv}", flush=True)
        _run([sys.executable, "-m", "venv", str(venv)], peer_dir, os.environ)
        _run([python, "-m", "pip", "install", "-q", *PEER_REQUIREMENTS], peer_dir, os.environ)
        (venv / ".installed").write_text("\n".join(PEER_REQUIREMENTS))
    project = peer_dir / "host"
    for name, text in host.FILES.items():
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.lstrip())
    database = project / "bench.sqlite3"
    database.unlink(missing_ok=True)
    env = {key: value for key, value in os.environ.items()
           if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL")}
    env["PEER_DATABASE"] = str(database)
    site = Site("wagtail-lms", python, project, env, "peerhost.asgi:application", core)
    site.manage("migrate", "--noinput", "-v0")
    site.manage("collectstatic", "--noinput", "-v0")
    demo = _last_json(site.manage("shell", "-v0", "-c", host.SEED, capture=True))
    site.session = demo.pop("session")
    site.paths = demo
    return site


def setup_puente(tmp: str, core: int) -> Site:
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "bench-" + "x9Q!" * 16,
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
        "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
        "MEDIA_ROOT": f"{tmp}/media",
    }
    for key in ("DJANGO_SETTINGS_MODULE", "REDIS_URL"):
        env.pop(key, None)
    site = Site("Puente", sys.executable, ROOT, env, "cms.asgi:application", core)
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo"],
                    ["collectstatic", "--noinput", "-v0"]):
        site.manage(*command)
    demo = _last_json(site.manage("shell", "-v0", "-c", PUENTE_LOOKUP, capture=True))
    site.session = demo.pop("session")
    site.paths = demo
    return site


def _summary(samples):
    latencies = [value for sample in samples for value in sample["latencies"]]
    elapsed = sum(sample["elapsed"] for sample in samples)
    cpu = sum(sample["cpu"] for sample in samples)
    count = len(latencies)
    return {
        "rate": count / elapsed if elapsed else 0.0,
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95": statistics.quantiles(latencies, n=20)[18] * 1000 if count > 20 else float("nan"),
        "cpu": cpu * 1000 / max(count, 1),
        "errors": sum(sample["errors"] for sample in samples),
        "count": count,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--peer-dir", default=os.environ.get("PEER_DIR", "/tmp/puente-peer"))
    parser.add_argument("--server-core", type=int, default=0)
    parser.add_argument("--client-core", type=int, default=1)
    args = parser.parse_args(argv)

    peer_dir = Path(args.peer_dir).resolve()
    if peer_dir.is_relative_to(ROOT):
        print(f"peer: {peer_dir} is inside the repository; choose a directory outside it")
        return 2
    peer_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        print("peer: setting up both sites (fresh SQLite databases)", flush=True)
        sites = [setup_puente(tmp, args.server_core), setup_peer(peer_dir, args.server_core)]
        queries = {site.name: site.count_queries() for site in sites}
        os.sched_setaffinity(0, {args.client_core})
        samples = {(site.name, label): [] for site in sites for label, _, _ in PAGES}
        load_before = _loadavg()
        try:
            for site in sites:
                site.start()
            for round_number in range(1, args.rounds + 1):
                for label, key, signed in PAGES:
                    for site in sites:
                        cookie = f"sessionid={site.session}" if signed else ""
                        path = site.paths[key]
                        _load(site.port, path, 1, args.concurrency, cookie)  # warm-up
                        cpu_before = _cpu_seconds(site.process.pid)
                        latencies, errors, elapsed = _load(
                            site.port, path, args.seconds, args.concurrency, cookie)
                        cpu = _cpu_seconds(site.process.pid) - cpu_before
                        samples[site.name, label].append(
                            {"latencies": latencies, "errors": errors, "elapsed": elapsed,
                             "cpu": cpu})
                        print(f"peer: round {round_number} {label} {site.name} {path}: "
                              f"{len(latencies) / elapsed:.1f} req/s", flush=True)
        finally:
            for site in sites:
                site.stop()
        load_after = _loadavg()

    puente, peer = (site.name for site in sites)
    print(f"\n| page | Puente req/s | p50/p95 ms | CPU ms/req | queries | wagtail-lms req/s "
          f"| p50/p95 ms | CPU ms/req | queries | ratio | CPU ratio |\n|{'---|' * 11}")
    status = 0
    for label, _, _ in PAGES:
        ours, theirs = _summary(samples[puente, label]), _summary(samples[peer, label])
        ratio = ours["rate"] / theirs["rate"] if theirs["rate"] else float("nan")
        cpu_ratio = theirs["cpu"] / ours["cpu"] if ours["cpu"] else float("nan")
        if ratio < TARGET or ours["errors"] or theirs["errors"]:
            status = 1
        print(f"| {label} | {ours['rate']:.1f} | {ours['p50']:.0f}/{ours['p95']:.0f} "
              f"| {ours['cpu']:.1f} | {queries[puente][label]} | {theirs['rate']:.1f} "
              f"| {theirs['p50']:.0f}/{theirs['p95']:.0f} | {theirs['cpu']:.1f} "
              f"| {queries[peer][label]} | {ratio:.2f}x | {cpu_ratio:.2f}x |")
        if ours["errors"] or theirs["errors"]:
            print(f"  errors: Puente {ours['errors']}, wagtail-lms {theirs['errors']}")
    print(f"\nConditions: one daphne process per site pinned to core {args.server_core} "
          f"(taskset), {args.concurrency} keep-alive clients pinned to core "
          f"{args.client_core}, production settings (DEBUG off), SQLite, {args.rounds} rounds "
          f"of {args.seconds:.0f} s per page and site, alternating page by page; load average "
          f"before {load_before}, after {load_after} (on {os.cpu_count()} cores). "
          f"Target: every ratio >= {TARGET:.0f}x.")
    return status
