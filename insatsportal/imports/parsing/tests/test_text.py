"""OCR repair, heading matching, HTML fragments and document-kind detection."""

import pytest

from insatsportal.imports.parsing import ImportReadError, detect_kind, read_text
from insatsportal.imports.parsing.headings import APPLICATION_HEADINGS, match_heading
from insatsportal.imports.parsing.ocr import repair_text, repair_word
from insatsportal.imports.parsing.text import normalise, strip_bullet


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("Forsdkringskassan", "Försäkringskassan"),
    ("Arbetsférmedlingen", "Arbetsförmedlingen"),
    ("Insatsdgare", "Insatsägare"),
    ("6kning", "ökning"),
    ("I6pande", "löpande"),
    ("H&bo", "Håbo"),
    ("fér", "för"),
    ("OVRIGA", "ÖVRIGA"),
])
def test_it_restores_swedish_letters_from_known_words(damaged, repaired):
    assert repair_word(damaged) == repaired


@pytest.mark.parametrize("word", ["man", "har", "dag", "vara", "stor", "Knivsta", "ar"])
def test_it_leaves_real_and_ambiguous_words_alone(word):
    assert repair_word(word) == word


def test_it_decides_ar_only_where_unambiguous():
    text, _ = repair_text("personer (16-64 ar) som ar i behov, 60 individer per ar, Det ar")
    assert text == "personer (16-64 år) som är i behov, 60 individer per år, Det är"
    text, _ = repair_text("behov ar den")  # could be either: left as written
    assert text == "behov ar den"


@pytest.mark.parametrize(("line", "key"), [
    ("Insatsdgare (*)", "owner"),
    ("Beskriv malen med insatsen (*)", "goals"),
    ("Beskriv méalen med insatsen (*)", "goals"),
    ("Beskriv metod/metoder ni kommer anvédnda (*)", "methods"),
    ("Beskriv uppfdljning och utvardering av malen (*)", "follow_up"),
    ("Planerad Insatstid", "period"),
    ("Budget - detaljerad En vag in - steget vidare", "budget"),
])
def test_it_finds_damaged_headings(line, key):
    assert match_heading(line, APPLICATION_HEADINGS)[0] == key


@pytest.mark.parametrize("line", [
    "målgruppen.", "implementering.", "Samverkanspart(namn)", "Insatsägare (namnförtydligande)",
    "Knivsta kommun är insatsägare och har ansvar för rapporteringen",
])
def test_it_does_not_take_prose_for_headings(line):
    hit = match_heading(line, APPLICATION_HEADINGS)
    assert hit is None or hit[0] not in ("target_group", "implementation", "partners", "owner")


def test_it_strips_html_fragments_and_keeps_cells_apart():
    text = normalise("<p>Ett &amp; två</p> <p>Tre</p>\n<ul style=\"x\">- Första- Andra\n"
                     "<table><tr><td>Lokalhyra</td><td>1 000</td></tr></table>")
    assert "Ett & två" in text and "<" not in text
    assert "- Första\n- Andra" in text
    assert "Lokalhyra\t1 000" in text


@pytest.mark.parametrize(("line", "rest"), [
    ("e Utveckla rutiner", "Utveckla rutiner"), ("¢ En praktikplatsbank", "En praktikplatsbank"),
    ("v Två sekreterare", "Två sekreterare"), ("• Punkt", "Punkt"),
])
def test_it_removes_ocr_bullets(line, rest):
    assert strip_bullet(line) == (rest, True)


def test_it_tells_applications_from_decisions():
    assert detect_kind("Arbetsutskottet föreslår förbundsstyrelsen besluta\natt bevilja x\n"
                       "Ärendet\n") == "decision"
    assert detect_kind("Insatsens namn\nX\nInsatsägare (*)\nSamverkansparter (*)\n") == (
        "application")
    with pytest.raises(ImportReadError):
        read_text("En inköpslista: mjölk, bröd och ost.")
