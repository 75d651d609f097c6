from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.applications.forms import KronorField
from insatsportal.organisations.models import Member
from insatsportal.reports.models import Deviation, InterventionMeeting, QuarterlyReport
from insatsportal.reports.models.requisitions import CATEGORIES


class MeetingLogForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        label=_("parties present"), queryset=Member.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = InterventionMeeting
        fields = ["held_on", "kind", "parties", "minutes"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"}),
                   "minutes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, intervention, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = Member.objects.filter(
            pk__in=[intervention.owner_id, *intervention.partners.values_list("pk", flat=True)]
        ).order_by("name")


class RequisitionForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("quarter"), coerce=int,
        choices=[(1, _("Q1 (January–March)")), (2, _("Q2 (April–June)")),
                 (3, _("Q3 (July–September)")), (4, _("Q4 (October–December)"))],
    )

    reason = forms.CharField(
        label=_("Reason for a further requisition"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when your organisation has already claimed this quarter."))

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


class DeviationForm(forms.ModelForm):
    class Meta:

        model = Deviation
        fields = ["kind", "description", "consequence", "proposed_measure", "decision_needed"]
        widgets = {name: forms.Textarea(attrs={"rows": 3})
                   for name in ("description", "consequence", "proposed_measure")}


class QuarterlyNarrativeForm(forms.ModelForm):
    class Meta:

        model = QuarterlyReport
        fields = ["went_well", "problems", "samverkan", "next_quarter"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class QuarterlyReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=[("accept", _("Accept")),
                                          ("return", _("Return for completion"))])
    comment = forms.CharField(label=_("the office's comment"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class AdministrativeCostForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"] = KronorField(label=_("administrative costs"), required=True)
        self.fields["note"] = forms.CharField(label=pgettext_lazy("reports", "note"),
                                              max_length=300, required=False)

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount < 0:
            raise forms.ValidationError(_("Amounts cannot be negative."))
        return amount
