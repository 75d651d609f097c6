"""A grant that differs from the application asks the owner at once, by e-mail, for a
revised budget; a grant of exactly what was applied for asks nothing."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from insatsportal.accounts.models import RoleAssignment, User
from insatsportal.applications import services as application_services
from insatsportal.cases import services
from insatsportal.cases.models import Case, Decision
from insatsportal.interventions.tests.factories import application_data

D = datetime.date


def _case(name):
    owner = User.objects.get(username="insatsansvarig")
    application = application_services.application_create_from_data(
        actor=owner, data=application_data(name=name))
    return Case.objects.create(number=f"M-{name}", year=2024, title=name, application=application)


@pytest.fixture
def colleague(demo):
    """A second owner staff member of Knivsta, and one without an address (not mailed)."""
    user = User.objects.create(username="knivsta2", email="knivsta2@demo.invalid",
                               member=User.objects.get(username="insatsansvarig").member)
    RoleAssignment.objects.create(user=user, role="insatsansvarig")
    silent = User.objects.create(username="knivsta3", email="", member=user.member)
    RoleAssignment.objects.create(user=silent, role="insatsansvarig")
    return user


def test_a_partial_grant_mails_the_owner_a_request_for_a_revised_budget(
        colleague, django_capture_on_commit_callbacks):
    case = _case("Delvis bifall")
    office = User.objects.get(username="kansli")
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decision_record(
            case=case, outcome=Decision.Outcome.PARTLY_GRANTED, decided_on=D(2023, 12, 1),
            amount=1_000_000, period_start=D(2024, 1, 1), period_end=D(2025, 12, 31),
            actor=office)
    [message] = mail.outbox
    assert sorted(message.to) == ["insatsansvarig@demo.invalid", "knivsta2@demo.invalid"]
    assert message.subject == ("Insatsportalen: revidera budgeten efter beslutet för "
                               "Delvis bifall")
    assert "delvis bifall, 1\xa0000\xa0000\xa0kr för 2024-01-01 – 2025-12-31" in message.body
    grant = decision.grant
    assert message.body.endswith(reverse("interventions:grant_budget",
                                         args=[grant.intervention_id, grant.pk]))
    assert "skiljer sig från ansökan och ingen reviderad budget är godkänd" in message.body


def test_a_grant_of_what_was_applied_for_asks_nothing(colleague,
                                                      django_capture_on_commit_callbacks):
    case = _case("Fullt bifall")
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            case=case, outcome=Decision.Outcome.GRANTED, decided_on=D(2023, 12, 1),
            amount=1_220_000, period_start=D(2024, 1, 1), period_end=D(2025, 12, 31),
            actor=User.objects.get(username="kansli"))
    assert mail.outbox == []
