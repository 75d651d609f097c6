from django.core.exceptions import PermissionDenied
from django.http import Http404

from insatsportal.accounts import policy
from insatsportal.applications import selectors


def application_or_404(request, pk):
    """The application if it is in the user's scope; 404 otherwise."""
    application = selectors.application_get(user=request.user, pk=pk)
    if application is None:
        raise Http404
    return application


def editable_or_403(request, pk):
    application = application_or_404(request, pk)
    if not policy.can_edit_application(request.user, application):
        raise PermissionDenied
    return application
