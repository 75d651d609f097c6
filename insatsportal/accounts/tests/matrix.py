from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from insatsportal.core.tests.matrix import only, statuses


def _url(name):
    return lambda demo: reverse(name)


def _user(name):
    def url(demo):
        from insatsportal.accounts.models import User

        return reverse(name, args=[User.objects.get(username="handlaggare").pk])

    return url


def _reset_link(demo):
    from insatsportal.accounts.models import User

    user = User.objects.get(username="kansli")
    return reverse("accounts:password_reset_confirm", args=[
        urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user),
    ])


MATRIX = {
    # Signed-in users are sent on to the start page.
    "accounts:login": (_url("accounts:login"), statuses(302, anonymous=200)),
    # Logging out is a POST; a GET is refused.
    "accounts:logout": (_url("accounts:logout"), statuses(405)),
    # Fully verified users are sent on; the step itself is for password-only sessions.
    "accounts:otp_verify": (_url("accounts:otp_verify"), statuses(302)),
    # Replacing the second factor first asks for password and code again.
    "accounts:otp_setup": (_url("accounts:otp_setup"), statuses(302)),
    "accounts:backup_codes": (_url("accounts:backup_codes"), statuses(200)),
    "accounts:backup_codes_create": (_url("accounts:backup_codes_create"), statuses(405)),
    "accounts:password_reset": (_url("accounts:password_reset"), statuses(200, anonymous=200)),
    "accounts:password_reset_done": (
        _url("accounts:password_reset_done"), statuses(200, anonymous=200)
    ),
    # A valid link moves the token out of the URL (Django's redirect to set-password).
    "accounts:password_reset_confirm": (_reset_link, statuses(302, anonymous=302)),
    "accounts:password_reset_complete": (
        _url("accounts:password_reset_complete"), statuses(200, anonymous=200)
    ),
    "accounts:account": (_url("accounts:account"), statuses(200)),
    "accounts:reauth": (_url("accounts:reauth"), statuses(200)),
    "accounts:email_change": (_url("accounts:email_change"), statuses(302)),
    "accounts:password_change": (_url("accounts:password_change"), statuses(302)),
    "accounts:sessions_fragment": (_url("accounts:sessions_fragment"), statuses(200)),
    "accounts:session_end": (_url("accounts:session_end"), statuses(405)),
    "accounts:session_admin": (_url("accounts:session_admin"), only("kansli")),
    "accounts:user_sessions_end": (_url("accounts:user_sessions_end"), statuses(405)),
    # The office's user administration; POSTs are in test_user_admin.py.
    "accounts:user_list": (_url("accounts:user_list"), only("kansli")),
    "accounts:user_create": (_url("accounts:user_create"), only("kansli")),
    "accounts:user_detail": (_user("accounts:user_detail"), only("kansli")),
    "accounts:user_roles": (_user("accounts:user_roles"), statuses(405)),
    "accounts:user_status": (_user("accounts:user_status"), statuses(405)),
}
