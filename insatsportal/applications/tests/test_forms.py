"""The forms: sectioned application form, rows added with or without htmx, the budget form."""

from insatsportal.applications import budget as b
from insatsportal.applications import selectors
from insatsportal.applications.models import Application


def _management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def _edit_post(**fields):
    data = {"name": "Nya vägar", "continuation_kind": "new", "purpose": "Syftet.",
            "planned_start": "2024-01-01", "planned_end": "2025-12-31", "target_group": "Unga",
            "age_min": "16", "age_max": "64", "agreement_text": "Text",
            "anchoring_dates": "2023-04-16, 11/6/2023", "anchoring_discussed": "True"}
    for prefix in ("partners", "parts", "staffing", "signatures"):
        data.update(_management(prefix, 0))
    data.update(_management("goals", 1))
    data.update({"goals-0-kind": "output", "goals-0-text": "60 deltagare per år.",
                 "goals-0-target_kind": "participants_per_year", "goals-0-target_value": "60",
                 "goals-0-target_unit": "per år"})
    data.update(fields)
    return data


def test_the_owner_creates_and_fills_in_an_application(login, owner_user):
    client = login("insatsansvarig")
    response = client.post("/ansokningar/ny/", {"name": "Nya vägar"})
    application = Application.objects.get(name="Nya vägar")
    assert response["Location"] == f"/ansokningar/{application.pk}/andra/"
    assert application.owner == owner_user.member
    assert application.agreement_text.startswith("Lagar och förordningar")
    response = client.post(f"/ansokningar/{application.pk}/andra/", _edit_post())
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.anchoring_dates == ["2023-04-16", "2023-06-11"]
    assert application.anchoring_discussed is True
    goal = application.goals.get()
    assert (goal.target_kind, goal.target_value) == ("participants_per_year", 60)


def test_bad_input_is_shown_beside_the_field_and_nothing_is_saved(login, draft):
    client = login("insatsansvarig")
    response = client.post(f"/ansokningar/{draft.pk}/andra/",
                           _edit_post(planned_end="2023-01-01", anchoring_dates="i våras"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Planerat slutdatum måste ligga efter planerat startdatum." in page
    assert "”i våras” är inte ett datum (skriv 2021-04-16)." in page
    assert 'value="i våras"' in page
    draft.refresh_from_db()
    assert draft.planned_end.isoformat() == "2025-12-31"


def test_a_row_is_added_without_javascript_and_with_htmx(login, draft):
    client = login("insatsansvarig")
    response = client.post(f"/ansokningar/{draft.pk}/andra/",
                           _edit_post(add_row="partners"))
    assert response.status_code == 200
    assert 'name="partners-0-member"' in response.content.decode()
    fragment = client.get(f"/ansokningar/{draft.pk}/rad/staffing/?index=3",
                          headers={"HX-Request": "true"}).content.decode()
    assert 'name="staffing-3-title"' in fragment
    assert 'id="id_staffing-TOTAL_FORMS" hx-swap-oob="true"' in fragment
    assert "?index=4" in fragment
    assert client.get(f"/ansokningar/{draft.pk}/rad/nothing/?index=1").status_code == 404


def _budget_post(**fields):
    data = {}
    data.update(_management("owners", 5, 5))
    data["owners-0-member"] = str(_member("Knivsta kommun"))
    data.update(_management("salary_a", 1))
    data.update({"salary_a-0-title": "Coach", "salary_a-0-percent": "120",
                 "salary_a-0-period_from": "2024-01-01", "salary_a-0-period_to": "2025-12-31",
                 "salary_a-0-amount_0": "1 200 000"})
    data.update(_management("salary_c", 0))
    for prefix in ("cat_a", "cat_c"):
        data.update(_management(prefix, len(b.CATEGORIES), len(b.CATEGORIES)))
        for i, (key, _label) in enumerate(b.CATEGORIES):
            data[f"{prefix}-{i}-category"] = key
    data["cat_a-8-amount_0"] = "20 000"  # travel
    data.update(_management("free", 1))
    data.update({"free-0-section": "other", "free-0-title": "Dokumentationssystem",
                 "free-0-amount_0": "60000"})
    data.update(_management("years", 4, 4))
    data.update({"years-0-year": "2024", "years-0-salary": "600000", "years-0-other": "10000"})
    data["stated_total"] = "1 220 000"
    data.update(fields)
    return data


def _member(name):
    from insatsportal.organisations.models import Member

    return Member.objects.get(name=name).pk


def test_the_budget_form_saves_and_shows_warnings_beside_the_fields(login, draft):
    client = login("insatsansvarig")
    response = client.post(f"/ansokningar/{draft.pk}/budget/", _budget_post())
    assert response.status_code == 302
    data = selectors.budget_data(selectors.application_load(draft.pk))
    totals = b.compute(data)
    assert totals.total_association == 1220000
    assert totals.total_co_financing == 60000
    page = client.get(response["Location"]).content.decode()
    assert 'data-field="salary.association.0.percent"' in page
    assert "120 % av heltid är mer än en heltidstjänst." in page
    assert 'data-field="years"' in page


def test_an_unreadable_amount_in_the_budget_form_saves_nothing(login, draft):
    client = login("insatsansvarig")
    before = b.budget_to_dict(selectors.budget_data(selectors.application_load(draft.pk)))
    response = client.post(f"/ansokningar/{draft.pk}/budget/",
                           _budget_post(**{"salary_a-0-amount_0": "tolv"}))
    assert response.status_code == 200
    assert "”tolv” är inte ett belopp." in response.content.decode()
    after = b.budget_to_dict(selectors.budget_data(selectors.application_load(draft.pk)))
    assert after == before


def test_the_print_view_and_the_pdf_read_like_the_paper_form(login, seed):
    import io

    import pypdf

    application = seed("En väg in – steget vidare")
    client = login("styrelse")
    page = client.get(f"/ansokningar/{application.pk}/utskrift/").content.decode()
    for heading in ("Syfte", "Mål", "Planerad insatstid", "Målgrupp", "Budget",
                    "Överenskommelse", "Underskrifter"):
        assert f">{heading}</h2>" in page
    response = client.get(f"/ansokningar/{application.pk}/ansokan.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "En väg in – steget vidare" in text
    assert "3 930 000 kr" in text.replace("\xa0", " ")


def test_untouched_blank_rows_are_not_rows(login, owner_user):
    from insatsportal.applications import services

    application = services.application_create(actor=owner_user, owner="Knivsta kommun",
                                              name="Blank")
    client = login("insatsansvarig")
    data = _edit_post()
    for prefix, select in (("partners", None), ("staffing", "funding"),
                           ("signatures", "role"), ("parts", None)):
        data.update(_management(prefix, 1))
        if select:
            data[f"{prefix}-0-{select}"] = {"funding": "association", "role": "owner"}[select]
    data.update(_management("goals", 2))
    data["goals-1-kind"] = "overall"
    response = client.post(f"/ansokningar/{application.pk}/andra/", data)
    assert response.status_code == 302
    assert application.goals.count() == 1
    assert not application.staffing.exists() and not application.signatures.exists()


def _open_sections(page):
    import re

    return re.findall(r'<details class="section" id="([^"]+)" open>', page)


def test_a_new_application_opens_only_its_first_section(login):
    client = login("insatsansvarig")
    client.post("/ansokningar/ny/", {"name": "Tomma vägar"})
    application = Application.objects.get(name="Tomma vägar")
    page = client.get(f"/ansokningar/{application.pk}/andra/").content.decode()
    # The name is given, so the first section still to fill in is the owner's.
    assert _open_sections(page) == ["s-owner"]


def test_a_save_with_problems_opens_the_sections_with_problems(login, draft):
    client = login("insatsansvarig")
    page = client.post(f"/ansokningar/{draft.pk}/andra/",
                       _edit_post(planned_end="2023-01-01")).content.decode()
    assert _open_sections(page) == ["s-period"]
    page = client.post(f"/ansokningar/{draft.pk}/andra/",
                       _edit_post(add_row="staffing")).content.decode()
    assert _open_sections(page) == ["s-methods"]


def test_a_row_marked_for_removal_is_removed_and_the_button_works_without_javascript(
        login, draft):
    client = login("insatsansvarig")
    page = client.get(f"/ansokningar/{draft.pk}/andra/").content.decode()
    # The button (shown by forms.js) and the checkbox it ticks (all there is without it).
    assert "Ta bort raden" in page and 'data-row-remove-button' in page
    assert 'name="goals-0-DELETE"' in page
    data = _edit_post(**_management("goals", 2, 2))
    data.update({"goals-1-kind": "outcome", "goals-1-text": "Bort med den.",
                 "goals-1-DELETE": "on"})
    assert client.post(f"/ansokningar/{draft.pk}/andra/", data).status_code == 302
    assert [goal.text for goal in draft.goals.all()] == ["60 deltagare per år."]


def test_the_budget_totals_as_you_type_come_from_the_server(login, draft):
    client = login("insatsansvarig")
    saved = selectors.budget_data(selectors.application_load(draft.pk))
    url = f"/ansokningar/{draft.pk}/budget/summor/"
    page = client.post(url, _budget_post(), headers={"HX-Request": "true"}).content.decode()
    assert "1\xa0220\xa0000\xa0kr" in page  # 1 200 000 salary + 20 000 travel
    assert "1\xa0280\xa0000\xa0kr" in page  # with 60 000 co-financing
    # A figure still being typed counts as nothing; the rest is still added up.
    page = client.post(url, _budget_post(**{"salary_a-0-amount_0": "12x"})).content.decode()
    assert "20\xa0000\xa0kr" in page
    # A removed row no longer counts.
    page = client.post(url, _budget_post(**{"salary_a-0-DELETE": "on"})).content.decode()
    assert "20\xa0000\xa0kr" in page and "1\xa0220\xa0000\xa0kr" not in page
    assert selectors.budget_data(selectors.application_load(draft.pk)) == saved  # not saved
