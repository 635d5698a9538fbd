"""One run on the database in DATABASE_URL (called by tests.benchmarks.opendata)."""

import os
import sys
import time
import tracemalloc

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from cms.directory.models import Agency, Country  # noqa: E402
from opendata import datasets  # noqa: E402


def fill(rows: int) -> Country:
    country = Country.objects.create(code="ZZ", name_en="Benchmark country")
    batch = 10_000
    for start in range(0, rows, batch):
        Agency.objects.bulk_create(
            [
                Agency(name=f"Synthetic agency number {i:06d} for streaming", acronym=f"A{i}",
                       country=country, sector=Agency.Sector.OTHER,
                       website=f"https://agency-{i}.example.org/")
                for i in range(start, min(rows, start + batch))
            ]
        )
    return country


def register(limit: int) -> str:
    slug = f"bench-{limit}"

    def rows():
        queryset = Agency.objects.order_by("pk").values_list(
            "pk", "name", "acronym", "country__code", "sector", "website"
        )[:limit]
        yield from queryset.iterator(chunk_size=2000)

    datasets.register(datasets.Dataset(
        slug=slug, title="Benchmark", description="Synthetic agencies.",
        columns=tuple(datasets.Column(n, n) for n in
                      ("id", "name", "acronym", "country", "sector", "website")),
        rows=rows, last_updated=lambda: None,
    ))
    return slug


def measure(client: Client, slug: str, fmt: str) -> tuple[int, float, int]:
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(f"/data/{slug}.{fmt}")
    sent = 0
    for chunk in response.streaming_content:
        sent += len(chunk)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return sent, elapsed, peak


def main() -> int:
    sizes = sorted(int(a) for a in sys.argv[1:])
    call_command("migrate", verbosity=0)
    fill(sizes[-1])
    client = Client(HTTP_HOST="localhost")
    print(f"opendata: streaming downloads, SQLite, Python {sys.version.split()[0]}", flush=True)
    # One download first, so imports and template loading do not count as the first size's.
    measure(client, register(10), "csv")
    peaks = {}
    for size in sizes:
        slug = register(size)
        for fmt in ("csv", "json"):
            sent, elapsed, peak = measure(client, slug, fmt)
            peaks[(size, fmt)] = peak
            print(f"opendata {fmt:4} rows={size:>7} bytes={sent:>11,} seconds={elapsed:6.2f} "
                  f"peak_memory={peak / 1024:8.0f} KiB", flush=True)
    # Up to a few thousand rows the peak grows with the table (the database hands rows over
    # 2 000 at a time, the response is written 500 at a time); beyond, it must not.
    base = sizes[-2] if len(sizes) > 1 else sizes[0]
    for fmt in ("csv", "json"):
        ratio = peaks[(sizes[-1], fmt)] / max(1, peaks[(base, fmt)])
        print(f"opendata {fmt:4} peak at {sizes[-1]} rows / peak at {base} rows = "
              f"{ratio:.2f} (flat: close to 1)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
