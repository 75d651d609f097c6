import datetime

from django.urls import reverse

from insatsportal.applications.tests.matrix import JOBBCENTRUM, _draft, _url
from insatsportal.cases.models import Case, Meeting
from insatsportal.core.tests.matrix import FromPage, Write, office, only, statuses


def _decided_case(demo):
    return Case.objects.get(title="En väg in – steget vidare")


def _open_case(demo):
    return Case.objects.get(number="2021-15")


def _case_url(name, case=_decided_case, **kwargs):
    return lambda demo: reverse(name, kwargs={"pk": case(demo).pk, **kwargs})


def _meeting_url(name):
    return lambda demo: reverse(name, args=[Meeting.objects.order_by("pk").first().pk])


def _open_meeting_url(name):
    """A meeting whose minutes are not yet approved (the demo's working committee)."""
    return lambda demo: reverse(
        name, args=[Meeting.objects.filter(minutes_approved_on__isnull=True).order_by("pk")
                    .first().pk])


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
    "cases:proposal_edit": (_case_url("cases:proposal_edit"), statuses(403, kansli=200)),
    "cases:proposal_download": (_case_url("cases:proposal_download", fmt="docx"),
                                statuses(403, kansli=200, styrelse=200)),
    "cases:decision": (_case_url("cases:decision", _open_case), statuses(403, kansli=200)),
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
    "cases:meeting_papers_start": (_meeting_url("cases:meeting_papers_start"), OFFICE_POST),
    "cases:meeting_edit": (_open_meeting_url("cases:meeting_edit"), statuses(403, kansli=200)),
    "cases:agenda_correction": (_open_meeting_url("cases:agenda_correction"), OFFICE_POST),
    "cases:minutes_post": (_meeting_url("cases:minutes_post"), OFFICE_POST),
    "cases:meeting_minutes": (
        lambda demo: reverse("cases:meeting_minutes",
                             args=[Meeting.objects.order_by("pk").first().pk, "pdf"]),
        PREPARATION,
    ),
}


def _kansli_pk():
    from insatsportal.accounts.models import User

    return User.objects.get(username="kansli").pk


def _meeting_paragraph_url(demo):
    """A paragraph of minutes not yet approved (the case placed on the open meeting)."""
    from insatsportal.cases.models import AgendaItem

    meeting = _open_meeting(demo)
    item = (AgendaItem.objects.filter(meeting=meeting).first()
            or AgendaItem.objects.create(meeting=meeting, case=_open_case(demo),
                                         paragraph=99))
    return reverse("cases:paragraph_minutes", args=[meeting.pk, item.paragraph])


def _case_in_preparation_url(name):
    def url(demo):
        case = _open_case(demo)
        Case.objects.filter(pk=case.pk).update(status=Case.Status.IN_PREPARATION)
        return reverse(name, kwargs={"pk": case.pk})
    return url


def _open_meeting(demo):
    return Meeting.objects.filter(minutes_approved_on__isnull=True).order_by("pk").first()


def _meeting_with_adjuster(demo):
    """The open meeting with its justerare named, so that its minutes can be approved."""
    meeting = _open_meeting(demo)
    Meeting.objects.filter(pk=meeting.pk).update(adjuster="Eva Ek")
    return reverse("cases:minutes_approve", args=[meeting.pk])


def _approved_meeting(demo):
    """The open meeting approved and not yet posted."""
    meeting = _open_meeting(demo)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_approved_on=meeting.date,
                                                 posted_on=None)
    return reverse("cases:minutes_post", args=[meeting.pk])


def _later_meeting_to_correct(demo):
    """A later meeting of the same body as an approved paragraph, where it is corrected."""
    from insatsportal.cases.models import AgendaItem

    corrected = (AgendaItem.objects.filter(meeting__minutes_approved_on__isnull=False)
                 .select_related("meeting").order_by("pk").first())
    later = Meeting.objects.create(body=corrected.meeting.body, place="Uppsala",
                                   date=corrected.meeting.date + datetime.timedelta(days=30))
    return reverse("cases:agenda_correction", args=[later.pk])


def _correction(demo):
    from insatsportal.cases.models import AgendaItem

    corrected = (AgendaItem.objects.filter(meeting__minutes_approved_on__isnull=False)
                 .order_by("pk").first())
    return {"corrects": corrected.pk, "minutes": "Rättelse: beloppet ska vara 300 000 kr."}


def _open_case_pk():
    return Case.objects.get(number="2021-15").pk


# Office steps: the office writes; a role without the capability gets 403, an owner's
# staff 403 as well (they see their own cases, but may not act on them).
OFFICE_WRITE = office()

WRITES = {
    # Starts a background job that makes the papers; the job's page follows it.
    "cases:meeting_papers_start": Write(_meeting_url("cases:meeting_papers_start"), {},
                                        statuses(403, kansli=302, styrelse=302)),
    # An empty draft: the owner is sent back to the checks (nothing to submit yet).
    "cases:application_submit": Write(_url("cases:application_submit", _draft), {},
                                      statuses(403, insatsansvarig=302), writes=False),
    "cases:application_return": Write(_url("cases:application_return", JOBBCENTRUM),
                                      {"questions": "Komplettera budgeten per år."},
                                      OFFICE_WRITE),
    "cases:application_prepare": Write(_url("cases:application_prepare", JOBBCENTRUM), {},
                                       OFFICE_WRITE),
    "cases:start_preparation": Write(_case_url("cases:start_preparation", _open_case), {},
                                     OFFICE_WRITE),
    "cases:assign": Write(_case_url("cases:assign", _open_case),
                          lambda demo: {"handler": _kansli_pk()}, OFFICE_WRITE),
    "cases:checklist_note": Write(_case_url("cases:checklist_note", _open_case),
                                  {"item": "parties", "text": "Parterna är kontaktade."},
                                  OFFICE_WRITE),
    "cases:recommendation": Write(_case_in_preparation_url("cases:recommendation"),
                                  {"outcome": "grant", "motivation": "Väl underbyggd."},
                                  OFFICE_WRITE),
    "cases:proposal_draft": Write(_case_url("cases:proposal_draft", _open_case), {},
                                  OFFICE_WRITE),
    # A decided case's proposal can no longer change: the office's form answers 200.
    "cases:proposal_edit": Write(_case_url("cases:proposal_edit"), {"title": "Nytt"},
                                 office(200)),
    # Without an agenda item the decision form answers 200 with its errors.
    "cases:decision": Write(_case_url("cases:decision", _open_case),
                            {"outcome": "granted", "decided_on": "2026-01-01"}, office(200)),
    "cases:meetings": Write(lambda demo: reverse("cases:meetings"),
                            {"body": "board", "date": "2026-12-10", "place": "Uppsala"},
                            OFFICE_WRITE),
    "cases:agenda_add": Write(_open_meeting_url("cases:agenda_add"),
                              lambda demo: {"case": _open_case_pk()}, OFFICE_WRITE),
    "cases:paragraph_minutes": Write(_meeting_paragraph_url,
                                     {"minutes": "Styrelsen beslutar enligt förslaget."},
                                     OFFICE_WRITE),
    "cases:minutes_approve": Write(_meeting_with_adjuster, {"approved_on": "2030-01-15"},
                                   OFFICE_WRITE),
    "cases:meeting_edit": Write(_open_meeting_url("cases:meeting_edit"),
                                FromPage("kansli", place="Knivsta kommunhus"), OFFICE_WRITE),
    "cases:agenda_correction": Write(_later_meeting_to_correct, _correction, OFFICE_WRITE),
    "cases:minutes_post": Write(_approved_meeting, {"posted_on": "2030-01-20"},
                                OFFICE_WRITE),
}
