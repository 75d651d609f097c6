import re

import pytest

from tests.browser.conftest import current_code

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_new_user_enrols_with_the_qr_code_and_logs_in_again_with_a_backup_code(
    page, csp_violations
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("styrelse")
    page.get_by_label("Lösenord").fill("insatsportal-demo")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/tvastegs/installera/**")
    assert page.get_by_role("navigation").count() == 0  # nothing opens before the 2nd factor
    page.get_by_role("button", name="Börja inställningen").click()
    qr = page.get_by_role("img", name="QR-kod för autentiseringsappen")
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # allowed by the CSP
    secret = page.locator(".otp-secret").inner_text().replace(" ", "")
    device = TOTPDevice.objects.get(user__username="styrelse")
    assert secret == __import__("base64").b32encode(device.bin_key).decode().rstrip("=")
    page.get_by_label("Kod från appen").fill(current_code(device))
    page.get_by_role("button", name="Bekräfta och slå på").click()
    page.wait_for_url("**/konto/tvastegs/reservkoder/**")
    codes = page.locator("ul.backup-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", c)
                                    for c in codes)
    page.get_by_role("link", name="Jag har sparat koderna").click()
    page.wait_for_url("**/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Välkommen")

    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_url("**/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("styrelse")
    page.get_by_label("Lösenord").fill("insatsportal-demo")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r".*/konto/tvastegs/(\?.*)?$"))
    page.get_by_label("Kod").fill(codes[0])
    page.get_by_role("button", name="Bekräfta").click()
    page.wait_for_url("**/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Välkommen")
    assert csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_ending_another_session_with_htmx_works_under_the_csp(
    page, sign_in, csp_violations
):
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from insatsportal.accounts.models import User, UserSession

    sign_in("kansli")
    # A second session of the same user, e.g. on a phone.
    other = SessionStore()
    other["marker"] = True
    other.create()
    UserSession.objects.create(user=User.objects.get(username="kansli"),
                               session_key=other.session_key, last_seen_at=timezone.now(),
                               user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
                               "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 "
                               "Mobile/15E148 Safari/604.1")
    page.goto("/konto/")
    assert page.evaluate("typeof htmx") == "object"
    page.evaluate("window.stillTheSamePage = true")
    requests = []
    page.on("request", lambda request: requests.append(request.headers.get("hx-request")))
    row = page.get_by_role("row", name=re.compile("Safari på iOS"))
    row.get_by_role("button", name="Avsluta").click()
    page.get_by_role("row", name=re.compile("Safari på iOS")).wait_for(state="detached")
    assert page.evaluate("window.stillTheSamePage") is True  # swapped in place, no reload
    assert "true" in requests
    assert not UserSession.objects.filter(session_key=other.session_key).exists()
    assert not SessionStore().exists(other.session_key)
    assert csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_the_main_pages_report_no_csp_violations(page, sign_in, csp_violations):
    sign_in("kansli")
    for path in ["/", "/ansokningar/", "/insatser/", "/administration/", "/konto/",
                 "/konto/sessioner/", "/admin/"]:
        page.goto(path)
        page.wait_for_load_state()
    assert csp_violations == []
