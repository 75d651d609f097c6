"""Retention: anonymise or remove participant records whose retention period has passed.

PARTICIPANT_RETENTION_DAYS (settings) per record type, counted in days:
- "identity": days after discharge before an identified record is made anonymous
  (names, personnummer, free text and details go; sex, year of start, the date and
  type of end and the activity counts stay for statistics);
- "record": days after discharge before the record is removed altogether;
- "read_log": days after a read before the read-log entry is removed.

A record is acted on when today is on or after discharge date + days (the limit).
The protocol holds counts per intervention only, never a name or number.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from insatsportal.core.audit import log_action
from insatsportal.interventions.models import Intervention
from insatsportal.participants.models import Participant, ReadLogEntry


@dataclass
class Protocol:
    today: datetime.date
    dry_run: bool
    anonymised: Counter = field(default_factory=Counter)  # intervention id -> count
    removed: Counter = field(default_factory=Counter)
    reads_removed: Counter = field(default_factory=Counter)

    def lines(self, names: dict) -> list[str]:
        head = (f"Retention {'(dry run) ' if self.dry_run else ''}on {self.today.isoformat()}: "
                f"{sum(self.anonymised.values())} anonymised, {sum(self.removed.values())} "
                f"removed, {sum(self.reads_removed.values())} read-log entries removed.")
        ids = sorted(set(self.anonymised) | set(self.removed) | set(self.reads_removed),
                     key=lambda i: (names.get(i, ""), i or 0))
        return [head] + [
            f"  {names.get(i, '(no intervention)')}: {self.anonymised[i]} anonymised, "
            f"{self.removed[i]} removed, {self.reads_removed[i]} read-log entries removed"
            for i in ids
        ]


def _limit(today: datetime.date, kind: str) -> datetime.date:
    """The latest date that has reached its limit today."""
    return today - datetime.timedelta(days=settings.PARTICIPANT_RETENTION_DAYS[kind])


@transaction.atomic
def retention_apply(*, today: datetime.date, dry_run: bool = False, actor=None) -> Protocol:
    from insatsportal.participants.services.rating import item_changes_clear
    from insatsportal.participants.services.registration import _anonymise

    protocol = Protocol(today=today, dry_run=dry_run)
    to_remove = Participant.objects.filter(discharge__discharged_on__lte=_limit(today, "record"))
    to_anonymise = Participant.objects.filter(
        is_anonymous=False, discharge__discharged_on__lte=_limit(today, "identity"),
    ).exclude(pk__in=to_remove.values("pk"))
    reads = ReadLogEntry.objects.filter(at__date__lte=_limit(today, "read_log"))
    for intervention_id in to_remove.values_list("intervention_id", flat=True):
        protocol.removed[intervention_id] += 1
    for intervention_id in to_anonymise.values_list("intervention_id", flat=True):
        protocol.anonymised[intervention_id] += 1
    for intervention_id in reads.values_list("intervention_id", flat=True):
        protocol.reads_removed[intervention_id] += 1
    if dry_run:
        return protocol
    for participant in to_anonymise.select_related("consent"):
        _anonymise(participant)
        log_action(actor=actor, obj=participant, action="participant.anonymised")
    for participant in to_remove.filter(is_anonymous=False).select_related("consent"):
        _anonymise(participant)  # removes the scanned consent file too
    item_changes_clear(to_remove.values("pk"))  # their part of the kept sums goes with them
    to_remove.delete()
    reads.delete()
    touched = set(protocol.anonymised) | set(protocol.removed) | set(protocol.reads_removed)
    for intervention in Intervention.objects.filter(pk__in=touched):
        log_action(actor=actor, obj=intervention, action="retention.applied", data={
            "day": today.isoformat(), "anonymised": protocol.anonymised[intervention.pk],
            "removed": protocol.removed[intervention.pk],
            "read_log_entries_removed": protocol.reads_removed[intervention.pk],
        })
    return protocol
