"""The office's pages for API tokens: list, create (the token is shown once), revoke."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from insatsportal.accounts import policy
from insatsportal.api import forms, selectors, services
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form

SHOWN_ONCE = "api_token_shown_once"


def _token_or_404(request, pk):
    token = selectors.api_token_get(user=request.user, pk=pk)
    if token is None:
        raise Http404
    return token


@require_safe
@require(policy.can_manage_api_tokens)
def token_list(request):
    return render(request, "api/tokens.html",
                  {"tokens": selectors.api_token_list(user=request.user)})


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_manage_api_tokens)
@once_per_form
def token_create(request):
    form = forms.TokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            token, raw = services.api_token_create(
                actor=request.user, name=data["name"], scopes=data["scopes"],
                interventions=list(data["interventions"]), expires_on=data["expires_on"])
        except services.ApiTokenError as error:
            form.add_error(None, str(error))
        else:
            # Shown on the next page once, then gone: only its hash is stored.
            request.session[SHOWN_ONCE] = {"pk": token.pk, "raw": raw}
            return redirect("api:token", pk=token.pk)
    return render(request, "api/token_create.html", {"form": form})


@require_safe
@require(policy.can_manage_api_tokens)
def token_detail(request, pk):
    token = _token_or_404(request, pk)
    shown = request.session.get(SHOWN_ONCE)
    raw = None
    if shown and shown.get("pk") == token.pk:
        raw = shown["raw"]
        del request.session[SHOWN_ONCE]
    return render(request, "api/token.html", {
        "token": token, "raw": raw, "revoke_form": forms.TokenRevokeForm(),
        "history": audit_history(token).exclude(action="api.read")[:20],
        "reads": audit_history(token).filter(action="api.read")[:20],
    })


@require_http_methods(["POST"])
@require(policy.can_manage_api_tokens)
def token_revoke(request, pk):
    token = _token_or_404(request, pk)
    form = forms.TokenRevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm that the token is to be revoked."))
    else:
        try:
            services.api_token_revoke(actor=request.user, token=token)
        except services.ApiTokenError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The token is revoked."))
    return redirect("api:token", pk=token.pk)
