"""Reads of the organisation register."""

import re
import unicodedata

from insatsportal.organisations.models import Association, LocalGroup, Member, StrategicDirection


def association_current() -> Association:
    """The förbund of this deployment (the first one registered)."""
    return Association.objects.order_by("pk").first()


def _fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: 'Försäkringskassan ' -> 'forsakringskassan'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^\w@.]+", " ", text).strip()


def _names_by_length():
    names = []
    for member in Member.objects.prefetch_related("aliases"):
        names.append((_fold(member.name), member))
        names.extend((_fold(alias.name), member) for alias in member.aliases.all())
    # Longest first, so "Arbetsförmedlingen Uppsala" wins over "AF".
    return sorted(names, key=lambda pair: len(pair[0]), reverse=True)


def member_resolve(text: str | None = None, email: str | None = None) -> Member | None:
    """Resolve free text and/or an e-mail address to a member of the register.

    The e-mail domain is the strongest evidence ("Regionen" with an address at
    regionuppsala.se is Region Uppsala); then the longest name or variant that
    occurs as whole words in the text.
    """
    if email and "@" in email:
        domain = email.rsplit("@", 1)[1].strip().lower().rstrip(".")
        member = _member_for_domain(domain)
        if member:
            return member
    if not text:
        return None
    folded = f" {_fold(text)} "
    for name, member in _names_by_length():
        if name and f" {name} " in folded:
            return member
    return None


def _member_for_domain(domain: str) -> Member | None:
    # "uppsala.se" must not match "regionuppsala.se"; sub-domains do match.
    candidates = [domain]
    parts = domain.split(".")
    candidates += [".".join(parts[i:]) for i in range(1, len(parts) - 1)]
    return (
        Member.objects.filter(domains__domain__in=candidates)
        .order_by("pk")
        .first()
    )


def register_overview() -> dict:
    """Everything the register page shows, in a fixed number of queries."""
    association = association_current()
    return {
        "association": association,
        "members": Member.objects.prefetch_related(
            "aliases", "domains", "units", "contacts__unit"
        ),
        "local_groups": LocalGroup.objects.select_related("kommun").prefetch_related(
            "members__member"
        ),
        "directions": StrategicDirection.objects.prefetch_related("priority_groups"),
    }
