"""The budget as Excel: download, fill in, upload; errors name the cell and save nothing."""

import io

import pytest
from openpyxl import load_workbook

from insatsportal.applications import budget as b
from insatsportal.applications import selectors, services
from insatsportal.applications.excel import KEY_COLUMN
from insatsportal.core.models import AuditEntry
from insatsportal.core.tests import bombs

from .conftest import complete_data


def _budget_dict(application):
    return b.budget_to_dict(selectors.budget_data(selectors.application_load(application.pk)))


def _download(client, application) -> bytes:
    response = client.get(f"/ansokningar/{application.pk}/budget.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return response.content


def _upload(client, application, content: bytes):
    upload = io.BytesIO(content)
    upload.name = "budget.xlsx"
    return client.post(f"/ansokningar/{application.pk}/budget/las-in/", {"file": upload})


def _row(ws, key, nth=0):
    rows = [row for row in range(1, ws.max_row + 1) if ws[f"{KEY_COLUMN}{row}"].value == key]
    return rows[nth]


def _save(wb) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_download_then_upload_returns_the_same_budget(draft, login):
    client = login("insatsansvarig")
    before = _budget_dict(draft)
    response = _upload(client, draft, _download(client, draft))
    assert response.status_code == 302
    assert _budget_dict(draft) == before


def test_the_seed_budgets_survive_the_round_trip(seed, login):
    from insatsportal.applications.excel import budget_from_xlsx

    for name in ("En väg in – steget vidare", "Jobbcentrum – din väg framåt"):
        application = seed(name)
        content = _download(login("kansli"), application)
        back = budget_from_xlsx(io.BytesIO(content))
        assert b.budget_to_dict(back) == _budget_dict(application)


def test_the_file_is_laid_out_like_the_template(seed, login):
    xlsx = _download(login("kansli"), seed("Jobbcentrum – din väg framåt"))
    ws = load_workbook(io.BytesIO(xlsx)).active
    labels = [ws[f"A{row}"].value for row in range(1, ws.max_row + 1)]
    for heading in ("Kostnader att rekvirera från Samordningsförbundet",
                    "Lönekostnader inkl. PO-pålägg", "Lokalhyra", "Utbildning insatsmedarbetare",
                    "Totalt från Samordningsförbundet", "Egenfinansiering",
                    "Total kostnad för insatsen", "Budgetsammanställning"):
        assert heading in labels
    owners = _row(ws, "owners")
    assert [ws[f"{c}{owners}"].value for c in "EF"] == ["Enköpings kommun", "Arbetsförmedlingen"]
    first_salary = _row(ws, "salary_row")
    assert ws[f"A{first_salary}"].value == "Coach/handläggare - rehab"
    assert ws[f"E{first_salary}"].value == 1200000
    assert ws[f"E{first_salary}"].number_format == '#,##0 "kr"'
    total = _row(ws, "total:association")
    assert ws[f"J{total}"].value.startswith("=SUM(")


def test_unreadable_cells_are_named_and_nothing_is_saved(draft, login):
    client = login("insatsansvarig")
    before = _budget_dict(draft)
    wb = load_workbook(io.BytesIO(_download(client, draft)))
    ws = wb.active
    salary = _row(ws, "salary_row")
    travel = _row(ws, "travel")
    ws[f"E{salary}"] = "tolv"
    ws[f"C{salary}"] = "i vår"
    ws[f"F{travel}"] = "5000"  # readable: this alone would have been saved
    response = _upload(client, draft, _save(wb))
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Cell E{salary}: &#x27;tolv&#x27; är inte ett belopp" in page
    assert f"Cell C{salary}: &#x27;i vår&#x27; är inte ett datum" in page
    assert "Inget sparades" in page
    assert _budget_dict(draft) == before


def test_a_filled_in_template_fills_the_budget(draft, login):
    client = login("insatsansvarig")
    wb = load_workbook(io.BytesIO(_download(client, draft)))
    ws = wb.active
    owners = _row(ws, "owners")
    ws[f"F{owners}"] = "AF"  # a name variant resolves to Arbetsförmedlingen
    salary = _row(ws, "salary_row", 1)
    ws[f"A{salary}"], ws[f"B{salary}"] = "Arbetsförmedlare", "25 %"
    ws[f"C{salary}"], ws[f"D{salary}"] = "220101", "2025-12-31"
    ws[f"F{salary}"] = "340 000"
    response = _upload(client, draft, _save(wb))
    assert response.status_code == 302
    data = selectors.budget_data(selectors.application_load(draft.pk))
    line = data.rows(b.ASSOCIATION, b.SALARY)[1]
    assert (line.title, str(line.percent), line.amounts[1]) == ("Arbetsförmedlare", "25", 340000)
    assert line.period_from.isoformat() == "2022-01-01"
    assert data.owner(1).member == "Arbetsförmedlingen"


def test_an_unknown_owner_and_a_file_that_is_not_excel_are_refused(draft, login):
    client = login("insatsansvarig")
    wb = load_workbook(io.BytesIO(_download(client, draft)))
    owners = _row(wb.active, "owners")
    wb.active[f"G{owners}"] = "Skolverket"
    page = _upload(client, draft, _save(wb)).content.decode()
    assert f"Cell G{owners}: &#x27;Skolverket&#x27; är inte en medlem i förbundet" in page
    page = _upload(client, draft, b"not a spreadsheet").content.decode()
    assert "Filen är inte en Excelfil (.xlsx)." in page


@pytest.mark.parametrize("content, message", [
    (bombs.xlsx_bomb(100), "Filen packas upp till långt mer än den väger (en så kallad zipbomb)"),
    (bombs.sheet(b'<sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row>'
                 b"</sheetData>"), "Arbetsboken har fler än 5000 rader"),
    (bombs.sheet(b'<sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>'
                 b"</mergeCells>"), "Arbetsboken har fler än 5000 rader"),
    (bombs.replaced("xlsx", "xl/worksheets/sheet1.xml", bombs.LAUGHS + b"<a>&lol2;</a>"),
     "Filen deklarerar XML-entiteter"),
])
def test_a_workbook_that_would_exhaust_the_server_is_refused_and_nothing_is_saved(
        draft, login, content, message):
    client = login("insatsansvarig")
    before, entries = _budget_dict(draft), AuditEntry.objects.count()
    response = _upload(client, draft, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _budget_dict(draft) == before
    assert AuditEntry.objects.count() == entries


def test_text_that_a_spreadsheet_would_run_is_escaped_and_reads_back_as_written(
        owner_user, login):
    hostile = '=HYPERLINK("http://x","klicka")'
    budget = complete_data()["budget"]
    budget["lines"][0]["title"] = hostile
    budget["owners"][0]["label"] = "@SUM(1+1)"
    draft = services.application_create_from_data(
        actor=owner_user, data=complete_data(budget=budget))
    client = login("insatsansvarig")
    content = _download(client, draft)
    ws = load_workbook(io.BytesIO(content)).active
    salary = _row(ws, "salary_row")
    assert ws[f"A{salary}"].value == "'" + hostile
    assert ws[f"A{salary}"].data_type == "s"
    assert ws[f"E{_row(ws, 'owner_labels')}"].value == "'@SUM(1+1)"
    # The template's own totals are still formulas; no text cell is one.
    assert ws[f"J{salary}"].data_type == "f"
    assert all(cell.data_type != "f" for cell in ws["A"])
    before = _budget_dict(draft)
    assert _upload(client, draft, content).status_code == 302
    assert _budget_dict(draft) == before
    assert selectors.budget_data(selectors.application_load(draft.pk)).rows(
        b.ASSOCIATION, b.SALARY)[0].title == hostile
