from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from insatsportal.core.tests.matrix import FromPage, Write, only, statuses


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
    "accounts:session_keepalive": (_url("accounts:session_keepalive"), statuses(405)),
    "accounts:user_sessions_end": (_url("accounts:user_sessions_end"), statuses(405)),
    # Single sign-on is off unless configured (test_sso.py runs it against a real provider).
    "accounts:sso_login": (_url("accounts:sso_login"), statuses(404, anonymous=404)),
    "accounts:sso_callback": (_url("accounts:sso_callback"), statuses(404, anonymous=404)),
    # The office's user administration; POSTs are in test_user_admin.py.
    "accounts:user_list": (_url("accounts:user_list"), only("kansli")),
    "accounts:user_create": (_url("accounts:user_create"), only("kansli")),
    "accounts:user_detail": (_user("accounts:user_detail"), only("kansli")),
    "accounts:user_roles": (_user("accounts:user_roles"), statuses(405)),
    "accounts:user_status": (_user("accounts:user_status"), statuses(405)),
}


def _other_user(demo):
    from insatsportal.accounts.models import User

    return {"user": User.objects.get(username="styrelse").pk}


# Each user's own account: every signed-in role may write (a fresh password check first).
OWN = statuses(302)

WRITES = {
    "accounts:login": Write(_url("accounts:login"), {"username": "x", "password": "y"},
                            statuses(302, anonymous=200), writes=False, public=True),
    "accounts:logout": Write(_url("accounts:logout"), {}, statuses(302, anonymous=302),
                             writes=False, public=True),
    "accounts:otp_verify": Write(_url("accounts:otp_verify"), {"code": "000000"},
                                 statuses(302), writes=False),
    "accounts:otp_setup": Write(_url("accounts:otp_setup"), {"code": "000000"}, OWN,
                                writes=False),
    "accounts:backup_codes_create": Write(_url("accounts:backup_codes_create"), {}, OWN,
                                          writes=False),
    "accounts:reauth": Write(_url("accounts:reauth"), {"password": "fel", "code": "000000"},
                             statuses(200), writes=False),
    "accounts:email_change": Write(_url("accounts:email_change"), {"email": "ny@example.se"},
                                   OWN, writes=False),
    "accounts:password_change": Write(_url("accounts:password_change"), {}, OWN, writes=False),
    "accounts:session_end": Write(_url("accounts:session_end"), {"session": "0"},
                                  statuses(404), writes=False),
    # Staying signed in touches the session only.
    "accounts:session_keepalive": Write(_url("accounts:session_keepalive"), {},
                                        statuses(302), writes=False),
    "accounts:user_sessions_end": Write(_url("accounts:user_sessions_end"), _other_user,
                                        statuses(403, kansli=302), writes=False),
    # The office's user administration.
    "accounts:user_create": Write(_url("accounts:user_create"),
                                  FromPage("kansli", username="matrisanvandare",
                                           first_name="Matris", last_name="Användare",
                                           email="matris@example.se"),
                                  statuses(403, kansli=302)),
    "accounts:user_detail": Write(_user("accounts:user_detail"),
                                  FromPage("kansli"), statuses(403, kansli=302), writes=False),
    "accounts:user_roles": Write(_user("accounts:user_roles"), {"role": "rapportlasare"},
                                 statuses(403, kansli=302)),
    "accounts:user_status": Write(_user("accounts:user_status"), {"action": "deactivate"},
                                  statuses(403, kansli=302)),
    "accounts:password_reset": Write(_url("accounts:password_reset"),
                                     {"email": "okand@example.se"},
                                     statuses(302, anonymous=302), writes=False, public=True),
    "accounts:password_reset_done": Write(_url("accounts:password_reset_done"), {},
                                          statuses(405, anonymous=405), public=True),
    # The link is kansli's: signed in as kansli the form to set a password answers 200.
    "accounts:password_reset_confirm": Write(_reset_link, {},
                                             statuses(302, anonymous=302, kansli=200),
                                             writes=False, public=True),
    "accounts:password_reset_complete": Write(_url("accounts:password_reset_complete"), {},
                                              statuses(405, anonymous=405), public=True),
}
