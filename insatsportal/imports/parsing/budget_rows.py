"""Reading the rows of the template's budget tables (tab-separated or OCR'd)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from .dates import find_dates
from .numbers import parse_amount, split_amount_groups
from .text import fold

# Canonical category keys -> wordings in the template.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "premises_rent": ("Lokalhyra",),
    "premises_other": ("Övriga lokalkostnader",),
    "evaluation": ("Utvärdering",),
    "dissemination": ("Spridningsseminarier", "Spridning"),
    "staff_training": ("Utbildning insatsmedarbetare",),
    "purchased_services": (
        "Inköpta utredningar, utbildningar och tjänster avsedda för deltagare",
        "Inköpta utredningar",
    ),
    "participant_activities": ("Övriga aktiviteter för deltagare",),
    "phone_it": ("Telefon-, IT-kostnader", "Telefon/IT", "IT-kostnader"),
    "travel": ("Resor",),
    "interpreter": ("Tolk",),
    "information_material": ("Informationsmaterial",),
    "other": ("Övrigt",),
}
SUBTOTALS: dict[str, tuple[str, ...]] = {
    "salary_total": ("Summa lönekostnader",),
    "premises_total": ("Summa lokalkostnader",),
    "other_total": ("Summa övriga kostnader",),
    "association_total": ("Totalt från Samordningsförbundet", "Totalt att rekvirera"),
    "co_financing_total": ("Summa egenfinansiering",),
    "grand_total": ("Total kostnad för insatsen", "Total kostnad"),
}
PREMISES = {"premises_rent", "premises_other"}


@dataclass
class Row:
    label: str
    text: str
    cells: list[str] | None = None  # tab cells when the table kept its columns
    fte_percent: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    values: list[int] = field(default_factory=list)
    continued: bool = False


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_label(label: str, table: dict[str, tuple[str, ...]], threshold: float = 0.8):
    folded = fold(label)
    if not folded:
        return None
    best = None
    for key, wordings in table.items():
        for wording in wordings:
            target = fold(wording)
            head = folded[: len(target) + 2]
            score = max(_ratio(folded, target), _ratio(head, target) - 0.02)
            if len(target) < 6 and folded.split(" ")[0] != target:
                continue  # "Tolk", "Resor": whole word only
            if score >= threshold and (best is None or score > best[0]):
                best = (score, key)
    return best[1] if best else None


_NOISE_RE = re.compile(r"[|\[\]!~_{}]|(?<=\d)/|(?<=\d)\s?[—–-]{1,2}(?=\s)|^\s*[~—–-]+\s*")
_SALARY_RE = re.compile(r"^\s*(\d{1,2})\s?[.,]\s*(?P<title>.*)$")


def parse_row(line: str) -> Row:
    """Split a budget line into label, % of full time, period and amounts."""
    if "\t" in line:
        return _parse_tab_row(line)
    text = _NOISE_RE.sub(" ", line)
    fte = None
    pct = re.search(r"(\d{1,3})\s?%", text)
    rest = text
    label = None
    if pct:
        fte = int(pct.group(1))
        label = text[: pct.start()]
        rest = text[pct.end():]
    dates = find_dates(rest)
    for _d, snip, _p in dates:
        rest = rest.replace(snip, " ", 1)
    if label is None:
        match = re.match(r"^\s*(?:\d{1,2}\s?[.,]\s*)?[^\d]*", rest)
        label = match.group(0) if match else ""
        rest = rest[len(label):]
    values = split_amount_groups(rest) or []
    return Row(
        label=label.strip(" .-—:"),
        text=line,
        fte_percent=fte,
        period_start=dates[0][0] if dates else None,
        period_end=dates[1][0] if len(dates) > 1 else None,
        values=values,
    )


def _parse_tab_row(line: str) -> Row:
    cells = [c.strip() for c in line.split("\t")]
    label = cells[0]
    fte = None
    dates: list[date] = []
    values: list[int] = []
    kept: list[str] = [label]
    for cell in cells[1:]:
        if re.fullmatch(r"\d{1,3}\s?%", cell):
            fte = int(cell.rstrip("% "))
            kept.append("")
            continue
        found = find_dates(cell)
        if found and len(found[0][1]) >= 6 and found[0][1] == cell:
            dates.append(found[0][0])
            kept.append("")
            continue
        amount = parse_amount(cell) if re.fullmatch(r"[\d\s]+(?:kr)?", cell) else None
        if amount is not None:
            values.append(amount)
        kept.append(cell if amount is not None else "")
    return Row(
        label=label.strip(" .-:"),
        text=line,
        cells=kept,
        fte_percent=fte,
        period_start=dates[0] if dates else None,
        period_end=dates[1] if len(dates) > 1 else None,
        values=values,
    )


def is_continuation(line: str) -> bool:
    """A wrapped tab row: only tabs and numbers, starting with a tab."""
    return line.startswith("\t") and bool(re.fullmatch(r"[\t\d ]+", line)) and any(
        c.isdigit() for c in line
    )


def owner_split(row: Row, owners: int) -> tuple[list[int | None], int | None]:
    """The amounts of the owner columns and the row total."""
    if not row.values:
        return [None] * owners, None
    total = row.values[-1]
    if row.cells and not row.continued:
        numeric = [i for i, c in enumerate(row.cells) if c]
        last = numeric[-1]
        owner_cells = row.cells[max(1, last - owners) : last]
        amounts = [parse_amount(c) if c else 0 for c in owner_cells]
        amounts = [0] * (owners - len(amounts)) + amounts
        if len(row.values) == 1 and owners > 1 and not any(amounts):
            return [None] * owners, total
        return amounts, total
    if len(row.values) == 1:
        return ([total] if owners == 1 else [None] * owners), total
    amounts = list(row.values[:owners])
    amounts += [None] * (owners - len(amounts))
    return amounts, total
