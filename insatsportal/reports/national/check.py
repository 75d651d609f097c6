"""The check before the national report is sent: per intervention, what is missing and where
it is put right (the page, and who may do it there)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from insatsportal.reports.national.people import FACTS

OFFICE_FACTS = {"specified_orientation", "follow_up_method", "esf", "reach"}
PARTICIPANT_FACTS = {fact.key for fact in FACTS}


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    where: str  # the page and who enters it there


def _item(key: str, label: str, row: dict, year: int) -> Item:
    pk = row["intervention"].pk
    if key in OFFICE_FACTS:
        return Item(label, reverse("interventions:national_facts", args=[pk]) + f"?ar={year}",
                    _("the intervention's national facts (the office)"))
    if key in PARTICIPANT_FACTS:
        return Item(label, reverse("participants:intervention", args=[pk]),
                    _("the enrolment or discharge of the ended participants (the "
                      "intervention's staff)"))
    if key in ("target_group", "planned") and row["applications"]:
        return Item(label, reverse("applications:detail", args=[row["applications"][0]]),
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


def check_list(rows: list[dict], year: int) -> list[tuple[object, list[Item]]]:
    """(intervention, items) for every intervention with something missing."""
    return [(row["intervention"], [_item(key, label, row, year) for key, label
                                   in zip(row["missing_keys"], row["missing"], strict=True)])
            for row in rows if row["missing"]]
