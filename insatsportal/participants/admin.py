"""The code lists and instruments are data the office edits in the admin.

Participant records are never in the admin: they are read only through the
participant pages, which log every read.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext as _

from insatsportal.participants.models import Code, CodeList
from insatsportal.participants.services.codes import code_supersede


@admin.register(CodeList)
class CodeListAdmin(admin.ModelAdmin):
    list_display = ["name", "key"]


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin):
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
