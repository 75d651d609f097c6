"""The board member finds the coming meeting and its papers; justered minutes stay fixed."""

import datetime
import io
import re

import docx
import pypdf
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from insatsportal.accounts.models import User
from insatsportal.cases import services
from insatsportal.cases.models import Case
from insatsportal.cases.models.meeting import Body

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_the_board_member_downloads_the_coming_meetings_papers(sign_in, csp_violations):
    kansli = User.objects.get(username="kansli")
    day = timezone.localdate() + datetime.timedelta(days=7)
    board = services.meeting_create(body=Body.BOARD, date=day, actor=kansli)
    services.agenda_add(meeting=board, case=Case.objects.get(number="2021-15"), actor=kansli)

    page = sign_in("styrelse")
    coming = page.get_by_role("region", name="Kommande sammanträden")
    assert f"Förbundsstyrelsen {day:%Y-%m-%d}" in coming.inner_text()
    coming.get_by_role("button", name=f"Handlingar till Förbundsstyrelsen {day:%Y-%m-%d} (PDF)")\
        .click()
    # made in the background (tests run tasks when enqueued); the job's page offers it
    expect(page.get_by_text("Klart: filen är färdig.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Hämta handlingar-")).click()
    pdf = pypdf.PdfReader(download.value.path())
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Föredragningslista" in text
    assert "Bilaga till § 1" in text and "Jobbcentrum – din väg framåt" in text
    assert csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_the_office_justers_the_minutes_and_they_stay_fixed(sign_in, csp_violations):
    kansli = User.objects.get(username="kansli")
    board = services.meeting_create(body=Body.BOARD, date=datetime.date(2026, 12, 10),
                                    actor=kansli)
    services.agenda_add(meeting=board, case=Case.objects.get(number="2021-15"), actor=kansli)

    page = sign_in("kansli")
    page.goto(f"/arenden/moten/{board.pk}/")
    page.get_by_label("Protokoll § 1").fill("Ärendet bordläggs.")
    page.get_by_role("button", name="Spara protokollet").click()
    page.get_by_label("Protokollet justerat", exact=True).fill("2026-12-17")
    page.get_by_role("button", name="Justera").click()
    assert "Ange justerare innan protokollet justeras." in page.content()

    page.get_by_role("link", name="Ändra ordförande, justerare och närvarande").click()
    page.get_by_label("Justerare").fill("Anna Justerare")
    page.get_by_label("Närvarande ledamöter").fill("Ola Ordförande\nAnna Justerare")
    page.get_by_role("button", name="Spara").click()
    page.get_by_label("Protokollet justerat", exact=True).fill("2026-12-17")
    page.get_by_role("button", name="Justera").click()
    assert "Justerat 2026-12-17 av Anna Justerare" in page.content()
    assert page.get_by_label("Protokoll § 1").count() == 0
    assert page.get_by_role("button", name="Lägg till på dagordningen").count() == 0

    page.get_by_label("Anslaget på anslagstavlan den").fill("2026-12-18")
    page.get_by_role("button", name="Registrera anslaget").click()
    assert "senast 2027-01-08" in page.content()
    with page.expect_download() as download:
        page.get_by_role("link", name="Protokoll (Word)").click()
    word = docx.Document(io.BytesIO(open(download.value.path(), "rb").read()))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Protokollet justerades den 17 december 2026 av justerare Anna Justerare." in text
    assert "senast den 8 januari 2027" in text
    assert csp_violations == []
