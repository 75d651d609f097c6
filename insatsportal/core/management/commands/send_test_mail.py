"""Send one test mail through the configured mail server, to check host, TLS and login."""

import smtplib
import ssl

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email


class Command(BaseCommand):
    help = "Send a test mail to ADDRESS with the EMAIL_* settings and report what happened."

    def add_arguments(self, parser):
        parser.add_argument("address", help="recipient of the test mail")

    def handle(self, *args, address, **options):
        try:
            validate_email(address)
        except ValidationError as exc:
            raise CommandError(f"Not an e-mail address: {address!r}") from exc
        security = "SSL" if settings.EMAIL_USE_SSL else (
            "STARTTLS" if settings.EMAIL_USE_TLS else "no TLS"
        )
        login = "with login" if settings.EMAIL_HOST_USER else "without login"
        where = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT} ({security}, {login})"
        try:
            send_mail(
                "Insatsportalen: testmeddelande",
                "Det här är ett testmeddelande från Insatsportalen. E-posten fungerar.\n",
                settings.DEFAULT_FROM_EMAIL,
                [address],
            )
        except smtplib.SMTPAuthenticationError as exc:
            raise CommandError(f"{where}: the server refused the login ({exc.smtp_code}).") from exc
        except smtplib.SMTPException as exc:
            raise CommandError(f"{where}: {exc.__class__.__name__}: {exc}") from exc
        except ssl.SSLError as exc:
            raise CommandError(f"{where}: TLS failed: {exc.reason or exc}") from exc
        except OSError as exc:
            raise CommandError(f"{where}: cannot connect: {exc}") from exc
        self.stdout.write(f"Sent a test mail to {address} through {where}.")
