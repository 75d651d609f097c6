from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.applications.budget import COST_CATEGORIES as CATEGORIES
from insatsportal.applications.forms import KronorField
from insatsportal.cases.budget_of_record import days_per_year, spread


def _name(member_id, year, category) -> str:
    return f"cell_{member_id}_{year}_{category}"


class RevisedBudgetForm(forms.Form):
    """The template's categories per owner column and calendar year of the granted period."""

    note = forms.CharField(label=_("Comment to the office"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, grant, members, start_from=None, **kwargs):
        """`members`: (pk, name) of the columns; `start_from`: a revision or a budget of
        record whose figures fill the form."""
        super().__init__(*args, **kwargs)
        self.grant = grant
        self.members = members
        self.years = list(range(grant.period_start.year, grant.period_end.year + 1))
        initial = _initial(start_from, grant) if start_from is not None else {}
        for member_id, _member in members:
            for year in self.years:
                for key, label in CATEGORIES:
                    name = _name(member_id, year, key)
                    self.fields[name] = KronorField(label=f"{label} {year}")
                    if (member_id, year, key) in initial:
                        self.fields[name].initial = initial[(member_id, year, key)]

    def columns(self):
        """For the template: per member, rows of (label, [bound fields per year])."""
        return [
            {"name": name, "rows": [
                (label, [self[_name(member_id, year, key)] for year in self.years])
                for key, label in CATEGORIES]}
            for member_id, name in self.members
        ]

    def cells(self) -> dict:
        cells = {}
        for member_id, _member in self.members:
            for year in self.years:
                for key, _label in CATEGORIES:
                    value = self.cleaned_data.get(_name(member_id, year, key))
                    if value:
                        cells[(member_id, year, key)] = value
        return cells

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if name.startswith("cell_") and value is not None and value < 0:
                self.add_error(name, _("Amounts cannot be negative."))
        return cleaned


def _initial(start_from, grant) -> dict:
    """A revision's own cells, or the budget of record's categories spread over the years
    by days (the owner then moves money between years)."""
    if hasattr(start_from, "lines"):
        return {(line.member_id, line.year, line.category): line.amount
                for line in start_from.lines.all()}
    days = days_per_year(grant.period_start, grant.period_end)
    initial = {}
    for member_id, categories in start_from.by_owner_category.items():
        for category, amount in categories.items():
            for year, part in spread(Decimal(amount), days).items():
                initial[(member_id, year, category)] = part
    return initial
