"""The code lists and instruments are data the office edits in the admin.

Participant records are never in the admin: they are read only through the
participant pages, which log every read.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext as _

from insatsportal.core.concurrency_admin import VersionedAdmin, VersionedTabularInline
from insatsportal.participants.models import Code, CodeList, Instrument, Item
from insatsportal.participants.services.codes import code_supersede
from insatsportal.participants.services.rating import instrument_copy


@admin.register(CodeList)
class CodeListAdmin(VersionedAdmin):
    list_display = ["name", "key"]


@admin.register(Code)
class CodeAdmin(VersionedAdmin):
    list_display = ["label", "code_list", "code", "group", "version", "is_active"]
    list_filter = ["code_list", "is_active"]
    readonly_fields = ["version", "supersedes"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if obj is not None:
            fields += ["code_list", "code"]
        return fields

    def save_model(self, request, obj, form, change):
        changed = {"label", "group"} & set(form.changed_data)
        if change and changed:
            original = Code.objects.get(pk=obj.pk)
            if original.is_in_use():
                new = code_supersede(actor=request.user, code=original, label=obj.label,
                                     group=obj.group)
                messages.info(request, _(
                    "The code is used by records, so the change was saved as version %(version)s;"
                    " the records keep the earlier version."
                ) % {"version": new.version})
                return
        super().save_model(request, obj, form, change)


class ItemInline(VersionedTabularInline):
    model = Item
    extra = 1
    fields = ["order", "short_label", "text", "answered_by"]


@admin.register(Instrument)
class InstrumentAdmin(VersionedAdmin):
    list_display = ["name", "version", "scale_min", "scale_max", "is_active"]
    list_filter = ["is_active"]
    inlines = [ItemInline]
    actions = ["copy_as_new_version"]

    def get_readonly_fields(self, request, obj=None):
        # Ratings keep their meaning: an instrument in use is copied, not changed.
        if obj is not None and obj.ratings.exists():
            return ["name", "version", "scale_min", "scale_max", "scale_labels"]
        return ["version"] if obj is not None else []

    def get_inlines(self, request, obj):
        if obj is not None and obj.ratings.exists():
            return [ReadOnlyItemInline]
        return self.inlines

    @admin.action(description=_("Copy as a new version"))
    def copy_as_new_version(self, request, queryset):
        for instrument in queryset:
            copy = instrument_copy(actor=request.user, instrument=instrument)
            messages.info(request, _("Copied as %(copy)s.") % {"copy": copy})


class ReadOnlyItemInline(ItemInline):
    extra = 0
    can_delete = False
    readonly_fields = ItemInline.fields

    def has_add_permission(self, request, obj=None):
        return False
