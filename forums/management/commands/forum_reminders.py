from django.core.management.base import BaseCommand

from forums.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email focal points when a reporting cycle opens, 14 days before it closes (report not "
        "in) and when their report is returned. Each reminder is sent once: run it daily."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
