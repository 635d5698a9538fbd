from django.core.management.base import BaseCommand

from rooms.services import purge


class Command(BaseCommand):
    help = (
        "Delete room messages older than their room kind's retention period "
        "(settings.ROOMS_RETENTION_DAYS). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = purge(dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} message(s) {verb}")
        self.stdout.write(self.style.SUCCESS(f"{sum(counts.values())} message(s) {verb}."))
