import pytest

from insatsportal.accounts.models import User
from insatsportal.applications import services
from insatsportal.applications.models import Application


def complete_data(**changes) -> dict:
    """A complete application of Knivsta kommun, as the services take it."""
    data = {
        "name": "Steg för steg",
        "owner": "Knivsta kommun",
        "owner_unit": "Vård- och omsorgskontoret",
        "contact_name": "Catrin Josephson",
        "contact_email": "catrin.josephson@knivsta.se",
        "partners": [{"member": "Arbetsförmedlingen", "contact_name": "Wictoria Palmetorp"}],
        "purpose": "Att stödja unga till arbete eller studier.",
        "goals": [{"kind": "output", "text": "60 deltagare per år.",
                   "target_kind": "participants_per_year", "target_value": "60",
                   "target_unit": "per år"}],
        "planned_start": "2024-01-01",
        "planned_end": "2025-12-31",
        "target_group": "Unga som varken arbetar eller studerar.",
        "age_min": 18,
        "age_max": 29,
        "staffing": [{"title": "Coach", "percent": "100", "employer": "Knivsta kommun"}],
        "budget": {
            "owners": [{"position": 0, "member": "Knivsta kommun"}],
            "lines": [
                {"funding": "association", "section": "salary", "title": "Coach",
                 "percent": "100", "period_from": "2024-01-01", "period_to": "2025-12-31",
                 "amounts": ["1200000"]},
                {"funding": "association", "category": "travel", "amounts": ["20000"]},
                {"funding": "co_financing", "category": "premises_rent", "amounts": ["100000"]},
            ],
            "years": [
                {"index": 1, "year": 2024, "salary": "600000", "other": "10000"},
                {"index": 2, "year": 2025, "salary": "600000", "other": "10000"},
            ],
            "stated_total": "1220000",
        },
    }
    data.update(changes)
    return data


@pytest.fixture
def owner_user(demo):
    return User.objects.get(username="insatsansvarig")


@pytest.fixture
def kansli_user(demo):
    return User.objects.get(username="kansli")


@pytest.fixture
def draft(owner_user) -> Application:
    return services.application_create_from_data(actor=owner_user, data=complete_data())


@pytest.fixture
def seed(demo):
    def get(name) -> Application:
        return Application.objects.get(name=name)

    return get
