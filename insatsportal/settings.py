"""Settings for Insatsportalen, read from the environment (see README)."""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from insatsportal.core.logs import logging_config
from insatsportal.env import env_bool, env_int, env_list, env_required, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# "development" (the default, also used by tests and `make run`) or "production".
APP_ENV = env_str("APP_ENV", "development")
if APP_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("APP_ENV must be 'development' or 'production'.")
PRODUCTION = APP_ENV == "production"

DEBUG = env_bool("DEBUG", False)
# Demo mode creates the demo users with a shared, published password.
DEMO_MODE = env_bool("DEMO_MODE", False)
if PRODUCTION and (DEMO_MODE or DEBUG):
    raise ImproperlyConfigured("DEMO_MODE and DEBUG must be off when APP_ENV is production.")
# Let the published demo users skip the second factor (a banner says so). Follows DEMO_MODE
# unless set; never allowed without demo mode, and never in production.
OTP_DEMO_SKIP = env_bool("OTP_DEMO_SKIP", DEMO_MODE)
if OTP_DEMO_SKIP and (PRODUCTION or not DEMO_MODE):
    raise ImproperlyConfigured("OTP_DEMO_SKIP needs DEMO_MODE and is refused in production.")

if PRODUCTION:
    SECRET_KEY = env_required("SECRET_KEY")
else:
    # Only for development and demo; production requires SECRET_KEY.
    SECRET_KEY = env_secret("SECRET_KEY", "insecure-development-key-never-use-in-production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # The admin site requires the second factor and uses the portal's own login.
    "insatsportal.accounts.apps.SecureAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    # Only for its static Swagger UI files: the API docs load nothing from a CDN.
    "ninja",
    # Django's tasks API (the django-tasks backport for 5.2) and its database queue.
    "django_tasks",
    "django_tasks_db",
    "insatsportal.core",
    "insatsportal.accounts",
    "insatsportal.organisations",
    "insatsportal.interventions",
    "insatsportal.applications",
    "insatsportal.cases",
    "insatsportal.imports",
    "insatsportal.participants",
    "insatsportal.reports",
    "insatsportal.api",
    "insatsportal.economy",
    "insatsportal.socioeconomics",
    "insatsportal.drafts",
    "insatsportal.demo",
    "insatsportal.jobs",
]

MIDDLEWARE = [
    # First, so that every log line of the request (redirects and errors too) carries its id.
    "insatsportal.core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside WhiteNoise (static files) and around everything else, so that every page,
    # redirect and error page gets the policy and `Cache-Control: no-store`.
    "csp.middleware.CSPMiddleware",
    "insatsportal.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "insatsportal.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "insatsportal.core.middleware.LineBreaksMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle and absolute session limits; ends the sessions of deactivated users.
    "insatsportal.accounts.middleware.SessionLimitsMiddleware",
    # A page's autosaved drafts go once its form is saved (a POST answered by a redirect).
    "insatsportal.drafts.middleware.DraftsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Password alone opens nothing: every signed-in page needs the second factor.
    "insatsportal.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "insatsportal.urls"
WSGI_APPLICATION = "insatsportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "insatsportal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "insatsportal.accounts.context_processors.site",
            ],
        },
    },
]

# Every form field drawn by one template (label, help, errors, input; aria wired).
FORM_RENDERER = "insatsportal.core.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db' / 'insatsportal.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A kept connection is checked before a request uses it, so a restarted database
        # costs no failed page per worker thread.
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
    )
}
# The password may come from a file (DATABASE_PASSWORD_FILE, e.g. a container secret) so
# that DATABASE_URL itself holds none.
if _database_password := env_secret("DATABASE_PASSWORD"):
    DATABASES["default"]["PASSWORD"] = _database_password
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The background worker writes beside the web server (make run): readers and the writer
    # do not block each other (WAL), a transaction takes the write lock when it begins
    # (IMMEDIATE, so two never deadlock on upgrading a read lock) and waits up to 20 s.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE",
        "timeout": 20})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT starts once a plan's estimated cost passes jit_above_cost, which the goal counts
    # do as the data grows; on the bench data it then spent 1.6 s compiling a query that
    # runs in 0.75 s. The app's queries are not worth compiling.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:start"
LOGOUT_REDIRECT_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Names of the product, the förbund and its members (kommuner, region, agencies).
    {"NAME": "insatsportal.organisations.password_validation.ContextWordsValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "insatsportal" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["insatsportal.formats"]

STATIC_URL = "/static/"
# Where collectstatic writes in production (WhiteNoise serves it from there).
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles"))) if PRODUCTION else None
# Outside production WhiteNoise serves straight from the apps, so no collectstatic is needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
STATICFILES_DIRS = [BASE_DIR / "insatsportal" / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Outgoing mail (docs/operations.md, "Mail") --------------------------------------
# SMTP in production, the console elsewhere. A municipal or Microsoft 365 relay needs
# EMAIL_USE_TLS (STARTTLS, port 587) or EMAIL_USE_SSL (port 465) and a login; the password
# may come from a file (EMAIL_HOST_PASSWORD_FILE). The server certificate is verified
# against the system's CAs (SSL_CERT_FILE names another bundle, e.g. a municipal CA).
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL, not both.")
# Seconds before a silent mail server is given up (Django's default waits forever).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "insatsportalen@localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Background work: Django's tasks API (the django-tasks backport) -----------------
# database (default): the queue is a table in the app's own database and
# `manage.py db_worker` runs it (make run starts one beside the server).
# rq: Redis at REDIS_URL, run by `manage.py rqworker --job-class django_tasks_rq.Job` on
# any number of machines (pip install '.[rq]'). immediate: each task runs inside the
# request that starts it, no worker (for scripts; the user waits as before).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
# Days a finished job keeps its uploaded files and its result (manage.py prune_jobs).
JOB_RETENTION_DAYS = env_int("JOB_RETENTION_DAYS", 30)
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {
        "URL": env_secret("REDIS_URL", "redis://127.0.0.1:6379/0"),
        # seconds a job may run before RQ stops it (a large import or board papers)
        "DEFAULT_TIMEOUT": env_int("TASKS_TIMEOUT", 1800),
    }}

# --- Sign-in and sessions (see README, "Security") ----------------------------------
# A password reset link works for one hour and only once (the token embeds the password hash).
PASSWORD_RESET_TIMEOUT = 3600
# Failed password attempts: per account (username as typed) and per client address.
LOGIN_ACCOUNT_MAX_FAILURES = env_int("LOGIN_ACCOUNT_MAX_FAILURES", 20)
LOGIN_ACCOUNT_WINDOW = 24 * 3600
LOGIN_ADDRESS_MAX_FAILURES = env_int("LOGIN_ADDRESS_MAX_FAILURES", 50)
LOGIN_ADDRESS_WINDOW = 3600
# Reset links asked for per e-mail address (sent) and per client address in the window.
PASSWORD_RESET_ACCOUNT_MAX = env_int("PASSWORD_RESET_ACCOUNT_MAX", 3)
PASSWORD_RESET_ADDRESS_MAX = env_int("PASSWORD_RESET_ADDRESS_MAX", 10)
PASSWORD_RESET_WINDOW = 3600
# Failed second-factor codes per user before verification stops for the window.
OTP_MAX_FAILURES = env_int("OTP_MAX_FAILURES", 5)
OTP_FAILURE_WINDOW = 15 * 60
OTP_TOTP_ISSUER = "Insatsportalen"
OTP_TOTP_THROTTLE_FACTOR = 1
# The request header with the client address when behind a proxy (e.g. HTTP_X_REAL_IP).
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "REMOTE_ADDR")
# Seconds without a request, and seconds since sign-in, after which a session ends.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
SESSION_ABSOLUTE_TIMEOUT = env_int("SESSION_ABSOLUTE_TIMEOUT", 12 * 3600)
# Seconds before the idle limit that a page warns and offers to stay signed in.
SESSION_WARNING_SECONDS = env_int("SESSION_WARNING_SECONDS", 5 * 60)
# A request notes the session's last use only when the noted time is this old, so that most
# requests write nothing (the session row was rewritten on every request). The idle limit
# counts from the noted time, so it never lasts longer than SESSION_IDLE_TIMEOUT; it may end
# up to this much sooner after the last request, and the warning counts with it.
SESSION_ACTIVITY_WRITE_SECONDS = env_int(
    "SESSION_ACTIVITY_WRITE_SECONDS", max(1, min(60, SESSION_IDLE_TIMEOUT // 30)))
# A form sent after the session ended is kept this many hours for the user to sign in
# again; a long text's autosaved draft is kept this many days (both encrypted).
EXPIRED_POST_HOURS = env_int("EXPIRED_POST_HOURS", 24)
DRAFT_DAYS = env_int("DRAFT_DAYS", 14)
# Changing e-mail, password or second factor needs a password + code check this recent.
REAUTH_MAX_AGE = env_int("REAUTH_MAX_AGE", 5 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Single sign-on: OpenID Connect (insatsportal/accounts/sso.py) -------------------
# Off unless OIDC_RP_CLIENT_ID is set. The endpoints are those of the provider's discovery
# document (ISSUER/.well-known/openid-configuration). The second factor is left to the
# provider only when its ID token asserts MFA: an `amr` value in SSO_MFA_AMR or an `acr`
# in SSO_MFA_ACR; otherwise the app code (TOTP) is asked for as after a password.
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
SSO_ENABLED = bool(OIDC_RP_CLIENT_ID)
SSO_PROVIDER_NAME = env_str("SSO_PROVIDER_NAME", "")
SSO_MFA_AMR = env_list("SSO_MFA_AMR", ["mfa", "otp", "hwk", "sc"])
SSO_MFA_ACR = env_list("SSO_MFA_ACR")
if SSO_ENABLED:
    OIDC_RP_CLIENT_SECRET = env_required("OIDC_RP_CLIENT_SECRET")
    OIDC_ISSUER = env_required("OIDC_ISSUER")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_required("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env_required("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env_required("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env_required("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    # Accounts not found by subject or verified e-mail are created with no role.
    OIDC_CREATE_USER = env_bool("OIDC_CREATE_USERS", True)
    AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "insatsportal.accounts.sso.SSOBackend",
    ]
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:sso_callback"
# Ask for amr and acr in the ID token (OpenID Connect "claims" parameter); providers that
# always send them (Microsoft Entra ID) ignore the request.
OIDC_AUTH_REQUEST_EXTRA_PARAMS = {
    "claims": '{"id_token": {"amr": null, "acr": null}}',
}

# Content-Security-Policy in every environment: no inline script or style, nonces for any
# script the templates mark with {{ request.csp_nonce }}.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_HTTPONLY = True
    LANGUAGE_COOKIE_SAMESITE = "Lax"
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Logs (insatsportal/core/logs.py) ------------------------------------------------
# Time, level, logger, request id and user id on every line, to stderr; LOG_FORMAT=json
# for a log collector.
LOGGING = logging_config(level=env_str("LOG_LEVEL", "INFO"), fmt=env_str("LOG_FORMAT", "text"))

# --- Participant data (README: "Participants and privacy") ------------------
# PARTICIPANT_KEYS: comma-separated Fernet keys; the first encrypts, all decrypt (rotation).
# PARTICIPANT_HASH_KEY: the secret of the keyed hash that finds the same personnummer twice.
# Outside production a published development key is used; production refuses to start without.
_DEVELOPMENT_PARTICIPANT_KEY = "1Q7OrxZOQc-OfAWtgfdLJGK-BcxdtrrbeDNN8v0-4BM="  # noqa: S105
_DEVELOPMENT_PARTICIPANT_HASH_KEY = "development-only-participant-hash-key"  # noqa: S105
if PRODUCTION:
    PARTICIPANT_KEYS = env_list("PARTICIPANT_KEYS", secret=True)
    if not PARTICIPANT_KEYS:
        raise ImproperlyConfigured(
            "The environment variable PARTICIPANT_KEYS (or PARTICIPANT_KEYS_FILE) must be set."
        )
    PARTICIPANT_HASH_KEY = env_required("PARTICIPANT_HASH_KEY")
    if _DEVELOPMENT_PARTICIPANT_KEY in PARTICIPANT_KEYS or (
        PARTICIPANT_HASH_KEY == _DEVELOPMENT_PARTICIPANT_HASH_KEY
    ):
        raise ImproperlyConfigured(
            "The development participant keys must not be used in production."
        )
else:
    PARTICIPANT_KEYS = env_list("PARTICIPANT_KEYS", [_DEVELOPMENT_PARTICIPANT_KEY], secret=True)
    PARTICIPANT_HASH_KEY = env_secret("PARTICIPANT_HASH_KEY", _DEVELOPMENT_PARTICIPANT_HASH_KEY)
try:
    from cryptography.fernet import Fernet

    for _key in PARTICIPANT_KEYS:
        Fernet(_key)
except ValueError as _exc:
    raise ImproperlyConfigured(
        "PARTICIPANT_KEYS must be Fernet keys (32 url-safe base64-encoded bytes)."
    ) from _exc

# Aggregates only (docs/privacy.md): identified participants cannot be registered at all,
# only anonymous ones (sex and year of start), for a förbund that has no legal ground to
# hold personal data about individual participants. Every page and export still works.
PARTICIPANTS_AGGREGATES_ONLY = env_bool("PARTICIPANTS_AGGREGATES_ONLY", False)
# Months between revisions of an action plan (handlingsplan).
PLAN_REVISION_MONTHS = env_int("PLAN_REVISION_MONTHS", 3)
# A follow-up "6 (12) months after discharge" is dated within this many months of that day.
FOLLOW_UP_WINDOW_MONTHS = env_int("FOLLOW_UP_WINDOW_MONTHS", 1)
# Months between progress ratings.
RATING_INTERVAL_MONTHS = env_int("RATING_INTERVAL_MONTHS", 3)
# Aggregates hide groups smaller than this.
AGGREGATE_MIN_GROUP = env_int("AGGREGATE_MIN_GROUP", 5)
# Age bands of the national report's new participants: (from, to) years of age reached in the
# year; the first band takes every younger age and the last every older one.
NATIONAL_AGE_BANDS = [(16, 19), (20, 24), (25, 29), (30, 39), (40, 49), (50, 64)]
# The open API (/api/v1/): requests per token and minute, and the longest life of a token.
API_RATE_LIMIT_PER_MINUTE = env_int("API_RATE_LIMIT_PER_MINUTE", 120)
API_TOKEN_MAX_DAYS = env_int("API_TOKEN_MAX_DAYS", 730)
# The data-protection view flags a user who reads more distinct participants than this in a day.
PARTICIPANT_READ_ALERT_PER_DAY = env_int("PARTICIPANT_READ_ALERT_PER_DAY", 40)
# Days after discharge (or after the entry, for the read log) before retention acts.
PARTICIPANT_RETENTION_DAYS = {
    "identity": env_int("RETENTION_IDENTITY_DAYS", 730),
    "record": env_int("RETENTION_RECORD_DAYS", 1826),
    "read_log": env_int("RETENTION_READ_LOG_DAYS", 1096),
}
# Largest scanned consent accepted (bytes).
CONSENT_SCAN_MAX_BYTES = env_int("CONSENT_SCAN_MAX_BYTES", 5 * 1024 * 1024)
# Days from enrolment within which an action plan should be established ("within 6 weeks").
PLAN_FIRST_DAYS = env_int("PLAN_FIRST_DAYS", 42)
# Plans and follow-ups due within this many days are listed as coming up.
DUE_SOON_DAYS = env_int("DUE_SOON_DAYS", 14)
# A quarterly report is due when its quarter ends and overdue this many days after.
QUARTERLY_REPORT_DAYS = env_int("QUARTERLY_REPORT_DAYS", 30)

# Paragraphs that apps built on top of the cases add to a drafted decision proposal's
# assessment: dotted paths to functions of the application returning Swedish text (or "").
# A setting rather than an import, so that cases does not depend on the reports built on it.
PROPOSAL_PARAGRAPHS = ["insatsportal.socioeconomics.proposal.extension_paragraph"]
# Sections that apps built on the reports add to the förbund's dashboard, for the same reason:
# functions taking `interventions` (those the user may see) and returning a template's
# name and context ({"template": ..., ...}).
DASHBOARD_SECTIONS = ["insatsportal.socioeconomics.dashboard.estimates_section"]
# The module that answers a case's questions about the förbund's money (room for the grant,
# years whose contributions are decided). Economy reads the cases' grants, so it is named
# here rather than imported: the dependency points one way (economy → cases).
CASE_ECONOMY = "insatsportal.economy.selectors"

# The audit log masks texts that hold a personal identity number; the check lives with the
# participants' identity rules, named here so that core does not import an app.
AUDIT_IDENTITY_CHECK = "insatsportal.participants.identity.contains_identity_number"
# Who may see old and new texts in the history and restore one (core.history).
HISTORY_RESTORE_CAPABILITY = "insatsportal.accounts.policy.can_restore_history"
