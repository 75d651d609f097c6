from decimal import Decimal

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from insatsportal.core.money import format_kr, to_kronor


def test_it_formats_kronor_the_swedish_way():
    assert format_kr(Decimal("3930000")) == "3\xa0930\xa0000\xa0kr"
    assert format_kr(Decimal("-1500")) == "−1\xa0500\xa0kr"
    assert format_kr(0) == "0\xa0kr"


def test_it_rounds_half_away_from_zero():
    assert to_kronor("2.5") == Decimal(3)
    assert to_kronor("-2.5") == Decimal(-3)
    assert to_kronor("1999.49") == Decimal(1999)


def test_it_refuses_text_that_is_not_an_amount():
    with pytest.raises(ValueError):
        to_kronor("tre miljoner")


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_grouping_reads_back_as_the_same_number(number):
    text = format_kr(number).removesuffix("\xa0kr").replace("\xa0", "").replace("−", "-")
    assert int(text) == number


def test_the_template_filter_writes_kronor():
    html = Template("{% load sv %}{{ amount|kronor }}").render(Context({"amount": 3391000}))
    assert html == "3\xa0391\xa0000\xa0kronor"
