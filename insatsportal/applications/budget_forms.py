"""The budget form: the template's sections as formsets, read into budget.BudgetData."""

from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.applications import budget as b
from insatsportal.applications.forms import KronorField
from insatsportal.organisations.models import Member

AMOUNT_FIELDS = [f"amount_{i}" for i in range(b.OWNER_COLUMNS)]


class _Amounts(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i, name in enumerate(AMOUNT_FIELDS):
            self.fields[name] = KronorField(label=b.OWNER_LABELS[i])

    def amounts(self) -> tuple:
        return tuple(self.cleaned_data.get(name) or b.ZERO for name in AMOUNT_FIELDS)

    @property
    def amount_fields(self):
        return [self[name] for name in AMOUNT_FIELDS]


class OwnerForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Organisation"), queryset=Member.objects.all(),
                                    required=False)
    label = forms.CharField(label=_("Note"), required=False, max_length=200)
    stated_association = KronorField(label=_("Stated from the förbund"))
    stated_co_financing = KronorField(label=_("Stated co-financing"))


class SalaryForm(_Amounts):
    title = forms.CharField(label=_("Post"), required=False, max_length=300)
    percent = forms.DecimalField(label=_("Share of full time"), required=False, min_value=0,
                                 max_digits=5, decimal_places=1)
    period_from = forms.DateField(label=_("From"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}))
    period_to = forms.DateField(label=_("To"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and end < start:
            self.add_error("period_to", _("The period must end after it starts."))
        if any(data.get(name) for name in AMOUNT_FIELDS) and not data.get("title"):
            self.add_error("title", _("Name the post."))
        return data


class CategoryForm(_Amounts):
    category = forms.CharField(widget=forms.HiddenInput)


class FreeRowForm(_Amounts):
    section = forms.ChoiceField(label=_("Section"), initial=b.PREMISES, choices=[
        (b.PREMISES, _("Premises costs")), (b.OTHER, _("Other costs"))])
    title = forms.CharField(label=_("Cost"), required=False, max_length=300)


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Calendar year"), required=False, min_value=1990,
                              max_value=2100)
    salary = KronorField(label=_("Salary costs"))
    premises = KronorField(label=_("Premises costs"))
    other = KronorField(label=_("Other costs"))


class StatedTotalForm(forms.Form):
    stated_total = KronorField(label=_("Total from the förbund, as stated in the application"))


SALARY_PREFIX = {b.ASSOCIATION: "salary_a", b.CO_FINANCING: "salary_c"}
CATEGORY_PREFIX = {b.ASSOCIATION: "cat_a", b.CO_FINANCING: "cat_c"}
BUDGET_ROW_FORMS = {"salary_a": SalaryForm, "salary_c": SalaryForm, "free": FreeRowForm}


def _fixed(form_class, prefix, data, initial):
    formset_class = forms.formset_factory(form_class, extra=0, min_num=len(initial),
                                          max_num=len(initial), validate_max=True)
    return formset_class(data=data, initial=initial, prefix=prefix)


def _rows(form_class, prefix, data, initial, extra):
    formset_class = forms.formset_factory(form_class, extra=extra, can_delete=True)
    return formset_class(data=data, initial=initial, prefix=prefix)


class BudgetForm:
    """All the budget's formsets together; `to_data()` gives the BudgetData."""

    def __init__(self, data=None, *, budget: b.BudgetData | None = None, add_row: str = ""):
        budget = budget or b.BudgetData()
        self.owners = _fixed(OwnerForm, "owners", data, [
            _owner_initial(budget.owner(position)) for position in range(b.OWNER_COLUMNS)
        ])
        self.salary = {}
        self.categories = {}
        for funding in b.FUNDINGS:
            rows = [_line_initial(line) for line in budget.rows(funding, b.SALARY)]
            prefix = SALARY_PREFIX[funding]
            self.salary[funding] = _rows(SalaryForm, prefix, data, rows,
                                         extra=_extra(rows, prefix, add_row))
            self.categories[funding] = _fixed(CategoryForm, CATEGORY_PREFIX[funding], data, [
                {"category": key, **_amount_initial(budget.category_line(funding, key).amounts)}
                for key, _label in b.CATEGORIES
            ])
        free = [{"section": line.section, **_line_initial(line)}
                for section in (b.PREMISES, b.OTHER)
                for line in budget.free_rows(b.CO_FINANCING, section)]
        self.free = _rows(FreeRowForm, "free", data, free, extra=_extra(free, "free", add_row))
        years = {y.index: y for y in budget.years}
        self.years = _fixed(YearForm, "years", data, [
            _year_initial(years.get(index)) for index in range(1, b.YEAR_COLUMNS + 1)
        ])
        self.meta = StatedTotalForm(data=data, initial={"stated_total": budget.stated_total})

    @property
    def formsets(self):
        return [self.owners, *self.salary.values(), *self.categories.values(), self.free,
                self.years]

    def is_valid(self) -> bool:
        return all([formset.is_valid() for formset in self.formsets] + [self.meta.is_valid()])

    def to_data(self) -> b.BudgetData:
        """The budget as entered; on a form with problems, what could be read (a figure that
        is not an amount counts as nothing), for the totals shown while the owner types."""
        owners = tuple(
            b.Owner(position=i, member=form.cleaned_data["member"].name,
                    label=form.cleaned_data.get("label", ""),
                    stated_association=form.cleaned_data.get("stated_association"),
                    stated_co_financing=form.cleaned_data.get("stated_co_financing"))
            for i, form in enumerate(self.owners.forms)
            if form.cleaned_data.get("member")
        )
        lines = []
        for funding in b.FUNDINGS:
            for form in _kept(self.salary[funding]):
                data = form.cleaned_data
                lines.append(b.Line(funding=funding, section=b.SALARY,
                                    title=data.get("title", ""), percent=data.get("percent"),
                                    period_from=data.get("period_from"),
                                    period_to=data.get("period_to"), amounts=form.amounts()))
            for form in self.categories[funding].forms:
                key = form.cleaned_data.get("category")
                if key in b.CATEGORY_SECTION:
                    lines.append(b.Line(funding=funding, section=b.CATEGORY_SECTION[key],
                                        category=key, amounts=form.amounts()))
        for form in _kept(self.free):
            lines.append(b.Line(funding=b.CO_FINANCING,
                                section=form.cleaned_data.get("section") or b.PREMISES,
                                title=form.cleaned_data.get("title", ""),
                                amounts=form.amounts()))
        years = tuple(
            b.YearRow(index=i, year=form.cleaned_data.get("year"),
                      salary=form.cleaned_data.get("salary") or b.ZERO,
                      premises=form.cleaned_data.get("premises") or b.ZERO,
                      other=form.cleaned_data.get("other") or b.ZERO)
            for i, form in enumerate(self.years.forms, start=1)
        )
        return b.budget_normalised(b.BudgetData(
            owners=owners, lines=tuple(lines), years=years,
            stated_total=self.meta.cleaned_data.get("stated_total"),
        ))


def _kept(formset):
    return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


def _extra(rows, prefix, add_row) -> int:
    return (1 if not rows else 0) + (1 if add_row == prefix else 0)


def _amount_initial(amounts) -> dict:
    return {name: amount or None for name, amount in zip(AMOUNT_FIELDS, amounts, strict=True)}


def _line_initial(line: b.Line) -> dict:
    return {"title": line.title, "percent": line.percent, "period_from": line.period_from,
            "period_to": line.period_to, **_amount_initial(line.amounts)}


def _owner_initial(owner: b.Owner | None) -> dict:
    if owner is None:
        return {}
    return {"member": Member.objects.filter(name=owner.member).first(), "label": owner.label,
            "stated_association": owner.stated_association,
            "stated_co_financing": owner.stated_co_financing}


def _year_initial(year: b.YearRow | None) -> dict:
    if year is None:
        return {}
    return {"year": year.year, "salary": year.salary or None, "premises": year.premises or None,
            "other": year.other or None}
