from django.urls import reverse

from insatsportal.core.tests.matrix import Write, form_token, office, only, statuses


def _demo_intervention():
    from insatsportal.interventions.models import Intervention

    return Intervention.objects.get(name="En väg in – steget vidare")


def _url(name):
    return lambda demo: reverse(name, args=[_demo_intervention().pk])


def _quarter_url(name, **extra):
    def url_for(demo):
        from insatsportal.reports.models import QuarterlyReport

        intervention = _demo_intervention()
        QuarterlyReport.objects.get_or_create(intervention=intervention, year=2024, quarter=4)
        return reverse(name, kwargs={"pk": intervention.pk, "year": 2024, "quarter": 4, **extra})

    return url_for


READERS = ("kansli", "styrelse", "insatsansvarig", "rapportlasare")

MATRIX = {
    "reports:index": (lambda demo: reverse("reports:index"), only(*READERS)),
    "reports:overview": (_url("reports:overview"), only(*READERS)),
    "reports:goals": (_url("reports:goals"), only(*READERS)),
    "reports:meetings": (_url("reports:meetings"), only(*READERS)),
    "reports:requisitions": (_url("reports:requisitions"), only(*READERS)),
    "reports:deviations": (_url("reports:deviations"), only(*READERS)),
    "reports:deviation_inbox": (lambda demo: reverse("reports:deviation_inbox"), only("kansli")),
    "reports:deviation_acknowledge": (
        lambda demo: reverse("reports:deviation_acknowledge", args=[0]), statuses(405)),
    "reports:deviation_open_case": (
        lambda demo: reverse("reports:deviation_open_case", args=[0]), statuses(405)),
    "reports:quarterly_list": (_url("reports:quarterly_list"), only(*READERS)),
    "reports:quarterly": (_quarter_url("reports:quarterly"), only(*READERS)),
    "reports:quarterly_review": (_quarter_url("reports:quarterly_review"), statuses(405)),
    "reports:quarterly_download": (_quarter_url("reports:quarterly_download", fmt="docx"),
                                   only(*READERS)),
    "reports:quarterly_download_start": (_quarter_url("reports:quarterly_download_start"),
                                         statuses(405)),
    "reports:national": (lambda demo: reverse("reports:national"),
                         only("kansli", "styrelse", "rapportlasare")),
    "reports:national_check": (lambda demo: reverse("reports:national_check") + "?ar=2024",
                               only("kansli", "styrelse", "rapportlasare")),
    "reports:national_export": (lambda demo: reverse("reports:national_export", args=["csv"]),
                                only("kansli", "styrelse", "rapportlasare")),
    "reports:national_export_start": (lambda demo: reverse("reports:national_export_start"),
                                      statuses(405)),
    "reports:requisition_inbox": (lambda demo: reverse("reports:requisition_inbox"),
                                  only("kansli")),
    # Changes data: POST only (GET answers 405 to every signed-in role).
    "reports:requisition_decide": (lambda demo: reverse("reports:requisition_decide", args=[0]),
                                   statuses(405)),
}


def _submitted_requisition_url(name):
    def url_for(demo):
        from insatsportal.reports.models import Requisition

        requisition = Requisition.objects.filter(status=Requisition.Status.SUBMITTED).first()
        return reverse(name, args=[requisition.pk])

    return url_for


def _deviation_url(name):
    def url_for(demo):
        from insatsportal.reports.models import Deviation

        return reverse(name, args=[Deviation.objects.order_by("pk").first().pk])

    return url_for


def _submitted_quarter_url(demo):
    from insatsportal.reports.models import QuarterlyReport

    intervention = _demo_intervention()
    QuarterlyReport.objects.update_or_create(
        intervention=intervention, year=2024, quarter=3,
        defaults={"status": QuarterlyReport.Status.SUBMITTED})
    return reverse("reports:quarterly_review",
                   kwargs={"pk": intervention.pk, "year": 2024, "quarter": 3})


# Owner staff of the intervention's owners write its meetings, claims, deviations and
# quarterly report; readers without that capability get 403 like everyone else.
OWNER_STAFF = statuses(403, insatsansvarig=302)
NARRATIVE = {"went_well": "Bra samverkan.", "problems": "Inga.", "samverkan": "Tät.",
             "next_quarter": "Fler deltagare."}

WRITES = {
    "reports:meetings": Write(_url("reports:meetings"), lambda demo: {
        **form_token(), "held_on": "2024-03-05", "kind": "operative", "minutes": "Möte."},
        statuses(403, kansli=302, insatsansvarig=302)),
    "reports:requisitions": Write(_url("reports:requisitions"), lambda demo: {
        **form_token(), "year": "2024", "quarter": "1", "amount_salary": "1000"},
        {**OWNER_STAFF, "insatsansvarig": 200}, writes=False),  # the claim rules refuse it
    "reports:requisition_decide": Write(_submitted_requisition_url("reports:requisition_decide"),
                                        {"decision": "approve"}, office()),
    "reports:deviations": Write(_url("reports:deviations"), lambda demo: {
        **form_token(), "kind": "staffing", "description": "En tjänst är vakant.",
        "consequence": "Färre deltagare.", "proposed_measure": "Rekrytera."}, OWNER_STAFF),
    "reports:deviation_acknowledge": Write(_deviation_url("reports:deviation_acknowledge"),
                                           {}, office()),
    "reports:deviation_open_case": Write(_deviation_url("reports:deviation_open_case"), {},
                                         office(), writes=False),
    "reports:quarterly": Write(_quarter_url("reports:quarterly"), NARRATIVE, OWNER_STAFF),
    "reports:quarterly_review": Write(_submitted_quarter_url, {"decision": "accept"},
                                      office()),
    "reports:national": Write(lambda demo: reverse("reports:national"),
                              {"amount": "250000", "note": "Kansliets kostnader"}, office()),
    # Starts a background job that makes the file; the job's page offers it when ready.
    "reports:national_export_start": Write(
        lambda demo: reverse("reports:national_export_start"), {"ar": "2024", "format": "csv"},
        statuses(403, kansli=302, styrelse=302, rapportlasare=302)),
    # Starts a background job that makes the report as Word or PDF.
    "reports:quarterly_download_start": Write(
        _quarter_url("reports:quarterly_download_start"), {"format": "docx"},
        statuses(403, **dict.fromkeys(READERS, 302))),
}
