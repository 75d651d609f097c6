"""A small in-memory organisation register for the tests (Uppsala län's members)."""

from __future__ import annotations

import re

KOMMUNER = ("Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Uppsala", "Älvkarleby",
            "Östhammar")
_GENITIVE = {"Enköping": "Enköpings", "Tierp": "Tierps", "Östhammar": "Östhammars"}

MEMBERS: dict[str, dict] = {}
for _k in KOMMUNER:
    _canonical = f"{_GENITIVE.get(_k, _k)} kommun"
    _ascii = _k.lower().translate(str.maketrans("åäö", "aao"))
    MEMBERS[_canonical] = {
        "variants": {_canonical.lower(), f"{_k.lower()} kommun", f"{_k.lower()}s kommun",
                     f"{_ascii} kommun", _k.lower()},
        "domains": {f"{_ascii}.se"},
    }
MEMBERS["Region Uppsala"] = {
    "variants": {"region uppsala", "regionen", "region", "landstinget",
                 "landstinget i uppsala län"},
    "domains": {"regionuppsala.se", "lul.se"},
}
MEMBERS["Arbetsförmedlingen"] = {
    "variants": {"arbetsförmedlingen", "af", "arbetsförmedling", "arbetsformedlingen"},
    "domains": {"arbetsformedlingen.se"},
}
MEMBERS["Försäkringskassan"] = {
    "variants": {"försäkringskassan", "fk", "försäkringskassa", "forsakringskassan"},
    "domains": {"forsakringskassan.se"},
}


def resolve(text: str | None, email: str | None) -> str | None:
    """Canonical member name from a written name and/or an e-mail address."""
    if email and "@" in email:
        domain = email.rsplit("@", 1)[1].lower()
        for name, member in MEMBERS.items():
            if domain in member["domains"] or any(domain.endswith("." + d)
                                                  for d in member["domains"]):
                return name
    if text:
        key = re.sub(r"\s+", " ", text.strip(" .,()").lower())
        for name, member in MEMBERS.items():
            if key in member["variants"]:
                return name
        # "Arbetsförmedlingen Uppsala": a known variant followed by a place name
        first = key.split(" ")[0]
        for name, member in MEMBERS.items():
            if first in member["variants"] and first not in {"region"} | {
                    k.lower() for k in KOMMUNER}:
                return name
    return None
