"""The office's user administration: users, roles and scopes, deactivation and unlocking."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy, selectors, services
from insatsportal.accounts.models import RoleAssignment
from insatsportal.accounts.services import UserAdminRefused, username_key
from insatsportal.accounts.user_forms import RoleGrantForm, UserForm
from insatsportal.core import concurrency
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form

# The link is shown once, on the next page, and never stored beyond that request.
NEW_LINK_SESSION_KEY = "new_enrolment_link"


@require_safe
@require(policy.can_manage_users)
def user_list(request):
    return render(request, "accounts/users.html", {
        "users": selectors.users_for_office(), "locked": selectors.locked_username_keys(),
    })


@require_http_methods(["GET", "POST"])
@require(policy.can_manage_users)
@once_per_form
def user_create(request):
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items()}
        user = services.user_create(actor=request.user, **data)
        request.session[NEW_LINK_SESSION_KEY] = services.enrolment_link_issue(
            actor=request.user, user=user
        )
        messages.success(request, _("The user is created. Grant a role below."))
        return redirect("accounts:user_detail", user.pk)
    return render(request, "accounts/user_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@require(policy.can_manage_users)
def user_detail(request, pk):
    target = selectors.user_get_for_user(user=request.user, pk=pk)
    form = UserForm(request.POST or None, instance=target, creating=False)
    if request.method == "POST" and form.is_valid():
        edit = concurrency.save_form(
            request, form, target,
            current=lambda fresh: UserForm(instance=fresh, creating=False),
            save=lambda fresh, values: services.user_update(actor=request.user, user=fresh,
                                                            data=values))
        if edit.saved:
            messages.success(request, _("The user is saved."))
            return redirect("accounts:user_detail", target.pk)
    if request.method == "POST":
        target.refresh_from_db()
    return render(request, "accounts/user_detail.html", {
        "target": target, "form": form, "role_form": RoleGrantForm(),
        "locked": username_key(target.get_username()) in selectors.locked_username_keys(),
        "new_link": request.session.pop(NEW_LINK_SESSION_KEY, None),
        "history": audit_history(target)[:20],
    }, status=concurrency.status(form))


@require_POST
@require(policy.can_manage_users)
def user_roles(request, pk):
    """Grant a role (with its intervention scope), or remove one (`revoke` = its id)."""
    target = selectors.user_get_for_user(user=request.user, pk=pk)
    try:
        if request.POST.get("revoke"):
            try:
                assignment = RoleAssignment.objects.get(user=target, pk=int(request.POST["revoke"]))
            except (ValueError, RoleAssignment.DoesNotExist):
                raise Http404 from None
            services.user_role_revoke(actor=request.user, assignment=assignment)
            messages.success(request, _("The role is removed."))
        else:
            form = RoleGrantForm(request.POST)
            if not form.is_valid():
                return render(request, "accounts/user_detail.html", {
                    "target": target, "form": UserForm(instance=target, creating=False),
                    "role_form": form, "history": audit_history(target)[:20],
                    "locked": username_key(target.get_username())
                    in selectors.locked_username_keys(),
                }, status=400)
            services.user_role_grant(actor=request.user, user=target, **form.cleaned_data)
            messages.success(request, _("The role is granted."))
    except UserAdminRefused as refused:
        messages.error(request, refused.message)
    return redirect("accounts:user_detail", target.pk)


_ACTIONS = {
    "deactivate": (services.user_deactivate, _("The user is deactivated and signed out.")),
    "activate": (services.user_activate, _("The user can sign in again.")),
    "unlock": (services.user_unlock, _("Sign-in is unlocked.")),
    "reset_second_factor": (
        services.user_second_factor_reset,
        _("Two-factor sign-in is reset: the user sets up the app at the next sign-in."),
    ),
}


@require_POST
@require(policy.can_manage_users)
def user_status(request, pk):
    """Deactivate, activate, unlock, reset the second factor, or issue a new sign-in link."""
    target = selectors.user_get_for_user(user=request.user, pk=pk)
    action = request.POST.get("action", "")
    if action == "link":
        request.session[NEW_LINK_SESSION_KEY] = services.enrolment_link_issue(
            actor=request.user, user=target
        )
        return redirect("accounts:user_detail", target.pk)
    if action not in _ACTIONS:
        raise Http404
    service, done = _ACTIONS[action]
    try:
        service(actor=request.user, user=target)
    except UserAdminRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, done)
    return redirect("accounts:user_detail", target.pk)
