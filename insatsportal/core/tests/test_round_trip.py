"""Every edit form, loaded and posted back unchanged, changes nothing (STYLE 25).

The test walks every page of the permission matrix as every role that may open it, reads
each form a browser would submit, and posts it back as it was rendered. Forms are found on
the pages, so a new form is covered without being listed here; a form that performs an
action instead of editing saved data must be named in ACTIONS with the reason, and EDIT_FORMS
must name exactly the edit forms the walk found, so a form that disappears from its page
fails too.
"""

import re

import pytest

from insatsportal.core.tests import filled
from insatsportal.core.tests.matrix import ROLES
from insatsportal.core.tests.roundtrip import round_trip
from insatsportal.core.tests.urlwalk import collect_matrix

MATRIX = collect_matrix()
DOWNLOAD = re.compile(r"\.(pdf|docx|xlsx|csv)$")

# Forms whose posting is an action or creates a new record; posting them changes data by design.
ACTIONS = {
    "set_language": "switches the interface language",
    "accounts:login": "signs in",
    "accounts:logout": "signs out",
    "accounts:password_reset": "sends a reset link",
    "accounts:reauth": "confirms password and code",
    "accounts:backup_codes_create": "replaces the backup codes",
    "accounts:user_sessions_end": "ends a user's sessions",
    "accounts:session_end": "ends a session",
    "accounts:session_keepalive": "keeps the session signed in (on every page)",
    "accounts:user_create": "creates a user",
    "accounts:user_roles": "grants or removes a role",
    "accounts:user_status": "deactivates or reactivates a user",
    "applications:new": "creates an application",
    "cases:application_submit": "submits the application",
    "cases:application_return": "returns the application for completion",
    "cases:application_prepare": "starts the preparation",
    "applications:budget_upload": "reads a budget file",
    "cases:start_preparation": "starts the preparation",
    "cases:recommendation": "records a new recommendation",
    "cases:proposal_draft": "drafts the proposal anew from the application",
    "cases:decision": "records a decision",
    "cases:meetings": "creates a meeting",
    "cases:agenda_add": "places a case on the agenda",
    "cases:minutes_approve": "approves the minutes",
    "economy:cost_add": "adds a planned cost",
    "economy:cost_delete": "removes a planned cost",
    "imports:list": "uploads documents",
    "reports:national_export_start": "makes the export file in the background",
    "reports:quarterly_download_start": "makes the quarterly report's file in the background",
    "cases:meeting_papers_start": "makes the meeting's papers in the background",
    "jobs:retry": "runs a failed background job again",
    "interventions:grant_budget": "submits a revised budget for the office's approval",
    "imports:review": "confirms an imported document",
    "imports:discard": "discards an imported document",
    "participants:register": "registers a participant",
    "participants:register_anonymous": "registers an anonymous participant",
    "participants:search": "looks for a personnummer (POST keeps it out of the URL)",
    "participants:consent_withdraw": "withdraws consent",
    "participants:protect": "marks protected identity",
    "participants:rating_create": "records a new rating",
    "participants:activity_create": "logs a new activity",
    "participants:group_activity": "logs a new group activity",
    "participants:follow_up_sample": "draws a sample",
    "participants:plan_revise": "records a revision",
    "participants:extract": "makes a register extract",
    "reports:meetings": "logs a new meeting",
    "reports:deviations": "reports a new deviation",
    "reports:deviation_acknowledge": "marks a deviation read",
    "reports:deviation_open_case": "opens a case",
    "reports:requisitions": "submits a new requisition",
    "reports:requisition_decide": "approves or returns a requisition",
    "reports:quarterly_review": "accepts or returns a report",
    "api:token_create": "creates an API token",
    "api:token_revoke": "revokes an API token",
    "cases:agenda_correction": "adds a correcting paragraph",
    "economy:contributions_split": "splits a total by the Finsam shares",
    "imports:terms": "adds a wording",
    "socioeconomics:parameter_create": "adds a cost parameter",
    "socioeconomics:parameter_delete": "removes a cost parameter",
    "socioeconomics:parameter_defaults": "adds the missing default parameters",
    "core:history_restore": "restores an earlier text from the history",
}

# The edit forms the walk finds; each is posted back unchanged by every role that sees it.
EDIT_FORMS = {
    "accounts:user_detail", "applications:edit", "applications:budget",
    "cases:assign", "cases:checklist_note", "cases:proposal_edit", "cases:paragraph_minutes",
    "participants:edit", "participants:enrolment", "participants:plan",
    "participants:discharge", "participants:follow_up", "participants:follow_up_policy",
    "reports:quarterly", "reports:national",
    "economy:settings", "economy:fiscal_year", "economy:contributions",
    "cases:meeting_edit", "interventions:national_facts", "socioeconomics:parameter_edit",
    "socioeconomics:settings",
}


@pytest.fixture
def world(demo):
    return filled.build()


def _walk(role, client, demo, world):
    """(failures, edit forms found, action forms found) on every page the role may open."""
    failures, found, actions = [], set(), set()
    for name, (url_for, expected) in sorted(MATRIX.items()):
        if expected[role] != 200:
            continue
        url = filled.PAGES[name](world) if name in filled.PAGES else url_for(demo)
        if DOWNLOAD.search(url):
            continue
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        results, skipped = round_trip(client, url, response, ACTIONS)
        actions.update(skipped)
        for action, problems in results:
            found.add(action)
            if problems:
                failures.append(f"{role} on {name} -> {action}:\n    " + "\n    ".join(problems))
    return failures, found, actions


def test_it_changes_nothing_when_a_form_is_saved_unchanged(login, demo, world):
    failures, found = [], set()
    for role in ROLES:
        role_failures, role_found, _actions = _walk(role, login(role), demo, world)
        failures += role_failures
        found |= role_found
    assert failures == [], "\n".join(failures)
    new = sorted(found - EDIT_FORMS)
    assert new == [], f"New edit forms: they pass, add them to EDIT_FORMS: {new}"
    assert sorted(EDIT_FORMS - found) == [], "Edit forms no page showed with the filled data"


def test_every_admin_change_form_saved_unchanged_changes_nothing(login, demo, world):
    """The administration's code lists, instruments and register, one object of each model."""
    from django.contrib import admin
    from django.urls import reverse

    from insatsportal.accounts.models import User

    # Every model's change form: the office's user with every admin permission.
    User.objects.filter(username="kansli").update(is_staff=True, is_superuser=True)
    failures, tried = [], []
    for model in admin.site._registry:
        if not model._meta.app_config.name.startswith("insatsportal."):
            continue
        objects = model._default_manager.order_by("pk")
        if model is User:  # not the signed-in user: saving oneself renews the session
            objects = objects.exclude(username="kansli")
        obj = objects.first()
        if obj is None:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                      args=[obj.pk])
        client = login("kansli")  # a new session each: saving a user may end the old one
        response = client.get(url)
        if response.status_code != 200:
            continue
        tried.append(model._meta.label)
        results, _skipped = round_trip(client, url, response, ACTIONS)
        for action, problems in results:
            if action == "set_language" or not action.startswith("admin:"):
                continue
            if problems:
                failures.append(f"{model._meta.label}:\n    " + "\n    ".join(problems))
    # The register, code lists, instruments and users: each model with an object is tried.
    assert {"organisations.Member", "participants.CodeList", "participants.Instrument",
            "interventions.Intervention", "accounts.User"} <= set(tried)
    assert failures == [], "\n".join(failures)
