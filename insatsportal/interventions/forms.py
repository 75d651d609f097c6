from django import forms
from django.utils.translation import gettext_lazy as _


class InterventionCloseForm(forms.Form):
    end_date = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
