from django.core.management.base import BaseCommand

from insatsportal.reports.reminders.services import reminders_send


class Command(BaseCommand):
    help = "E-mail each user what is due for them (run once a day from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=None,
                            help="The site's address before the links (default: SITE_URL).")

    def handle(self, *args, base_url, **options):
        sent = reminders_send(base_url=base_url.rstrip("/") if base_url else None)
        self.stdout.write(f"{sent} reminder(s) sent.")
