import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command

from insatsportal.participants import crypto
from insatsportal.participants.models import Participant
from insatsportal.participants.tests import factories

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_a_value_is_stored_encrypted_and_read_back(settings):
    settings.PARTICIPANT_KEYS = [NEW]
    token = crypto.encrypt("Åsa Öberg")
    assert "Åsa" not in token
    assert crypto.decrypt(token) == "Åsa Öberg"


def test_a_wrong_key_fails_closed(settings):
    settings.PARTICIPANT_KEYS = [OLD]
    token = crypto.encrypt("Åsa Öberg")
    settings.PARTICIPANT_KEYS = [NEW]
    with pytest.raises(crypto.ParticipantKeyError, match="PARTICIPANT_KEYS"):
        crypto.decrypt(token)


def test_the_keyed_hash_depends_on_the_secret(settings):
    first = crypto.keyed_hash("199001010017")
    settings.PARTICIPANT_HASH_KEY = "another secret"
    assert crypto.keyed_hash("199001010017") != first
    assert len(first) == 64


@pytest.mark.django_db
def test_rotation_re_encrypts_with_the_newest_key(settings, demo):
    settings.PARTICIPANT_KEYS = [OLD]
    participant = factories.identified()
    old_token = Participant.objects.get(pk=participant.pk).name_encrypted
    settings.PARTICIPANT_KEYS = [NEW, OLD]
    call_command("rotate_participant_keys", stdout=open(os.devnull, "w"))  # noqa: SIM115
    stored = Participant.objects.get(pk=participant.pk)
    assert stored.name_encrypted != old_token
    settings.PARTICIPANT_KEYS = [NEW]  # the old key can now be dropped
    assert stored.name == "Testa Testsson"
    assert stored.personnummer == factories.PNR


@pytest.mark.django_db
def test_rotation_stops_with_a_clear_error_when_no_key_opens_the_data(settings, demo):
    settings.PARTICIPANT_KEYS = [OLD]
    factories.identified()
    settings.PARTICIPANT_KEYS = [NEW]
    with pytest.raises(CommandError, match="no key in PARTICIPANT_KEYS"):
        call_command("rotate_participant_keys")


@pytest.mark.django_db
def test_a_page_with_an_unreadable_name_is_an_error_not_garbage(settings, demo, login):
    settings.PARTICIPANT_KEYS = [OLD]
    participant = factories.identified()
    settings.PARTICIPANT_KEYS = [NEW]
    client = login("deltagaransvarig")
    client.raise_request_exception = True
    with pytest.raises(crypto.ParticipantKeyError):
        client.get(f"/deltagare/{participant.pk}/")


PRODUCTION = {"APP_ENV": "production", "ALLOWED_HOSTS": "example.org", "SECRET_KEY": "x" * 60}


def _settings(env):
    clean = {k: v for k, v in os.environ.items()
             if k not in {"APP_ENV", "SECRET_KEY", "PARTICIPANT_KEYS", "PARTICIPANT_HASH_KEY"}}
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "-c", "import insatsportal.settings"],
        env={**clean, **env}, capture_output=True, text=True, check=False,
    )


def test_production_refuses_to_start_without_participant_keys():
    result = _settings({**PRODUCTION, "PARTICIPANT_HASH_KEY": "h" * 40})
    assert result.returncode != 0
    assert "PARTICIPANT_KEYS" in result.stderr


def test_production_refuses_the_development_key():
    from django.conf import settings

    result = _settings({**PRODUCTION, "PARTICIPANT_HASH_KEY": "h" * 40,
                        "PARTICIPANT_KEYS": settings._DEVELOPMENT_PARTICIPANT_KEY})
    assert result.returncode != 0
    assert "development participant keys" in result.stderr


def test_production_starts_with_its_own_keys():
    result = _settings({**PRODUCTION, "PARTICIPANT_HASH_KEY": "h" * 40,
                        "PARTICIPANT_KEYS": f"{NEW},{OLD}"})
    assert result.returncode == 0, result.stderr


def test_a_malformed_key_is_refused():
    result = _settings({"PARTICIPANT_KEYS": "not-a-key"})
    assert result.returncode != 0
    assert "Fernet keys" in result.stderr
