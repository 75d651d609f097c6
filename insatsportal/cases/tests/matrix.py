from django.urls import reverse

from insatsportal.applications.tests.matrix import JOBBCENTRUM, _draft, _url
from insatsportal.cases.models import Case, Meeting
from insatsportal.core.tests.matrix import only, statuses


def _decided_case(demo):
    return Case.objects.get(title="En väg in – steget vidare")


def _open_case(demo):
    return Case.objects.get(number="2021-15")


def _case_url(name, case=_decided_case, **kwargs):
    return lambda demo: reverse(name, kwargs={"pk": case(demo).pk, **kwargs})


def _meeting_url(name):
    return lambda demo: reverse(name, args=[Meeting.objects.order_by("pk").first().pk])


OFFICE_POST = statuses(405)  # steps that change data answer only POST
PREPARATION = only("kansli", "styrelse")

MATRIX = {
    "cases:list": (lambda demo: reverse("cases:list"),
                   only("kansli", "styrelse", "insatsansvarig")),
    # The owner (Knivsta kommun) sees its own case; others answer 404.
    "cases:detail": (_case_url("cases:detail"),
                     statuses(403, kansli=200, styrelse=200, insatsansvarig=200)),
    # An application's journey from submission (by the application's pk).
    "cases:application_submit": (_url("cases:application_submit", _draft),
                                 only("insatsansvarig")),
    "cases:application_return": (_url("cases:application_return", JOBBCENTRUM), only("kansli")),
    # POST only: the office gets 405 for a GET, everyone else 403 before that.
    "cases:application_prepare": (_url("cases:application_prepare", JOBBCENTRUM),
                                  statuses(403, kansli=405)),
    "cases:start_preparation": (_case_url("cases:start_preparation", _open_case), OFFICE_POST),
    "cases:assign": (_case_url("cases:assign", _open_case), OFFICE_POST),
    "cases:checklist_note": (_case_url("cases:checklist_note", _open_case), OFFICE_POST),
    "cases:recommendation": (_case_url("cases:recommendation", _open_case), OFFICE_POST),
    "cases:proposal_draft": (_case_url("cases:proposal_draft", _open_case), OFFICE_POST),
    "cases:proposal_edit": (_case_url("cases:proposal_edit"), statuses(404, kansli=200)),
    "cases:proposal_download": (_case_url("cases:proposal_download", fmt="docx"),
                                statuses(404, kansli=200, styrelse=200)),
    "cases:decision": (_case_url("cases:decision", _open_case), statuses(404, kansli=200)),
    "cases:meetings": (lambda demo: reverse("cases:meetings"), PREPARATION),
    "cases:meeting": (_meeting_url("cases:meeting"), PREPARATION),
    "cases:agenda_add": (_meeting_url("cases:agenda_add"), OFFICE_POST),
    "cases:minutes_approve": (_meeting_url("cases:minutes_approve"), OFFICE_POST),
    "cases:paragraph_minutes": (
        lambda demo: reverse("cases:paragraph_minutes",
                             args=[Meeting.objects.order_by("pk").first().pk, 1]),
        OFFICE_POST,
    ),
    "cases:meeting_papers": (_meeting_url("cases:meeting_papers"), PREPARATION),
}
