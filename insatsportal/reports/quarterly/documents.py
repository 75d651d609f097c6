"""The quarterly report as a Document (core/documents.py renders .docx and PDF)."""

from django.utils.translation import gettext as _

from insatsportal.core.documents import Document
from insatsportal.core.money import format_kr
from insatsportal.reports.templatetags.reports import goal_value

DASH = "–"


def _cell(value):
    return DASH if value is None else str(value)


def quarterly_document(report, facts: dict) -> Document:
    title = _("Quarterly report %(year)s Q%(quarter)s: %(intervention)s") % {
        "year": report.year, "quarter": report.quarter, "intervention": report.intervention.name}
    doc = Document(title=title, reference=report.get_status_display())
    doc.heading(_("Participants"))
    doc.table([_("Participants"), *facts["sexes"], _("Total")],
              [[row["label"], *map(_cell, row["cells"]), _cell(row["total"])]
               for row in facts["participants"]], numeric={1, 2, 3, 4})
    if facts.get("planned_per_quarter"):
        doc.paragraph(_("Planned new participants per quarter: %(n)s")
                      % {"n": facts["planned_per_quarter"]})
    doc.heading(_("Goals"))
    doc.table([_("Goal"), _("Target"), _("Outcome so far"), _("Status")],
              [[g["goal"], goal_value(g["target"], g["unit"]), goal_value(g["outcome"], g["unit"]),
                g["status_label"] + (f" ({g['reason']})" if g["reason"] else "")]
               for g in facts["goals"]])
    progress = facts.get("progress")  # absent in reports frozen before it was added
    if progress:
        doc.heading(_("Progress ratings and activities"))
        doc.paragraph(_("Progress ratings in the quarter: %(ratings)s. Share whose latest rating "
                        "is higher than their first: %(share)s (of %(compared)s rated at least "
                        "twice).") % {"ratings": progress["ratings"],
                                      "share": goal_value(progress["improved_share"], "%"),
                                      "compared": _cell(progress["compared"])})
        doc.table([_("Activity"), _("Number in the quarter")],
                  [[row["kind"], str(row["count"])] for row in facts.get("activities", [])],
                  numeric={1})
    money = facts["money"]
    doc.heading(_("Costs against the budget"))
    doc.paragraph(_("Granted %(granted)s, paid %(paid)s, awaiting approval %(claimed)s, "
                    "remaining %(remaining)s.") % {k: format_kr(money[k]) for k in
                                                   ("granted", "paid", "claimed", "remaining")})
    doc.table([_("Budget category"), _("Budget (plan)"), _("Paid (approved)")],
              [[r["label"], format_kr(r["planned"]), format_kr(r["paid"])]
               for r in money["rows"]], numeric={1, 2})
    doc.heading(_("Deviations of the quarter"))
    for deviation in facts["deviations"]:
        doc.paragraph(deviation["description"], lead=f"{deviation['kind']}:")
    if not facts["deviations"]:
        doc.paragraph(_("No deviations were reported."))
    for label, text in ((_("What went well"), report.went_well),
                        (_("Problems and how they were met"), report.problems),
                        (_("Cooperation between the parties"), report.samverkan),
                        (_("Plans for the next quarter"), report.next_quarter)):
        doc.heading(label)
        doc.paragraph(text or DASH)
    if report.office_comment:
        doc.heading(_("The office's comment"))
        doc.paragraph(report.office_comment)
    return doc
