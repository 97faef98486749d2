"""One import row's cells checked on their own (no database): text, date and JP."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from portal.clock import today
from portal.ledger.numbers import to_jp
from portal.ledger.service import MIN_YEAR

SLUG = re.compile(r"[a-z][a-z0-9_]{0,39}")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


@dataclass(frozen=True)
class Cells:
    row_number: int
    nip: str
    mechanism: str
    activity_type: str
    role: str
    on_date: dt.date
    title: str
    reference: str
    jp: Decimal | None


def parse_date(text: str) -> dt.date:
    """A real calendar date; :raises ValueError: with an Indonesian message."""
    text = text.strip()
    if " " in text and text.endswith("00:00"):  # a datetime cell at midnight
        text = text.split(" ", 1)[0]
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"Tanggal {text!r} tidak valid: tulis YYYY-MM-DD (mis. 2025-03-14) atau "
                     "DD/MM/YYYY, dan pastikan tanggalnya ada di kalender.")


def _slug(data: dict[str, str], column: str, label: str, errors: list) -> str:
    value = data.get(column, "").strip().lower()
    if not value:
        errors.append((column, f"{label} wajib diisi."))
    elif not SLUG.fullmatch(value):
        errors.append((column, f"{label} {value!r} tidak valid: huruf kecil, angka dan garis "
                               "bawah saja (mis. berbagi_pengetahuan)."))
    return value


def _text(data: dict[str, str], column: str, label: str, limit: int, errors: list) -> str:
    value = " ".join(data.get(column, "").split())
    if not value:
        errors.append((column, f"{label} wajib diisi."))
    elif len(value) > limit:
        errors.append((column, f"{label} paling banyak {limit} karakter ({len(value)})."))
    return value


def parse(row_number: int, data: dict[str, str]) -> tuple[Cells | None, list[tuple[str, str]]]:
    """The row's cells, or the (column, message) problems found in them."""
    errors: list[tuple[str, str]] = []
    nip = "".join(data.get("nip", "").split())
    if not nip:
        errors.append(("nip", "NIP wajib diisi."))
    elif not nip.isdigit() or len(nip) != 18:
        errors.append(("nip", f"NIP {nip!r} harus 18 digit angka."))
    mechanism = _slug(data, "mechanism", "Mekanisme", errors)
    activity_type = _slug(data, "activity_type", "Jenis kegiatan", errors)
    role = _slug(data, "role", "Peran", errors)
    title = _text(data, "title", "Judul kegiatan", 300, errors)
    reference = _text(data, "reference", "Referensi", 120, errors)
    on_date = None
    raw_date = data.get("date", "").strip()
    if not raw_date:
        errors.append(("date", "Tanggal wajib diisi."))
    else:
        try:
            on_date = parse_date(raw_date)
        except ValueError as error:
            errors.append(("date", str(error)))
        else:
            if on_date > today():
                errors.append(("date", f"Tanggal {on_date.isoformat()} ada di masa depan; impor "
                                       "hanya untuk kegiatan yang sudah terlaksana."))
            elif on_date.year < MIN_YEAR:
                errors.append(("date", f"Tanggal sebelum tahun {MIN_YEAR} tidak dapat dicatat."))
    jp = None
    raw_jp = data.get("jp", "").strip()
    if raw_jp:
        try:
            jp = to_jp(raw_jp)
        except ValueError as error:
            errors.append(("jp", f"JP {raw_jp!r} tidak valid: {error}"))
    if errors:
        return None, errors
    return Cells(row_number, nip, mechanism, activity_type, role, on_date, title, reference,
                 jp), []
