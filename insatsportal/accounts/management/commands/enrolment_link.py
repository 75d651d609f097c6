"""A new one-time sign-in link for a user (a lost first link, or an office locked out)."""

from django.core.management.base import BaseCommand, CommandError

from insatsportal.accounts import services
from insatsportal.accounts.models import User


class Command(BaseCommand):
    help = "Print a one-time link (valid one hour) where USERNAME chooses a new password."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **opts):
        user = User.objects.filter(username__iexact=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username}.")
        self.stdout.write(services.enrolment_link_issue(actor=None, user=user))
