"""A real SMTP server for tests: aiosmtpd with STARTTLS (or SSL) and AUTH LOGIN.

The certificate is self-signed, made here for "localhost", and trusted by the client
through SSL_CERT_FILE, exactly as an operator would trust a municipal CA.
"""

import datetime
import socket
import ssl
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER = "insatsportalen@kommun.example"
PASSWORD = "relay-password-for-tests"


def self_signed_certificate(directory) -> tuple[str, str]:
    """A certificate and key for localhost and 127.0.0.1, valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "smtp-cert.pem", directory / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Mailbox:
    """What the server received: messages and the AUTH mechanisms used."""

    messages: list = field(default_factory=list)
    mechanisms: list = field(default_factory=list)
    tls_sessions: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        self.tls_sessions.append(session.ssl is not None)
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.mechanisms.append(mechanism)
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == USER.encode()
            and auth_data.password == PASSWORD.encode()
        )
        return AuthResult(success=ok, handled=False)


def start_server(*, cert: str, key: str, implicit_tls: bool = False):
    """Start a server on a free loopback port that requires TLS and AUTH LOGIN."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    mailbox = Mailbox()
    options = {
        "authenticator": mailbox.authenticate,
        "auth_required": True,
        "auth_require_tls": True,
        # Only LOGIN is offered, the mechanism of Microsoft 365 and most municipal relays.
        "auth_exclude_mechanism": ["PLAIN"],
    }
    if implicit_tls:
        # The whole connection is TLS; aiosmtpd's check looks only for STARTTLS.
        options.update(ssl_context=context, auth_require_tls=False)
    else:
        options.update(tls_context=context, require_starttls=True)
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    return controller, mailbox
