"""Core key/value settings of certificates and reports (table ``portal_setting``).

These are administrative facts (who signs, how numbers look), not rule figures, so they are
not versioned like the ledger's rule settings: every certificate keeps a snapshot of what it
printed, and every change is audited.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from sqlalchemy import select

from portal.audit import record
from portal.extensions import db
from portal.models.account import utcnow
from portal.models.certificate import PortalSetting
from portal.nip import normalise, problems


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: str
    hint: str = ""
    kind: str = "text"  # text | nip | number_format | emblem (a stored image's id, set by upload)


SETTINGS = (
    Setting("certificate.number_format", "Format nomor sertifikat", "{seq}/{slug}/{unit}/{year}",
            "Wajib memuat {seq} dan {year}; boleh {slug} (mekanisme) dan {unit} (kode unit). "
            "{seq:05d} menulis urutan dengan nol di depan.", "number_format"),
    # No official's name by default: the institution sets its signer (the demo sets an invented one).
    Setting("certificate.signer_name", "Nama pejabat penandatangan", "",
            "Dicetak di bawah tanda tangan setiap sertifikat yang terbit."),
    Setting("certificate.signer_nip", "NIP pejabat penandatangan", "", kind="nip"),
    Setting("certificate.signer_title", "Jabatan penandatangan",
            "Kepala Badan Pengembangan Sumber Daya Manusia"),
    Setting("certificate.emblem_file", "Lambang instansi pada sertifikat", "",
            "Gambar PNG atau JPG, paling besar 1 MB. Tanpa lambang, sertifikat memakai tanda netral portal.",
            "emblem"),
    Setting("report.place", "Tempat penandatanganan laporan", "Jakarta"),
    Setting("report.pengelola_name", "Nama pengelola kepegawaian (laporan)", "",
            "Ditulis pada blok tanda tangan laporan rekapitulasi (KB-10)."),
    Setting("report.pengelola_nip", "NIP pengelola kepegawaian (laporan)", "", kind="nip"),
)
BY_KEY = {s.key: s for s in SETTINGS}
TEXT_SETTINGS = tuple(s for s in SETTINGS if s.kind != "emblem")
NUMBER_FIELDS = {"seq", "slug", "unit", "year"}
_SEQ_SPEC = re.compile(r"0?[1-9]d|d|")


def get(key: str) -> str:
    row = db.session.get(PortalSetting, key)
    return row.value if row else BY_KEY[key].default


def all_values() -> dict[str, str]:
    stored = {row.key: row.value for row in db.session.scalars(select(PortalSetting))}
    return {s.key: stored.get(s.key, s.default) for s in SETTINGS}


def check_number_format(value: str) -> str:
    """:raises ValueError: (Indonesian) unless only known fields are used, with {seq} and {year}."""
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError:
        raise ValueError("Format nomor tidak valid (periksa tanda kurung kurawal).") from None
    fields = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in NUMBER_FIELDS or conversion:
            raise ValueError("Format nomor hanya boleh memuat {seq}, {slug}, {unit} dan {year}.")
        if spec and (name != "seq" or not _SEQ_SPEC.fullmatch(spec)):
            raise ValueError("Hanya {seq} yang boleh diberi format angka, mis. {seq:05d}.")
        fields.add(name)
    if not {"seq", "year"} <= fields:
        raise ValueError("Format nomor wajib memuat {seq} dan {year} agar nomor tidak berulang.")
    return value


def clean(key: str, raw: str) -> str:
    """Validate an admin's input. :raises ValueError: with an Indonesian message."""
    setting = BY_KEY[key]
    value = " ".join((raw or "").split())
    if len(value) > 200:
        raise ValueError(f"{setting.label}: maksimal 200 karakter.")
    if setting.kind == "number_format":
        if not value:
            raise ValueError(f"{setting.label} wajib diisi.")
        return check_number_format(value)
    if setting.kind == "nip" and value:
        nip = normalise(value)
        found = problems(nip, "PNS")
        if found:
            raise ValueError(f"{setting.label}: {found[0]}")
        return nip
    return value


def save(values: dict[str, str], actor_id: int | None) -> list[str]:
    """Store changed values (audited); returns the keys changed. Caller commits."""
    changed = []
    for key, value in values.items():
        old = get(key)
        if value == old:
            continue
        row = db.session.get(PortalSetting, key) or PortalSetting(key=key)
        row.value, row.updated_at, row.updated_by_id = value, utcnow(), actor_id
        db.session.add(row)
        record("setting.change", "portal_setting", key, {"value": old}, {"value": value},
               summary=f"Pengaturan {BY_KEY[key].label} diubah", actor_id=actor_id)
        changed.append(key)
    return changed
