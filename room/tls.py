"""HTTPS for the room, with a certificate made on the laptop (no authority, no internet).

A watcher on the same Wi-Fi (one who knows its password can read others' traffic) would otherwise read
the links and, worse, a secret ballot as a phone sends it. With HTTPS the traffic is encrypted; since no
authority vouches for the laptop, a phone's browser warns once, and the member (or the chair, for all)
checks that the certificate's SHA-256 fingerprint is the one the room screen shows before going on.

One key and certificate per address the chair serves on, kept in the user's state folder (not in the
council's data folder: they belong to this laptop), readable by the user only, reused from one opening
to the next so that phones that accepted it once are not asked again. Valid for 400 days.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from sessions.platform import BINARY
from sessions.platform import replace as replace_file

VALID_DAYS = 400


@dataclass(frozen=True)
class LaptopCertificate:
    path: Path  # the key and the certificate, PEM, in one file (uvicorn reads both from it)
    fingerprint: str  # SHA-256 of the certificate, as browsers show it: "AB:CD:…"


def tls_folder() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("council", appauthor=False)) / "room-tls"


def laptop_certificate(host: str, folder: Path | None = None) -> LaptopCertificate:
    """The certificate for ``host`` (made the first time, or once it is about to expire)."""
    folder = folder or tls_folder()
    path = folder / f"room-{host.replace(':', '_')}.pem"
    try:
        pem = path.read_bytes()
        found = _fingerprint_if_valid(pem)
        if found is not None:
            return LaptopCertificate(path, found)
    except OSError:
        pass  # none yet, or unreadable: a new one is made
    pem = _make(host)
    folder.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | BINARY, 0o600)  # the key: the user's only
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    replace_file(temp, path)
    found = _fingerprint_if_valid(pem)
    assert found is not None
    return LaptopCertificate(path, found)


def fingerprint(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _fingerprint_if_valid(pem: bytes) -> str | None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        cert = x509.load_pem_x509_certificate(pem)
        serialization.load_pem_private_key(pem, password=None)
    except ValueError:
        return None
    if cert.not_valid_after_utc - dt.timedelta(days=7) < dt.datetime.now(dt.UTC):
        return None
    return fingerprint(cert.public_bytes(serialization.Encoding.DER))


def _make(host: str) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"council room {host}")])
    now = dt.datetime.now(dt.UTC)
    try:
        alt: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        alt = x509.DNSName(host)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName([alt]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return key_pem + cert.public_bytes(serialization.Encoding.PEM)
