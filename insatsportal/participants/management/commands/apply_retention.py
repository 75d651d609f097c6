"""Anonymise or remove participant records whose retention period has passed.

    python manage.py apply_retention --dry-run   # only the protocol
    python manage.py apply_retention             # act, and write the protocol to the audit log
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from insatsportal.interventions.models import Intervention
from insatsportal.participants.services.retention import retention_apply


class Command(BaseCommand):
    help = "Apply the retention periods (PARTICIPANT_RETENTION_DAYS) to participant records."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Print what would be done; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        protocol = retention_apply(today=timezone.localdate(), dry_run=dry_run)
        names = dict(Intervention.objects.values_list("pk", "name"))
        for line in protocol.lines(names):
            self.stdout.write(line)
