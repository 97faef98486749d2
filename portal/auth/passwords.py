"""Password hashing and the rules for a new password (ASVS 6.2)."""

from __future__ import annotations

from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 8
MAX_LENGTH = 256
# Hashing a dummy for unknown accounts keeps the answer time the same (no NIP enumeration).
_DUMMY_HASH = generate_password_hash("portal-dummy-password")
COMMON = {"password", "12345678", "123456789", "qwerty123", "pupr1234", "pegawai123", "admin123",
          "password1", "11111111", "kemenpupr", "iloveyou", "abcd1234", "jakarta1"}


def hash_password(password: str) -> str:
    return generate_password_hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        check_password_hash(_DUMMY_HASH, password)
        return False
    return check_password_hash(password_hash, password)


def problems(password: str, nip: str = "") -> list[str]:
    """Reasons (Bahasa Indonesia) a new password is refused; empty when acceptable."""
    found = []
    if len(password) < MIN_LENGTH:
        found.append(f"Kata sandi minimal {MIN_LENGTH} karakter.")
    if len(password) > MAX_LENGTH:
        found.append(f"Kata sandi maksimal {MAX_LENGTH} karakter.")
    if password.lower() in COMMON or (nip and nip in password):
        found.append("Kata sandi terlalu mudah ditebak; jangan memakai NIP atau kata umum.")
    return found
