"""The office's view of one audit entry: old and new texts side by side, and restoring one."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from insatsportal.core import audit, concurrency
from insatsportal.core.decorators import require
from insatsportal.core.models import AuditEntry


def _may_restore(user) -> bool:
    return import_string(settings.HISTORY_RESTORE_CAPABILITY)(user)


def _entry(uuid) -> AuditEntry:
    """Only entries of the business records whose texts can be restored are shown."""
    entry = get_object_or_404(AuditEntry.objects.select_related("content_type"), uuid=uuid)
    if audit._label(entry) not in audit.RESTORABLE:
        raise Http404
    return entry


@require_safe
@require(_may_restore)
def history_entry(request, uuid):
    entry = _entry(uuid)
    restorable = set(audit.restorable_fields(entry))
    rows = []
    for name, (old, new) in (entry.data or {}).get("changes", {}).items():
        label = audit.field_label(entry, name)
        rows.append({"name": name, "label": label, "old": concurrency.display(old),
                     "new": concurrency.display(new),
                     "restorable": name in restorable})
    return render(request, "core/history_entry.html", {"entry": entry, "rows": rows})


@require_POST
@require(_may_restore)
def history_restore(request, uuid):
    entry = _entry(uuid)
    try:
        audit.audit_restore(actor=request.user, entry=entry, field=request.POST.get("field", ""))
    except audit.AuditError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The earlier text is restored."))
    return redirect("core:history_entry", uuid=entry.uuid)
