"""Optimistic concurrency (core.concurrency) for the Django admin's change forms.

`VersionedAdmin` gives a change form the hidden version of what it showed; a save over a
newer version is refused with a form error naming each field with the other person's saved
value beside the user's, the user's values kept in the form. Fields only the other person
changed keep their value. Inline rows are not versioned.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from insatsportal.core import concurrency


class _Posted:
    """What concurrency.reconcile reads from a request: the method and the posted data."""

    method = "POST"

    def __init__(self, data):
        self.POST = data


class VersionedForm(forms.ModelForm):
    # Declared (named as concurrency.FIELD), so that the admin lays it out as a hidden input.
    edit_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.pop(concurrency.FIELD)
        field.initial = concurrency.stamp(concurrency.form_values(self))
        self.fields[concurrency.FIELD] = field

    def clean(self):
        data = super().clean()
        if self.instance.pk is None or self.errors:
            return data
        model = type(self.instance)
        fresh = model._default_manager.select_for_update().get(pk=self.instance.pk)
        current = type(self)(instance=fresh)
        del current.fields[concurrency.FIELD]
        mine = {name: value for name, value in concurrency.form_values(self, cleaned=True)
                .items() if name != concurrency.FIELD}
        edit = concurrency.reconcile(
            _Posted(self.data), current=concurrency.form_values(current), mine=mine,
            labels=concurrency.form_labels(self), shown=concurrency.form_shown(self),
            obj=fresh)
        for name in edit.merged:
            data[name] = concurrency._cleaned(current, name, edit.values[name])
        if edit.conflicts:
            self.data = self.data.copy()
            self.data[concurrency.FIELD] = edit.version  # the next save counts them as read
            raise ValidationError([_("Someone else saved while you were writing")] + [
                f"{c.label} – {_('Saved by the other person')}: {c.theirs} · "
                f"{_('Your text (not saved)')}: {c.mine}" for c in edit.conflicts])
        return data


class VersionedAdmin(admin.ModelAdmin):
    form = VersionedForm
