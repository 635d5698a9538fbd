"""One benchmark run on the database in DATABASE_URL (called by tests.benchmarks.search)."""

import os
import random
import re
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402

from cms.directory import demo as directory_demo  # noqa: E402
from cms.directory.models import Agency, Country, PopulationGroup, Theme  # noqa: E402
from cms.pages import demo as pages_demo  # noqa: E402
from experiences.demo_data import E as DEMO  # noqa: E402
from experiences.models import ExperienceIndexPage, ExperiencePage  # noqa: E402
from search import indexing  # noqa: E402

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
BATCH = 2000


class _Null:
    def write(self, *args, **kwargs):
        pass


def _step(n: int) -> str:
    out = ""
    for _ in range(STEPLEN):
        n, r = divmod(n, len(ALPHABET))
        out = ALPHABET[r] + out
    return out


def _vocabulary() -> dict[str, list[str]]:
    words: dict[str, set[str]] = {}
    for row in DEMO:
        text = " ".join(row[8:])
        words.setdefault(row[2], set()).update(
            w.lower() for w in re.findall(r"\w{4,}", text) if not w.isdigit()
        )
    return {code: sorted(values) for code, values in words.items()}


def setup_site() -> ExperienceIndexPage:
    call_command("migrate", verbosity=0)
    directory_demo.seed(_Null())
    pages_demo.seed(_Null())
    home = Page.objects.get(depth=2, locale__language_code="en")
    library = ExperienceIndexPage(title="Experiences", slug="experiences")
    home.add_child(instance=library)
    return library


def generate(library: ExperienceIndexPage, size: int, rng: random.Random) -> float:
    """Bulk-insert ``size`` live experiences under ``library``; returns seconds taken."""
    started = time.perf_counter()
    vocab = _vocabulary()
    languages = sorted(vocab)
    countries = list(Country.objects.values_list("pk", flat=True))
    agencies = list(Agency.objects.values_list("pk", "country_id"))
    themes = list(Theme.objects.values_list("pk", flat=True))
    groups = list(PopulationGroup.objects.values_list("pk", flat=True))
    locales = {loc.language_code: loc.pk for loc in Locale.objects.all()}
    content_type = ContentType.objects.get_for_model(ExperiencePage)
    now = timezone.now()
    columns = [
        f.column
        for f in ExperiencePage._meta.local_concrete_fields
        if f.column != "page_ptr_id"
    ]
    insert = (
        f"INSERT INTO {ExperiencePage._meta.db_table} (page_ptr_id, {', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * (len(columns) + 1))})"
    )
    theme_through = ExperiencePage.themes.through
    group_through = ExperiencePage.population_groups.through
    for start in range(0, size, BATCH):
        count = min(BATCH, size - start)
        with transaction.atomic():
            pages, rows = [], []
            for i in range(start, start + count):
                language = rng.choice(languages)
                words = vocab[language]
                title = " ".join(rng.choices(words, k=6)).capitalize()
                agency_id, country_id = rng.choice(agencies)
                pages.append(
                    Page(
                        title=title,
                        slug=f"experience-{i}",
                        path=library.path + _step(i + 1),
                        depth=library.depth + 1,
                        numchild=0,
                        url_path=f"{library.url_path}experience-{i}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        content_type=content_type,
                        locale_id=locales[language],
                        draft_title=title,
                    )
                )
                values = {
                    "summary": " ".join(rng.choices(words, k=25)),
                    "country_id": country_id if rng.random() < 0.9 else rng.choice(countries),
                    "agency_id": agency_id,
                    "start_year": rng.randint(1995, 2025),
                    "end_year": None,
                    "original_language": language,
                    "problem": "<p>" + " ".join(rng.choices(words, k=40)) + "</p>",
                    "actions": "<p>" + " ".join(rng.choices(words, k=60)) + "</p>",
                    "results": "<p>" + " ".join(rng.choices(words, k=30)) + "</p>",
                    "lessons": "",
                    "enabling_factors": "",
                    "replicability": "",
                    "contacts": "",
                    "attachments": "[]",
                    "related_pages": "[]",
                    "related_exchange_url": "",
                    "last_verified": None,
                }
                rows.append(values)
            created = Page.objects.bulk_create(pages)
            with connection.cursor() as cursor:
                cursor.executemany(
                    insert,
                    [
                        [page.pk, *[values[c] for c in columns]]
                        for page, values in zip(created, rows, strict=True)
                    ],
                )
            theme_through.objects.bulk_create(
                [
                    theme_through(experiencepage_id=page.pk, theme_id=t)
                    for page in created
                    for t in rng.sample(themes, rng.randint(1, 3))
                ]
            )
            group_through.objects.bulk_create(
                [
                    group_through(experiencepage_id=page.pk, populationgroup_id=g)
                    for page in created
                    for g in rng.sample(groups, rng.randint(0, 2))
                ]
            )
    Page.objects.filter(pk=library.pk).update(numchild=size)
    return time.perf_counter() - started


def queries(rng: random.Random, n: int) -> list[dict]:
    vocab = _vocabulary()
    codes = list(Country.objects.values_list("code", flat=True))
    themes = list(Theme.objects.values_list("slug", flat=True))
    languages = sorted(vocab)
    out = []
    for _ in range(n):
        language = rng.choice(languages)
        params: dict = {}
        if rng.random() < 0.8:
            params["q"] = " ".join(rng.choices(vocab[language], k=rng.randint(1, 3)))
        if rng.random() < 0.3:
            params["country"] = rng.sample(codes, rng.randint(1, 2))
        if rng.random() < 0.3:
            params["theme"] = rng.choice(themes)
        if rng.random() < 0.2:
            params["language"] = language
        if rng.random() < 0.1:
            params["year_from"] = rng.randint(2000, 2020)
        if rng.random() < 0.1:
            params["sort"] = "newest"
        if rng.random() < 0.2:
            params["page"] = rng.randint(2, 3)
        out.append(params)
    return out


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def main() -> int:
    size, n_queries = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(20261128)  # noqa: S311 - synthetic data, not security
    vendor = connection.vendor
    conditions = f"db={vendor} N={size} engine=database"
    library = setup_site()
    seconds = generate(library, size, rng)
    print(f"search generate: {size / seconds:.0f} pages/s (bulk insert) [{conditions}]", flush=True)

    started = time.perf_counter()
    indexed = indexing.rebuild()
    elapsed = time.perf_counter() - started
    print(
        f"search indexing: {indexed / elapsed:.0f} documents/s ({indexed} docs in {elapsed:.1f} s, "
        f"search_index --rebuild path) [{conditions}]",
        flush=True,
    )
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    client = Client(HTTP_HOST="localhost")
    workload = queries(rng, n_queries)
    for params in workload[:10]:  # warm caches
        client.get("/api/experiences/search", params)
    latencies, errors, totals = [], 0, []
    for params in workload:
        started = time.perf_counter()
        response = client.get("/api/experiences/search", params)
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            errors += 1
            if errors == 1:
                print(f"search error: {response.status_code} {response.content[:300]!r}")
        else:
            totals.append(response.json()["total"])
    mix = f"{n_queries} mixed queries, facets on, 80% text, 30% country, 30% theme"
    print(f"search query p50: {percentile(latencies, 50):.1f} ms [{conditions}; {mix}]")
    print(f"search query p95: {percentile(latencies, 95):.1f} ms [{conditions}; {mix}]")
    print(f"search query max: {max(latencies):.1f} ms [{conditions}]")
    print(
        f"search query hits: median total {statistics.median(totals or [0]):.0f}, "
        f"{errors} non-200 [{conditions}]",
        flush=True,
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
