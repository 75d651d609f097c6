"""The lists of an application under review, each a formset: goals, sub-parts, staffing,
budget rows and signatures. What the reader found is the initial data; the reviewer
corrects, adds and removes rows before confirming."""

from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.applications import budget as b
from insatsportal.applications.models import Goal, Signature
from insatsportal.organisations.models import Member


def _decimal_text(value) -> str:
    """100.0 -> "100", 12.5 -> "12.5" (normalize() alone writes 1E+2)."""
    return format(value.normalize(), "f")


def _members(required=False):
    return forms.ModelChoiceField(label=_("Organisation"), required=required,
                                  queryset=Member.objects.order_by("name"),
                                  to_field_name="name")


# A choice's initial is its first option, the one a browser sends for an untouched select:
# the blank row at the end of each list then stays "unchanged" and is left out, instead of
# being checked as a row and failing for fields the reviewer never meant to fill in.

class GoalForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of goal"), choices=Goal.Kind.choices,
                             initial=Goal.Kind.OVERALL)
    part = forms.CharField(label=_("Sub-part"), max_length=200, required=False)
    text = forms.CharField(label=_("Goal"), widget=forms.Textarea(attrs={"rows": 3}))
    target_kind = forms.ChoiceField(label=_("Measurable target"), required=False,
                                    choices=[("", "–")] + list(Goal.TargetKind.choices))
    target_value = forms.DecimalField(label=_("Target value"), required=False,
                                      max_digits=10, decimal_places=1)
    target_unit = forms.CharField(label=_("Unit or period"), max_length=100, required=False)

    def row(self) -> dict:
        data = dict(self.cleaned_data)
        value = data["target_value"]
        data["target_value"] = None if value is None else _decimal_text(value)
        return {k: data[k] for k in ("kind", "text", "target_kind", "target_value",
                                     "target_unit", "part")}


class PartForm(forms.Form):
    name = forms.CharField(label=_("Sub-part"), max_length=200)
    participants_per_year = forms.IntegerField(label=_("Participants per year"),
                                               min_value=0, required=False)

    def row(self) -> dict:
        return dict(self.cleaned_data)


class StaffingForm(forms.Form):
    title = forms.CharField(label=_("Post"), max_length=200)
    percent = forms.DecimalField(label=_("% of full time"), required=False, min_value=0,
                                 max_digits=5, decimal_places=1)
    employer = _members(required=True)

    def row(self) -> dict:
        percent = self.cleaned_data["percent"]
        return {"title": self.cleaned_data["title"],
                "percent": None if percent is None else _decimal_text(percent),
                "employer": self.cleaned_data["employer"].name}


class BudgetLineForm(forms.Form):
    funding = forms.ChoiceField(label=_("Funded by"), initial=b.ASSOCIATION, choices=[
        (b.ASSOCIATION, _("The förbund")), (b.CO_FINANCING, _("Co-financing"))])
    section = forms.ChoiceField(label=_("Section"), initial=b.SALARY, choices=[
        (b.SALARY, _("Salaries")), (b.PREMISES, _("Premises")), (b.OTHER, _("Other costs"))])
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", "–")] + list(b.CATEGORIES))
    title = forms.CharField(label=_("Row"), max_length=200, required=False)
    percent = forms.DecimalField(label=_("% of full time"), required=False, min_value=0,
                                 max_digits=5, decimal_places=1)
    period_from = forms.DateField(label=_("From"), required=False)
    period_to = forms.DateField(label=_("Until"), required=False)
    amounts = forms.CharField(
        label=_("Amount per owner column"), max_length=200,
        help_text=_("Kronor per owner column in the budget's order, separated by ;"))

    def clean_amounts(self):
        values = [v.strip() for v in self.cleaned_data["amounts"].split(";")]
        if len(values) > b.OWNER_COLUMNS:
            raise forms.ValidationError(_("At most %(n)s owner columns.") % {
                "n": b.OWNER_COLUMNS})
        amounts = []
        for value in values:
            try:
                amounts.append(str(b.parse_amount(value or "0")))
            except (b.AmountError, ValueError) as exc:
                raise forms.ValidationError(_("“%(value)s” is not an amount."),
                                            params={"value": value}) from exc
        return amounts

    def clean(self):
        data = super().clean()
        if data.get("section") == b.SALARY and not data.get("title"):
            self.add_error("title", _("A salary row needs the post's title."))
        elif data.get("section") != b.SALARY and not (data.get("category") or data.get("title")):
            self.add_error("category", _("Choose a category or write the row's own name."))
        return data

    def row(self) -> dict:
        data = self.cleaned_data
        percent = data["percent"]
        return {"funding": data["funding"], "section": data["section"],
                "category": "" if data["section"] == b.SALARY else data["category"],
                "title": data["title"],
                "percent": None if percent is None else _decimal_text(percent),
                "period_from": data["period_from"].isoformat() if data["period_from"] else None,
                "period_to": data["period_to"].isoformat() if data["period_to"] else None,
                "amounts": data["amounts"]}


class SignatureForm(forms.Form):
    role = forms.ChoiceField(label=_("Signs as"), choices=Signature.Role.choices,
                             initial=Signature.Role.OWNER)
    member = _members()
    organisation = forms.CharField(label=_("Organisation as written"), max_length=200,
                                   required=False)
    signed_on = forms.DateField(label=_("Date"), required=False)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        # A signature names its organisation (the application's own check says so too, but
        # only here is the message on the row the reviewer must correct).
        if not data.get("member") and not data.get("organisation") and not self.errors:
            self.add_error("organisation", _("Choose the member or write the organisation."))
        return data

    def row(self) -> dict:
        data = self.cleaned_data
        member = data["member"]
        return {"role": data["role"], "member": member.name if member else "",
                "organisation": data["organisation"] or (member.name if member else ""),
                "signed_on": data["signed_on"].isoformat() if data["signed_on"] else None,
                "name": data["name"]}


LISTS = {
    # prefix (the application dict's key; budget lines for "lines"): (form, heading)
    "goals": (GoalForm, _("Goals")),
    "parts": (PartForm, _("Sub-parts")),
    "staffing": (StaffingForm, _("Staffing")),
    "lines": (BudgetLineForm, _("Budget rows")),
    "signatures": (SignatureForm, _("Signatures")),
}


def _initial(prefix: str, read: dict) -> list[dict]:
    if prefix == "lines":
        rows = []
        for line in (read.get("budget") or {}).get("lines", []):
            row = dict(line)
            row["amounts"] = "; ".join(str(a) for a in line.get("amounts") or [])
            rows.append(row)
        return rows
    return [dict(row) for row in read.get(prefix) or []]


def review_formsets(read: dict, data=None) -> dict:
    """{prefix: formset} with what was read as the initial rows (one empty row to add)."""
    out = {}
    for prefix, (form, heading) in LISTS.items():
        formset_class = forms.formset_factory(form, extra=1, can_delete=True)
        formset = formset_class(data, initial=_initial(prefix, read), prefix=prefix)
        formset.heading = heading
        out[prefix] = formset
    return out


def rows_of(formset) -> list[dict]:
    """The kept, non-empty rows of a valid formset, in order."""
    # an untouched extra row cleans to {} and is left out
    return [f.row() for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")]


def apply_lists(data: dict, formsets: dict, owner: str) -> dict:
    """The application dict with the reviewed lists laid over what was read."""
    for prefix in ("goals", "parts", "staffing", "signatures"):
        data[prefix] = rows_of(formsets[prefix])
    lines = rows_of(formsets["lines"])
    budget = data.get("budget")
    if lines and budget is None:
        budget = {"owners": [{"position": 0, "member": owner, "stated_association": "",
                              "stated_co_financing": ""}], "years": [], "stated_total": ""}
    if budget is not None:
        budget = dict(budget, lines=lines)
    data["budget"] = budget
    return data
