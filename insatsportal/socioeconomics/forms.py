from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.participants.models import Code
from insatsportal.socioeconomics.models import CostParameter, EstimateSettings


class CostParameterForm(forms.ModelForm):
    class Meta:
        model = CostParameter
        fields = ["year", "code_list", "code", "payer", "monthly_cost", "source", "source_date"]
        help_texts = {
            "code": _("The code of the support or occupation in the code list, e.g. "
                      "forsorjningsstod."),
            "monthly_cost": _("Whole kronor per person and month; negative for an income to "
                              "the party, e.g. tax on wages."),
        }

    def clean(self):
        cleaned = super().clean()
        code_list, code = cleaned.get("code_list"), cleaned.get("code")
        if code_list and code and not Code.objects.filter(code_list__key=code_list,
                                                          code=code).exists():
            self.add_error("code", _("The code list has no such code."))
        return cleaned


class EstimateSettingsForm(forms.ModelForm):
    class Meta:
        model = EstimateSettings
        fields = ["horizon_months", "uncertainty_percent", "unknown_persistence_percent"]
