"""Forms for the application's sections; the budget's forms are in budget_forms.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.applications import budget as b
from insatsportal.applications.models import (
    Application,
    Goal,
    Method,
    Section,
    Signature,
    StaffingLine,
)
from insatsportal.core import uploads
from insatsportal.core.money import group_thousands
from insatsportal.organisations.models import Member, Unit


class KronorField(forms.CharField):
    """An amount in whole kronor, typed the Swedish way: '1 200 000', '340000 kr'."""

    default_error_messages = {"invalid": _("“%(value)s” is not an amount.")}

    def __init__(self, *, required=False, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric",
                                                           "class": "amount"}))
        super().__init__(required=required, **kwargs)

    def prepare_value(self, value):
        if value in (None, ""):
            return ""
        try:
            return group_thousands(b.parse_amount(value))
        except (b.AmountError, ValueError):
            return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return b.parse_amount(value)
        except (b.AmountError, ValueError):
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from None


class DateListField(forms.CharField):
    """'2021-04-16, 2021-06-11' -> ['2021-04-16', '2021-06-11']."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        value = super().to_python(value)
        days = []
        for part in (value or "").replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                days.append(b.parse_date(part).isoformat())
            except b.AmountError:
                raise forms.ValidationError(
                    _("“%(value)s” is not a date (write 2021-04-16)."), params={"value": part}
                ) from None
        return days


class YesNoRadioSelect(forms.RadioSelect):
    """Ja / Nej / Ej angivet for a nullable yes-no field, showing the saved answer.

    A plain RadioSelect renders True as "True", which matches none of the choices, so a saved
    "Ja" was shown unselected and the next save cleared it.
    """

    VALUES = {True: "true", False: "false", None: "unknown"}

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=[("true", _("Yes")), ("false", _("No")),
                                         ("unknown", _("Not stated"))])

    def format_value(self, value):
        if value in ("true", "false", "unknown"):
            return [value]
        return [self.VALUES.get({"True": True, "False": False}.get(value, value), "unknown")]


class NewApplicationForm(forms.Form):
    name = forms.CharField(label=_("Name of the intervention"), max_length=300)


class ApplicationForm(forms.ModelForm):
    anchoring_dates = DateListField(
        label=_("Dates of discussion"), required=False,
        help_text=_("Separate the dates with commas, e.g. 2021-04-16, 2021-06-11."),
    )
    methods = forms.ModelMultipleChoiceField(
        label=_("Methods"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Method.objects.filter(active=True),
    )
    anchoring_discussed = forms.NullBooleanField(
        label=_("Has the application been discussed in the local development group?"),
        required=False,
        widget=YesNoRadioSelect(),
    )

    class Meta:
        model = Application
        fields = [
            "name", "owner_unit", "contact_name", "contact_title", "contact_email", "purpose",
            "background", "planned_start", "planned_end", "last_intake_date", "target_group",
            "age_min", "age_max", "participants_per_year", "participants_total",
            "participants_text", "methods", "methods_text", "follow_up", "implementation",
            "anchoring_discussed", "anchoring_group", "anchoring_dates", "anchoring_text",
            "agreement_text", "continuation_kind", "continues", "predecessor_name",
        ]
        widgets = {
            "planned_start": forms.DateInput(attrs={"type": "date"}),
            "planned_end": forms.DateInput(attrs={"type": "date"}),
            "last_intake_date": forms.DateInput(attrs={"type": "date"}),
            "agreement_text": forms.Textarea(attrs={"rows": 14}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = Unit.objects.filter(member_id=self.instance.owner_id)
        self.fields["anchoring_group"].queryset = self.fields["anchoring_group"].queryset.order_by(
            "name")

    def clean(self):
        data = super().clean()
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", _("The planned end must be after the planned start."))
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and high < low:
            self.add_error("age_max", _("The oldest age must not be below the youngest."))
        return data

    def to_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


# --- Rows (formsets) ------------------------------------------------------------------

class RowForm(forms.Form):
    """A row of a list section; a blank extra row is ignored, DELETE removes a row."""

    def to_data(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "DELETE"}


class PartnerForm(RowForm):
    member = forms.ModelChoiceField(label=_("Organisation"), queryset=Member.objects.all())
    contact_name = forms.CharField(label=_("Contact person"), required=False, max_length=200)
    contact_title = forms.CharField(label=_("Title"), required=False, max_length=200)
    contact_email = forms.EmailField(label=_("E-mail"), required=False)


class PartForm(RowForm):
    name = forms.CharField(label=_("Name of the sub-part"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    participants_per_year = forms.IntegerField(label=_("Participants per year"), required=False,
                                               min_value=0)
    participants_total = forms.IntegerField(label=_("Participants in total"), required=False,
                                            min_value=0)


class _PartChoiceMixin:
    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [("", _("The whole intervention"))] + [
            (name, name) for name in parts
        ]


class GoalForm(_PartChoiceMixin, RowForm):
    # A field initial equal to the first choice keeps an untouched extra row "unchanged".
    kind = forms.ChoiceField(label=_("Kind of goal"), choices=Goal.Kind.choices,
                             initial=Goal.Kind.OVERALL)
    text = forms.CharField(label=_("Goal"), widget=forms.Textarea(attrs={"rows": 2}))
    target_kind = forms.ChoiceField(label=_("Measurable target"), required=False,
                                    choices=[("", "–")] + Goal.TargetKind.choices)
    target_value = forms.DecimalField(label=_("Target value"), required=False, min_value=0,
                                      max_digits=10, decimal_places=1)
    target_unit = forms.CharField(label=_("Unit or period"), required=False, max_length=100)
    part = forms.ChoiceField(label=_("Sub-part"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("target_value") is not None and not data.get("target_kind"):
            self.add_error("target_kind", _("Say what the target value measures."))
        return data


class StaffingForm(_PartChoiceMixin, RowForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    percent = forms.DecimalField(label=_("Share of full time"), min_value=0, max_digits=5,
                                 decimal_places=1)
    employer = forms.ModelChoiceField(label=_("Employer"), queryset=Member.objects.all())
    funding = forms.ChoiceField(label=_("Funding"), choices=StaffingLine.Funding.choices,
                                initial=StaffingLine.Funding.ASSOCIATION)
    part = forms.ChoiceField(label=_("Sub-part"), required=False)
    description = forms.CharField(label=_("Tasks"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class SignatureForm(RowForm):
    role = forms.ChoiceField(label=_("Signs as"), choices=Signature.Role.choices,
                             initial=Signature.Role.OWNER)
    member = forms.ModelChoiceField(label=_("Member"), queryset=Member.objects.all(),
                                    required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=300)
    signed_on = forms.DateField(label=_("Date"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(label=_("Signed (name)"), required=False, max_length=200)
    name_clarification = forms.CharField(label=_("Name in print"), required=False,
                                         max_length=300)
    email = forms.EmailField(label=_("E-mail"), required=False)


ROW_FORMS = {
    "partners": (PartnerForm, _("Partners")),
    "parts": (PartForm, _("Sub-parts")),
    "goals": (GoalForm, _("Goals")),
    "staffing": (StaffingForm, _("Staffing")),
    "signatures": (SignatureForm, _("Signatures")),
}


def row_formset(prefix: str, *, data=None, initial=None, extra=0, parts=()):
    form, _label = ROW_FORMS[prefix]
    formset_class = forms.formset_factory(form, extra=extra, can_delete=True)
    kwargs = {"parts": list(parts)} if prefix in ("goals", "staffing") else {}
    return formset_class(data=data, initial=initial, prefix=prefix, form_kwargs=kwargs)


def formset_rows(formset) -> list[dict]:
    """The kept rows: blank extra rows have no cleaned data, deleted rows are left out."""
    return [
        form.to_data()
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class ReturnForm(forms.Form):
    """The office's questions, one field per section of the form; the owner sees each question
    beside its section and answers it there."""

    questions = forms.CharField(
        label=_("Questions on the application as a whole"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section, label in Section.choices:
            if section != Section.GENERAL:
                self.fields[f"q_{section}"] = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if not any((value or "").strip() for value in data.values()):
            raise forms.ValidationError(_("Write what the owner needs to complete."))
        return data

    def asked(self) -> list[tuple[str, str]]:
        """[(section, question)] in the order of the form."""
        return [
            (section, self.cleaned_data.get("questions" if section == Section.GENERAL
                                            else f"q_{section}", ""))
            for section, _label in Section.choices
        ]


class BudgetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled-in budget template (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={
            "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.xlsx_check(upload)  # before openpyxl reads a byte of it
        return upload


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All"))] + Application.Status.choices)
    owner = forms.ModelChoiceField(label=_("Owner"), required=False,
                                   queryset=Member.objects.all(), empty_label=_("All"))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
