"""Goals with measurable targets, participants, ages and staffing from prose sections."""

from __future__ import annotations

import re

from .text import fold, squash, strip_bullet

_NUMBER_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
                 "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "tolv": 12}
_NUM = r"(\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv)"
_GOAL_HEAD_RE = re.compile(r"^(overgripande ma\w*|effektma\w*|insatsma\w*)\b(.*)$")
_KIND_OF_HEAD = {"o": "overall", "e": "outcome", "i": "output"}


def _num(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def _items(lines: list[str]) -> list[str]:
    """Bullet or paragraph items; OCR'd bullets ("e", "¢", "v") are removed."""
    items: list[str] = []
    current: list[str] = []
    for raw in lines:
        line, bullet = strip_bullet(raw.strip())
        if re.fullmatch(r"\W?", line.strip()):
            if current:
                items.append(" ".join(current))
                current = []
            continue
        if bullet and current:
            items.append(" ".join(current))
            current = []
        current.append(line.strip())
    if current:
        items.append(" ".join(current))
    return [squash(i) for i in items if len(re.findall(r"[A-Za-zÅÄÖåäö]", i)) >= 8]


_TARGETS: list[tuple[str, re.Pattern[str]]] = [
    ("share_with_action_plan", re.compile(
        r"(?P<v>\d{1,3})\s?%[^.]*?handlingsplan", re.I)),
    ("followed_up", re.compile(
        rf"(?P<v>{_NUM})[^.]{{0,60}}?följas upp\s+(?P<p>\d+\s+månader[^.]*)", re.I)),
    ("discharged_to_work_or_studies", re.compile(
        rf"(?P<v>{_NUM})\s+(?:personer|deltagare|individer|unga)[^.]{{0,40}}?"
        r"(?:skrivas ut till|går till|till)\s+arbete eller studier(?P<p>\s+per år)?", re.I)),
    ("meetings_per_year", re.compile(
        rf"(?P<v>{_NUM})\s+gånger\s+(?P<p>per år|om året|årligen)", re.I)),
    ("participants_per_year", re.compile(
        rf"(?P<v>{_NUM})\s+(?:individer|deltagare|personer|unga vuxna|unga)[^.]{{0,60}}?"
        r"(?P<p>per år|om året)", re.I)),
    ("participants_per_year", re.compile(
        rf"(?P<p>Årligen)[^.]{{0,30}}?(?P<v>{_NUM})\s+(?:deltagare|individer|personer)", re.I)),
]


def parse_targets(text: str) -> list[dict]:
    """Measurable targets stated in one goal text."""
    found = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _TARGETS:
        for match in pattern.finditer(text):
            span = match.span("v")
            if any(s <= span[0] < e for s, e in taken):
                continue
            taken.append(match.span())
            period = (match.groupdict().get("p") or "").strip() or None
            if kind in ("participants_per_year", "meetings_per_year"):
                period = "år"
            found.append({"kind": kind, "value": _num(match.group("v")), "period": period,
                          "source": match.group(0)})
    return found


def read_goals(text: str | None) -> tuple[dict[str, list[dict]], list[str]]:
    goals: dict[str, list[dict]] = {"overall": [], "outcome": [], "output": []}
    parts: list[str] = []
    if not text:
        return goals, parts
    kind, part = None, None
    block: list[str] = []

    def flush() -> None:
        if kind is None:
            return
        for item in _items(block):
            goals[kind].append({"text": item, "part": part, "targets": parse_targets(item)})

    for line in text.split("\n"):
        head = _GOAL_HEAD_RE.match(fold(line.strip().rstrip(":")))
        if head and len(line) < 80:
            flush()
            block = []
            kind = _KIND_OF_HEAD[head.group(1)[0]]
            suffix = line.strip().rstrip(":").split(None, 1)
            part = None
            if len(suffix) > 1 and head.group(1).startswith(("effekt", "insats")):
                name = suffix[1].strip(" :")
                part = name[0].upper() + name[1:] if name else None
                if part and part.lower() not in [p.lower() for p in parts]:
                    parts.append(part)
                part = next((p for p in parts if part and p.lower() == part.lower()), part)
            continue
        block.append(line)
    flush()
    # A goal that names another part belongs to it (OCR shuffles table columns).
    for items in goals.values():
        for goal in items:
            for name in parts:
                stem = fold(name)[:-2] if len(name) > 6 else fold(name)
                if stem in fold(goal["text"]) and goal["part"] != name:
                    goal["part"] = name
    return goals, parts


def read_participants(text: str | None) -> tuple[int | None, int | None, str | None]:
    """(per year, total, source) from "120 individer … vilket innebär 60 individer per år"."""
    if not text:
        return None, None, None
    first = squash(text.split("\n\n")[0])
    per_year = total = None
    unit = r"(?:individer|deltagare|personer|stycken|st\b|unga)"
    yearly = r"per år|/år|om året|årligen"
    for match in re.finditer(rf"(?P<v>\d+)\s+{unit}(?P<rest>[^.,;]{{0,30}})", first):
        if re.search(yearly, match.group("rest")):
            per_year = per_year or int(match.group("v"))
        elif total is None and per_year is None:
            total = int(match.group("v"))
    if per_year is None:  # "25 per år": no noun between the number and the year
        bare = re.search(rf"(?<![\d-])(?P<v>\d{{1,4}})\s+(?:{yearly})", first)
        per_year = int(bare.group("v")) if bare else None
    stated = re.search(rf"\btotalt\s+(?:ca\s+)?(?P<v>\d+)(?!\d)(?!\s+{unit}?\s*(?:{yearly}))",
                       first)
    if total is None and stated and int(stated.group("v")) != per_year:
        total = int(stated.group("v"))
    return per_year, total, first


_AGE_RANGE_RE = re.compile(
    r"(?<!\d)(?P<a>1[5-9]|[2-6]\d)\s?[-–—]\s?(?P<b>[2-7]\d)(?!\d)(?P<tail>\s*(?:år|ar)\b)?"
)
_AGE_FROM_RE = re.compile(r"(?:från|fr\.o\.m\.?)\s+(?P<a>1[5-9]|[2-6]\d)\s+år", re.I)
_AGE_OPEN_RE = re.compile(r"(?P<a>[1-6]\d)\s+år\s+och\s+(?:uppåt|äldre)", re.I)
_PERSON_WORDS = re.compile(r"(individer|personer|unga|vuxna|åldern|ålder|deltagare)\s*\(?$", re.I)


def read_ages(texts: list[str | None]) -> tuple[int | None, int | None, str | None]:
    """Age range of the target group from the first section that states one."""
    for text in texts:
        if not text:
            continue
        low: list[int] = []
        high: list[int | None] = []
        sources = []
        for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
            if re.search(r"\b(inte|ej)\b", sentence):
                continue  # "16-20 år faller inte inom ramen"
            for match in _AGE_RANGE_RE.finditer(sentence):
                before = sentence[: match.start()]
                if not match.group("tail") and not _PERSON_WORDS.search(before.strip()):
                    continue
                a, b = int(match.group("a")), int(match.group("b"))
                if a < b:
                    low.append(a)
                    high.append(b)
                    sources.append(match.group(0))
            for match in _AGE_OPEN_RE.finditer(sentence):
                low.append(int(match.group("a")))
                high.append(None)
                sources.append(match.group(0))
        if low:
            top = None if None in high else max(h for h in high if h is not None)
            return min(low), top, "; ".join(sources)
    return None, None, None


_STAFF_RE = re.compile(
    r"(?:(?P<count>[Tt]vå|[Tt]re|[Ee]n|[Ee]tt)\s+)?"
    r"(?P<title>[A-ZÅÄÖa-zåäö][\wåäö/-]+(?: (?!som\b)[a-zåäö]+)?)"
    r"\s+(?:som\s+)?arbetar\s+(?:vardera\s+)?(?P<pct>\d{1,3})\s?%"
    r"|^(?P<title2>[A-ZÅÄÖ][\wåäö/ -]{2,40}?)\s+(?P<pct2>\d{1,3})\s?%$",
    re.M,
)
_EMPLOYER_RE = re.compile(r"egenfinansierad\s+av\s+(?:kommunen|(?P<who>[A-ZÅÄÖ]\w+))")


def read_staffing(text: str | None) -> list[dict]:
    if not text:
        return []
    staff = []
    for match in _STAFF_RE.finditer(text):
        title = (match.group("title") or match.group("title2") or "").strip()
        pct = int(match.group("pct") or match.group("pct2"))
        if fold(title) in ("som", "och", "insatsen", "coachen"):
            continue
        tail = text[match.end(): match.end() + 200]
        employer = _EMPLOYER_RE.search(tail.split("\n\n")[0])
        count = _NUMBER_WORDS.get((match.group("count") or "").lower(), 1)
        staff.append({"title": title[0].upper() + title[1:], "fte_percent": pct,
                      "count": count,
                      "employer": employer.group("who") if employer and employer.group("who")
                      else None,
                      "source": squash(match.group(0))})
    return staff
