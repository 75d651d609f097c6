from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.interventions.models import Intervention


class InterventionCloseForm(forms.Form):
    end_date = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class NationalFactsForm(forms.Form):
    orientation = forms.ChoiceField(label=_("Orientation"),
                                    choices=Intervention.Orientation.choices)
    specified_orientation = forms.CharField(label=_("Specified orientation"), required=False,
                                            max_length=200)
    follow_up_method = forms.CharField(label=_("Follow-up method"), required=False,
                                       max_length=200)
    esf_financed = forms.TypedChoiceField(
        label=_("ESF financing"), required=False, empty_value=None,
        coerce=lambda value: value == "yes",
        choices=[("", _("Not stated")), ("yes", _("Yes")), ("no", _("No"))])
    people_reached = forms.IntegerField(
        label=_("People reached in the year (structural interventions)"), required=False,
        min_value=0)

    @classmethod
    def initial_for(cls, intervention, reach) -> dict:
        esf = intervention.esf_financed
        return {"orientation": intervention.orientation,
                "specified_orientation": intervention.specified_orientation,
                "follow_up_method": intervention.follow_up_method,
                "esf_financed": "" if esf is None else ("yes" if esf else "no"),
                "people_reached": reach.people if reach else None}
