import pytest

from insatsportal.organisations.selectors import member_resolve


@pytest.mark.parametrize(
    ("text", "email", "expected"),
    [
        ("Regionen", None, "Region Uppsala"),
        ("Landstinget", None, "Region Uppsala"),
        ("Regionen", "carina.backstrom@regionuppsala.se", "Region Uppsala"),
        (None, "x@regionuppsala.se", "Region Uppsala"),
        ("AF", None, "Arbetsförmedlingen"),
        ("Arbetsförmedlingen Uppsala", None, "Arbetsförmedlingen"),
        ("FK", None, "Försäkringskassan"),
        ("Knivsta kommun Vård- och omsorgskontoret", None, "Knivsta kommun"),
        ("Enköpings Kommun, (Arbetsmarknadsenheten)", None, "Enköpings kommun"),
        ("HÅBO KOMMUN", None, "Håbo kommun"),
        (None, "Viveca.Raim@Enkoping.se", "Enköpings kommun"),
        (None, "someone@uppsala.se", "Uppsala kommun"),
        (None, "someone@socialtjanst.knivsta.se", "Knivsta kommun"),
    ],
)
def test_it_resolves_free_text_and_e_mail_to_a_member(demo, text, email, expected):
    assert member_resolve(text, email).name == expected


@pytest.mark.parametrize("text", ["Okänd organisation", "", None, "Hafabo"])
def test_it_answers_none_when_nothing_matches(demo, text):
    assert member_resolve(text) is None


def test_a_short_variant_does_not_match_inside_a_word(demo):
    # "AF" must not match inside "CAFÉ".
    assert member_resolve("Café Knuten") is None
