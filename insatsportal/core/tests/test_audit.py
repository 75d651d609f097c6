import pytest

from insatsportal.accounts.models import User
from insatsportal.core.audit import audit_history, log_action
from insatsportal.interventions.models import Intervention


@pytest.fixture
def intervention(demo):
    return Intervention.objects.get(name="En väg in – steget vidare")


def test_it_records_who_did_what(intervention):
    kansli = User.objects.get(username="kansli")
    log_action(actor=kansli, obj=intervention, action="updated", data={"field": "status"})
    entry = audit_history(intervention).first()
    assert entry.actor == kansli
    assert entry.actor_name == "Karin Lindqvist"
    assert entry.action == "updated"
    assert entry.object_repr == "En väg in – steget vidare"


def test_entries_cannot_be_changed_or_deleted(intervention):
    entry = log_action(actor=None, obj=intervention, action="updated")
    entry.action = "deleted"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_the_history_is_shown_on_the_object_page(login, intervention):
    log_action(actor=User.objects.get(username="kansli"), obj=intervention, action="updated")
    page = login("styrelse").get(f"/insatser/{intervention.pk}/").content.decode()
    assert "Historik" in page
    assert "Karin Lindqvist" in page
    assert "Ändrad" in page
