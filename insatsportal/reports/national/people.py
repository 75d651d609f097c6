"""The national report's participant breakdowns beyond sex: age bands of the year's new
participants, and for those who ended in the year the SUS heritage of Uppföljning Finsam —
support and occupation before and after, time in public support before, education and end
reason — as counts per code of the participant code lists.

One grouped query per fact, whatever the number of interventions and people. A fact that no
ended participant of the intervention has recorded is missing (None), never 0; a person
without it counts under "not recorded". Several forms of support can hold at once, so
support columns count people per form and may add up to more than the people ended.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from insatsportal.participants.aggregates import HIDDEN, suppress_row
from insatsportal.participants.models import Code, Discharge

NOT_RECORDED = ""  # the column of people without the fact


@dataclass(frozen=True)
class Fact:
    key: str
    heading: Promise  # column heading before the code's label
    missing: Promise  # how the check page names the fact when nobody has it
    path: str  # from Participant to the participants.Code (or the end type field)
    code_list: str | None  # None: the end type's choices
    many: bool = False


FACTS = (
    Fact("income_before", _("Ended, support before"), _("support before (ended participants)"),
         "enrolment__income_before", "income", many=True),
    Fact("occupation_before", _("Ended, occupation before"),
         _("occupation before (ended participants)"), "enrolment__occupation_before",
         "occupation"),
    Fact("support_time", _("Ended, time in public support before"),
         _("time in public support before (ended participants)"),
         "enrolment__support_time_before", "support_time"),
    Fact("education", _("Ended, education"), _("education (ended participants)"),
         "enrolment__education", "education"),
    Fact("income_after", _("Ended, support after"), _("support after (ended participants)"),
         "discharge__income_after", "income", many=True),
    Fact("occupation_after", _("Ended, occupation after"),
         _("occupation after (ended participants)"), "discharge__occupation_after",
         "occupation"),
    Fact("end_type", _("Ended, end reason"), _("end reason (ended participants)"),
         "discharge__end_type", None),
)


def age_bands() -> list[tuple[int | None, int | None, str]]:
    """(lowest age, highest age, label) from settings.NATIONAL_AGE_BANDS, the first and last
    open so that every age has a band, then the band of unknown age (anonymous records)."""
    bounds = settings.NATIONAL_AGE_BANDS
    bands = []
    for index, (low, high) in enumerate(bounds):
        low = None if index == 0 else low
        high = None if index == len(bounds) - 1 else high
        label = (f"–{high}" if low is None else f"{low}–" if high is None else f"{low}–{high}")
        bands.append((low, high, label))
    bands.append((None, None, str(_("unknown age"))))
    return bands


def _band_index(age: int | None, bands) -> int:
    if age is None:
        return len(bands) - 1
    for index, (low, high, _label) in enumerate(bands[:-1]):
        if (low is None or age >= low) and (high is None or age <= high):
            return index
    return len(bands) - 1


def columns() -> dict[str, list[tuple[str, str]]]:
    """Per fact: (code, label) columns, then the column of people without it. Codes by their
    stable slug (every version together), labelled by the newest version (one query)."""
    lists = defaultdict(dict)
    for code_list, code, label in (Code.objects.filter(
            code_list__key__in={f.code_list for f in FACTS if f.code_list})
            .order_by("code_list__key", "order", "code", "version")
            .values_list("code_list__key", "code", "label")):
        lists[code_list][code] = label
    ends = [(value, str(label)) for value, label in Discharge.EndType.choices
            if value != Discharge.EndType.WRONG_REGISTRATION]
    result = {}
    for fact in FACTS:
        found = ends if fact.code_list is None else list(lists[fact.code_list].items())
        result[fact.key] = [*found, (NOT_RECORDED, str(_("not recorded")))]
    return result


def _marked(counts: list[int], marker: str) -> list:
    row = suppress_row("", counts)
    return [marker if cell is HIDDEN else cell for cell in row.cells]


def ages(new, year: int, marker: str) -> dict[int, list]:
    """{intervention id: cells per age band} of the year's new participants; the age is the
    one reached in the year of enrolment."""
    bands = age_bands()
    counts = defaultdict(lambda: [0] * len(bands))
    for row in new.values("intervention_id", "birth_year").annotate(n=Count("pk")):
        age = None if row["birth_year"] is None else year - row["birth_year"]
        counts[row["intervention_id"]][_band_index(age, bands)] += row["n"]
    return defaultdict(lambda: [0] * len(bands),
                       {pk: _marked(cells, marker) for pk, cells in counts.items()})


def ended_facts(ended, ended_totals: dict[int, int], marker: str) -> dict[int, dict]:
    """{intervention id: {fact key: cells, or None when no ended participant has it}}."""
    cols = columns()
    per_code = {fact.key: defaultdict(dict) for fact in FACTS}
    with_fact = {fact.key: defaultdict(int) for fact in FACTS}
    for fact in FACTS:
        value = fact.path if fact.code_list is None else f"{fact.path}__code"
        rows = (ended.filter(**{f"{fact.path}__isnull": False})
                .values("intervention_id", value).annotate(n=Count("pk", distinct=True)))
        for row in rows:
            per_code[fact.key][row["intervention_id"]][row[value]] = row["n"]
            if not fact.many:
                with_fact[fact.key][row["intervention_id"]] += row["n"]
        if fact.many:
            for row in (ended.filter(**{f"{fact.path}__isnull": False})
                        .values("intervention_id").annotate(n=Count("pk", distinct=True))):
                with_fact[fact.key][row["intervention_id"]] = row["n"]
    result = {}
    for pk, total in ended_totals.items():
        facts = {}
        for fact in FACTS:
            known = with_fact[fact.key][pk]
            if total and not known:
                facts[fact.key] = None
                continue
            found = per_code[fact.key][pk]
            counts = [found.get(code, 0) for code, _label in cols[fact.key][:-1]]
            facts[fact.key] = _marked([*counts, total - known], marker)
        result[pk] = facts
    return result


def headers() -> list[str]:
    cols = columns()
    return [f"{fact.heading}: {label}" for fact in FACTS for _code, label in cols[fact.key]]


def age_headers() -> list[str]:
    return [f"{_('New, age')}: {label}" for _low, _high, label in age_bands()]


def breakdown(row: dict, cols: dict) -> list[tuple[str, list[tuple[str, object]]]]:
    """For the page: (heading, [(label, cell)]) of the age bands and each ended fact; a cell
    is None where the fact is missing."""
    groups = [(str(_("New, age")), list(zip([label for _l, _h, label in age_bands()],
                                            row["ages"], strict=True)))]
    for fact in FACTS:
        cells = row["ended_facts"][fact.key]
        labels = [label for _code, label in cols[fact.key]]
        groups.append((str(fact.heading),
                       list(zip(labels, cells or [None] * len(labels), strict=True))))
    return groups
