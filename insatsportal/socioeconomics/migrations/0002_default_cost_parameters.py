"""The default cost parameters (price level 2024, with their sources), so that a new
installation can show an estimate at once; the office edits or replaces them."""

from django.db import migrations

from insatsportal.socioeconomics.defaults import default_parameters


def add_defaults(apps, schema_editor):
    CostParameter = apps.get_model("socioeconomics", "CostParameter")
    for fields in default_parameters():
        key = {k: fields[k] for k in ("year", "code_list", "code", "payer")}
        CostParameter.objects.get_or_create(**key, defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("socioeconomics", "0001_cost_parameters")]
    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
