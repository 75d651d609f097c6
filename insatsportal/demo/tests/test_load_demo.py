import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from insatsportal.accounts.models import RoleAssignment, User
from insatsportal.core.models import AuditEntry
from insatsportal.organisations.models import LocalGroup, Member


def _counts():
    return (
        Member.objects.count(),
        User.objects.count(),
        RoleAssignment.objects.count(),
        LocalGroup.objects.count(),
        AuditEntry.objects.count(),
        list(User.objects.order_by("pk").values_list("password", flat=True)),
    )


def test_the_demo_has_the_förbund_its_members_and_their_lokus_groups(demo):
    kommuner = Member.objects.filter(kind=Member.Kind.KOMMUN).values_list("name", flat=True)
    assert sorted(kommuner) == sorted([
        "Enköpings kommun", "Heby kommun", "Håbo kommun", "Knivsta kommun", "Tierps kommun",
        "Uppsala kommun", "Älvkarleby kommun", "Östhammars kommun",
    ])
    assert set(Member.objects.exclude(kind=Member.Kind.KOMMUN).values_list("name", flat=True)) == {
        "Region Uppsala", "Arbetsförmedlingen", "Försäkringskassan"
    }
    assert LocalGroup.objects.count() == 8
    assert LocalGroup.objects.get(name="LOKUS Knivsta").members.count() == 4


def test_loading_twice_changes_nothing(demo, settings):
    settings.DEMO_MODE = True
    before = _counts()
    call_command("load_demo")
    assert _counts() == before


@pytest.mark.parametrize(
    "username",
    ["kansli", "styrelse", "insatsansvarig", "deltagaransvarig", "handlaggare", "rapportlasare"],
)
def test_every_demo_user_logs_in_with_the_published_password(demo, username):
    assert authenticate(username=username, password="insatsportal-demo") is not None


def test_the_demo_refuses_to_load_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="DEMO_MODE"):
        call_command("load_demo")
