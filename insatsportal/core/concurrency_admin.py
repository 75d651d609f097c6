"""Optimistic concurrency (core.concurrency) for the Django admin's change forms.

`VersionedAdmin` gives a change form the hidden version of what it showed, and
`VersionedTabularInline` gives each of its inline rows the version of that row. A save over a
newer version is refused (409) with a form error naming each field with the other person's
saved value beside the user's, the user's values kept in the form; for a row, the error
stands on that row. Fields (and rows) only the other person changed keep their value, and
rows the user did not post (added by the other person) are left as they are.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from insatsportal.core import concurrency


class _Posted:
    """What concurrency.reconcile reads from a request: the method and the posted version."""

    method = "POST"

    def __init__(self, version):
        self.POST = {concurrency.FIELD: version}


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
        fresh = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if fresh is None:  # a row removed meanwhile: the formset says so
            return data
        current = type(self)(instance=fresh)
        del current.fields[concurrency.FIELD]
        # An inline row's form has the formset's fields too (id, DELETE, the parent): not
        # parts of the version.
        mine = {name: value for name, value in concurrency.form_values(self, cleaned=True)
                .items() if name in current.fields}
        key = self.add_prefix(concurrency.FIELD)
        edit = concurrency.reconcile(
            _Posted(self.data.get(key)), current=concurrency.form_values(current), mine=mine,
            labels=concurrency.form_labels(self), shown=concurrency.form_shown(self),
            obj=fresh)
        for name in edit.merged:
            data[name] = concurrency._cleaned(current, name, edit.values[name])
        if edit.conflicts:
            self.edit = edit  # VersionedAdmin answers 409
            self.data = self.data.copy()
            self.data[key] = edit.version  # the next save counts them as read
            raise ValidationError([_("Someone else saved while you were writing")] + [
                f"{c.label} – {_('Saved by the other person')}: {c.theirs} · "
                f"{_('Your text (not saved)')}: {c.mine}" for c in edit.conflicts])
        return data


class VersionedInlineMixin:
    """Inline rows carry their own version (the hidden field is laid out in each row, also
    when the inline names its fields)."""

    form = VersionedForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if concurrency.FIELD in fields else [*fields, concurrency.FIELD]


class VersionedTabularInline(VersionedInlineMixin, admin.TabularInline):
    pass


class VersionedAdmin(admin.ModelAdmin):
    form = VersionedForm

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:  # one mechanism: no row of a versioned page goes unversioned
            if not isinstance(inline, VersionedInlineMixin):
                raise TypeError(f"{type(inline).__name__} of {type(self).__name__} must be a "
                                "VersionedTabularInline")
        return inlines

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        context = getattr(response, "context_data", None) or {}
        shown = [context["adminform"].form] if "adminform" in context else []
        for inline in context.get("inline_admin_formsets", ()):
            shown += inline.formset.forms
        if any(getattr(form, "edit", None) for form in shown):
            response.status_code = 409
        return response
