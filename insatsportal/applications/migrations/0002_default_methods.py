"""The named methods applications refer to; the office edits the list in the admin."""

from django.db import migrations

METHODS = [
    ("IPS", "Individual Placement and Support."),
    ("MI", "Motiverande samtal (Motivational Interviewing)."),
    ("Supported Employment", "Stöd till arbete på den öppna arbetsmarknaden."),
    ("SIP", "Samordnad individuell plan."),
    ("BIP/SMAIL", "Progressionsmätning (BIP, SMAIL) var tredje månad."),
    ("Gruppverksamhet", "Gruppprogram, t.ex. motiverande och aktiverande grupper."),
    ("Lösningsfokuserat arbetssätt", ""),
    ("Flerpartsmöten", "Rutin för flerpartssamverkan med individen i fokus."),
]


def add_methods(apps, schema_editor):
    Method = apps.get_model("applications", "Method")
    for order, (name, description) in enumerate(METHODS):
        Method.objects.get_or_create(name=name, defaults={"description": description,
                                                          "order": order})


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial")]

    operations = [migrations.RunPython(add_methods, migrations.RunPython.noop)]
