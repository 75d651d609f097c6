"""Restoring å, ä and ö that OCR lost, from a list of known words.

OCR reads "ö" as o, é, 6, d or 8, "ä" as a, d, &, @ or i, and "å" as a, d, & or é.
Blind substitution would wreck real words ("dag", "man"), so a token is only changed
when it is not a known word itself and exactly one known word could have produced it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# What each observed character may stand for.
_ALLOWED: dict[str, frozenset[str]] = {
    "a": frozenset("aåä"),
    "o": frozenset("oö"),
    "é": frozenset("öåäé"),
    "6": frozenset("ö"),
    "d": frozenset("däöå"),
    "&": frozenset("äåö"),
    "@": frozenset("äå"),
    "8": frozenset("öå"),
    "i": frozenset("iäå"),
}
_VICTIMS = set("aåäoöéd6&@8i")
# When two known words fit, the likelier misreading wins: é and 6 are mostly ö, d and
# & mostly ä. Plain "a" has no preference, so "ar" (är/år) stays ambiguous.
_PREFERRED = {"é": "ö", "6": "ö", "8": "ö", "d": "ä", "&": "ä", "@": "ä", "i": "ä"}
_TOKEN_RE = re.compile(
    r"(?<![\w@.&])(?:[A-Za-zÅÄÖåäöéÉ]|[6&@](?=[a-zåäö]))[A-Za-zÅÄÖåäöéÉ6&@8]*(?![\w@&]|\.\w)"
)


def _key(word: str) -> str:
    return "".join("?" if ch in _VICTIMS else ch for ch in word)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], dict[str, list[str]]]:
    raw = resources.files(__package__).joinpath("data/vocabulary.txt").read_text("utf-8")
    words = frozenset(
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )
    index: dict[str, list[str]] = {}
    for word in words:
        if re.search("[åäö]", word):
            index.setdefault(_key(word), []).append(word)
    return words, index


def _fits(observed: str, candidate: str) -> bool:
    pairs = zip(observed, candidate, strict=True)
    return all(c == o or c in _ALLOWED.get(o, frozenset()) for o, c in pairs)


def _score(observed: str, candidate: str) -> int:
    return sum(1 for o, c in zip(observed, candidate, strict=True) if _PREFERRED.get(o) == c)


def _with_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[0].isupper():
        return word[0].upper() + word[1:]
    return word


@lru_cache(maxsize=20000)
def repair_word(token: str) -> str:
    """The known word ``token`` is a damaged form of, or ``token`` unchanged."""
    words, index = _vocabulary()
    lower = token.lower()
    if lower in words or len(lower) < 2:
        return token
    variants = [lower]
    if token[0] == "I" and len(token) > 2:  # "I6pande": capital I read for l
        variants.append("l" + lower[1:])
    for variant in variants:
        candidates = [w for w in index.get(_key(variant), ()) if _fits(variant, w)]
        if len(candidates) > 1:
            scores = {w: _score(variant, w) for w in candidates}
            best = max(scores.values())
            candidates = [w for w in candidates if scores[w] == best]
        if len(candidates) == 1:
            return _with_case(token if variant == lower else "l" + token[1:], candidates[0])
    return token


_YEAR_CONTEXT = re.compile(
    r"(?:(?<=\d)|(?<=\d )|(?<=\bper )|(?<=\bvarje )|(?<=\bett )|(?<=\bunder ))"
    r"(?P<w>[aAd&@]r)\b"
)
_YEAR_BEFORE_NUMBER = re.compile(r"\b(?P<w>[aAd&@]r)(?= (?:19|20)\d\d\b)")
_VERB_CONTEXT = re.compile(
    r"\b(?P<p>(?:som|det|detta|den|vilket|vilka|dessa|de|vi|hen|man|dar|där|insatsen"
    r"|malet|målet|syftet|kommun) )(?P<w>[aAd&@]r)\b(?! (?:19|20)\d\d)",
    re.IGNORECASE,
)


def _context_ar(text: str) -> str:
    def year(match: re.Match[str]) -> str:
        return "År" if match.group("w")[0].isupper() else "år"

    text = _YEAR_CONTEXT.sub(year, text)
    text = _YEAR_BEFORE_NUMBER.sub(year, text)
    return _VERB_CONTEXT.sub(
        lambda m: m.group("p") + ("Är" if m.group("w")[0] == "A" else "är"), text
    )


def repair_text(text: str) -> tuple[str, int]:
    """Repair OCR damage in ``text``; return the text and how many words changed."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        token = match.group(0)
        fixed = repair_word(token)
        if fixed != token:
            count += 1
        return fixed

    # "| dagslaget": a capital I read as a bar
    text = re.sub(r"(?m)(^|(?<=[.!?] ))\|(?= [a-zåäö])", "I", text)
    repaired = _TOKEN_RE.sub(fix, text)
    repaired = _context_ar(repaired)
    return repaired, count
