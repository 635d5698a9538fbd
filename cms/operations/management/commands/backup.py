from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.operations.backups import backup


class Command(BaseCommand):
    help = "Back up the database and every file root into an empty directory (docs/deploy.md)."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        try:
            manifest = backup(directory)
        except (FileExistsError, NotImplementedError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        files = sum(len(root["files"]) for root in manifest["files"].values())
        self.stdout.write(self.style.SUCCESS(f"Backed up {rows} rows and {files} files."))
