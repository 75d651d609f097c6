"""The demo's pages by name, for the scripts that look at them in a browser
(bench/reflow.py, tests/browser/screenshots.py) against a running demo server."""

SCREENSHOTS = [
    # (file stem, role, URL name of the permission matrix)
    ("start-kansli", "kansli", "core:start"),
    ("start-insatsansvarig", "insatsansvarig", "core:start"),
    ("start-deltagaransvarig", "deltagaransvarig", "core:start"),
    ("application-form", "insatsansvarig", "applications:edit"),
    ("budget", "insatsansvarig", "applications:budget"),
    ("participant", "deltagaransvarig", "participants:detail"),
    ("participant-list", "deltagaransvarig", "participants:intervention"),
    ("dashboard", "kansli", "reports:index"),
    ("goals", "kansli", "reports:goals"),
]


def demo_urls(names=None) -> dict[str, str]:
    """{"app:name": URL} for the named pages (default every page) of the permission matrix,
    built from the demo data as the matrix builds them (some make the row they show), before
    Playwright starts: the ORM must not run inside its event loop."""
    from django.db import transaction

    from insatsportal.core.tests.urlwalk import collect_matrix
    from insatsportal.organisations.models import Association

    demo = Association.objects.order_by("pk").first()
    urls = {}
    for name, (url_for, _expected) in sorted(collect_matrix().items()):
        if names is not None and name not in names:
            continue
        try:
            with transaction.atomic():
                urls[name] = url_for(demo)
        except Exception as error:  # noqa: BLE001 - a survey reports and goes on
            print(f"{name}: no URL ({error.__class__.__name__}: {error})")
    return urls


def demo_sign_in(page, role: str) -> None:
    """Sign in as a demo persona on a DEMO_MODE server (demo users skip the second factor)."""
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(role)
    page.get_by_label("Lösenord").fill("insatsportal-demo")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()


DRAFT_NAME = "En väg in – steget vidare, förlängning"


def demo_draft():
    """A filled-in draft of Knivsta kommun, copied once from its seed application, so that the
    application form and the budget show real content."""
    from insatsportal.accounts.models import User
    from insatsportal.applications.models import Application
    from insatsportal.applications.selectors import budget_data
    from insatsportal.applications.serialize import application_to_dict
    from insatsportal.applications.services import application_create_from_data, budget_save

    draft = Application.objects.filter(Application.in_status(Application.Status.DRAFT),
                                       name=DRAFT_NAME).first()
    if draft is None:
        source = Application.objects.get(name="En väg in – steget vidare")
        owner_user = User.objects.get(username="insatsansvarig")
        draft = application_create_from_data(
            actor=owner_user, data={**application_to_dict(source), "name": DRAFT_NAME})
        budget_save(actor=owner_user, application=draft, budget=budget_data(source))
    return draft
