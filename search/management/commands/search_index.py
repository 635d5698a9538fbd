"""``manage.py search_index --rebuild``: rebuild the active engine's index from live pages."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from search import indexing
from search.engines import get_engine


class Command(BaseCommand):
    help = "Rebuild the search index of the configured engine from every live page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Replace the whole index (zero downtime)."
        )

    def handle(self, *args, rebuild=False, **options):
        if not rebuild:
            raise CommandError("Nothing to do: pass --rebuild.")
        engine = get_engine()
        expected = Page.objects.live().filter(depth__gt=1).count()
        done = 0
        started = time.perf_counter()
        interactive = self.stdout.isatty() if hasattr(self.stdout, "isatty") else False

        def progress(count: int) -> None:
            nonlocal done
            done += count
            width = 30
            filled = int(width * done / expected) if expected else width
            bar = "#" * filled + "-" * (width - filled)
            end = "\r" if interactive else "\n"
            self.stdout.write(f"[{bar}] {done}/{expected}", ending=end)
            if interactive:
                sys.stdout.flush()

        indexed = indexing.rebuild(progress=progress)
        elapsed = max(time.perf_counter() - started, 1e-9)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{engine.name}: indexed {indexed} documents in {elapsed:.1f} s "
                f"({indexed / elapsed:.0f} documents/s)."
            )
        )
