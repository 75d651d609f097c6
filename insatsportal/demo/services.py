"""Load the demo förbund. Idempotent: a second run changes nothing."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from insatsportal.accounts.demo_personas import DEMO_USERS
from insatsportal.accounts.models import RoleAssignment, User
from insatsportal.core.audit import log_action
from insatsportal.demo import register
from insatsportal.demo.applications import demo_applications
from insatsportal.demo.decisions import demo_decisions
from insatsportal.demo.economy import demo_economy
from insatsportal.demo.reports import demo_reports
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import (
    Association,
    ContactPerson,
    LocalGroup,
    Member,
    MemberAlias,
    MemberDomain,
    PriorityTargetGroup,
    StrategicDirection,
    Unit,
)

DEMO_PASSWORD = "insatsportal-demo"  # noqa: S105 - published demo password, demo mode only


# Until the importer reads the seeds, the interventions are the seeds' facts.
DEMO_INTERVENTIONS = [
    ("En väg in – steget vidare", "Knivsta kommun", "2018-01-01", "2024-12-31",
     Intervention.Status.RUNNING, ["Arbetsförmedlingen", "Region Uppsala", "Försäkringskassan"]),
]

KANSLI_ADMIN_APPS = ["organisations", "accounts", "interventions", "participants"]


@transaction.atomic
def demo_load() -> Association:
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured("The demo can only be loaded with DEMO_MODE on.")
    association = _association()
    members = _members(association)
    _contacts_and_groups(association, members)
    interventions = _interventions(members)
    _users(members, interventions)
    demo_applications(association)
    demo_decisions(association)
    demo_reports()
    demo_economy(association)
    return association


def _association() -> Association:
    association, _ = Association.objects.get_or_create(
        name=register.ASSOCIATION["name"], defaults=register.ASSOCIATION
    )
    for year, summary, groups in register.DIRECTIONS:
        direction, _ = StrategicDirection.objects.get_or_create(
            association=association, year=year, defaults={"summary": summary}
        )
        for name, keywords in groups:
            PriorityTargetGroup.objects.get_or_create(
                direction=direction, name=name, defaults={"keywords": keywords}
            )
    return association


def _members(association) -> dict[str, Member]:
    rows = [(name, Member.Kind.KOMMUN, variants, domains, units)
            for name, variants, domains, units in register.KOMMUNER]
    rows += register.OTHER_MEMBERS
    members = {}
    for name, kind, variants, domains, units in rows:
        member, _ = Member.objects.get_or_create(
            name=name, defaults={"association": association, "kind": kind}
        )
        for variant in variants:
            MemberAlias.objects.get_or_create(name=variant, defaults={"member": member})
        for domain in domains:
            MemberDomain.objects.get_or_create(domain=domain, defaults={"member": member})
        for unit in units:
            Unit.objects.get_or_create(member=member, name=unit)
        members[name] = member
    return members


def _contacts_and_groups(association, members) -> None:
    contacts = {}
    for member_name, unit_name, name, title, email in register.CONTACTS:
        member = members[member_name]
        unit = Unit.objects.filter(member=member, name=unit_name).first() if unit_name else None
        contact, _ = ContactPerson.objects.get_or_create(
            member=member, email=email, defaults={"name": name, "title": title, "unit": unit}
        )
        contacts[email] = contact
    for name, member in members.items():
        if member.kind != Member.Kind.KOMMUN:
            continue
        group, _ = LocalGroup.objects.get_or_create(
            name=f"LOKUS {name.removesuffix(' kommun').removesuffix('s')}",
            defaults={"association": association, "kommun": member},
        )
        group.members.add(*(contacts[e] for e in register.LOKUS_MEMBERS.get(name, [])))


def _interventions(members) -> dict[str, Intervention]:
    interventions = {}
    for name, owner, start, end, status, partners in DEMO_INTERVENTIONS:
        intervention, created = Intervention.objects.get_or_create(
            name=name,
            defaults={"owner": members[owner], "start_date": start, "end_date": end,
                      "status": status},
        )
        if created:
            intervention.partners.set([members[p] for p in partners])
            log_action(actor=None, obj=intervention, action="demo.loaded")
        interventions[name] = intervention
    return interventions


def _users(members, interventions) -> None:
    admin_permissions = Permission.objects.filter(content_type__app_label__in=KANSLI_ADMIN_APPS)
    for username, (first, last, title, member, roles) in DEMO_USERS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "title": title,
                      "member": members.get(member), "email": f"{username}@demo.invalid",
                      "is_staff": username == "kansli"},
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if username == "kansli":
            user.user_permissions.add(*admin_permissions)
        for role, intervention_name in roles:
            RoleAssignment.objects.get_or_create(
                user=user, role=role, intervention=interventions.get(intervention_name)
            )
