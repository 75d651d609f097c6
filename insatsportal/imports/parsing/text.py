"""Text clean-up shared by all readers: HTML fragments, markdown, bullets, folding."""

from __future__ import annotations

import html
import re
import unicodedata

_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_HTML_HINT_RE = re.compile(r"</?(?:p|ul|ol|li|br|div|span|table|tr|td|th|strong|em|b|i)\b", re.I)

# A bullet an OCR engine made out of "•": a lone e, ¢, v, o, «, *, », + or = at the start.
_BULLET_RE = re.compile(r"^(\s*)(?:[•●▪◦·¢«»*+=■□➢✓►-]|[evo@](?=\s{1,3}\S))\s+")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT_RE.search(text))


def strip_html(text: str) -> str:
    """Turn HTML fragments into plain lines; table cells become tab-separated."""
    if not looks_like_html(text):
        return html.unescape(text) if "&" in text and ";" in text else text

    def list_items(match: re.Match[str]) -> str:
        # Word's HTML export glues list items together: "<ul>- one- Two- Three".
        body = match.group(1)
        body = re.sub(r"(?<=\S)- (?=[A-ZÅÄÖ])", "\n- ", body)
        return "\n" + body.strip()

    out = re.sub(r"<ul[^>]*>(.*)$", list_items, text, flags=re.M)
    out = re.sub(r"</(?:td|th)>\s*", "\t", out, flags=re.I)
    out = re.sub(r"<(?:br|/p|/li|/tr|/div|/h\d|/ul|/ol)\s*/?>", "\n", out, flags=re.I)
    out = re.sub(r"<li[^>]*>", "\n- ", out, flags=re.I)
    out = re.sub(r"</p>\s*<p[^>]*>", "\n\n", out, flags=re.I)
    out = _HTML_TAG_RE.sub("", out)
    out = html.unescape(out)
    return re.sub(r"\t+\n", "\n", out)


def strip_markdown(text: str) -> str:
    """Drop markdown emphasis and heading marks from converted documents."""
    out = re.sub(r"^\s*#{1,6}\s+", "", text, flags=re.M)
    out = out.replace("**", "")
    # *emphasis* but not the template's "(*)" marker
    out = re.sub(r"(?<![(\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![)\w*])", r"\1", out)
    return out


def normalise(text: str) -> str:
    """Unicode, whitespace and line clean-up before any reading."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = re.sub(r"[\u00a0\u202f\u2009]", " ", text)
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl")
    text = strip_html(text)
    text = strip_markdown(text)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines)


def strip_bullet(line: str) -> tuple[str, bool]:
    """Remove a leading bullet (also OCR'd ones); report whether there was one."""
    match = _BULLET_RE.match(line)
    if match:
        return line[match.end():], True
    return line, False


_FOLD_TABLE = str.maketrans(
    {
        "å": "a", "ä": "a", "ö": "o", "é": "o", "6": "o", "&": "a", "@": "a",
        "Å": "a", "Ä": "a", "Ö": "o", "É": "o", "ü": "u", "è": "e",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """Lower-case ASCII-ish form for fuzzy comparison of headings and labels.

    OCR damage maps å/ä/ö onto a, o, d, é, 6, &, @; folding both sides the same way
    lets "Insatsdgare" and "Insatsägare" meet closely enough for a ratio test.
    """
    out = text.lower().translate(_FOLD_TABLE)
    out = re.sub(r"\(\s*\*\s*\)|[*]", " ", out)
    out = re.sub(r"[^a-z0-9/ ]+", " ", out)
    return re.sub(r"\s+", " ", out).strip()


def coarse(text: str) -> str:
    """Even coarser fold: every vowel-like OCR victim becomes '?'.

    Used to compare long fixed texts (the agreement) where a misread letter must not
    count as an alteration.
    """
    out = fold(text)
    return re.sub(r"[aoeiduy]", "?", out)


def squash(text: str) -> str:
    """Collapse whitespace to single spaces."""
    return re.sub(r"\s+", " ", text or "").strip()


def snippet(text: str, limit: int = 300) -> str:
    """A source snippet as shown beside a field: single-spaced and bounded."""
    flat = squash(text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def clean_title(text: str) -> str | None:
    """An insats name: one line, Swedish spaced en dash ("Jobbcentrum, - din väg")."""
    flat = squash(text)
    flat = re.sub(r"\s*,?\s+[-—–]\s*|\s*[—]\s*", " – ", flat)
    return flat.strip(" ,.") or None
