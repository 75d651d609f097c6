"""The check before the national report is sent: per intervention, what is missing and where
it is put right (the page, and who may do it there). The page is linked only for a reader
who may open it; the others read where, and who, without a link that would be refused."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from insatsportal.accounts import policy
from insatsportal.reports.national.people import FACTS

OFFICE_FACTS = {"specified_orientation", "follow_up_method", "esf", "reach"}
PARTICIPANT_FACTS = {fact.key for fact in FACTS}


@dataclass(frozen=True)
class Item:
    label: str
    url: str  # "" when the reader may not open the page
    where: str  # the page and who enters it there


def _item(key: str, label: str, row: dict, year: int, user) -> Item:
    pk = row["intervention"].pk
    if key in OFFICE_FACTS:
        url = reverse("interventions:national_facts", args=[pk]) + f"?ar={year}"
        return Item(label, url if policy.can_edit_national_facts(user) else "",
                    _("the intervention's national facts (the office)"))
    if key in PARTICIPANT_FACTS:
        url = reverse("participants:intervention", args=[pk])
        return Item(label, url if policy.can_view_participants_section(user) else "",
                    _("the enrolment or discharge of the ended participants (the "
                      "intervention's staff)"))
    if key in ("target_group", "planned") and row["applications"]:
        url = reverse("applications:detail", args=[row["applications"][0]])
        return Item(label, url if policy.can_view_applications(user) else "",
                    _("the application"))
    if key == "outcome":
        return Item(label, reverse("reports:requisitions", args=[pk]),
                    _("the requisitions (the owner claims, the office approves)"))
    if key == "pro_rata" and row["pro_rata_grants"]:
        return Item(label, reverse("interventions:grant_budget",
                                   args=[pk, row["pro_rata_grants"][0]]),
                    _("the revised budget (the owner writes, the office approves)"))
    return Item(label, reverse("reports:overview", args=[pk]),
                _("the intervention's grants (a decision covering the year)"))


def check_list(rows: list[dict], year: int, user) -> list[tuple[object, list[Item]]]:
    """(intervention, items) for every intervention with something missing, as `user`
    reads them. The remaining pages (requisitions, grants) are open to every reader of the
    national report."""
    return [(row["intervention"], [_item(key, label, row, year, user) for key, label
                                   in zip(row["missing_keys"], row["missing"], strict=True)])
            for row in rows if row["missing"]]
