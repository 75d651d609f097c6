"""Optimistic concurrency (core.concurrency) for the Django admin's change forms.

`VersionedAdmin` gives a change form the hidden version of what it showed, and
`VersionedTabularInline` gives each of its inline rows the version of that row. A save over a
newer version is refused (409) with a form error naming each field with the other person's
saved value beside the user's, the user's values kept in the form; for a row, the error
stands on that row. Fields (and rows) only the other person changed keep their value, and
rows the user did not post (added by the other person) are left as they are. A row the other
person removed is gone if the user left it as read; if the user changed it, it comes back with
a message and the user's values, and the next save adds it as a new row.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
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
        if getattr(self, "removed", False) and self._changed_since_read(data):
            self.edit = concurrency.Edit(values=dict(data), version=READD)  # VersionedAdmin: 409
            raise ValidationError(_(
                "The row has been removed by someone else while you were editing. Your values "
                "are shown below; save again to add it as a new row."))
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


    def _changed_since_read(self, data):
        """Whether the user changed a field of the row from what the page showed (without a
        version, as for a post from an old page, it counts as changed)."""
        read = concurrency._parse(self.read_version)
        if read is None:
            return True
        return any(concurrency.digest(data.get(name)) != read[name]
                   for name in read if name in self.fields)

    def _post_clean(self):
        if not getattr(self, "removed", False):  # a removed row is not validated as one to save
            super()._post_clean()


# The version a removed row's form carries once it has said so: the next save adds the row.
READD = "readd"


class VersionedInlineFormSet(BaseInlineFormSet):
    """Rows the other person removed: without this, Django answers with its own
    "Select a valid choice" on the row's hidden key (and the admin drops a row from the page)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if not self.is_bound or i >= self.initial_form_count() or form.instance.pk is not None:
            return form
        pk_name, data = self.model._meta.pk.name, form.data
        key, version_key = form.add_prefix(pk_name), form.add_prefix(concurrency.FIELD)
        if data.get(key):  # a row of the page no longer saved
            form.fields[pk_name].required = False
            form.removed, form.read_version = True, data.get(version_key)
            form.data = data.copy()
            form.data[key] = ""
            form.data[version_key] = READD
        elif data.get(version_key) == READD:  # said so last time: now added as new
            form.fields[pk_name].required = False
            form.readd = True
        return form

    def save_new_objects(self, commit=True):
        saved = super().save_new_objects(commit)
        for form in self.initial_forms:
            if getattr(form, "readd", False) and not (
                    self.can_delete and self._should_delete_form(form)):
                self.new_objects.append(self.save_new(form, commit=commit))
                saved.append(self.new_objects[-1])
                if not commit:
                    self.saved_forms.append(form)
        return saved


class _RowsAsPosted(helpers.InlineAdminFormSet):
    """Django pairs a posted page's rows with the rows saved now: when one was removed the
    pairs shift and the last row falls off the page. Pair each row with its own object."""

    def __iter__(self):
        formset = self.formset
        if not formset.is_bound:
            yield from super().__iter__()
            return
        rows = formset.initial_forms
        formset.get_queryset = lambda: [None if form.instance.pk is None else form.instance
                                        for form in rows]
        try:
            for admin_form in super().__iter__():
                if (admin_form.original is None and admin_form.form in rows
                        and not self.opts.show_change_link):
                    admin_form.original = admin_form.form.instance  # its delete box
                yield admin_form
        finally:
            del formset.get_queryset


class VersionedInlineMixin:
    """Inline rows carry their own version (the hidden field is laid out in each row, also
    when the inline names its fields)."""

    form = VersionedForm
    formset = VersionedInlineFormSet

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

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            inline_formset.__class__ = _RowsAsPosted
        return inline_formsets

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        context = getattr(response, "context_data", None) or {}
        shown = [context["adminform"].form] if "adminform" in context else []
        for inline in context.get("inline_admin_formsets", ()):
            shown += inline.formset.forms
        if any(getattr(form, "edit", None) for form in shown):
            response.status_code = 409
        return response
