"""The COPY writer of the demo data (PostgreSQL) writes the rows the model writer writes.

Each build below runs twice in one test: once inside a block rolled back afterwards, once
for good, and every table they fill is compared by what the rows say (ids and timestamps
aside; references followed to what they point at, so a reference to nothing would show).
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from insatsportal.core.models import AuditEntry
from insatsportal.demo.generate import bulk, services
from insatsportal.interventions.models import Intervention
from insatsportal.participants.models import (
    ActionPlan,
    Activity,
    Answer,
    Consent,
    Discharge,
    Enrolment,
    FollowUp,
    ItemChange,
    ItemChangeTotal,
    NameToken,
    Participant,
    ParticipantFacts,
    PlanRevision,
    Rating,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="COPY is PostgreSQL's; elsewhere the model writer runs alone."),
]
TODAY = datetime.date(2026, 6, 15)
SEED = 515
# Written per row, so not the same in two builds.
UNCOMPARED = {"id", "uuid", "timestamp", "created_at", "recorded_at", "name_encrypted",
              "personnummer_encrypted"}
# References to rows the build numbers itself, followed to what they point at.
FOLLOWED = {
    "intervention_id": ["intervention__name"],
    "plan_id": ["plan__participant_id"],
    "rating_id": ["rating__participant_id", "rating__rated_on"],
    "first_id": ["first__participant_id", "first__rated_on"],
    "latest_id": ["latest__participant_id", "latest__rated_on"],
}


class Undone(Exception):
    pass


def _fields(model) -> list[str]:
    fields = []
    for field in model._meta.concrete_fields:
        if field.attname in UNCOMPARED:
            continue
        if model in (ItemChange, ParticipantFacts) and field.attname == "intervention_id":
            fields.append("participant__intervention__name")  # a plain number, no relation
            fields.append("intervention_id")
        else:
            fields += FOLLOWED.get(field.attname, [field.attname])
    return fields


def _rows(model, queryset=None) -> list[tuple]:
    """Every column of every row (new columns included), ids and timestamps aside."""
    rows = (queryset if queryset is not None else model.objects).values_list(*_fields(model))
    return sorted(rows, key=repr)


def _links(relation, owner: str) -> list[tuple]:
    field = relation.field
    through = relation.through
    name = field.m2m_field_name()
    return sorted(through.objects.values_list(f"{name}__{owner}", field.m2m_reverse_field_name()),
                  key=repr)


def snapshot() -> dict:
    """What the build wrote, table by table."""
    names = dict(Intervention.objects.values_list("pk", "name"))
    people = Participant.objects.filter(demo_seed=SEED)
    tables = {model.__name__: _rows(model) for model in (
        NameToken, Consent, Enrolment, ActionPlan, PlanRevision, Rating, Answer, Activity,
        Discharge, FollowUp)}
    tables["Participant"] = _rows(Participant, people)
    tables["identities"] = sorted((p.pk, p.name, p.personnummer) for p in people)
    # ItemChange keeps the intervention as a plain number: the one of the person's (so do
    # the kept facts).
    at = _fields(ItemChange).index("intervention_id")
    tables["ItemChange"] = [(*row[:at], names[row[at]], *row[at + 1:])
                            for row in _rows(ItemChange)]
    tables["ItemChangeTotal"] = sorted(
        (names[i], item, total, n) for i, item, total, n
        in ItemChangeTotal.objects.values_list("intervention_id", "item", "total", "people"))
    at = _fields(ParticipantFacts).index("intervention_id")
    tables["ParticipantFacts"] = [(*row[:at], names[row[at]], *row[at + 1:])
                                  for row in _rows(ParticipantFacts)]
    tables["links"] = [_links(Consent.partners, "participant_id"),
                       _links(Enrolment.income_before, "participant_id"),
                       _links(ActionPlan.anchored_parties, "participant_id"),
                       _links(Discharge.income_after, "participant_id"),
                       _links(FollowUp.income, "participant_id")]
    tables["audit"] = sorted(AuditEntry.objects.filter(
        action="demo.generated", content_type=ContentType.objects.get_for_model(Participant),
    ).values_list(
        "actor_id", "actor_name", "content_type", "object_id", "object_repr", "data"), key=repr)
    return tables


def build(**options):
    return services.demo_data_generate(participants=70, seed=SEED, interventions_count=1,
                                       activities_per_participant=4, today=TODAY, **options)


def built_and_undone(**options) -> dict:
    """The snapshot of a build that is then rolled back."""
    with pytest.raises(Undone), transaction.atomic():
        build(**options)
        taken = snapshot()
        raise Undone
    assert not Participant.objects.filter(demo_seed=SEED).exists()
    return taken


@pytest.fixture
def demo_mode(settings, demo, monkeypatch):
    settings.DEMO_MODE = True
    monkeypatch.setattr(services, "CHUNK", 30)  # three chunks
    return demo


def test_copy_writes_the_same_rows_as_the_models(demo_mode):
    by_models = built_and_undone(copy=False)
    result = build()  # COPY, PostgreSQL's default
    assert result.created
    by_copy = snapshot()
    assert by_copy.keys() == by_models.keys()
    for table, rows in by_models.items():
        assert by_copy[table] == rows, table
    # Not an empty comparison: every kind of row is there.
    assert all(by_copy[table] for table in by_copy if table != "links")
    assert all(by_copy["links"])


def test_a_stopped_copy_build_goes_on_to_the_full_count_without_doubles(demo_mode,
                                                                         monkeypatch):
    whole = built_and_undone()
    real, calls = bulk.write_people, []

    def stopped_in_the_third_chunk(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the operator stops the build
        return real(*args, **kwargs)

    monkeypatch.setattr(bulk, "write_people", stopped_in_the_third_chunk)
    with pytest.raises(KeyboardInterrupt):
        build()
    assert Participant.objects.filter(demo_seed=SEED).count() == 60  # two chunks kept
    monkeypatch.setattr(bulk, "write_people", real)
    result = build()
    assert result.created and result.counts["participants"] == 10  # the rest only
    people = Participant.objects.filter(demo_seed=SEED)
    assert people.count() == 70
    assert len(set(people.values_list("intervention_id", "number"))) == 70
    assert snapshot() == whole
    assert not build().created  # complete: nothing more
