from django import forms

from insatsportal.reports.deviations.models import Deviation


class DeviationForm(forms.ModelForm):
    class Meta:

        model = Deviation
        fields = ["kind", "description", "consequence", "proposed_measure", "decision_needed"]
        widgets = {name: forms.Textarea(attrs={"rows": 3})
                   for name in ("description", "consequence", "proposed_measure")}
