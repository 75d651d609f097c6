"""The words documents use, as data: the template's headings and their synonyms in other
förbund's and municipalities' templates, and the words that mark a decision.

``Terms`` holds the defaults; a förbund adds its own wordings (the imports app keeps them
in the database) with ``Terms.extended``. Readers take a ``Terms`` and never list wordings
themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# key -> wordings. Matching is fuzzy, so OCR damage and small rewordings still hit.
APPLICATION_HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("Insatsens namn", "Projektnamn", "Projektets namn", "Namn på projektet",
             "Verksamhetens namn", "Namn på insatsen", "Namn på verksamheten"),
    "owner": ("Insatsägare", "Huvudinsatsägare", "Projektägare", "Sökande organisation",
              "Huvudman", "Sökande", "Verksamhetsägare"),
    "partners": ("Samverkansparter", "Samarbetspartner", "Samarbetsparter",
                 "Samverkanspartner", "Medsökande"),
    "purpose": ("Beskriv syftet med insatsen", "Syfte", "Syftet med insatsen",
                "Syfte med projektet", "Projektets syfte", "Syfte med verksamheten"),
    "goals": ("Beskriv målen med insatsen", "Mål", "Målen med insatsen", "Projektets mål",
              "Mål med projektet", "Mål och resultat"),
    "background": ("Beskriv bakgrunden till/behovet av insatsen", "Bakgrund", "Behov",
                   "Bakgrund och behov", "Behovsbeskrivning"),
    "period": ("Planerad insatstid", "Insatstid", "Planerad insatsperiod", "Projektperiod",
               "Löptid", "Projekttid", "Tidsperiod", "Period", "Projektets löptid"),
    "target_group": ("Beskriv målgrupp för insatsen", "Målgrupp", "Projektets målgrupp"),
    "participants": ("Ange förväntat antal deltagare", "Förväntat antal deltagare",
                     "Antal deltagare"),
    "methods": ("Beskriv metod/metoder ni kommer använda", "Metod", "Metoder", "Arbetssätt",
                "Genomförande", "Aktiviteter och metoder"),
    "follow_up": (
        "Beskriv metod för uppföljning och utvärdering av målen",
        "Beskriv uppföljning och utvärdering av målen",
        "Uppföljning och utvärdering", "Utvärdering",
    ),
    "implementation": (
        "Beskriv hur ni tänker ta tillvara resultaten från insatsen",
        "Beskriv hur ni tänker arbeta för att implementera insatsen",
        "Implementering", "Implementering och spridning",
    ),
    "budget_note": ("Ange budget/finansiering", "Budget/finansiering", "Budget",
                    "Finansiering"),
    "anchoring": (
        "Har ansökan diskuterats i lokal utvecklingsgrupp eller i den strategiska "
        "utvecklingsgruppen",
        "Beskriv på vilket sätt ansökan är förankrad",
    ),
    "anchoring_how": ("Hur och när har ansökan diskuterats",),
    "agreement": ("Överenskommelse",),
    "signature": ("Underskrift", "Underskrifter"),
    "budget": ("Budget - detaljerad", "Detaljerad budget"),
    "budget_summary": ("Budgetsammanställning",),
}

# Headings that may carry their value on the same line after a colon ("Projektnamn: X").
INLINE_HEADINGS = frozenset({"participants", "name", "owner", "partners", "period",
                             "target_group"})

# The noun a decision names the funded thing with, in the definite form.
INTERVENTION_NOUNS = ("insatsen", "projektet", "verksamheten", "satsningen",
                      "samverkansinsatsen", "samverkansprojektet")
# Who owns it in prose: "Knivsta kommun är insatsägare / projektägare / huvudman".
OWNER_WORDS = ("insatsägare", "huvudinsatsägare", "projektägare", "huvudman",
               "verksamhetsägare", "sökande")
# A document of the decision kind names itself so at its head.
DECISION_DOCUMENT_WORDS = ("tjänsteskrivelse", "beslutsunderlag", "protokollsutdrag",
                           "protokoll", "förslag till beslut", "beslutsförslag")

KEYS = tuple(APPLICATION_HEADINGS) + ("intervention_noun", "owner_word", "decision_document")


@dataclass(frozen=True)
class Terms:
    headings: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(APPLICATION_HEADINGS))
    intervention_nouns: tuple[str, ...] = INTERVENTION_NOUNS
    owner_words: tuple[str, ...] = OWNER_WORDS
    decision_document_words: tuple[str, ...] = DECISION_DOCUMENT_WORDS

    def extended(self, extra: dict[str, list[str]]) -> Terms:
        """These terms with a förbund's own wordings added (key -> wordings)."""
        headings = {k: tuple(v) for k, v in self.headings.items()}
        for key, words in extra.items():
            if key in headings:
                headings[key] = headings[key] + tuple(w for w in words if w not in headings[key])
        more = {k: tuple(w.lower() for w in extra.get(k, ())) for k in KEYS}
        return Terms(
            headings=headings,
            intervention_nouns=self.intervention_nouns + more["intervention_noun"],
            owner_words=self.owner_words + more["owner_word"],
            decision_document_words=self.decision_document_words + more["decision_document"],
        )


DEFAULT = Terms()
