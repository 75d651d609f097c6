"""What each fixture document of our own making states, written out by hand.

Only the fields listed are scored (a template without a field is not asked for it).
``conflicts`` lists, per field, the readings the person must choose between.
"""

from .expected import AF, EXPECTED, FK, RU


def _salary(title, fte, start, end, amount):
    return {"title": title, "fte_percent": fte, "period_start": start, "period_end": end,
            "amount": amount}


FIXTURES = {
    # Another förbund's *projekt* template: "Label: value" lines, other headings.
    "projekt_ansokan.txt": {
        "kind": "application",
        "fields": {
            "name": "Nya steg Tierp",
            "owner": {"organisation": "Tierps kommun", "contact_name": "Maria Lund",
                      "email": "maria.lund@tierp.se"},
            "partners": [{"organisation": AF}, {"organisation": FK}],
            "planned_start": "2024-03-01",
            "planned_end": "2026-02-28",
            "age_min": 18,
            "age_max": 29,
            "expected_participants": {"per_year": 25},
            "budget": {"from_association_total": 1_850_000},
        },
    },
    # Word: the budget and the signatures are tables; a salary title wraps in its cell.
    "ansokan_tabellbudget.docx": {
        "kind": "application",
        "fields": {
            "name": "Jobbspåret Heby",
            "owner": {"organisation": "Heby kommun", "contact_name": "Lars Nord",
                      "email": "lars.nord@heby.se"},
            "partners": [{"organisation": AF, "contact_name": "Eva Strand",
                          "email": "eva.strand@arbetsformedlingen.se"}],
            "planned_start": "2024-01-01",
            "planned_end": "2025-12-31",
            "intake_end": "2025-09-30",
            "age_min": 20,
            "age_max": 45,
            "expected_participants": {"per_year": 30, "total": 60},
            "budget": {
                "from_association_total": 1_850_000,
                "co_financing_total": 120_000,
                "total": 1_970_000,
                "salary_lines": [
                    _salary("Coach arbetslivsinriktad", 100, "2024-01-01", "2025-12-31",
                            1_150_000),
                    _salary("Arbetsförmedlare", 50, "2024-01-01", "2025-12-31", 650_000),
                ],
            },
            "signatures": [
                {"organisation": "Heby kommun", "date": "2023-10-02", "name": "Lars Nord"},
                {"organisation": AF, "date": "2023-10-05", "name": "Eva Strand"},
            ],
        },
    },
    # The same application as a PDF with ruled tables whose cells wrap (pdfplumber).
    "ansokan_tabeller.pdf": None,
    # PDF in two columns, *verksamhet* wording (Verksamhetens namn, Huvudman, Löptid).
    "ansokan_tvaspalt.pdf": {
        "kind": "application",
        "fields": {
            "name": "Samverkansteam Älvkarleby",
            "owner": {"organisation": "Älvkarleby kommun", "contact_name": "Jonas Berg",
                      "email": "jonas.berg@alvkarleby.se"},
            "partners": [{"organisation": FK, "contact_name": "Lisa Holm",
                          "email": "lisa.holm@forsakringskassan.se"}],
            "planned_start": "2024-09-01",
            "planned_end": "2026-08-31",
            "age_min": 25,
            "age_max": 64,
            "expected_participants": {"per_year": 20, "total": 40},
            "budget": {"from_association_total": 1_400_000},
        },
    },
    # Seed 003 printed, rasterised and saved as images only: the same decision as the text.
    "beslut_003_skannad.pdf": {
        "kind": "decision",
        "fields": EXPECTED["003"]["fields"],
        "needs_ocr": True,
    },
    # Minutes with three §§, each a grant: past and present tense, kronor, tkr, miljoner.
    "protokoll_tre_paragrafer.txt": {
        "kind": "minutes",
        "fields": {
            "meeting_date": "2024-02-15",
            "items": [
                {"paragraph": 12, "intervention_name": "Nya steg Tierp",
                 "decision_body": "Styrelsen", "period_start": "2024-03-01",
                 "period_end": "2026-02-28", "max_amount": 1_850_000,
                 "owner_organisation": "Tierps kommun"},
                {"paragraph": 13, "intervention_name": "Arbetsbron Heby",
                 "decision_body": "Styrelsen", "period_start": "2024-04-01",
                 "period_end": "2025-03-31", "max_amount": 950_000,
                 "owner_organisation": "Heby kommun"},
                {"paragraph": 14, "intervention_name": "Ungdomsgruppen Håbo",
                 "decision_body": "Förbundsstyrelsen", "period_start": "2025-01-01",
                 "period_end": "2025-12-31", "max_amount": 1_200_000,
                 "owner_organisation": "Håbo kommun", "is_extension": True},
            ],
        },
    },
    # A protocol extract granting "2,4 miljoner" where the text gives 2 385 000 kronor.
    "beslut_avrundat.txt": {
        "kind": "decision",
        "fields": {
            "intervention_name": "Steget ut Enköping",
            "decision_body": "Förbundsstyrelsen",
            "period_start": "2024-01-01",
            "period_end": "2025-12-31",
            "max_amount": 2_400_000,
            "owner_organisation": "Enköpings kommun",
            "partners": [AF, RU],
        },
        "conflicts": {"max_amount": [2_400_000, 2_385_000]},
    },
    # An OCR'd application in another layout (kept from the first importer's tests).
    "../data/variant_ocr_application.txt": {
        "kind": "application",
        "fields": {
            "owner": {"organisation": "Östhammars kommun", "unit": "Arbetsmarknadsenheten",
                      "contact_name": "Lena Ek", "email": "lena.ek@osthammar.se"},
            "partners": [{"organisation": AF, "contact_name": "Per Holm"},
                         {"organisation": FK, "contact_name": "Sara Lind"}],
            "planned_start": "2022-03-01",
            "planned_end": "2024-02-28",
            "age_min": 18,
            "age_max": 29,
            "expected_participants": {"per_year": 30, "total": 60},
            "budget": {"from_association_total": 1_300_000},
        },
    },
}

FIXTURES["ansokan_tabeller.pdf"] = FIXTURES["ansokan_tabellbudget.docx"]
