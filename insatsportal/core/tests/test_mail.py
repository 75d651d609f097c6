"""The test-mail command against a real SMTP server with STARTTLS/SSL and AUTH LOGIN."""

import pytest
from django.core.management import CommandError, call_command

from insatsportal.core.tests import smtp_server


@pytest.fixture
def certificate(tmp_path, monkeypatch):
    cert, key = smtp_server.self_signed_certificate(tmp_path)
    # The client trusts this certificate as it would the CA bundle an operator names.
    monkeypatch.setenv("SSL_CERT_FILE", cert)
    return cert, key


@pytest.fixture
def relay(settings):
    """The settings of a municipal relay: SMTP with login, the password from a setting."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "localhost"
    settings.EMAIL_HOST_USER = smtp_server.USER
    settings.EMAIL_HOST_PASSWORD = smtp_server.PASSWORD
    settings.EMAIL_TIMEOUT = 10
    settings.DEFAULT_FROM_EMAIL = "insatsportalen@forbund.example"
    return settings


@pytest.fixture
def starttls_server(certificate):
    controller, mailbox = smtp_server.start_server(cert=certificate[0], key=certificate[1])
    yield controller, mailbox
    controller.stop()


def test_it_sends_a_test_mail_over_starttls_with_auth_login(relay, starttls_server, capsys):
    controller, mailbox = starttls_server
    relay.EMAIL_PORT = controller.port
    relay.EMAIL_USE_TLS = True

    call_command("send_test_mail", "it@kommun.example")

    assert mailbox.mechanisms == ["LOGIN"]
    assert mailbox.tls_sessions == [True]
    [envelope] = mailbox.messages
    assert envelope.rcpt_tos == ["it@kommun.example"]
    assert envelope.mail_from == "insatsportalen@forbund.example"
    assert b"Insatsportalen: testmeddelande" in envelope.original_content
    out = capsys.readouterr().out
    assert "Sent a test mail to it@kommun.example" in out
    assert "(STARTTLS, with login)" in out


def test_it_says_the_login_was_refused_and_sends_nothing(relay, starttls_server):
    controller, mailbox = starttls_server
    relay.EMAIL_PORT = controller.port
    relay.EMAIL_USE_TLS = True
    relay.EMAIL_HOST_PASSWORD = "wrong-password"

    with pytest.raises(CommandError, match="refused the login"):
        call_command("send_test_mail", "it@kommun.example")
    assert mailbox.messages == []


def test_without_starttls_the_relay_refuses_and_the_command_says_so(relay, starttls_server):
    controller, mailbox = starttls_server
    relay.EMAIL_PORT = controller.port
    relay.EMAIL_USE_TLS = False

    with pytest.raises(CommandError, match="localhost:"):
        call_command("send_test_mail", "it@kommun.example")
    assert mailbox.messages == []


def test_an_untrusted_certificate_stops_the_mail(relay, starttls_server, tmp_path, monkeypatch):
    controller, mailbox = starttls_server
    other_cert, _key = smtp_server.self_signed_certificate(tmp_path / "..")
    monkeypatch.setenv("SSL_CERT_FILE", other_cert)
    relay.EMAIL_PORT = controller.port
    relay.EMAIL_USE_TLS = True

    with pytest.raises(CommandError, match="TLS failed|certificate"):
        call_command("send_test_mail", "it@kommun.example")
    assert mailbox.messages == []


def test_it_sends_over_implicit_tls(relay, certificate):
    controller, mailbox = smtp_server.start_server(
        cert=certificate[0], key=certificate[1], implicit_tls=True
    )
    try:
        relay.EMAIL_PORT = controller.port
        relay.EMAIL_USE_SSL = True
        call_command("send_test_mail", "it@kommun.example")
    finally:
        controller.stop()
    assert mailbox.mechanisms == ["LOGIN"]
    assert len(mailbox.messages) == 1


def test_a_bad_address_is_refused_before_connecting(relay):
    with pytest.raises(CommandError, match="Not an e-mail address"):
        call_command("send_test_mail", "not-an-address")
