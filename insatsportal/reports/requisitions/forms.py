from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.applications.forms import KronorField
from insatsportal.reports.requisitions.models import CATEGORIES


class RequisitionForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("quarter"), coerce=int,
        choices=[(1, _("Q1 (January–March)")), (2, _("Q2 (April–June)")),
                 (3, _("Q3 (July–September)")), (4, _("Q4 (October–December)"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in CATEGORIES:
            self.fields[f"amount_{key}"] = KronorField(label=label)

    @property
    def amount_fields(self):
        return [self[name] for name in self.fields if name.startswith("amount_")]

    def amounts(self) -> dict:
        return {name.removeprefix("amount_"): value for name, value in self.cleaned_data.items()
                if name.startswith("amount_") and value}

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if name.startswith("amount_") and value is not None and value < 0:
                self.add_error(name, _("Amounts cannot be negative."))
        return cleaned


class RequisitionDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=[
        ("approve", _("Approve for payment")), ("return", _("Return"))])
    note = forms.CharField(label=pgettext_lazy("reports", "note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
