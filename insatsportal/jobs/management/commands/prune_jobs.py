"""Remove finished background jobs, their files and results, after JOB_RETENTION_DAYS.

    python manage.py prune_jobs      # daily, with the other daily jobs
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from insatsportal.jobs.services import jobs_prune


class Command(BaseCommand):
    help = "Remove finished background jobs (and their files) older than JOB_RETENTION_DAYS."

    def handle(self, *args, **options):
        before = timezone.now() - timezone.timedelta(days=settings.JOB_RETENTION_DAYS)
        removed = jobs_prune(before=before)
        self.stdout.write(f"{removed} finished job(s) removed.")
