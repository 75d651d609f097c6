"""Refuse passwords built on words anyone could guess from the context of the system."""

import logging
import unicodedata

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from insatsportal.organisations.models import Association, Member, MemberAlias

logger = logging.getLogger(__name__)

# The product, the kind of organisation and the law, in the spellings people use.
CONTEXT_WORDS = [
    "insatsportal", "insatsportalen", "samordningsförbund", "samordningsforbundet",
    "förbund", "finsam", "samverkan", "kommun", "region", "arbetsförmedlingen",
    "försäkringskassan",
]
# Generic words in organisation names that are context words only as part of a name.
_NAME_NOISE = {"kommun", "kommuns", "region", "samordningsförbundet", "län", "lans"}
MIN_WORD = 4


def _fold(text: str) -> str:
    """Lower case, without accents (å→a, ö→o), so 'forbund' matches 'förbund'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _register_words() -> set[str]:
    """The förbund's and members' names from the register (kommuner, region, agencies)."""
    names = []
    try:
        names += list(Member.objects.values_list("name", flat=True))
        names += list(MemberAlias.objects.values_list("name", flat=True))
        for name, short in Association.objects.values_list("name", "short_name"):
            names += [name, short]
    except DatabaseError:  # before the first migration: the fixed list still applies
        logger.warning("Register not readable; context words limited to the fixed list")
    words = set()
    for name in names:
        for part in name.replace("–", " ").replace("-", " ").split():
            part = part.strip(".,()")
            if part.casefold() not in _NAME_NOISE:
                words.add(part)
    return words


def context_words() -> list[str]:
    words = {_fold(w) for w in [*CONTEXT_WORDS, *_register_words()]}
    # A genitive "Enköpings" also covers "Enköping".
    words |= {w[:-1] for w in words if w.endswith("s") and len(w) > MIN_WORD}
    return sorted(w for w in words if len(w) >= MIN_WORD)


class ContextWordsValidator:
    """The password may not contain the product's, the förbund's or a member's name."""

    def validate(self, password, user=None):
        folded = _fold(password)
        for word in context_words():
            if word in folded:
                raise ValidationError(
                    _("The password contains a word that is easy to guess here (%(word)s)."),
                    code="password_context_word",
                    params={"word": word},
                )

    def get_help_text(self):
        return _(
            "Your password cannot contain the name of the system, the association or one of "
            "its members."
        )
