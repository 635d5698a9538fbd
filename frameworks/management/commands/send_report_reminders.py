from django.core.management.base import BaseCommand

from frameworks.services import report_reminders_send


class Command(BaseCommand):
    help = (
        "Remind the focal points of national reports due in 30 and 7 days, and of late ones "
        "(marking them late); each reminder goes out once. Run daily."
    )

    def handle(self, *args, **options):
        sent = report_reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
