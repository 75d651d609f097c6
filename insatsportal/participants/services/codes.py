from django.db import transaction
from django.db.models import Max

from insatsportal.core.audit import log_action
from insatsportal.participants.models import Code


@transaction.atomic
def code_supersede(*, actor, code: Code, label: str, group: str) -> Code:
    """A new version of a code; records keep pointing to the version they used."""
    latest = Code.objects.filter(code_list=code.code_list, code=code.code).aggregate(
        top=Max("version"))["top"]
    new = Code.objects.create(
        code_list=code.code_list, code=code.code, label=label, group=group,
        version=latest + 1, supersedes=code, order=code.order,
    )
    Code.objects.filter(pk=code.pk).update(is_active=False)
    log_action(actor=actor, obj=new, action="code.superseded",
               data={"code": code.code, "from_version": code.version, "to_version": new.version})
    return new
