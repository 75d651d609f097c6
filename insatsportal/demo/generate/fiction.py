"""Invented people: names, identity numbers and texts for the generated demo participants.

Every name below is made up for Insatsportalen: Swedish-sounding, but built from
words such as test, prov, demo, påhitt, låtsas, fiktiv, saga and dikt so that nobody
takes a generated record for a real person.

Identity numbers are samordningsnummer (day of birth + 60) with an individual
number in the series 980–999 and a correct Luhn digit, for birth dates that give an
age of 16–64 at enrolment (so birth years from 1954 for the demo intervention's first
grant up to this year minus 16). They pass the system's validation as a
samordningsnummer; every generated record is also marked with the seed that made it
(Participant.demo_seed). Never load generated data into a database with real records.
"""

import datetime
import random

from stdnum import luhn

COORDINATION_DAY_OFFSET = 60
SERIAL_FIRST = 980  # the individual numbers 980–999 only
MIN_AGE, MAX_AGE = 16, 64

WOMEN = [
    "Testa", "Provina", "Demolina", "Fiktiva", "Påhittra", "Låtsasine", "Exempla", "Skenbritt",
    "Dikta", "Sagolina", "Drömhild", "Fablina", "Provborg", "Testrid", "Låtsasvi", "Påhittja",
    "Mockelina", "Sagoborg", "Diktvor", "Demogun",
]
MEN = [
    "Testolf", "Provert", "Demobert", "Fiktor", "Påhittvald", "Låtsasgöte", "Exemplar",
    "Skenbjörn", "Diktrik", "Sagomund", "Drömolf", "Fabelvid", "Provsten", "Testgard",
    "Låtsasmund", "Påhittbo", "Mockelolf", "Sagovar", "Diktur", "Demogust",
]
SURNAMES = [
    "Testsson", "Provberg", "Demoström", "Fiktivqvist", "Påhittlund", "Låtsasgren",
    "Exempeldal", "Skenholm", "Diktfors", "Sagoberg", "Fabelsköld", "Drömwall", "Mockström",
    "Provblad", "Demolin", "Testgren", "Påhittsson", "Fiktivhed", "Exempelroos", "Låtsasson",
    "Sagolund", "Diktqvist", "Provdahl", "Testbäck", "Demonius",
]

GOALS = [
    "Arbete på deltid inom ett år",
    "Påbörja studier på komvux",
    "Hitta en praktikplats inom handel",
    "Stabil vardag och sömn, sedan arbetsträning",
    "Körkort och arbete inom lager",
    "Klara svenska för yrkeslivet och söka arbete",
    "Arbetsträning med stöd och sedan lönebidrag",
    "Ta studenten på gymnasiet eller folkhögskola",
]
STEPS = [
    "Veckosamtal med coach, studiebesök och praktik",
    "Kontakt med vården, arbetsträning två dagar i veckan",
    "Cv och personligt brev, jobbsökarträffar i grupp",
    "Studie- och yrkesvägledning, ansökan till komvux",
    "Kartläggning, praktik och utvärdering tillsammans med Arbetsförmedlingen",
]
REVISION_NOTES = ["", "", "Planen följs", "Nytt delmål: praktik", "Mer stöd kring hälsan",
                  "Byte av praktikplats", "Tempot höjs"]
REFERRALS = ["", "", "Aktualiserad vid operativ avstämning", "Remiss från handläggare",
             "Söker själv efter information på mässa", "Remiss efter samordningsmöte"]
ACTIVITY_NOTES = ["", "", "", "", "Samtal om mål", "Studiebesök", "Uppföljning av praktik",
                  "Genomgång av cv"]
NEXT_STEPS = ["", "Fortsatt kontakt med handläggare", "Börjar arbete", "Börjar studier",
              "Fortsatt arbetsträning hos annan aktör", "Insatser från vården"]
FOLLOW_UP_NOTES = ["", "", "Nöjd med insatsen", "Har fått förlängd anställning",
                   "Studerar vidare", "Inte nåbar första gången"]


def name_for(rng: random.Random, sex: str) -> str:
    first = rng.choice(WOMEN if sex == "kvinna" else MEN if sex == "man" else WOMEN + MEN)
    return f"{first} {rng.choice(SURNAMES)}"


def birth_date_for(rng: random.Random, enrolled_on: datetime.date) -> datetime.date:
    """A birth date giving an age of 16–64 at enrolment, younger people more often."""
    age = MIN_AGE + int((MAX_AGE - MIN_AGE + 1) * rng.random() ** 1.4)
    age = min(age, MAX_AGE)
    latest = _years_before(enrolled_on, age)
    return latest - datetime.timedelta(days=rng.randrange(365))


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def coordination_number(rng: random.Random, birth: datetime.date, sex: str) -> str:
    """Twelve digits YYYYMMDDNNNC: a samordningsnummer in the series 980–999.

    The second-to-last digit is odd for a man and even for a woman, as in a real number.
    """
    serial = SERIAL_FIRST + rng.randrange(20)
    odd = serial % 2 == 1
    if (sex == "man" and not odd) or (sex == "kvinna" and odd):
        serial += 1 if serial < SERIAL_FIRST + 19 else -1
    day = birth.day + COORDINATION_DAY_OFFSET
    body = f"{birth:%y%m}{day:02d}{serial:03d}"
    return f"{birth.year // 100:02d}{body}{luhn.calc_check_digit(body)}"
