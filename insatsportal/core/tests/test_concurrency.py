"""Two people edit the same form: the later save over a newer version is shown as a conflict.

For each kind of edit form two clients read the page, both change the same field, the first
saves; the second save is not applied but answered with the conflict (409) showing both texts,
the second person's text still in the form; saving the merged text from there goes through.
Where a form has several fields, changes to different fields are merged without a conflict.
"""

import html

import pytest
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.core.tests import filled
from insatsportal.core.tests.formparse import parse_forms
from insatsportal.core.tests.roundtrip import action_name, browser_encoded

ANNA = "Annas text: deltagarna kom i tid."
BERTIL = "Bertils text: två nya remisser."
MERGED = "Sammanfogad text: deltagarna kom i tid och två nya remisser."


def _form(response, action, url):
    """The page's POST form whose target is the URL named `action`."""
    assert response.status_code in (200, 409), response.status_code
    for form in parse_forms(response.content.decode()):
        if form.method == "post" and action_name(form.action or url) == action:
            return form
    raise AssertionError(f"No form for {action} on {url}")


def _with(form, **values):
    data = browser_encoded(form)
    values = {_field_name(data, name): value for name, value in values.items()}
    for name, value in values.items():
        assert name in data, f"{name} is not a field of the form: {sorted(data)}"
        data[name] = [value]
    return data


def _field_name(data, field):
    """`field`, or for "cell_*_salary" the first field of that kind (names with database ids)."""
    if "*" in field:
        start, end = field.split("*")
        return sorted(name for name in data if name.startswith(start) and name.endswith(end))[0]
    return field


def _shown(form, field):
    """A field's value as the form holds it (amounts without their digit grouping)."""
    data = browser_encoded(form)
    return data[_field_name(data, field)][0].replace("\r\n", "\n").replace("\xa0", "")


def _value(client, url, action, field):
    """The field's value as the form shows it now (what is saved)."""
    return _shown(_form(client.get(url), action, url), field)


def _on(value, page_text) -> bool:
    """The value on the page, as typed or as shown in Swedish (decimal comma)."""
    return value in page_text or value.replace(".", ",") in page_text


def _target(form, url):
    return form.action or url


def _named(name, *args):
    return lambda world: reverse(name, args=args)


def _user_detail(world):
    return reverse("accounts:user_detail", args=[User.objects.get(username="styrelse").pk])


def _national_facts(world):
    return reverse("interventions:national_facts", args=[world.intervention.pk])


def _cost_parameter(world):
    from insatsportal.socioeconomics.models import CostParameter

    return reverse("socioeconomics:parameter_edit",
                   args=[CostParameter.objects.order_by("pk").first().pk])


def _national(world):
    from insatsportal.reports.common import today

    return reverse("reports:national") + f"?ar={today().year - 1}"


def _follow_up_overview(world):
    return reverse("participants:follow_up_overview", args=[world.intervention.pk])


def _grant_budget(world):
    grant = world.intervention.grants.order_by("period_start").last()
    return reverse("interventions:grant_budget", args=[world.intervention.pk, grant.pk])


def _meeting_edit(world):
    return reverse("cases:meeting_edit", args=[world.meeting.pk])


# (page name in filled.PAGES or a url function, role, form's action, field, texts)
KINDS = {
    "administrative costs": (_national, "kansli", "reports:national", "note",
                             (ANNA, BERTIL, MERGED)),
    "checklist note": ("cases:detail", "kansli", "cases:checklist_note", "text",
                       (ANNA, BERTIL, MERGED)),
    "national facts": (_national_facts, "kansli", "interventions:national_facts",
                       "specified_orientation", (ANNA, BERTIL, MERGED)),
    "cost parameter": (_cost_parameter, "kansli", "socioeconomics:parameter_edit", "source",
                       (ANNA, BERTIL, MERGED)),
    "estimate settings": (_named("socioeconomics:parameters"), "kansli",
                          "socioeconomics:settings", "horizon_months", ("37", "38", "39")),
    "user": (_user_detail, "kansli", "accounts:user_detail", "title",
             ("Samordnare", "Handläggare", "Samordnare och handläggare")),
    "equity ceiling": (_named("economy:settings"), "kansli", "economy:settings",
                       "equity_ceiling_percent", ("13.5", "14.5", "15.5")),
    "the förbund's budget": (_named("economy:fiscal_year", 2023), "kansli",
                             "economy:fiscal_year", "note", (ANNA, BERTIL, MERGED)),
    "contributions": (_named("economy:contributions", 2023), "kansli", "economy:contributions",
                      "planned_*", ("100001", "100002", "100003")),
    "revised budget": (_grant_budget, "insatsansvarig", "interventions:grant_budget",
                       "cell_*_salary", ("100001", "100002", "100003")),
    "action plan": ("participants:plan", "deltagaransvarig", "participants:plan", "goals",
                    (ANNA, BERTIL, MERGED)),
    "enrolment": ("participants:enrolment", "deltagaransvarig", "participants:enrolment",
                  "referral_text", (ANNA, BERTIL, MERGED)),
    "discharge": ("participants:discharge", "deltagaransvarig", "participants:discharge",
                  "next_step", (ANNA, BERTIL, MERGED)),
    "follow-up": ("participants:follow_up", "deltagaransvarig", "participants:follow_up",
                  "note", (ANNA, BERTIL, MERGED)),
    "participant": ("participants:edit", "deltagaransvarig", "participants:edit", "name",
                    ("Anna Andersson", "Bertil Berg", "Anna Berg")),
    "decision proposal": ("cases:proposal_edit", "kansli", "cases:proposal_edit", "matter",
                          (ANNA, BERTIL, MERGED)),
    "paragraph minutes": ("cases:meeting", "kansli", "cases:paragraph_minutes", "minutes",
                          (ANNA, BERTIL, MERGED)),
    "meeting": (_meeting_edit, "kansli", "cases:meeting_edit", "present",
                (ANNA, BERTIL, MERGED)),
    "application budget": ("applications:budget", "insatsansvarig", "applications:budget",
                           "cat_a-0-amount_0", ("7100", "7200", "7300")),
    "application section": ("applications:edit", "insatsansvarig", "applications:edit",
                            "purpose", (ANNA, BERTIL, MERGED)),
    "quarterly narrative": ("reports:quarterly", "insatsansvarig", "reports:quarterly",
                            "went_well", (ANNA, BERTIL, MERGED)),
}


@pytest.fixture
def world(demo):
    return filled.build()


def _url(page, world):
    return filled.PAGES[page](world) if isinstance(page, str) else page(world)


def _revision_returned(world):
    """A submitted revised budget waits for the office; returned, the owner may send again."""
    from insatsportal.cases.revised_budget.services import revised_budget_return
    from insatsportal.interventions.models import RevisedBudget

    for revision in RevisedBudget.objects.filter(status=RevisedBudget.Status.SUBMITTED):
        revised_budget_return(revision=revision, actor=User.objects.get(username="kansli"),
                              note="Ta med båda ändringarna.")


# Kinds where the office must act before the form is shown again (a revised budget waits for
# its decision): done before each read of the saved value and before the merged save.
SETTLE = {"revised budget": _revision_returned}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_it_shows_a_conflict_and_keeps_both_texts(kind, login, world):
    page, role, action, field, (anna, bertil, merged) = KINDS[kind]
    url = _url(page, world)
    first, second = login(role), login(role)
    read_first = _form(first.get(url), action, url)
    read_second = _form(second.get(url), action, url)

    saved = first.post(_target(read_first, url), _with(read_first, **{field: anna}))
    assert saved.status_code == 302
    conflict = second.post(_target(read_second, url), _with(read_second, **{field: bertil}))

    # Not applied: the first person's text stays saved; both texts are on the conflict page.
    assert conflict.status_code == 409
    page_text = html.unescape(conflict.content.decode()).replace("\xa0", "")
    assert _on(anna, page_text) and _on(bertil, page_text)
    SETTLE.get(kind, lambda world: None)(world)
    assert _value(first, url, action, field) == anna
    # The second person's text is kept in the form, ready to be merged and saved.
    again = _form(conflict, action, url)
    assert _shown(again, field) == bertil

    done = second.post(_target(again, url), _with(again, **{field: merged}))
    assert done.status_code == 302
    SETTLE.get(kind, lambda world: None)(world)
    assert _value(first, url, action, field) == merged


# (page, role, action, (field, value) of the first person, (field, value) of the second)
DIFFERENT_FIELDS = {
    "action plan": ("participants:plan", "deltagaransvarig", "participants:plan",
                    ("goals", ANNA), ("steps", BERTIL)),
    "decision proposal": ("cases:proposal_edit", "kansli", "cases:proposal_edit",
                          ("matter", ANNA), ("assessment", BERTIL)),
    "meeting": (_meeting_edit, "kansli", "cases:meeting_edit", ("present", ANNA),
                ("place", "Enköping")),
    "application budget": ("applications:budget", "insatsansvarig", "applications:budget",
                           ("cat_a-0-amount_0", "7100"), ("cat_a-1-amount_0", "7200")),
    "application sections": ("applications:edit", "insatsansvarig", "applications:edit",
                             ("purpose", ANNA), ("background", BERTIL)),
    "quarterly narrative": ("reports:quarterly", "insatsansvarig", "reports:quarterly",
                            ("went_well", ANNA), ("problems", BERTIL)),
}


@pytest.mark.parametrize("kind", sorted(DIFFERENT_FIELDS))
def test_it_merges_changes_to_different_fields(kind, login, world):
    page, role, action, (field_a, anna), (field_b, bertil) = DIFFERENT_FIELDS[kind]
    url = _url(page, world)
    first, second = login(role), login(role)
    read_first = _form(first.get(url), action, url)
    read_second = _form(second.get(url), action, url)
    assert first.post(_target(read_first, url),
                      _with(read_first, **{field_a: anna})).status_code == 302
    assert second.post(_target(read_second, url),
                       _with(read_second, **{field_b: bertil})).status_code == 302
    assert _value(first, url, action, field_a) == anna
    assert _value(first, url, action, field_b) == bertil


def test_a_choice_with_two_values_merges_with_another_field(login, world):
    """The follow-up policy: one person changes the months, the other the sample; both stay."""
    from insatsportal.participants.services.followup import policy_for

    url, action = _follow_up_overview(world), "participants:follow_up_policy"
    first, second = login("deltagaransvarig"), login("deltagaransvarig")
    read_first = _form(first.get(url), action, url)
    read_second = _form(second.get(url), action, url)
    assert first.post(_target(read_first, url), _with(read_first, months="6")).status_code == 302
    data = browser_encoded(read_second)
    data.pop("sample_only")  # the box unticked
    assert second.post(_target(read_second, url), data).status_code == 302
    saved = policy_for(world.intervention.pk)
    assert (saved.months, saved.sample_only) == (6, False)


def test_the_admin_refuses_a_save_over_a_newer_version(login, demo):
    """A code list in the admin: the later save shows both names, the merged one is saved."""
    from insatsportal.participants.models import CodeList

    User.objects.filter(username="kansli").update(is_staff=True, is_superuser=True)
    code_list = CodeList.objects.order_by("pk").first()
    url = reverse("admin:participants_codelist_change", args=[code_list.pk])
    action = "admin:participants_codelist_change"
    first, second = login("kansli"), login("kansli")
    read_first = _form(first.get(url), action, url)
    read_second = _form(second.get(url), action, url)
    assert first.post(url, _with(read_first, name="Försörjning A")).status_code == 302
    refused = second.post(url, _with(read_second, name="Försörjning B"))
    assert refused.status_code == 409
    page_text = html.unescape(refused.content.decode())
    assert "Försörjning A" in page_text and "Försörjning B" in page_text
    assert CodeList.objects.get(pk=code_list.pk).name == "Försörjning A"
    again = _form(refused, action, url)
    assert _shown(again, "name") == "Försörjning B"
    assert second.post(url, _with(again, name="Försörjning AB")).status_code == 302
    assert CodeList.objects.get(pk=code_list.pk).name == "Försörjning AB"


def _rows(form, prefix):
    """The inline row numbers of the admin form and each row's field names by their tail."""
    data = browser_encoded(form)
    return sorted({int(name.split("-")[1]) for name in data
                   if name.startswith(f"{prefix}-") and name.split("-")[1].isdigit()
                   and f"{prefix}-{name.split('-')[1]}-id" in data
                   and data[f"{prefix}-{name.split('-')[1]}-id"][0]})


def test_the_admin_versions_each_inline_row(login, demo):
    """A strategic direction's priority groups in the admin: a row both change differently
    comes back as a conflict (409) with both texts on that row, nothing saved; the rows and
    fields only one of them changed are merged; saving the merged text goes through."""
    from insatsportal.organisations.models import PriorityTargetGroup, StrategicDirection

    User.objects.filter(username="kansli").update(is_staff=True, is_superuser=True)
    direction = StrategicDirection.objects.filter(priority_groups__isnull=False).first()
    groups = list(direction.priority_groups.order_by("pk"))
    assert len(groups) >= 2
    PriorityTargetGroup.objects.filter(pk=groups[1].pk).update(keywords="arbete")
    url = reverse("admin:organisations_strategicdirection_change", args=[direction.pk])
    action = "admin:organisations_strategicdirection_change"
    prefix = "priority_groups"
    first, second = login("kansli"), login("kansli")
    read_first = _form(first.get(url), action, url)
    read_second = _form(second.get(url), action, url)
    by_pk = {int(browser_encoded(read_first)[f"{prefix}-{n}-id"][0]): n
             for n in _rows(read_first, prefix)}
    one, two = by_pk[groups[0].pk], by_pk[groups[1].pk]

    # The first person renames group one and gives group two new keywords.
    answer = first.post(url, _with(read_first, **{f"{prefix}-{one}-name": "Unga vuxna A",
                                                 f"{prefix}-{two}-keywords": "arbete, studier"}))
    assert answer.status_code == 302
    # The second renames group one differently and renames group two (its keywords as read).
    refused = second.post(url, _with(read_second, **{f"{prefix}-{one}-name": "Unga vuxna B",
                                                    f"{prefix}-{two}-name": "Nyanlända"}))
    assert refused.status_code == 409
    page_text = html.unescape(refused.content.decode())
    assert "Unga vuxna A" in page_text and "Unga vuxna B" in page_text
    assert PriorityTargetGroup.objects.get(pk=groups[0].pk).name == "Unga vuxna A"
    assert PriorityTargetGroup.objects.get(pk=groups[1].pk).name == groups[1].name

    again = _form(refused, action, url)
    assert _shown(again, f"{prefix}-{one}-name") == "Unga vuxna B"  # nothing typed is lost
    assert second.post(url, _with(again, **{f"{prefix}-{one}-name": "Unga vuxna AB"})
                       ).status_code == 302
    saved_one = PriorityTargetGroup.objects.get(pk=groups[0].pk)
    saved_two = PriorityTargetGroup.objects.get(pk=groups[1].pk)
    assert saved_one.name == "Unga vuxna AB"
    # Group two: the second person's name and the first person's keywords both stay.
    assert (saved_two.name, saved_two.keywords) == ("Nyanlända", "arbete, studier")


def test_a_row_added_by_the_other_person_is_kept(login, demo):
    from insatsportal.organisations.models import PriorityTargetGroup, StrategicDirection

    User.objects.filter(username="kansli").update(is_staff=True, is_superuser=True)
    direction = StrategicDirection.objects.filter(priority_groups__isnull=False).first()
    url = reverse("admin:organisations_strategicdirection_change", args=[direction.pk])
    action = "admin:organisations_strategicdirection_change"
    second = login("kansli")
    read_second = _form(second.get(url), action, url)
    PriorityTargetGroup.objects.create(direction=direction, name="Tillagd av den andra")
    group = direction.priority_groups.order_by("pk").first()
    n = next(n for n in _rows(read_second, "priority_groups")
             if browser_encoded(read_second)[f"priority_groups-{n}-id"][0] == str(group.pk))
    assert second.post(url, _with(read_second, **{f"priority_groups-{n}-name": "Ändrad"})
                       ).status_code == 302
    names = set(direction.priority_groups.values_list("name", flat=True))
    assert {"Ändrad", "Tillagd av den andra"} <= names


def test_every_inline_of_a_versioned_admin_is_versioned():
    from django.contrib import admin

    from insatsportal.core.concurrency_admin import VersionedAdmin, VersionedInlineMixin

    for model_admin in admin.site._registry.values():
        if isinstance(model_admin, VersionedAdmin):
            for inline in model_admin.inlines:
                assert issubclass(inline, VersionedInlineMixin), (model_admin, inline)


def test_each_admin_page_with_rows_shows_a_version_per_row(login, demo):
    from insatsportal.organisations.models import Member, StrategicDirection
    from insatsportal.participants.models import Instrument

    User.objects.filter(username="kansli").update(is_staff=True, is_superuser=True)
    client = login("kansli")
    for model, prefix in ((Member, "units"), (StrategicDirection, "priority_groups"),
                          (Instrument, "items")):
        obj = model.objects.filter(**{f"{prefix}__isnull": False}).first()
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                      args=[obj.pk])
        page = client.get(url)
        assert page.status_code == 200
        assert f'name="{prefix}-0-edit_version"' in page.content.decode(), url


def _user_admin(target):
    """The admin change page of `target` (a user with two role rows), its action and the row
    number of each role by its key."""
    from insatsportal.accounts.models import RoleAssignment

    User.objects.filter(username="kansli").update(is_staff=True, is_superuser=True)
    RoleAssignment.objects.get_or_create(user=target, role="rapportlasare", intervention=None)
    url = reverse("admin:accounts_user_change", args=[target.pk])
    return url, "admin:accounts_user_change"


def _role_rows(form):
    data = browser_encoded(form)
    return {int(data[f"roles-{n}-id"][0]): n for n in _rows(form, "roles")}


def test_the_user_admin_versions_the_user_and_each_role_row(login, demo):
    """Two administrators edit one user's roles: the same row changed differently comes back
    (409) with both roles, nothing saved; a role and a name changed by each are both kept."""
    from django.utils import translation

    from insatsportal.accounts.models import Role, RoleAssignment

    target = User.objects.get(username="handlaggare")
    url, action = _user_admin(target)
    row = target.roles.get(role="rapportlasare")
    first, second = login("kansli"), login("kansli")
    read_first = _form(first.get(url), action, url)
    read_second = _form(second.get(url), action, url)
    n = _role_rows(read_first)[row.pk]
    assert first.post(url, _with(read_first, **{f"roles-{n}-role": "styrelse"})
                      ).status_code == 302
    refused = second.post(url, _with(read_second, **{f"roles-{n}-role": "kansli",
                                                     "first_name": "Bertil"}))
    assert refused.status_code == 409
    page_text = html.unescape(refused.content.decode())
    with translation.override("sv"):
        assert str(Role.STYRELSE.label) in page_text and str(Role.KANSLI.label) in page_text
    assert RoleAssignment.objects.get(pk=row.pk).role == "styrelse"
    assert User.objects.get(pk=target.pk).first_name != "Bertil"  # nothing of it saved
    again = _form(refused, action, url)
    assert _shown(again, f"roles-{n}-role") == "kansli"  # what the second chose is kept
    assert _shown(again, "first_name") == "Bertil"

    # Different fields: the first changes the role again, the second (reading now) the name.
    read_first = _form(first.get(url), action, url)
    read_second = _form(second.get(url), action, url)
    assert first.post(url, _with(read_first, **{f"roles-{n}-role": "insatsansvarig"})
                      ).status_code == 302
    assert second.post(url, _with(read_second, first_name="Bertil")).status_code == 302
    assert RoleAssignment.objects.get(pk=row.pk).role == "insatsansvarig"
    assert User.objects.get(pk=target.pk).first_name == "Bertil"


def test_the_user_admin_add_and_password_pages_need_no_version(login, demo):
    User.objects.filter(username="kansli").update(is_staff=True, is_superuser=True)
    client = login("kansli")
    url, action = reverse("admin:accounts_user_add"), "admin:accounts_user_add"
    added = client.post(url, _with(_form(client.get(url), action, url), username="ny.admin",
                                   password1="Lång-lösen-för-test-1", usable_password="true",
                                   password2="Lång-lösen-för-test-1"))
    assert added.status_code == 302, added.content.decode()[-2000:]
    user = User.objects.get(username="ny.admin")
    url = reverse("admin:auth_user_password_change", args=[user.pk])
    action = "admin:auth_user_password_change"
    changed = client.post(url, _with(_form(client.get(url), action, url),
                                     password1="Annan-lång-lösen-2", usable_password="true",
                                     password2="Annan-lång-lösen-2"))
    assert changed.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Annan-lång-lösen-2")


def test_a_role_row_removed_meanwhile_is_said_and_kept(login, demo):
    """The other administrator removes a role row the user then changes: a Swedish message on
    that row, the user's choice still in it and every other row still on the page; saving
    again adds it as a new row. A removed row the user left as read stays removed."""
    from insatsportal.accounts.models import RoleAssignment

    target = User.objects.get(username="handlaggare")
    url, action = _user_admin(target)
    row = target.roles.get(role="rapportlasare")
    rows_before = target.roles.count()
    second = login("kansli")
    read_second = _form(second.get(url), action, url)
    n = _role_rows(read_second)[row.pk]
    RoleAssignment.objects.filter(pk=row.pk).delete()  # the other person's save
    refused = second.post(url, _with(read_second, **{f"roles-{n}-role": "styrelse"}))
    assert refused.status_code == 409
    page_text = html.unescape(refused.content.decode())
    assert "Raden har tagits bort av någon annan medan du redigerade" in page_text
    assert "Välj ett giltigt alternativ" not in page_text
    again = _form(refused, action, url)
    assert _shown(again, f"roles-{n}-role") == "styrelse"
    assert set(_role_rows(again)) == set(target.roles.values_list("pk", flat=True))
    assert second.post(url, browser_encoded(again)).status_code == 302
    assert target.roles.filter(role="styrelse").exists()
    assert target.roles.count() == rows_before

    # Left as read: the removal stands, the other change is saved.
    added = target.roles.get(role="styrelse")
    read_second = _form(second.get(url), action, url)
    RoleAssignment.objects.filter(pk=added.pk).delete()
    assert second.post(url, _with(read_second, last_name="Kvar")).status_code == 302
    assert not target.roles.filter(role="styrelse").exists()
    assert User.objects.get(pk=target.pk).last_name == "Kvar"
