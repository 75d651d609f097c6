"""Forms of the office's user administration."""

from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.accounts.models import INTERVENTION_ROLES, Role, RoleAssignment, User


class UserForm(forms.ModelForm):
    """Name, e-mail, title and organisation (the organisation scope of the user's roles)."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "title", "member"]

    def __init__(self, *args, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not creating:
            del self.fields["username"]
        self.fields["email"].required = True


class RoleGrantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    intervention = forms.ModelChoiceField(
        label=_("Intervention"), required=False, queryset=None,
        help_text=_("Empty: every intervention the role reaches. Required for a participant "
                    "coordinator."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model a role assignment names (as a ModelForm would find it): accounts is
        # imported by every app and imports none of them.
        interventions = RoleAssignment._meta.get_field("intervention").related_model
        self.fields["intervention"].queryset = interventions.objects.order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("role") in INTERVENTION_ROLES and not data.get("intervention"):
            self.add_error("intervention", _("This role is held for a named intervention: "
                                             "choose one."))
        return data
