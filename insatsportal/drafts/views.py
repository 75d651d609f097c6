"""The page script's two calls: keep the text being written, and let a draft go.

A script asks with `Accept: application/json` and gets 204; a plain form post is
redirected back to the page, as every successful POST is.
"""

from django import forms
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from insatsportal.drafts import services
from insatsportal.drafts.models import Draft
from insatsportal.drafts.signals import SESSION_KEY, note_drafts


class DraftForm(forms.Form):
    path = forms.RegexField(regex=r"^/(?![/\\])[^\s\\]*$", max_length=500)
    field = forms.CharField(max_length=200, required=False)
    text = forms.CharField(max_length=services.MAX_TEXT, required=False, strip=False)
    kind = forms.ChoiceField(choices=Draft.Kind.choices, required=False)


def _done(request, path: str):
    if "application/json" in request.headers.get("Accept", ""):
        return HttpResponse(status=204)
    return redirect(path)


@require_POST
def draft_save(request):
    form = DraftForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["field"]:
        return HttpResponseBadRequest()
    data = form.cleaned_data
    services.draft_save(user=request.user, path=data["path"], field=data["field"],
                        text=data["text"])
    if data["text"]:
        request.session[SESSION_KEY] = True
    else:
        note_drafts(request)
    return _done(request, data["path"])


@require_POST
def draft_discard(request):
    """A restored draft is no longer needed (or the user chose their saved text)."""
    form = DraftForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    data = form.cleaned_data
    services.drafts_discard(user=request.user, paths=[data["path"]],
                            kind=data["kind"] or Draft.Kind.TYPING,
                            field=data["field"] or None)
    note_drafts(request)
    return _done(request, data["path"])
