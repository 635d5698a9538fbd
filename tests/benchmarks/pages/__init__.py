"""Page throughput: requests/s and latency from one daphne process on the seeded demo site.

    python -m tests.benchmarks.pages [--seconds 15] [--concurrency 8] [--paths /en/ ...]

Builds a throw-away SQLite database (migrate + seed_demo), starts one daphne process with the
production settings (DEBUG off, SSL redirect off for loopback), then keeps ``concurrency``
keep-alive HTTP clients busy on each path for ``seconds``. One line per figure, with the
server process's CPU time per request (from /proc), which other load on the machine hardly moves.

Without ``--paths`` it measures one page of every kind: the public pages anonymously, then the
pages behind a login as the demo focal point of Peru (a session made in the benchmark's
database, sent as a cookie). Paths that depend on demo ids are looked up in that database.
Target: at least 60 requests/s per page.
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

ROOT = Path(__file__).resolve().parents[3]
ANONYMOUS_PATHS = [
    "/en/",
    "/es/acerca/",
    "/fr/courses/",
    "/pt/experiences/",
    "/en/exchanges/",
    "/en/experiences/?q=employment&language=en",
    "/es/search/?q=migracion",
    "/en/experiences/{experience}",
    "/en/courses/{course}",
    "/en/webinars/",
    "/en/webinars/{webinar}",
    "/certificates/{certificate}/",
    "/en/legal-frameworks/", "/es/legal-frameworks/a-70/", "/pt/legal-frameworks/countries/br/",
    "/en/legal-frameworks/compare/?country=br&country=pe",
    "/en/forums/", "/es/forums/iacml/", "/en/forums/iacml/xviii-iacml-medellin-2013/",
    "/en/commitments/", "/fr/commitments/countries/pe/",
    "/en/projects/", "/pt/projects/{project}/",
    "/en/networks/", "/es/networks/iaspn/", "/en/countries/", "/pt/countries/br/",
    "/en/data/", "/en/news/", "/sitemap.xml", "/en/feeds/news.xml",
]
SIGNED_IN_PATHS = [
    "/en/",
    "/en/courses/{course}",
    "/en/courses/{lesson}",
    "/en/my/learning/",
    "/en/exchanges/mine/",
    "/en/exchanges/{exchange}/",
    "/en/exchanges/open/",
    "/en/rooms/",
    "/en/rooms/{room}/",
    "/en/forums/reports/",
    "/en/forums/reports/{forum_report}/",
    "/en/forums/delegations/{delegation}/",
    "/en/legal-frameworks/reports/{framework_report}/",
    "/en/projects/proposals/",
    "/en/projects/workspace/{project_code}/",
]
SIGNED_IN_AS = "focal.pe@puente.test"

# Run in the benchmark's database: a session for SIGNED_IN_AS and the demo ids the paths need.
LOOKUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from courses.models import Certificate, CoursePage, LessonPage, WebinarPage
from exchanges.models import ExchangeRequest
from rooms.permissions import readable_rooms
from experiences.models import ExperiencePage
from projects.models import Project, ProjectPage
from forums.models import CountryReport, Delegation
from frameworks.models import NationalReport

user = get_user_model().objects.get(email=%r)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "cms.accounts.backends.CachedPermissionsBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
en = dict(locale__language_code="en")
course = CoursePage.objects.live().filter(**en).order_by("path").first()
lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()


def tail(page, prefix):
    return page.url.split(prefix, 1)[1]


print(json.dumps({
    "session": session.session_key,
    "experience": tail(ExperiencePage.objects.live().filter(**en).order_by("path").first(),
                       "/experiences/"),
    "course": tail(course, "/courses/"),
    "lesson": tail(lesson, "/courses/"),
    "webinar": tail(WebinarPage.objects.live().filter(**en).order_by("path").first(), "/webinars/"),
    "certificate": Certificate.objects.order_by("pk").first().code,
    "exchange": ExchangeRequest.objects.filter(requesting_agency__country__code="PE")
    .order_by("pk").first().pk,
    "room": min(room.pk for room in readable_rooms(user)),
    "project": ProjectPage.objects.live().filter(locale__language_code="pt").order_by("path")
    .first().slug,
    # The working pages of the signed-in focal point's country and agency.
    "forum_report": CountryReport.objects.filter(country=user.agency.country, state="draft")
    .order_by("pk").first().pk,
    "delegation": Delegation.objects.filter(country=user.agency.country).order_by("pk").first().pk,
    "framework_report": NationalReport.objects.filter(country=user.agency.country)
    .order_by("pk").first().pk,
    "project_code": Project.objects.filter(lead_agency=user.agency).order_by("pk").first().code,
}))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load(port: int, path: str, seconds: float, concurrency: int, cookie: str = ""):
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    headers = {"Host": "localhost", **({"Cookie": cookie} if cookie else {})}

    def client():
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
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
    parser.add_argument("--paths", nargs="+", help="anonymous paths (default: every kind of page)")
    parser.add_argument(
        "--only", nargs="+", metavar="TEXT",
        help="measure only the default pages whose path template contains one of these",
    )
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
            if args.paths:
                runs = [(path, "anonymous", "") for path in args.paths]
            else:
                demo = json.loads(
                    subprocess.run(  # noqa: S603
                        manage + ["shell", "-v0", "-c", LOOKUP % SIGNED_IN_AS],
                        cwd=ROOT,
                        env=env,
                        check=True,
                        capture_output=True,
                        text=True,
                    ).stdout.strip().splitlines()[-1]
                )
                cookie = f"sessionid={demo['session']}"
                runs = [(path.format(**demo), "anonymous", "") for path in ANONYMOUS_PATHS] + [
                    (path.format(**demo), f"signed in as {SIGNED_IN_AS}", cookie)
                    for path in SIGNED_IN_PATHS
                ]
                if args.only:
                    templates = ANONYMOUS_PATHS + SIGNED_IN_PATHS
                    runs = [run for run, template in zip(runs, templates, strict=True)
                            if any(text in template for text in args.only)]
            status = 0
            for path, who, cookie in runs:
                _load(port, path, 2, args.concurrency, cookie)  # warm-up: caches, first queries
                cpu_before = _cpu_seconds(server.pid)
                latencies, errors, elapsed = _load(
                    port, path, args.seconds, args.concurrency, cookie
                )
                cpu_ms = (_cpu_seconds(server.pid) - cpu_before) * 1000 / max(len(latencies), 1)
                rate = len(latencies) / elapsed
                p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
                p95 = (
                    statistics.quantiles(latencies, n=20)[18] * 1000
                    if len(latencies) > 20
                    else float("nan")
                )
                verdict = "ok" if rate >= 60 and not errors else "BELOW TARGET"
                print(
                    f"pages: {path} ({who}) {rate:.1f} req/s, p50 {p50:.1f} ms, "
                    f"p95 {p95:.1f} ms, server CPU {cpu_ms:.1f} ms/request, {errors} errors "
                    f"({len(latencies)} requests; 1 daphne "
                    f"process, production settings, SQLite, {args.concurrency} keep-alive "
                    f"clients, {args.seconds:.0f} s; target >= 60 req/s: {verdict})",
                    flush=True,
                )
                if verdict != "ok":
                    status = 1
            return status
        finally:
            server.terminate()
            server.wait(timeout=10)
