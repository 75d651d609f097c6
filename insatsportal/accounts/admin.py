from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from insatsportal.accounts.models import RoleAssignment, User


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
