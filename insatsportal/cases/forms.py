from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.accounts import policy
from insatsportal.accounts.models import User
from insatsportal.cases.models import Decision, Meeting, Recommendation
from insatsportal.cases.models.meeting import Body


def check_period(form, data, start="period_start", end="period_end") -> None:
    """The period must not end before it starts."""
    if data.get(start) and data.get(end) and data[end] < data[start]:
        form.add_error(end, _("The period ends before it starts."))


def check_grant(form, data) -> None:
    """A granting outcome needs an amount and a period, and the period runs forwards."""
    if data.get("outcome") in Decision.GRANTING:
        for name in ("amount", "period_start", "period_end"):
            if data.get(name) in (None, ""):
                form.add_error(name, _("A grant needs a maximum amount and a period."))
    check_period(form, data)


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(
        label=_("Handler"), queryset=User.objects.filter(policy.case_handlers_scope()).distinct()
    )


class ChecklistNoteForm(forms.Form):
    item = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("The office's note"), widget=forms.Textarea(attrs={"rows": 2}),
                           required=False)


class RecommendationForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Recommendation"), choices=Recommendation.Outcome.choices,
                                widget=forms.RadioSelect)
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 3}))
    questions = forms.CharField(
        label=_("Questions to the applicant"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you request completion; sent back with the application."),
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Recommendation.Outcome.COMPLETE and not data.get(
            "questions", ""
        ).strip():
            self.add_error("questions", _("Write the questions the applicant must answer."))
        return data


class ProposalForm(forms.Form):
    proposer = forms.ChoiceField(label=_("Proposed by"), choices=Body.choices)
    title = forms.CharField(label=_("Heading"), max_length=300)
    amount = forms.DecimalField(label=_("Maximum amount (kronor)"), min_value=0,
                                decimal_places=0, max_digits=12)
    period_start = forms.DateField(label=_("From"))
    period_end = forms.DateField(label=_("Until"))
    clauses = forms.CharField(
        label=_("Att-clauses"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One clause per line, without the word “att”."),
    )
    matter = forms.CharField(label=_("The matter (Ärendet)"),
                             widget=forms.Textarea(attrs={"rows": 14}))
    assessment = forms.CharField(label=_("Assessment (Bedömning)"),
                                 widget=forms.Textarea(attrs={"rows": 10}))

    def clean(self):
        data = super().clean()
        check_period(self, data)
        return data

    def clean_clauses(self):
        lines = [line.strip() for line in self.cleaned_data["clauses"].splitlines()]
        lines = [line.removeprefix("att ").strip() for line in lines if line]
        if not lines:
            raise forms.ValidationError(_("A proposal needs at least one att-clause."))
        return lines


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "place"]


class MeetingEditForm(forms.ModelForm):
    """What the minutes say of the meeting itself; saved only before justering."""

    class Meta:
        model = Meeting
        fields = ["place", "chair", "secretary", "adjuster", "present"]
        widgets = {"present": forms.Textarea(attrs={"rows": 6})}


class AgendaForm(forms.Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=None)

    def __init__(self, *args, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases


class ParagraphMinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class MinutesForm(forms.Form):
    approved_on = forms.DateField(label=_("Minutes approved on"))


class PostingForm(forms.Form):
    posted_on = forms.DateField(
        label=_("Posted on the notice board on"),
        help_text=_("The appeal period of three weeks runs from this day."),
    )


class _ParagraphChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_label


class CorrectionForm(forms.Form):
    corrects = _ParagraphChoice(label=_("Paragraph to correct"), queryset=None,
                                empty_label=_("Choose a paragraph of approved minutes"))
    minutes = forms.CharField(label=_("The correction"),
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, paragraphs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["corrects"].queryset = paragraphs


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Decision.Outcome.choices,
                                widget=forms.RadioSelect)
    decided_on = forms.DateField(label=_("Decided on"))
    amount = forms.DecimalField(label=_("Granted maximum amount (kronor)"), min_value=0,
                                decimal_places=0, max_digits=12, required=False)
    period_start = forms.DateField(label=_("Granted from"), required=False)
    period_end = forms.DateField(label=_("Granted until"), required=False)
    conditions = forms.CharField(label=_("Conditions"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    agenda_item = _ParagraphChoice(
        label=_("The board's meeting and paragraph"), queryset=None, required=False,
        empty_label=_("No paragraph in the system (a decision recorded afterwards)"),
        help_text=_("Only the board decides; the working committee's paragraphs are proposals "
                    "and are not offered. Approved minutes are not offered either."),
    )

    def __init__(self, *args, agenda_items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = agenda_items

    def clean(self):
        data = super().clean()
        check_grant(self, data)
        item = data.get("agenda_item")
        if item is not None and data.get("decided_on") and data["decided_on"] != item.meeting.date:
            self.add_error("decided_on", _("The decision is made on the day of the board's "
                                           "meeting (%(date)s).")
                           % {"date": item.meeting.date.isoformat()})
        return data
