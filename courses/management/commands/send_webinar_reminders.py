from django.core.management.base import BaseCommand

from courses.webinars.services import reminders_send


class Command(BaseCommand):
    help = (
        "Email the 24-hour and 1-hour webinar reminders that are due. Run it every minute (cron "
        "or a systemd timer): each reminder is sent once, even if two runs overlap."
    )

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
