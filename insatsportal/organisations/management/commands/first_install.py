"""First install without the admin: the förbund, its members and the first office user."""

from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from insatsportal.accounts import services
from insatsportal.accounts.models import Role, User
from insatsportal.organisations.models import Member
from insatsportal.organisations.services import (
    RegisterRefused,
    association_establish,
    member_establish,
)


def _member(value: str) -> tuple[str, str]:
    name, sep, kind = value.rpartition("=")
    if not sep or not name.strip():
        raise CommandError(f"--member takes NAME=KIND, not {value!r}")
    return name.strip(), kind.strip()


class Command(BaseCommand):
    help = (
        "Create the förbund, its members and the first office user (role: the association "
        "office), and print a one-time link where that user chooses a password and sets up "
        "two-factor sign-in. Safe to run again for the förbund and members; an existing "
        "username is refused (use enrolment_link)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--association", required=True, help="the förbund's name")
        parser.add_argument("--short-name", default="")
        parser.add_argument("--organisation-number", default="")
        parser.add_argument("--director", default="", help="the förbundschef's name")
        parser.add_argument(
            "--member", action="append", default=[], type=_member, metavar="NAME=KIND",
            help=f"a member organisation; KIND is one of {', '.join(Member.Kind.values)}",
        )
        parser.add_argument("--username", required=True)
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, **opts):
        try:
            validate_email(opts["email"])
        except Exception as exc:
            raise CommandError(f"Not an e-mail address: {opts['email']!r}") from exc
        if User.objects.filter(username__iexact=opts["username"]).exists():
            raise CommandError(
                f"The user {opts['username']} exists already; "
                f"`manage.py enrolment_link {opts['username']}` prints a new link."
            )
        try:
            with transaction.atomic():
                association = association_establish(
                    actor=None, name=opts["association"], short_name=opts["short_name"],
                    organisation_number=opts["organisation_number"],
                    director_name=opts["director"],
                )
                members = [
                    member_establish(actor=None, association=association, name=name, kind=kind)
                    for name, kind in opts["member"]
                ]
                user = services.user_create(
                    actor=None, username=opts["username"], email=opts["email"],
                    first_name=opts["first_name"], last_name=opts["last_name"],
                )
                services.user_role_grant(actor=None, user=user, role=Role.KANSLI)
                link = services.enrolment_link_issue(actor=None, user=user)
        except RegisterRefused as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Förbund: {association.name}")
        for member in members:
            self.stdout.write(f"Member: {member.name} ({member.kind})")
        self.stdout.write(f"Office user: {user.username} (role: {Role.KANSLI.label})")
        self.stdout.write(
            "One-time link (valid one hour) to choose a password and set up two-factor "
            f"sign-in:\n{link}"
        )
