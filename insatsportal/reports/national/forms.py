from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.applications.forms import KronorField


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
