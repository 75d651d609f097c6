"""The default cost parameters: rounded public costs per month, with their sources.

They are a starting point for the office, not official figures: each names where such a
figure is published, and the office replaces them with the year's own (the page says so).
Price level 2024; a year without its own figures uses the latest earlier year's.
"""

import datetime
from decimal import Decimal

YEAR = 2024
SOURCE_DATE = datetime.date(2024, 12, 31)

# (code list, code, payer, kronor per month, source)
DEFAULTS = [
    ("income", "forsorjningsstod", "kommun", 9_500,
     "Socialstyrelsen, statistik om ekonomiskt bistånd: genomsnittligt bistånd per "
     "biståndshushåll och månad (avrundat schablonvärde)"),
    ("income", "sjukpenning", "fk", 18_000,
     "Försäkringskassan, statistik om sjukpenning: genomsnittligt utbetalt belopp per månad "
     "(avrundat schablonvärde)"),
    ("income", "sjukpenning", "region", 2_000,
     "SKR, kostnad per invånare för hälso- och sjukvård; schablon för ökad vårdkonsumtion vid "
     "ohälsa enligt NyttoSam-modellen (avrundat)"),
    ("income", "aktivitetsersattning", "fk", 11_500,
     "Försäkringskassan, statistik om aktivitetsersättning: genomsnittligt belopp per månad "
     "(avrundat schablonvärde)"),
    ("income", "aktivitetsersattning", "region", 2_000,
     "SKR, kostnad per invånare för hälso- och sjukvård; schablon för ökad vårdkonsumtion vid "
     "ohälsa enligt NyttoSam-modellen (avrundat)"),
    ("income", "sjukersattning", "fk", 13_500,
     "Försäkringskassan, statistik om sjukersättning: genomsnittligt belopp per månad "
     "(avrundat schablonvärde)"),
    ("income", "sjukersattning", "region", 2_000,
     "SKR, kostnad per invånare för hälso- och sjukvård; schablon för ökad vårdkonsumtion vid "
     "ohälsa enligt NyttoSam-modellen (avrundat)"),
    ("income", "a-kassa", "state", 15_000,
     "IAF, statistik om arbetslöshetsersättning: genomsnittlig ersättning per månad "
     "(avrundat schablonvärde)"),
    ("income", "aktivitetsstod", "af", 8_500,
     "Arbetsförmedlingen och Försäkringskassan, statistik om aktivitetsstöd: genomsnittligt "
     "belopp per månad (avrundat schablonvärde)"),
    ("income", "etableringsersattning", "af", 6_800,
     "Arbetsförmedlingen, etableringsersättning 308 kr per dag i 22 dagar per månad "
     "(avrundat)"),
    ("occupation", "arbete-subventionerat", "af", 14_000,
     "Arbetsförmedlingen, årsredovisning: genomsnittligt lönestöd per person och månad "
     "(avrundat schablonvärde)"),
]


def default_parameters():
    """The defaults as field dicts for CostParameter."""
    return [
        {"year": YEAR, "code_list": code_list, "code": code, "payer": payer,
         "monthly_cost": Decimal(amount), "source": source, "source_date": SOURCE_DATE}
        for code_list, code, payer, amount, source in DEFAULTS
    ]
