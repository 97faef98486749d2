"""Password hashing and the rules for a new password (ASVS 6.2)."""

from __future__ import annotations

import functools

from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 8  # ASVS 6.2.1; the common-password list below is what stops weak long ones
MAX_LENGTH = 256
# Hashing a dummy for unknown accounts keeps the answer time the same (no NIP enumeration).
_DUMMY_HASH = generate_password_hash("portal-dummy-password")
# Words of this ministry and portal an attacker tries first (ASVS 6.2.11, context words).
CONTEXT_WORDS = ("pupr", "kemenpupr", "pegawai", "portal", "jakarta", "admin", "sdm", "asn",
                 "pns", "pppk", "702010")


@functools.cache
def common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords of the breach corpora (Xato), as shipped by the
    maintained ``zxcvbn`` package (issue 15 item 6), plus the ministry's own obvious ones."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    suffixes = ("", "1", "12", "123", "1234", "2023", "2024", "2025", "2026", "!")
    local = {f"{word}{suffix}" for word in CONTEXT_WORDS for suffix in suffixes}
    return frozenset(FREQUENCY_LISTS["passwords"]) | frozenset(local)


def is_common(password: str) -> bool:
    """True for a listed password, also with its case changed or a digit/``!`` run appended."""
    lowered = password.lower()
    stripped = lowered.rstrip("0123456789!")
    listed = common_passwords()
    return lowered in listed or (len(stripped) >= 4 and stripped in listed)


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
    if is_common(password) or (nip and nip in password):
        found.append("Kata sandi terlalu mudah ditebak; jangan memakai NIP atau kata umum.")
    return found
