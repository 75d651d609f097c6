from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from insatsportal.accounts.models import LoginAttempt, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 1
    autocomplete_fields = ["intervention"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
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
