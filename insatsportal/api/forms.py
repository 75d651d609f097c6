import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insatsportal.api.models import Scope
from insatsportal.interventions.models import Intervention


def _default_expiry():
    return timezone.localdate() + datetime.timedelta(days=365)


class TokenCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200,
                           help_text=_("Which system uses it, e.g. “Power BI, the board's "
                                       "reports”."))
    scopes = forms.MultipleChoiceField(label=_("May read"), choices=Scope.choices,
                                       widget=forms.CheckboxSelectMultiple)
    interventions = forms.ModelMultipleChoiceField(
        label=_("Only these interventions"), required=False,
        queryset=Intervention.objects.order_by("name"), widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none for all interventions, also those added later."))
    expires_on = forms.DateField(label=_("Valid until"), initial=_default_expiry,
                                 widget=forms.DateInput(attrs={"type": "date"}))


class TokenRevokeForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, revoke the token: systems using it stop "
                                         "getting answers at once."))
