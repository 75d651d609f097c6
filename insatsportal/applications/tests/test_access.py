"""Owners see their own organisation's applications; the office and the board see all."""

import pytest
from django.core.exceptions import PermissionDenied

from insatsportal.applications import selectors
from insatsportal.applications.models import Application


def _names(client, query=""):
    page = client.get(f"/ansokningar/{query}").content.decode()
    return {a.name for a in Application.objects.all() if a.name in page}


def test_the_office_and_the_board_see_every_application(login):
    everything = set(Application.objects.values_list("name", flat=True))
    assert _names(login("kansli")) == everything
    assert _names(login("styrelse")) == everything


def test_an_owner_sees_only_their_own_organisations_applications(login, seed):
    assert _names(login("insatsansvarig")) == {"En väg in – steget vidare"}
    other = seed("Jobbcentrum – din väg framåt")
    client = login("insatsansvarig")
    for url in (f"/ansokningar/{other.pk}/", f"/ansokningar/{other.pk}/budget.xlsx",
                f"/ansokningar/{other.pk}/utskrift/", f"/ansokningar/{other.pk}/versioner/1/"):
        assert client.get(url).status_code == 404, url


def test_an_owner_cannot_edit_another_organisations_draft(login, kansli_user):
    from insatsportal.applications import services

    other = services.application_create(actor=kansli_user, owner="Håbo kommun", name="Håbos")
    client = login("insatsansvarig")
    assert client.get(f"/ansokningar/{other.pk}/andra/").status_code == 404
    assert client.post(f"/ansokningar/{other.pk}/andra/", {"name": "x"}).status_code == 404


def test_the_office_reads_but_does_not_edit_an_owners_draft(login, draft):
    client = login("kansli")
    assert client.get(f"/ansokningar/{draft.pk}/").status_code == 200
    assert client.get(f"/ansokningar/{draft.pk}/andra/").status_code == 403
    assert client.post(f"/ansokningar/{draft.pk}/budget/", {}).status_code == 403


@pytest.mark.parametrize("role", ["deltagaransvarig", "handlaggare", "rapportlasare"])
def test_other_roles_see_no_applications(login, role, seed, demo):
    from insatsportal.accounts.models import User

    user = User.objects.get(username=role)
    assert list(selectors.application_list(user=user)) == []
    with pytest.raises(PermissionDenied):
        selectors.application_get_for_user(user=user, pk=seed("Framsteget i Håbo").pk)
    assert login(role).get("/ansokningar/").status_code == 403


def test_the_list_filters_by_status_owner_year_and_name(login, seed):
    client = login("kansli")
    # Seed 001 and 002 await preparation; 000 is decided (seed 003).
    assert _names(client, "?status=submitted") == {"Jobbcentrum – din väg framåt",
                                                   "Framsteget i Håbo"}
    assert _names(client, "?status=decided") == {"En väg in – steget vidare"}
    owner = seed("Framsteget i Håbo").owner_id
    assert _names(client, f"?owner={owner}") == {"Framsteget i Håbo"}
    assert _names(client, "?year=2019") == {"Framsteget i Håbo"}
    assert _names(client, "?q=väg") == {"En väg in – steget vidare",
                                        "Jobbcentrum – din väg framåt"}


def test_the_list_needs_a_fixed_number_of_queries(login, draft, django_assert_num_queries):
    from insatsportal.applications import services

    client = login("kansli")
    client.get("/ansokningar/")
    for n in range(5):
        services.application_create(actor=None, owner="Knivsta kommun", name=f"Extra {n}")
    # session, user, roles, the owner filter's members, the applications with their owners;
    # plus 1 for the second factor (the idle time is written at most once a minute)
    with django_assert_num_queries(6):
        response = client.get("/ansokningar/")
    assert response.status_code == 200


def test_the_application_page_needs_a_fixed_number_of_queries(
    login, seed, django_assert_num_queries
):
    client = login("kansli")
    application = seed("Jobbcentrum – din väg framåt")
    client.get(f"/ansokningar/{application.pk}/")
    # 3 for the session and roles, 1 for the application with its foreign keys, 11 for its
    # sections and budget, 1 for the förbund's agreement text, status history, versions, audit,
    # plus 1 for the second factor (the idle time is written at most once a minute),
    # and 1 for the completion questions and answers.
    with django_assert_num_queries(20):
        response = client.get(f"/ansokningar/{application.pk}/")
    assert response.status_code == 200
