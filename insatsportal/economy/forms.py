from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.applications.forms import KronorField
from insatsportal.organisations.models import Member


def _not_negative(value):
    if value is not None and value < 0:
        raise forms.ValidationError(_("Amounts cannot be negative."))
    return value


class EconomySettingsForm(forms.Form):
    equity_ceiling_percent = forms.DecimalField(
        label=_("Equity ceiling (percent of the year's contributions)"), min_value=0, max_value=100,
        max_digits=5, decimal_places=1,
        help_text=_("A common guideline is a fifth, 20 percent."),
    )


class FiscalYearForm(forms.Form):
    opening_equity = KronorField(
        label=_("Equity carried over from the year before (kronor)"),
        help_text=_("From the books. Leave empty to carry over the projection of the year "
                    "before."),
    )
    administration = KronorField(label=_("Administration budget (kronor)"), required=True)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_administration(self):
        return _not_negative(self.cleaned_data["administration"])


class PlannedCostForm(forms.Form):
    label = forms.CharField(label=_("Cost"), max_length=200,
                            help_text=_("E.g. competence development, conferences."))
    amount = KronorField(label=_("Budget (kronor)"), required=True)
    outcome = KronorField(label=_("Outcome (kronor)"))

    def clean_amount(self):
        return _not_negative(self.cleaned_data["amount"])

    def clean_outcome(self):
        return _not_negative(self.cleaned_data["outcome"])


class SplitForm(forms.Form):
    total = KronorField(label=_("The year's total contributions (kronor)"), required=True)

    def clean_total(self):
        total = self.cleaned_data["total"]
        if total is None or total <= 0:
            raise forms.ValidationError(_("Give the year's total contributions."))
        return total


class ContributionsForm(forms.Form):
    """One row of fields per paying member: planned, decided (with date), paid, and for a
    municipality the basis of the split."""

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        for member in self.members:
            key = member.pk
            if member.kind == Member.Kind.KOMMUN:
                self.fields[f"weight_{key}"] = forms.DecimalField(
                    label=_("Basis of the split"), required=False, min_value=0,
                    decimal_places=0, max_digits=12)
            self.fields[f"planned_{key}"] = KronorField(label=_("Planned"))
            self.fields[f"decided_{key}"] = KronorField(label=_("Decided"))
            self.fields[f"decided_on_{key}"] = forms.DateField(label=_("Decided on"),
                                                               required=False)
            self.fields[f"paid_{key}"] = KronorField(label=pgettext_lazy("economy", "Paid"))

    def clean(self):
        data = super().clean()
        for member in self.members:
            key = member.pk
            for name in ("planned", "decided", "paid"):
                value = data.get(f"{name}_{key}")
                if value is not None and value < 0:
                    self.add_error(f"{name}_{key}", _("Amounts cannot be negative."))
            if data.get(f"decided_{key}") is not None and not data.get(f"decided_on_{key}"):
                self.add_error(f"decided_on_{key}",
                               _("Give the date the member decided its contribution."))
        return data

    def rows(self):
        """(member, [bound fields]) for the table."""
        names = ("weight", "planned", "decided", "decided_on", "paid")
        return [(m, [self[f"{n}_{m.pk}"] if f"{n}_{m.pk}" in self.fields else None
                     for n in names]) for m in self.members]

    def cleaned_rows(self) -> list[dict]:
        data = self.cleaned_data
        return [{"member": m, "share_weight": data.get(f"weight_{m.pk}"),
                 "planned": data.get(f"planned_{m.pk}"), "decided": data.get(f"decided_{m.pk}"),
                 "decided_on": data.get(f"decided_on_{m.pk}"), "paid": data.get(f"paid_{m.pk}")}
                for m in self.members]


def contributions_initial(contributions) -> dict:
    initial = {}
    for c in contributions:
        key = c.member_id
        initial |= {f"weight_{key}": c.share_weight, f"planned_{key}": c.planned,
                    f"decided_{key}": c.decided, f"decided_on_{key}": c.decided_on,
                    f"paid_{key}": c.paid}
    return initial
