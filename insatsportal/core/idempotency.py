"""Posting the same form twice creates one record, not two.

A double click, a second tab or the back button can send a create form again. Forms that
create something carry a one-time token, and the view is wrapped in `once_per_form`:

    # template
    {% load forms %}
    <form method="post">{% csrf_token %}{% form_token %} ... </form>

    # view
    @require_http_methods(["GET", "POST"])
    @once_per_form
    def application_create(request): ...

How it works: `{% form_token %}` renders a hidden field with a fresh random UUID (or the one
the user just posted, when a form with errors is shown again; GET stores nothing). On POST
the decorator inserts a `FormSubmission` row with that token inside the same transaction as
the view. The token column is unique, so of two concurrent posts only one gets through; a
later repeat finds the row and is redirected to where the first post went, with a message,
without running the view. If the view does not answer with a redirect (the form had errors)
the transaction, token row included, is rolled back, so the user can correct and send again;
an attempt the rules refused (core.audit.log_refusal) is still logged, after the rollback.
A POST without a valid token is refused (400): the form is stale or forged.
"""

import functools
import uuid
from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import refusals_kept
from insatsportal.core.models import FormSubmission

FIELD_NAME = "form_token"
KEEP_FOR = timedelta(days=2)


def token_from(request) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(request.POST.get(FIELD_NAME, "")))
    except ValueError:
        return None


def token_for_form(request) -> str:
    """The token to render: the one just posted (form shown again), otherwise a new one."""
    if request is not None and request.method == "POST":
        posted = token_from(request)
        if posted is not None:
            return str(posted)
    return str(uuid.uuid4())


def _already_sent(request, submission):
    messages.info(request, _("The form had already been sent; it was not saved again."))
    return HttpResponseRedirect(submission.redirect_url or request.path)


def once_per_form(view):
    """Run a POST at most once per form token (see the module docstring)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        token = token_from(request)
        if token is None:
            return HttpResponseBadRequest(_("The form is out of date. Reload the page."))
        user = request.user if request.user.is_authenticated else None
        previous = FormSubmission.objects.filter(token=token).first()
        if previous is not None:
            return _already_sent(request, previous)
        try:
            with refusals_kept(), transaction.atomic():
                submission = FormSubmission.objects.create(token=token, user=user)
                response = view(request, *args, **kwargs)
                if 300 <= response.status_code < 400 and response.has_header("Location"):
                    submission.redirect_url = response["Location"][:500]
                    submission.save(update_fields=["redirect_url"])
                else:
                    transaction.set_rollback(True)
        except IntegrityError:
            # A concurrent post with the same token won the insert.
            previous = FormSubmission.objects.filter(token=token).first()
            return _already_sent(request, previous or FormSubmission(redirect_url=""))
        FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
        return response

    return wrapper
