import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from insatsportal.accounts.models import User
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import Code, CodeList, Enrolment
from insatsportal.participants.services.codes import code_supersede
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db


def test_the_code_lists_of_the_domain_are_seeded_as_data(demo):
    assert set(CodeList.objects.values_list("key", flat=True)) >= {
        "income", "occupation", "support_time", "education", "target_group"}
    groups = dict(Code.objects.filter(code_list__key="income").values_list("code", "group"))
    assert groups["sjukersattning"] == "ohälsa"
    assert groups["etableringsersattning"] == "arbetsmarknadsstöd"
    assert groups["forsorjningsstod"] == "ekonomiskt bistånd"


def _form(**extra):
    return {
        "enrolled_on": "2024-02-01",
        "referrer": factories.Member.objects.get(name="Arbetsförmedlingen").pk,
        "referral_text": "Behöver stöd att komma vidare.",
        "target_group": factories.code("target_group", "unga-uva").pk,
        "income_before": [factories.code("income", "forsorjningsstod").pk,
                          factories.code("income", "sjukpenning").pk],
        "occupation_before": factories.code("occupation", "arbetssokande").pk,
        "support_time_before": factories.code("support_time", "2-4").pk,
        "education": factories.code("education", "gymnasial-3").pk,
        **extra,
    }


def test_the_coordinator_enrols_with_several_kinds_of_support_before(login, demo):
    participant = factories.identified()
    response = login("deltagaransvarig").post(f"/deltagare/{participant.pk}/inskrivning/",
                                              _form())
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(participant=participant)
    assert sorted(c.code for c in enrolment.income_before.all()) == ["forsorjningsstod",
                                                                     "sjukpenning"]
    participant.refresh_from_db()
    assert participant.start_year == 2024
    page = login("deltagaransvarig").get(f"/deltagare/{participant.pk}/").content.decode()
    assert "Gymnasial utbildning 3 år" in page


def test_work_before_needs_a_share_of_full_time(login, demo):
    participant = factories.identified()
    response = login("deltagaransvarig").post(
        f"/deltagare/{participant.pk}/inskrivning/",
        _form(occupation_before=factories.code("occupation", "arbete-subventionerat").pk))
    assert response.status_code == 200
    assert "Ange andel av heltid" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_a_personnummer_in_the_referral_is_rejected_and_nothing_saved(login, demo):
    participant = factories.identified()
    response = login("deltagaransvarig").post(
        f"/deltagare/{participant.pk}/inskrivning/",
        _form(referral_text="Remiss gäller 850615-1235 enligt AF"))
    assert "Skriv inte personnummer i fritext" in response.content.decode()
    assert "Remiss gäller 850615-1235" in response.content.decode()  # the user's text stays
    assert not Enrolment.objects.exists()


def test_an_anonymous_record_cannot_be_enrolled_with_details(demo):
    with pytest.raises(ParticipantError):
        factories.enrol(factories.anonymous())


def test_withdrawal_removes_the_enrolment(demo):
    from insatsportal.participants.services.registration import consent_withdraw

    participant = factories.identified()
    factories.enrol(participant, referral_text="Fritext")
    consent_withdraw(actor=factories.staff(), participant=participant)
    assert not Enrolment.objects.exists()


def test_a_used_code_gets_a_new_version_and_old_records_keep_their_meaning(demo):
    participant = factories.identified()
    factories.enrol(participant)
    old = factories.code("education", "grundskola")
    assert old.is_in_use()
    new = code_supersede(actor=factories.staff(), code=old, label="Grundskola, 9 eller 10 år",
                         group="")
    enrolment = Enrolment.objects.get()
    assert enrolment.education.label == "Grundskola (förgymnasial 9 år)"
    assert new.version == 2 and new.supersedes == old
    current = Code.objects.current("education")
    assert new in current and old not in current


def test_editing_a_used_code_in_the_admin_makes_a_new_version(demo):
    factories.enrol(factories.identified())
    code = factories.code("education", "grundskola")
    admin = site._registry[Code]
    request = RequestFactory().post("/")
    request.user = User.objects.get(username="kansli")
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    form_class = admin.get_form(request, code, change=True)
    form = form_class({"label": "Ny lydelse", "group": "", "is_active": "on", "order": 2},
                      instance=Code.objects.get(pk=code.pk))
    assert form.is_valid(), form.errors
    admin.save_model(request, form.save(commit=False), form, change=True)
    assert Code.objects.get(pk=code.pk).label == "Grundskola (förgymnasial 9 år)"
    assert Code.objects.filter(code="grundskola", version=2, label="Ny lydelse").exists()


def test_an_unused_code_is_edited_in_place(demo):
    code = factories.code("education", "okand")
    assert not code.is_in_use()
