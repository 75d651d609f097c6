"""check_participant_keys: after a restore, every identifier must open with the kept keys."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command


@pytest.fixture
def people(demo, settings):
    settings.DEMO_MODE = True
    call_command("generate_demo_data", "--participants", "12", "--seed", "5",
                 "--interventions", "0", stdout=StringIO())


def test_it_counts_identifiers_that_open_with_the_keys(people):
    out = StringIO()
    call_command("check_participant_keys", stdout=out)
    assert "cannot be decrypted: 0; keyed hash differs: 0" in out.getvalue()
    assert "Participants with identifiers: 0;" not in out.getvalue()


def test_a_missing_encryption_key_is_reported(people, settings):
    settings.PARTICIPANT_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="PARTICIPANT_KEYS"):
        call_command("check_participant_keys", stdout=StringIO())


def test_a_wrong_hash_key_is_reported(people, settings):
    settings.PARTICIPANT_HASH_KEY = "not-the-key-kept-with-the-backup"
    out = StringIO()
    with pytest.raises(CommandError, match="PARTICIPANT_HASH_KEY"):
        call_command("check_participant_keys", stdout=out)
    assert "keyed hash differs: 0" not in out.getvalue()
