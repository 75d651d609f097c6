from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.organisations.models import Member
from insatsportal.reports.meetings.models import InterventionMeeting


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
