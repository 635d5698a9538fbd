"""CPU per request of the learner pages, in process: ``python -m tests.benchmarks.learner``.

Seeds a throw-away SQLite database (migrate + seed_demo) under the production settings the
page and peer benchmarks use (DEBUG off), then, through Django's test client, warms each page
and times ``--rounds`` rounds of ``--requests`` requests with ``time.process_time()``: CPU
milliseconds per request of the best round (other load on a shared machine only ever adds
time; it moves wall-clock throughput far more).
``--profile`` adds cProfile's top functions per page. The pages are those of
``make bench BENCH=peer`` (catalogue, course page anonymous and as the enrolled demo learner,
lesson as that learner) plus the signed-in home page and ``/fr/courses/``.

``--database PATH`` reuses (or creates, the first time) a seeded database instead of a
temporary one, so that repeated runs skip the seeding.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

MEASURE = r"""
import cProfile, io, json, pstats, sys, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from courses.models import CoursePage, Enrolment, LessonPage

N, ROUNDS, PROFILE, TOP = %(requests)d, %(rounds)d, %(profile)r, %(top)d
user = get_user_model().objects.get(email="learner@puente.test")
enrolment = Enrolment.objects.filter(user=user, status="active").order_by("pk").first()
course = CoursePage.objects.get(pk=enrolment.cohort.course_id)
lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
anonymous = Client(HTTP_HOST="localhost")
learner = Client(HTTP_HOST="localhost")
learner.force_login(user, backend="cms.accounts.backends.CachedPermissionsBackend")
pages = [
    ("catalogue /en/courses/", anonymous, "/en/courses/"),
    ("course page, anonymous", anonymous, course.url),
    ("course page, enrolled learner", learner, course.url),
    ("lesson, enrolled learner", learner, lesson.url),
    ("home, signed in", learner, "/en/"),
    ("catalogue /fr/courses/", anonymous, "/fr/courses/"),
]
rows = []
for label, client, path in pages:
    for _ in range(3):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    queries = len(captured)  # read now: the next request empties the log
    rounds = []
    for _ in range(ROUNDS):
        start = time.process_time()
        for _ in range(N):
            client.get(path)
        rounds.append((time.process_time() - start) * 1000 / N)
    # The best round: other processes on the machine only ever add time (cache misses,
    # frequency); the median is printed too.
    cpu, median = min(rounds), sorted(rounds)[len(rounds) // 2]
    rows.append((label, path, cpu, queries))
    print(f"{label:32} {cpu:6.2f} ms CPU/request (median round {median:6.2f})  {queries:2d} queries"
          f"  {path}", flush=True)
    if PROFILE:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(N):
            client.get(path)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(TOP)
        print(out.getvalue())
print(json.dumps({label: round(cpu, 2) for label, _, cpu, _ in rows}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of --requests; best kept")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--database", help="a seeded SQLite file to reuse (seeded if absent)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        database = Path(args.database).resolve() if args.database else Path(tmp, "bench.sqlite3")
        env = {
            **os.environ,
            "DJANGO_ENV": "production",
            "SECRET_KEY": "bench-" + "x9Q!" * 16,
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(database.with_name(database.stem + "-media")),
        }
        for key in ("DJANGO_SETTINGS_MODULE", "REDIS_URL"):
            env.pop(key, None)
        manage = [sys.executable, "manage.py"]
        commands = [["migrate", "--noinput", "-v0"]]
        if not database.exists():
            commands.append(["seed_demo"])
        commands.append(["collectstatic", "--noinput", "-v0"])
        for command in commands:
            subprocess.run(manage + command, cwd=ROOT, env=env, check=True,  # noqa: S603
                           stdout=subprocess.DEVNULL)
        script = MEASURE % {"requests": args.requests, "rounds": args.rounds,
                            "profile": args.profile, "top": args.top}
        return subprocess.run(manage + ["shell", "-v0", "-c", script],  # noqa: S603
                              cwd=ROOT, env=env).returncode
