"""A BIP-like template instrument: eleven employability indicators in our own words.

The real BIP, SMAIL and SKAPA items are licensed; these statements are written for
Insatsportalen and a förbund adapts them (as a new version) in the admin.
"""

from django.db import migrations

NAME = "Steg mot arbete – mall"
DESCRIPTION = (
    "Mall med elva indikatorer för anställningsbarhet, fritt formulerad efter samma idé som "
    "BIP. Skattas vid start, var tredje månad och vid avslut. Anpassa den som en ny version."
)
SCALE = "Stämmer inte alls\nStämmer dåligt\nStämmer delvis\nStämmer ganska bra\nStämmer helt"
# (short label, statement, answered by)
ITEMS = [
    ("Hälsa", "Jag klarar att hantera min hälsa så att den inte hindrar mig i vardagen.",
     "participant"),
    ("Vardag", "Jag får ihop min vardag: boende, ekonomi, tider och kontakter.", "participant"),
    ("Tro på arbete", "Jag tror att jag kommer att få ett arbete.", "participant"),
    ("Samarbete", "Jag kan samarbeta med andra och ta emot instruktioner.", "participant"),
    ("Jobbsökande", "Jag söker arbete eller utbildning aktivt och på egen hand.", "participant"),
    ("Arbetsmarknad", "Jag vet vilka arbeten som finns och vad de kräver.", "participant"),
    ("Yrkeskunskap", "Jag har kunskaper och erfarenheter som arbetsgivare efterfrågar.",
     "participant"),
    ("Socialt", "Jag trivs i sociala sammanhang och kan ta kontakt med nya människor.",
     "participant"),
    ("Stabilitet", "Deltagaren kommer regelbundet och i tid till aktiviteterna.", "staff"),
    ("Personalens tro", "Jag som personal tror att deltagaren kommer att få ett arbete.",
     "staff"),
    ("Närmande", "Deltagaren har tagit steg närmare arbete eller studier sedan förra "
     "skattningen.", "staff"),
]


def seed(apps, schema_editor):
    Instrument = apps.get_model("participants", "Instrument")
    Item = apps.get_model("participants", "Item")
    instrument, created = Instrument.objects.get_or_create(
        name=NAME, version=1,
        defaults={"description": DESCRIPTION, "scale_min": 1, "scale_max": 5,
                  "scale_labels": SCALE},
    )
    if created:
        Item.objects.bulk_create(
            Item(instrument=instrument, order=order, short_label=label, text=text,
                 answered_by=who)
            for order, (label, text, who) in enumerate(ITEMS, start=1)
        )


class Migration(migrations.Migration):
    dependencies = [("participants", "0006_progress_ratings")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
