"""The cryptography of a sealed ballot box (libsodium through PyNaCl); see docs/threat-model.md.

- Each open secret ballot or scoring round has a key pair of its own: a scalar ``x`` and ``X = x·G`` on
  Ed25519's prime-order group. ``x`` never reaches the disk in the clear: it is kept sealed
  (XSalsa20-Poly1305) under a key derived from the chair's secret by Argon2id.
- A secret ballot is exponential ElGamal of a one-hot vector, one pair per option:
  ``(r·G, m·G + r·X)`` with ``m`` in {0, 1} and a fresh ``r``. The box keeps only each option's sum
  (point addition: ``Σm`` under ``Σr``), so not even the key opens a single ballot; at close the sum
  is decrypted to ``k·G`` and ``k`` found by trying 0…n.
- A scoring sheet, whose single totals the result needs (minimum, maximum, spread), is sealed whole
  (X25519 sealed box, to a key derived from ``x``), padded to one size so its length says nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

from nacl import bindings, pwhash
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox
from nacl.secret import SecretBox

from models.errors import DomainError

SCALAR_SIZE = 32
POINT_SIZE = 32
IDENTITY = bytes([1]) + bytes(31)  # the neutral element, as Ed25519 encodes it
BASE = bindings.crypto_scalarmult_ed25519_base_noclamp((1).to_bytes(SCALAR_SIZE, "little"))
SHEET_SIZE = 8192
"""Every sheet is padded to this many bytes before sealing, so that no ciphertext is longer than another."""

SECRET_MIN = 8
"""The chair's secret has at least this many characters: the sealed key can be attacked offline."""


@dataclass(frozen=True)
class KdfCost:
    """Argon2id's cost. The default is libsodium's "moderate" (3 passes over 256 MiB): 0.44 s of CPU on
    this project's 2-core test machine, so a guess at the secret costs an attacker as much (docs/threat-model.md)."""

    opslimit: int = pwhash.argon2id.OPSLIMIT_MODERATE
    memlimit: int = pwhash.argon2id.MEMLIMIT_MODERATE

    @classmethod
    def cheapest(cls) -> KdfCost:
        """Only for tests, the demo and the benchmark, whose polls protect nothing."""
        return cls(pwhash.argon2id.OPSLIMIT_MIN, pwhash.argon2id.MEMLIMIT_MIN)


DEFAULT_COST = KdfCost()

Ciphertext = tuple[bytes, bytes]


def _random_scalar() -> bytes:
    return bindings.crypto_core_ed25519_scalar_reduce(os.urandom(64))


def _mul_base(scalar: bytes) -> bytes:
    return bindings.crypto_scalarmult_ed25519_base_noclamp(scalar)


def encrypt_count(public: bytes, count: int) -> Ciphertext:
    """ElGamal of ``count·G`` under ``public``, with fresh randomness (a ballot's option holds 0 or 1)."""
    r = _random_scalar()
    shared = bindings.crypto_scalarmult_ed25519_noclamp(r, public)
    if not count:
        return _mul_base(r), shared
    return _mul_base(r), bindings.crypto_core_ed25519_add(_mul_base(count.to_bytes(SCALAR_SIZE, "little")), shared)


def add(a: Ciphertext, b: Ciphertext) -> Ciphertext:
    """The ciphertext of the sum of what ``a`` and ``b`` hold."""
    return bindings.crypto_core_ed25519_add(a[0], b[0]), bindings.crypto_core_ed25519_add(a[1], b[1])


@dataclass(frozen=True)
class PollKey:
    """The poll's private scalar (memory only) and what can be derived from it."""

    scalar: bytes

    @classmethod
    def generate(cls) -> PollKey:
        return cls(_random_scalar())

    @property
    def public(self) -> bytes:
        return _mul_base(self.scalar)

    def _sheet_key(self) -> PrivateKey:
        return PrivateKey(hashlib.blake2b(self.scalar, digest_size=32, person=b"council-sheets").digest())

    @property
    def sheet_public(self) -> bytes:
        return bytes(self._sheet_key().public_key)

    def box_mac(self, content: bytes) -> bytes:
        """A tag over the box's bytes that only the key's holder can make: a box changed outside council shows."""
        mac_key = hashlib.blake2b(self.scalar, digest_size=32, person=b"council-box-mac").digest()
        return hashlib.blake2b(content, key=mac_key, digest_size=32).digest()

    def decrypt_count(self, ciphertext: Ciphertext, most: int) -> int:
        """The count a sum holds, found by trying 0…``most``; raises ValueError if none fits."""
        shared = bindings.crypto_scalarmult_ed25519_noclamp(self.scalar, ciphertext[0])
        target = bindings.crypto_core_ed25519_sub(ciphertext[1], shared)
        candidate = IDENTITY
        for count in range(most + 1):
            if candidate == target:
                return count
            candidate = bindings.crypto_core_ed25519_add(candidate, BASE)
        raise ValueError("the sum holds no count this poll could reach")

    def open_sheet(self, sealed: bytes) -> dict:
        padded = SealedBox(self._sheet_key()).decrypt(sealed)
        length = int.from_bytes(padded[:2], "big")
        return json.loads(padded[2 : 2 + length].decode("utf-8"))


def seal_sheet(sheet_public: bytes, sheet: dict) -> bytes:
    """One sheet, padded to ``SHEET_SIZE`` and sealed to the poll's sheet key. Raises DomainError if too long."""
    from nacl.public import PublicKey

    plain = json.dumps(sheet, ensure_ascii=False, sort_keys=True).encode("utf-8")
    if len(plain) > SHEET_SIZE - 2:
        raise DomainError("error.sheet_too_long")
    padded = len(plain).to_bytes(2, "big") + plain + bytes(SHEET_SIZE - 2 - len(plain))
    return SealedBox(PublicKey(sheet_public)).encrypt(padded)


@dataclass(frozen=True)
class SealedKey:
    """The poll's key as stored: public parts in the clear, the scalar sealed under the chair's secret."""

    public: bytes
    sheet_public: bytes
    salt: bytes
    cost: KdfCost
    sealed: bytes

    def to_json(self) -> dict:
        return {
            "public": self.public.hex(),
            "sheet_public": self.sheet_public.hex(),
            "kdf": {"alg": "argon2id13", "opslimit": self.cost.opslimit, "memlimit": self.cost.memlimit},
            "salt": self.salt.hex(),
            "sealed": self.sealed.hex(),
        }

    @classmethod
    def from_json(cls, doc: dict) -> SealedKey:
        kdf = doc["kdf"]
        if kdf["alg"] != "argon2id13":
            raise ValueError("unknown key derivation")
        return cls(
            public=bytes.fromhex(doc["public"]),
            sheet_public=bytes.fromhex(doc["sheet_public"]),
            salt=bytes.fromhex(doc["salt"]),
            cost=KdfCost(int(kdf["opslimit"]), int(kdf["memlimit"])),
            sealed=bytes.fromhex(doc["sealed"]),
        )


def _derive(secret: str, salt: bytes, cost: KdfCost) -> bytes:
    return pwhash.argon2id.kdf(
        SecretBox.KEY_SIZE, secret.encode("utf-8"), salt, opslimit=cost.opslimit, memlimit=cost.memlimit
    )


def seal_key(key: PollKey, secret: str, cost: KdfCost = DEFAULT_COST) -> SealedKey:
    salt = os.urandom(pwhash.argon2id.SALTBYTES)
    sealed = SecretBox(_derive(secret, salt, cost)).encrypt(key.scalar)
    return SealedKey(key.public, key.sheet_public, salt, cost, bytes(sealed))


def unseal_key(stored: SealedKey, secret: str) -> PollKey | None:
    """The poll's key, or None when ``secret`` is not the one it was sealed under."""
    try:
        scalar = SecretBox(_derive(secret, stored.salt, stored.cost)).decrypt(stored.sealed)
    except CryptoError:
        return None
    key = PollKey(scalar)
    return key if key.public == stored.public else None
