"""Finding the template's headings in damaged text and cutting the text into sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from . import terms
from .text import fold

# The wordings live in terms.py (data, extendable per förbund); kept here by name for
# the readers and tests that import them from this module.
APPLICATION_HEADINGS = terms.APPLICATION_HEADINGS
INLINE_HEADINGS = terms.INLINE_HEADINGS


@dataclass(frozen=True)
class Heading:
    key: str
    line_no: int
    text: str
    inline_value: str


@lru_cache(maxsize=1024)
def _folded(wording: str) -> str:
    return fold(wording)


def _clean_line(line: str) -> str:
    line = re.sub(r"\(\s*\*\s*\)", "", line)
    return line.strip(" \t:|*-–—.?")


def _word_end(folded: str, target: str) -> bool:
    """The prefix compared must end near a word boundary (not "Samverkanspart(namn)")."""
    rest = folded[len(target) :]
    return " " in rest[:3] or rest == ""


def _similar(a: str, b: str) -> float:
    # The cheap upper bounds reject almost every line; the full ratio is slow. The
    # length bound needs no matcher at all.
    if 2 * min(len(a), len(b)) < 0.85 * (len(a) + len(b)):
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.85 or matcher.quick_ratio() < 0.85:
        return 0.0
    return matcher.ratio()


def match_heading(line: str, catalogue: dict[str, tuple[str, ...]], threshold: float = 0.86):
    """Return (key, inline value) when ``line`` is one of the catalogue's headings."""
    cleaned = _clean_line(line)
    if not cleaned or len(cleaned) > 300:
        return None
    ends_sentence = line.rstrip().endswith((".", ","))  # headings do not end a sentence
    folded = fold(cleaned)
    if not folded or folded[0].isdigit():
        return None
    best = None
    for key, wordings in catalogue.items():
        for wording in wordings:
            target = _folded(wording)
            if key in INLINE_HEADINGS and ":" in cleaned:
                head, _, value = cleaned.partition(":")
                score = _similar(fold(head), target)
                inline = value.strip()
            elif ends_sentence or len(cleaned) > 140:
                continue
            else:
                # Short headings ("Mål") must match whole; long ones may carry "(*)" or
                # a trailing remark, so compare the same number of characters.
                score = _similar(folded, target)
                if len(target) >= 12 and len(folded) > len(target) and _word_end(folded, target):
                    score = max(score, _similar(folded[: len(target)], target) - 0.03)
                inline = ""
            if len(target) < 8 and folded != target:
                continue  # short wordings ("Mål", "Metod") only count when exact
            if len(target) < 12:
                score -= 0.04  # and middling ones must be close
            if score >= threshold and (best is None or score > best[0]):
                best = (score, key, inline)
    return (best[1], best[2]) if best else None


def find_headings(lines: list[str], catalogue=APPLICATION_HEADINGS) -> list[Heading]:
    found = []
    for i, line in enumerate(lines):
        hit = match_heading(line, catalogue)
        if hit and hit[0] == "signature" and "*" not in line and "Underskrifter" in line:
            continue  # the agreement's own "Underskrifter" paragraph, not a signature
        if hit:
            found.append(Heading(hit[0], i, line.strip(), hit[1]))
    return found


@dataclass
class Section:
    key: str
    heading: str
    start: int  # first line after the heading
    end: int  # exclusive
    text: str


def sections(lines: list[str], headings: list[Heading]) -> dict[str, list[Section]]:
    """Every heading's body, up to the next heading. A key may occur several times."""
    out: dict[str, list[Section]] = {}
    for idx, heading in enumerate(headings):
        end = headings[idx + 1].line_no if idx + 1 < len(headings) else len(lines)
        body_lines = lines[heading.line_no + 1 : end]
        text = "\n".join(body_lines).strip("\n")
        if heading.inline_value:
            text = (heading.inline_value + "\n" + text).strip()
        out.setdefault(heading.key, []).append(
            Section(heading.key, heading.text, heading.line_no + 1, end, text)
        )
    return out
