from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.reports.quarterly.models import QuarterlyReport


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
