from django.core.management.base import BaseCommand

from insatsportal.reports.reminders.tasks import reminders_run


class Command(BaseCommand):
    help = ("E-mail each user what is due for them (run once a day from cron). The run is a "
            "background task: --enqueue hands it to the worker instead of running it here.")

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=None,
                            help="The site's address before the links (default: SITE_URL).")
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the run for the background worker and return at once.")

    def handle(self, *args, base_url, enqueue, **options):
        base_url = base_url.rstrip("/") if base_url else None
        if enqueue:
            result = reminders_run.enqueue(base_url=base_url)
            self.stdout.write(f"Reminder run queued as task {result.id}.")
            return
        sent = reminders_run.call(base_url=base_url)
        self.stdout.write(f"{sent} reminder(s) sent.")
