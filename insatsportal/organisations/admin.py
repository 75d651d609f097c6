from django.contrib import admin

from insatsportal.core.concurrency_admin import VersionedAdmin, VersionedTabularInline
from insatsportal.organisations import models


class AliasInline(VersionedTabularInline):
    model = models.MemberAlias
    extra = 1


class DomainInline(VersionedTabularInline):
    model = models.MemberDomain
    extra = 1


class UnitInline(VersionedTabularInline):
    model = models.Unit
    extra = 1


@admin.register(models.Member)
class MemberAdmin(VersionedAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "domains__domain"]
    inlines = [AliasInline, DomainInline, UnitInline]


class PriorityGroupInline(VersionedTabularInline):
    model = models.PriorityTargetGroup
    extra = 1


@admin.register(models.StrategicDirection)
class StrategicDirectionAdmin(VersionedAdmin):
    list_display = ["year", "association"]
    inlines = [PriorityGroupInline]


@admin.register(models.ContactPerson)
class ContactPersonAdmin(VersionedAdmin):
    list_display = ["name", "title", "member", "unit", "email"]
    list_filter = ["member"]
    search_fields = ["name", "email"]


@admin.register(models.LocalGroup)
class LocalGroupAdmin(VersionedAdmin):
    list_display = ["name", "kommun"]
    filter_horizontal = ["members"]


admin.site.register(models.Association, VersionedAdmin)
