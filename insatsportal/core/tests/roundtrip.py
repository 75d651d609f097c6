"""The round trip: load a page, post each of its forms back unchanged, compare the database.

A snapshot is every row of every model of the project, except the logs that a request
writes by design (reads of participant data, sign-in attempts, sessions, one-time form
tokens). Audit entries are compared apart: an unchanged save must not claim a change.
"""

from django.apps import apps
from django.db import transaction
from django.urls import Resolver404, resolve

from insatsportal.core.tests.formparse import parse_forms

# Rows that a request writes whatever it does.
VOLATILE_MODELS = {
    "core.auditentry", "core.formsubmission", "participants.readlogentry",
    "accounts.loginattempt", "accounts.usersession",
}


def _models():
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_config.name.startswith("insatsportal.") and label not in VOLATILE_MODELS:
            yield model


def snapshot() -> dict:
    """{model label: {pk: row}} for every tracked model."""
    return {
        model._meta.label_lower: {row["pk"]: row for row in model.objects.values("pk", *[
            f.attname for f in model._meta.concrete_fields])}
        for model in _models()
    }


def differences(before: dict, after: dict) -> list[str]:
    found = []
    for label, rows in after.items():
        old = before.get(label, {})
        for pk in sorted(set(old) - set(rows), key=str):
            found.append(f"{label} {pk} deleted")
        for pk in sorted(set(rows) - set(old), key=str):
            found.append(f"{label} {pk} created")
        for pk in sorted(set(rows) & set(old), key=str):
            changed = [
                f"{name}: {old[pk][name]!r} -> {value!r}"
                for name, value in rows[pk].items() if old[pk][name] != value
            ]
            if changed:
                found.append(f"{label} {pk}: " + "; ".join(changed))
    return found


def audit_count() -> int:
    from insatsportal.core.models import AuditEntry

    return AuditEntry.objects.count()


def new_audit(since: int) -> list[str]:
    from insatsportal.core.models import AuditEntry

    return [f"audit {entry.action}" for entry in AuditEntry.objects.order_by("pk")[since:]]


def action_name(path: str) -> str | None:
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    return match.view_name


def browser_encoded(form) -> dict[str, list[str]]:
    """A browser sends a textarea's line breaks as CR LF."""
    return {name: [value.replace("\n", "\r\n") for value in values]
            for name, values in form.submission().items()}


def round_trip(client, page_url: str, response, exempt: dict) -> tuple[list, list]:
    """Post every POST form of the page back; ([(action name, problems)], [exempt names])."""
    results, skipped = [], []
    for form in parse_forms(response.content.decode()):
        if form.method != "post":
            continue
        target = form.action or page_url
        name = action_name(target)
        if name in exempt:
            skipped.append(name)
            continue
        with transaction.atomic():
            before, audits = snapshot(), audit_count()
            answer = client.post(target, browser_encoded(form))
            problems = differences(before, snapshot()) + new_audit(audits)
            if answer.status_code != 302:
                problems.insert(0, f"answered {answer.status_code}, not a redirect"
                                   + _errors(answer))
            transaction.set_rollback(True)
        results.append((name or target, problems))
    return results, skipped


def _errors(answer) -> str:
    context = getattr(answer, "context", None)
    if not context:
        return ""
    messages = []
    for key in ("form", "formset", "budget_form"):
        form = context.get(key)
        errors = getattr(form, "errors", None)
        if errors:
            messages.append(f"{key}: {errors!r}"[:500])
    return (" (" + "; ".join(messages) + ")") if messages else ""
