from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.utils.translation import gettext_lazy as _

from insatsportal.accounts.models import LoginAttempt, RoleAssignment, User
from insatsportal.core.concurrency_admin import (
    VersionedAdmin,
    VersionedForm,
    VersionedTabularInline,
)


class VersionedUserChangeForm(VersionedForm, UserChangeForm):
    """The change page's form with its version; the add page keeps Django's creation form
    (nothing saved yet, nothing to be overwritten) and the password page its own form."""


class RoleInline(VersionedTabularInline):
    model = RoleAssignment
    extra = 1
    autocomplete_fields = ["intervention"]


@admin.register(User)
class UserAdmin(VersionedAdmin, BaseUserAdmin):
    form = VersionedUserChangeForm
    # Set by signing in and creating, not typed: posting them back would overwrite a sign-in
    # made meanwhile.
    readonly_fields = ["last_login", "date_joined"]
    list_display = ["username", "first_name", "last_name", "member", "is_active"]
    list_filter = ["is_active", "member", "roles__role"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Organisation"), {"fields": ["member", "title"]}),)
    inlines = [RoleInline]


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin):
    """Read-only: the attempt log is evidence, not data to edit."""

    list_display = ["timestamp", "username", "ip_address", "stage", "success", "reason"]
    list_filter = ["stage", "success", "reason"]
    search_fields = ["username_key", "ip_address"]
    date_hierarchy = "timestamp"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
