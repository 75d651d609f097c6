"""Create an API token from the command line (set-up scripts, the API fuzz test in CI).

Prints only the token, which is shown this once: `TOKEN=$(manage.py api_token_create …)`.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insatsportal.api import services
from insatsportal.api.models import Scope
from insatsportal.interventions.models import Intervention


class Command(BaseCommand):
    help = "Create an API token and print it (it cannot be shown again)."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--scope", action="append", choices=[*Scope.values, "all"],
                            required=True, help="Repeat for several; 'all' for every scope.")
        parser.add_argument("--intervention", action="append", type=int, default=[],
                            help="Id of an intervention the token may read (repeat); "
                                 "none for all.")
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, name, scope, intervention, days, **options):
        scopes = list(Scope.values) if "all" in scope else scope
        chosen = list(Intervention.objects.filter(pk__in=intervention))
        if len(chosen) != len(set(intervention)):
            raise CommandError("No intervention has one of those ids.")
        try:
            _token, raw = services.api_token_create(
                actor=None, name=name, scopes=scopes, interventions=chosen,
                expires_on=timezone.localdate() + datetime.timedelta(days=days))
        except services.ApiTokenError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(raw)
