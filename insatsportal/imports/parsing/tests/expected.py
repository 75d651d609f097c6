"""What each seed states, written out by hand from the documents themselves.

Values are as the document states them (OCR spelling of names included, e.g.
"Carina Backstrom"), organisations canonical as in the register. ``None``/``[]``
where the document does not state the field. Used by the seed tests and by
``accuracy.py``.
"""

AF = "Arbetsförmedlingen"
FK = "Försäkringskassan"
RU = "Region Uppsala"

SEED_FILES = {
    "000": "000_8a04d52f78d0f1ce.txt",
    "001": "001_9586c6972f48fbf2.txt",
    "002": "002_5363caa8e1ca2e69.txt",
    "003": "003_5198b31cf71ab892.txt",
    "004": "004_5856f3e20107ba40.txt",
}


def _salary(title, fte, start, end, amount):
    return {"title": title, "fte_percent": fte, "period_start": start, "period_end": end,
            "amount": amount}


EXPECTED = {
    "000": {
        "kind": "application",
        "fields": {
            "name": "En väg in – steget vidare",
            "case_number": None,
            "owner": {"organisation": "Knivsta kommun", "unit": "Vård- och omsorgskontoret",
                      "contact_name": "Catrin Josephson",
                      "email": "catrin.josephson@knivsta.se"},
            "partners": [
                {"organisation": AF, "contact_name": "Wictoria Palmetorp",
                 "email": "wictoria.palmetorp@arbetsformedlingen.se"},
                {"organisation": RU, "contact_name": "Carina Backstrom",
                 "email": "carina.backstrom@regionuppsala.se"},
                {"organisation": FK, "contact_name": "Carina Hagelin-Kjallman",
                 "email": "carina.hagelin-kjallman@forsakringskassan.se"},
            ],
            "planned_start": "2022-01-01",
            "planned_end": "2023-12-31",
            "intake_end": "2023-10-31",
            "age_min": 16,
            "age_max": 64,
            "expected_participants": {"per_year": 60, "total": 120},
            "parts": [],
            "budget": {
                "from_association_total": 3_930_000,
                "co_financing_total": 310_000,
                "total": 4_240_000,
                "salary_lines": [
                    _salary("Gruppledare", 20, "2022-01-01", "2023-12-31", 279_000),
                    _salary("Projektledare", 50, "2022-01-01", "2023-12-31", 761_000),
                    _salary("Medarbetare 1", 100, "2022-01-01", "2023-12-31", 1_064_000),
                    _salary("Medarbetare 2", 100, "2022-01-01", "2023-12-31", 1_192_000),
                    _salary("Arbetsförmedlare", 25, "2022-01-01", "2023-12-31", 340_000),
                ],
                "per_year": [{"year": 2022, "total": 1_965_000},
                             {"year": 2023, "total": 1_965_000}],
            },
            "anchoring": {"discussed": True,
                          "dates": ["2021-01-19", "2021-03-25", "2021-05-25"]},
            "signatures": [
                {"organisation": "Knivsta kommun", "date": "2021-06-14",
                 "name": "Catrin Josephson"},
                {"organisation": AF, "date": "2021-06-16", "name": "Wictoria Palmetorp"},
                # Region Uppsala's date is an unreadable scribble and no name is printed.
                {"organisation": RU, "date": None, "name": None},
                {"organisation": FK, "date": "2021-06-14", "name": "Carina Hagelin Kjillman"},
            ],
        },
    },
    "001": {
        "kind": "application",
        "fields": {
            "name": "Framsteget i Håbo",
            "case_number": None,
            "owner": {"organisation": "Håbo kommun", "unit": None,
                      "contact_name": "Catrin Josephson", "email": "catrin.josephson@habo.se"},
            "partners": [
                {"organisation": AF, "contact_name": "Carina Bergman",
                 "email": "carina.bergman@arbetsformedlingen.se"},
                {"organisation": FK, "contact_name": "Marika Söderberg",
                 "email": "marika.soderberg@forsakringskassan.se"},
                {"organisation": RU, "contact_name": "Birgitta Pleijel",
                 "email": "birgitta.pleijel@regionuppsala.se"},
            ],
            "planned_start": "2018-01-01",
            "planned_end": "2020-12-31",
            "intake_end": "2020-10-31",
            # "Vänder sig till individer 16-65" (methods, Samordningsteam)
            "age_min": 16,
            "age_max": 65,
            # "totalt 70 personer per år varav 50 … och 20 …"
            "expected_participants": {"per_year": 70, "total": None},
            "parts": ["Samordningsteam", "Ungdomssatsningen"],
            # "Se separata bilagor": no budget in the document
            "budget": {"from_association_total": None, "co_financing_total": None,
                       "total": None, "salary_lines": [], "per_year": []},
            # a workshop "i början av juni", no date
            "anchoring": {"discussed": True, "dates": []},
            # both signature blocks are handwriting the OCR could not read
            "signatures": [],
        },
    },
    "002": {
        "kind": "application",
        "fields": {
            "name": "Jobbcentrum – din väg framåt",
            "case_number": "2021-15",
            # no contact person under Insatsägare; the signatory (with e-mail) is taken
            "owner": {"organisation": "Enköpings kommun", "unit": "Arbetsmarknadsenheten",
                      "contact_name": "Viveca Raim", "email": "viveca.raim@enkoping.se"},
            "partners": [
                {"organisation": AF, "contact_name": "Wictoria Palmetorp",
                 "email": "wictoria.palmetorp@arbetsformedlingen.se"},
            ],
            "planned_start": "2022-01-01",
            "planned_end": "2023-12-31",
            "intake_end": None,  # "Vi bedömer inte att det finns något slutdatum."
            # "Unga 20-29 år", "Vuxna 30 år och uppåt"; 16-20 explicitly excluded
            "age_min": 20,
            "age_max": None,
            "expected_participants": {"per_year": 75, "total": None},
            "parts": [],
            "budget": {
                "from_association_total": 5_350_000,
                "co_financing_total": 1_494_616,
                "total": 6_844_616,
                "salary_lines": [
                    _salary("Coach/handläggare - rehab", 100, "2022-01-01", "2024-12-31",
                            1_200_000),
                    _salary("Coach/handläggare - rehab", 100, "2022-01-01", "2024-12-31",
                            1_200_000),
                    _salary("Coach/handläggare - ung", 100, "2022-01-01", "2024-12-31",
                            1_200_000),
                    _salary("Arbetsförmedlare", 25, "2022-01-01", "2024-12-31", 340_000),
                    _salary("Arbetsmarknadskonsulent", 100, "2022-01-01", "2024-12-31",
                            1_200_000),
                ],
                "per_year": [{"year": 2022, "total": 2_675_000},
                             {"year": 2023, "total": 2_675_000}],
            },
            "anchoring": {"discussed": True, "dates": ["2021-04-16", "2021-06-11"]},
            "signatures": [
                {"organisation": "Enköpings kommun", "date": "2021-06-16",
                 "name": "Viveca Raim"},
                {"organisation": AF, "date": None, "name": "Wictoria Palmetorp"},
            ],
        },
    },
    "003": {
        "kind": "decision",
        "fields": {
            "intervention_name": "En väg in-steget vidare",
            "proposer": "Arbetsutskottet",
            "decision_body": "Förbundsstyrelsen",
            "period_start": "2023-01-01",
            "period_end": "2024-12-31",
            "max_amount": 3_391_000,
            "owner_organisation": "Knivsta kommun",
            "partners": [FK, AF, RU],
            "signed_by": {"name": "Åsa Fichtel", "title": "Förbundschef"},
            "is_extension": True,
        },
    },
    "004": {
        "kind": "decision",
        "fields": {
            "intervention_name": "En väg in – flera vägar ut Knivsta",
            # "Förbundsstyrelsen föreslås besluta": the signing förbundschef proposes
            "proposer": "Förbundschef",
            "decision_body": "Förbundsstyrelsen",
            "period_start": "2018-01-01",
            "period_end": "2021-12-31",
            "max_amount": 5_900_000,
            "owner_organisation": "Knivsta kommun",
            "partners": [AF, FK, RU],
            "signed_by": {"name": "Åsa Fichtel", "title": "Förbundschef"},
            "is_extension": False,
        },
    },
}


def leaves(value, path=""):
    """Flatten nested dicts/lists into (path, value) pairs; empty lists are one leaf."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list) and value:
        for i, item in enumerate(value):
            yield from leaves(item, f"{path}[{i}]")
    else:
        yield path, value
