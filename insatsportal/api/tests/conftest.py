import datetime

import pytest
from django.test import Client
from django.utils import timezone

from insatsportal.accounts.models import User
from insatsportal.api import services
from insatsportal.api.models import Scope


@pytest.fixture
def make_token(demo):
    """make_token(scopes=[...], interventions=[...]) -> (token, raw) made by the office."""

    def make(scopes=tuple(Scope.values), interventions=(), days=30):
        return services.api_token_create(
            actor=User.objects.get(username="kansli"), name="Test integration",
            scopes=list(scopes), interventions=list(interventions),
            expires_on=timezone.localdate() + datetime.timedelta(days=days))

    return make


@pytest.fixture
def api(make_token):
    """api(raw=None, **make_token args) -> a client that sends the token on every request."""

    def make(raw=None, language="sv", **token_options):
        if raw is None:
            _token, raw = make_token(**token_options)
        return Client(HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE=language)

    return make
