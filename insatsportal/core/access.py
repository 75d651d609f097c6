"""One door to every object a view touches.

Each app's selectors name their door `<thing>_get_for_user(user=, pk=, action=)` and pass
here what accounts/policy.py decides for that action: the section's capability, the scope
(a queryset already restricted by a policy scope) and, for a state the object must be in,
a check. The answers are the same in every app: 403 when the user lacks the capability for
the whole section, 404 when the object is outside the user's scope, 403 when it is in
scope but the policy refuses the action on it (e.g. a submitted application is not edited).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def get_for_user(queryset, pk, *, user, section=None, check=None):
    if section is not None and not section(user):
        raise PermissionDenied
    try:
        found = queryset.filter(pk=pk).first()
    except (TypeError, ValueError):  # a pk of the wrong shape names nothing
        found = None
    if found is None:
        raise Http404
    if check is not None and not check(user, found):
        raise PermissionDenied
    return found
