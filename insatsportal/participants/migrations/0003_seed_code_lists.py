"""The code lists of DOMAIN.md as data; editable (by new versions) in the admin."""

from django.db import migrations

# key: (name, [(code, label, group)])
CODE_LISTS = {
    "income": ("Försörjning", [
        ("sjukpenning", "Sjukpenning inkl. rehabiliteringspenning", "ohälsa"),
        ("aktivitetsersattning", "Aktivitetsersättning", "ohälsa"),
        ("sjukersattning", "Sjukersättning", "ohälsa"),
        ("a-kassa", "Arbetslöshetsersättning (a-kassa)", "arbetsmarknadsstöd"),
        ("aktivitetsstod", "Aktivitetsstöd inkl. utvecklingsersättning", "arbetsmarknadsstöd"),
        ("etableringsersattning", "Etableringsersättning", "arbetsmarknadsstöd"),
        ("forsorjningsstod", "Försörjningsstöd", "ekonomiskt bistånd"),
        ("ingen", "Ingen offentlig försörjning (lön, föräldrapenning, pension, studiemedel)", ""),
        ("okand", "Okänd", ""),
    ]),
    "occupation": ("Sysselsättning", [
        ("arbete-osubventionerat", "Arbete, osubventionerat", "arbete"),
        ("arbete-subventionerat", "Arbete, subventionerat", "arbete"),
        ("studier", "Studier (arbetsmarknadsutbildning räknas som studier)", ""),
        ("arbetssokande", "Arbetssökande", ""),
        ("ingen", "Ingen sysselsättning / övrigt", ""),
    ]),
    "support_time": ("Tid i offentlig försörjning före", [
        ("ingen", "Ingen", ""),
        ("under-1", "Mindre än 1 år", ""),
        ("1-2", "1–2 år", ""),
        ("2-4", "2–4 år", ""),
        ("4-8", "4–8 år", ""),
        ("over-8", "Mer än 8 år", ""),
        ("okand", "Okänd", ""),
    ]),
    "education": ("Högsta avslutade utbildning", [
        ("forgymnasial-under-9", "Förgymnasial utbildning kortare än 9 år", ""),
        ("grundskola", "Grundskola (förgymnasial 9 år)", ""),
        ("gymnasial-2", "Gymnasial utbildning högst 2 år", ""),
        ("gymnasial-3", "Gymnasial utbildning 3 år", ""),
        ("eftergymnasial-under-3", "Eftergymnasial utbildning kortare än 3 år", ""),
        ("eftergymnasial-3", "Eftergymnasial utbildning 3 år eller längre", ""),
        ("okand", "Okänd", ""),
    ]),
    "target_group": ("Målgruppskategori", [
        ("forsorjningsstod", "Personer med försörjningsstöd", ""),
        ("langtidssjuka", "Långtidssjukskrivna", ""),
        ("unga-uva", "Unga som varken arbetar eller studerar", ""),
        ("nyanlanda", "Nyanlända", ""),
        ("psykisk-ohalsa", "Personer med psykisk ohälsa", ""),
        ("funktionsnedsattning", "Personer med funktionsnedsättning", ""),
        ("ovriga", "Övriga", ""),
    ]),
}


def seed(apps, schema_editor):
    CodeList = apps.get_model("participants", "CodeList")
    Code = apps.get_model("participants", "Code")
    for key, (name, codes) in CODE_LISTS.items():
        code_list, _ = CodeList.objects.get_or_create(key=key, defaults={"name": name})
        for order, (code, label, group) in enumerate(codes, start=1):
            Code.objects.get_or_create(
                code_list=code_list, code=code, version=1,
                defaults={"label": label, "group": group, "order": order},
            )


class Migration(migrations.Migration):
    dependencies = [("participants", "0002_code_lists_enrolment")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
