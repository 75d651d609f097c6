from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from insatsportal.demo.services import DEMO_PASSWORD, DEMO_USERS, demo_load


class Command(BaseCommand):
    help = "Load the demo förbund (Samordningsförbundet Uppsala län). Safe to run repeatedly."

    def handle(self, *args, **options):
        try:
            association = demo_load()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {association}"))
        self.stdout.write(f"Demo users (password {DEMO_PASSWORD}): {', '.join(DEMO_USERS)}")
