"""Keep the session register in step with Django's sign-in and sign-out."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from insatsportal.accounts import services
from insatsportal.accounts.models import User
from insatsportal.accounts.services import SESSION_LAST_ACTIVITY, SESSION_STARTED

__all__ = ["SESSION_LAST_ACTIVITY", "SESSION_STARTED"]


@receiver(user_logged_in)
def _on_login(sender, request, user, **kwargs):
    now = timezone.now().timestamp()
    request.session[SESSION_STARTED] = now
    request.session[SESSION_LAST_ACTIVITY] = now
    services.session_record(request=request, user=user)


@receiver(user_logged_out)
def _on_logout(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        services.session_forget(session_key=session.session_key)


@receiver(post_save, sender=User)
def _on_user_saved(sender, instance, **kwargs):
    """A deactivated user loses every session at once."""
    if not instance.is_active:
        services.sessions_end_all(user=instance, actor=None, audit=False)
