from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.operations.backups import restore


class Command(BaseCommand):
    help = "Restore a backup into the configured (fresh) database and file roots, then check it."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        try:
            problems = restore(directory)
        except (FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from error
        if problems:
            raise CommandError("Restored, but:\n" + "\n".join(problems))
        self.stdout.write(self.style.SUCCESS("Restored; every row and file is there."))
