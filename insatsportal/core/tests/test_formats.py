import datetime

import pytest
from django import forms
from django.utils import translation


class DateForm(forms.Form):
    day = forms.DateField()


@pytest.mark.parametrize(
    "typed",
    ["2026-02-01", "20260201", "260201", "01/02/2026", "1/2/2026", "01.02.2026", "1/2 2026"],
)
def test_swedish_date_input_is_day_before_month(typed):
    with translation.override("sv"):
        form = DateForm({"day": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2026, 2, 1)


def test_a_date_that_cannot_be_read_gets_a_swedish_error():
    with translation.override("sv"):
        form = DateForm({"day": "13/13/2026"})
        assert not form.is_valid()
        assert form.errors["day"] == ["Fyll i ett giltigt datum."]
