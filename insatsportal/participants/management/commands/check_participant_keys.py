"""Check that the configured keys open every stored participant identifier.

Run after a restore, a move to a new server or a key rotation: every encrypted name and
personnummer must decrypt with PARTICIPANT_KEYS, and the keyed hash of each decrypted
number must equal the stored one (so PARTICIPANT_HASH_KEY is also the right one).
Scanned consents are opened if the files are there. Prints counts only, never data.
"""

from django.core.management.base import BaseCommand, CommandError

from insatsportal.participants import crypto
from insatsportal.participants.models import Consent, Participant

BATCH = 2000


class Command(BaseCommand):
    help = "Decrypt every participant identifier with PARTICIPANT_KEYS and report counts."

    def handle(self, *args, **options):
        checked = wrong_hash = unreadable = 0
        rows = (
            Participant.objects.exclude(personnummer_encrypted="", name_encrypted="")
            .order_by("pk")
            .values_list("pk", "name_encrypted", "personnummer_encrypted", "personnummer_hash")
        )
        last = 0
        while batch := list(rows.filter(pk__gt=last)[:BATCH]):
            for _pk, name, number, digest in batch:
                checked += 1
                try:
                    crypto.decrypt(name)
                    plain = crypto.decrypt(number)
                except crypto.ParticipantKeyError:
                    unreadable += 1
                    continue
                # The number is stored normalised, as it was hashed.
                if plain and crypto.keyed_hash(plain) != digest:
                    wrong_hash += 1
            last = batch[-1][0]
        scans = missing = bad_scans = 0
        for consent in Consent.objects.exclude(scan="").only("scan").iterator():
            scans += 1
            try:
                with consent.scan.open("rb") as handle:
                    crypto.decrypt_bytes(handle.read())
            except FileNotFoundError:
                missing += 1
            except crypto.ParticipantKeyError:
                bad_scans += 1
        self.stdout.write(
            f"Participants with identifiers: {checked}; cannot be decrypted: {unreadable}; "
            f"keyed hash differs: {wrong_hash}. Scanned consents: {scans}; "
            f"cannot be decrypted: {bad_scans}; file missing: {missing}."
        )
        if unreadable or wrong_hash or bad_scans:
            raise CommandError(
                "Participant data does not match the keys: check PARTICIPANT_KEYS and "
                "PARTICIPANT_HASH_KEY against the ones kept with the backup."
            )
