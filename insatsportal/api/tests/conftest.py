import pytest
from django.test import Client

from insatsportal.api.tests.helpers import office_token


@pytest.fixture
def make_token(demo):
    """make_token(scopes=[...], interventions=[...]) -> (token, raw) made by the office."""
    return office_token


@pytest.fixture
def api(demo):
    """api(raw=None, language="sv", **office_token args) -> a client sending a token."""

    def make(raw=None, language="sv", **token_options):
        if raw is None:
            _token, raw = office_token(**token_options)
        return Client(HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE=language)

    return make
