"""Writes of the organisation register that happen outside the admin (first install)."""

from django.db import transaction
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.organisations.models import Association, Member


class RegisterRefused(Exception):
    pass


@transaction.atomic
def association_establish(*, actor, name: str, short_name: str = "",
                          organisation_number: str = "", director_name: str = "") -> Association:
    """The deployment's förbund: created once, found again by name; a second one is refused."""
    existing = Association.objects.first()
    if existing is not None:
        if existing.name != name:
            raise RegisterRefused(
                _("This installation already serves %(name)s.") % {"name": existing.name}
            )
        return existing
    association = Association.objects.create(
        name=name, short_name=short_name, organisation_number=organisation_number,
        director_name=director_name,
    )
    log_action(actor=actor, obj=association, action="created")
    return association


@transaction.atomic
def member_establish(*, actor, association: Association, name: str, kind: str) -> Member:
    """A member organisation, created once; the same name with another kind is refused."""
    if kind not in Member.Kind.values:
        raise RegisterRefused(_("Unknown kind of member: %(kind)s.") % {"kind": kind})
    member = Member.objects.filter(name=name).first()
    if member is not None:
        if member.kind != kind or member.association_id != association.pk:
            raise RegisterRefused(
                _("%(name)s is already registered as another kind of member.") % {"name": name}
            )
        return member
    member = Member.objects.create(association=association, name=name, kind=kind)
    log_action(actor=actor, obj=member, action="created")
    return member
