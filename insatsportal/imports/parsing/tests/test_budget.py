"""Budget tables built by hand: columns, totals and the checks on them."""

from datetime import date

from insatsportal.imports.parsing.budget_checks import read_budget
from insatsportal.imports.parsing.result import Collector

TABLE = "\n".join([
    "Budget - detaljerad",
    "Kostnader att rekvirera från Samordningsförbundet",
    "Kostnader i tkr\tHuvudinsatsägare\tDelinsatsägare\tATT REKVIRERA",
    "\tHeby kommun\tArbetsförmedlingen\t",
    "Lönekostnader\ttjänst i %\tfrån\ttill",
    "1. Coach\t100%\t2024-01-01\t2025-12-31\t900 000\t\t900 000",
    "2. Arbetsförmedlare\t50%\t2024-01-01\t2025-06-30\t\t300 000\t300 000",
    "Summa lönekostnader\t150%\t\t\t900 000\t300 000\t1 200 000",
    "Övriga kostnader",
    "Resor\t\t\t\t10 000\t\t10 000",
    "Tolk\t\t\t\t5 000\t\t5 000",
    "Summa övriga kostnader\t\t\t\t15 000\t0\t20 000",
    "Totalt från Samordningsförbundet\t\t\t\t915 000\t300 000\t1 215 000",
    "Egenfinansiering",
    "Lokalhyra\t\t\t\t100 000\t\t100 000",
    "Summa egenfinansiering\t\t\t\t100 000\t0\t100 000",
    "Total kostnad för insatsen\t\t\t\t1 015 000\t300 000\t1 315 000",
    "",
    "\tÅR 1 2024\tÅR 2 2025",
    "TOTALT\t600 000\t600 000",
])


def _read(text=TABLE, planned=(date(2024, 1, 1), date(2025, 12, 31))):
    out = Collector()
    budget, extra = read_budget(text, None, out, planned)
    return budget, extra, [w["message"] for w in out.warnings]


def test_it_reads_rows_per_owner_column():
    budget, extra, _ = _read()
    assert extra["owners"] == ["Heby kommun", "Arbetsförmedlingen"]
    rows = {r["label"]: r for r in extra["rows"]}
    assert rows["Coach"]["owners"] == {"Heby kommun": 900_000, "Arbetsförmedlingen": 0}
    assert rows["Arbetsförmedlare"]["owners"]["Arbetsförmedlingen"] == 300_000
    assert rows["Resor"]["category"] == "travel" and rows["Tolk"]["category"] == "interpreter"
    assert rows["Lokalhyra"]["section"] == "co_financing"
    assert budget["from_association_total"] == 1_215_000
    assert budget["co_financing_total"] == 100_000
    assert budget["total"] == 1_315_000


def test_it_warns_about_every_sum_that_does_not_add_up():
    _, _, warnings = _read()
    # övriga: 10 000 + 5 000 is not 20 000; the row 15 000 + 0 is not 20 000 either
    assert any("övriga kostnader" in w and "15 000" in w and "20 000" in w for w in warnings)
    assert any("Summa övriga kostnader" in w and "kolumnerna" in w for w in warnings)
    # per year 1 200 000 against 1 215 000 from the förbund
    assert any("per år" in w and "1 200 000" in w for w in warnings)
    assert any("tkr" in w for w in warnings)


def test_it_accepts_a_budget_that_adds_up():
    fixed = TABLE.replace("Summa övriga kostnader\t\t\t\t15 000\t0\t20 000",
                          "Summa övriga kostnader\t\t\t\t15 000\t0\t15 000")
    fixed = fixed.replace("1 215 000", "1 215 000").replace("Kostnader i tkr", "Kostnader i kr")
    fixed = fixed.replace("TOTALT\t600 000\t600 000", "TOTALT\t600 000\t615 000")
    _, _, warnings = _read(fixed)
    assert warnings == []


def test_it_warns_when_a_salary_runs_outside_the_planned_period():
    _, _, warnings = _read(planned=(date(2024, 1, 1), date(2025, 3, 31)))
    assert sum("utanför insatsens planerade tid" in w for w in warnings) == 2


def test_it_converts_amounts_that_really_are_in_tkr():
    text = "\n".join([
        "Kostnader att rekvirera från Samordningsförbundet",
        "Kostnader i tkr Huvudinsatsägare",
        "Östhammars kommun",
        "Lönekostnader tjänst % tidsperiod",
        "1. Coach 100% 220301 240228 1 300 1 300",
        "Summa lönekostnader 100% 1 300 1 300",
        "Totalt från Samordningsförbundet 1 300 1 300",
    ])
    budget, _, warnings = _read(text, planned=(date(2022, 3, 1), date(2024, 2, 28)))
    assert budget["salary_lines"][0]["amount"] == 1_300_000
    assert budget["from_association_total"] == 1_300_000
    assert any("räknats om till kronor" in w for w in warnings)
