"""Re-encrypt every participant identifier and scanned consent with the newest key.

Put the new key first in PARTICIPANT_KEYS (keep the old ones after it), run
this command, then remove the old keys.
"""

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from insatsportal.participants import crypto
from insatsportal.participants.models import Consent, Participant

BATCH = 1000


class Command(BaseCommand):
    help = "Re-encrypt participant identifiers with the first key in PARTICIPANT_KEYS."

    def handle(self, *args, **options):
        try:
            count = self._participants()
            scans = self._scans()
        except crypto.ParticipantKeyError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Re-encrypted {count} participant records and {scans} scanned consents."
        ))

    def _participants(self) -> int:
        count = 0
        identified = Participant.objects.filter(is_anonymous=False).order_by("pk")
        last = None
        while True:
            batch_qs = identified if last is None else identified.filter(pk__gt=last)
            batch = list(batch_qs.only("pk", "name_encrypted", "personnummer_encrypted")[:BATCH])
            if not batch:
                return count
            for participant in batch:
                participant.name_encrypted = crypto.rotate(participant.name_encrypted)
                participant.personnummer_encrypted = crypto.rotate(
                    participant.personnummer_encrypted
                )
            with transaction.atomic():
                Participant.objects.bulk_update(batch, ["name_encrypted", "personnummer_encrypted"])
            count += len(batch)
            last = batch[-1].pk

    def _scans(self) -> int:
        count = 0
        for consent in Consent.objects.exclude(scan="").iterator():
            with consent.scan.open("rb") as handle:
                data = crypto.decrypt_bytes(handle.read())
            old = consent.scan.name
            consent.scan.save(old.rsplit("/", 1)[-1], ContentFile(crypto.encrypt_bytes(data)),
                              save=True)
            if consent.scan.name != old:
                consent.scan.storage.delete(old)
            count += 1
        return count
