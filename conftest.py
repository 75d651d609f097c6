"""Shared fixtures: the demo förbund and one logged-in client per role (persona)."""

import os

import pytest
from django.test import Client, override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from insatsportal.accounts.models import User
from insatsportal.core.tests.matrix import ROLES

# Argon2 is deliberately slow; tests use a fast hasher (production settings are tested apart).
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Property tests check results, not speed: on a busy machine a deadline or a "too slow"
# health check fails a correct test. Speed is measured in bench/. HYPOTHESIS_PROFILE=dev
# brings Hypothesis's own defaults back.
hypothesis_settings.register_profile(
    "ci", deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
hypothesis_settings.register_profile("dev")
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _demo():
    from insatsportal.demo.services import demo_load
    from insatsportal.organisations.models import Association

    with override_settings(DEMO_MODE=True, PASSWORD_HASHERS=FAST_HASHERS):
        return Association.objects.order_by("pk").first() or demo_load()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo once per test database; each test rolls back its own changes."""
    with django_db_blocker.unblock():
        _demo()


@pytest.fixture(autouse=True)
def _fast_hashers(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _tasks_run_when_enqueued(settings):
    """Background tasks run as soon as they are enqueued (after commit: a test wraps the
    request in django_capture_on_commit_callbacks(execute=True)). The database queue and
    its worker are tested in jobs/tests/test_worker.py."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def demo(db):
    """The demo förbund, its members, interventions and one user per role.

    Loaded again if a transactional test has flushed the database.
    """
    return _demo()


def verify_second_factor(client: Client, user) -> None:
    """Mark the client's session as having passed the second factor (an app device)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def login(demo):
    """login("kansli") -> a test client fully signed in (password and second factor)."""

    def make(role: str | User, **client_options) -> Client:
        """A role name of the demo personas, or any user."""
        client = Client(**client_options)
        if role != "anonymous":
            user = role if isinstance(role, User) else User.objects.get(username=role)
            client.force_login(user)
            verify_second_factor(client, user)
        return client

    return make


@pytest.fixture
def login_password_only(demo):
    """login_password_only("kansli") -> a client past the password step only."""

    def make(role: str) -> Client:
        client = Client()
        client.force_login(User.objects.get(username=role))
        return client

    return make


@pytest.fixture(params=ROLES)
def persona(request, login):
    """Each role in turn, as (role, client)."""
    return request.param, login(request.param)
