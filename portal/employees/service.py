"""Employee rules shared by the forms and the importer: parsing, references, cycles."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select

from portal import nip as nip_rules
from portal.extensions import db
from portal.models import Employee, Unit
from portal.models.employee import JENIS_JABATAN, STATUS_ASN
from portal.units.service import looping

EMPLOYEE_COLUMNS = (
    "nip", "nama", "unit_kode", "status_asn", "jenis_jabatan", "jenjang", "jabatan", "golongan",
    "atasan_nip", "email", "hipo",
)
OPTIONAL_COLUMNS = ("pppk_kontrak_selesai", "pppk_keahlian_langka", "pendidikan")
YES_NO = {"ya": True, "tidak": False, "": False}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LIMITS = {"nama": 200, "jenjang": 60, "jabatan": 200, "golongan": 10, "email": 200, "pendidikan": 200}


@dataclass
class EmployeeRecord:
    nip: str
    nama: str
    unit_kode: str
    status_asn: str
    jenis_jabatan: str
    jenjang: str
    jabatan: str
    golongan: str
    atasan_nip: str
    email: str | None
    hipo: bool
    pppk_kontrak_selesai: dt.date | None
    pppk_keahlian_langka: bool
    pendidikan: str = ""  # H.III.1.d: education, part of the coaching programme's profile

    def model_values(self) -> dict:
        """Column values for Employee (references resolved by the caller)."""
        return {
            "nip": self.nip, "nama": self.nama, "status_asn": self.status_asn,
            "jenis_jabatan": self.jenis_jabatan, "jenjang": self.jenjang, "jabatan": self.jabatan,
            "golongan": self.golongan, "email": self.email, "hipo": self.hipo,
            "pppk_kontrak_selesai": self.pppk_kontrak_selesai,
            "pppk_keahlian_langka": self.pppk_keahlian_langka, "pendidikan": self.pendidikan,
        }


def parse_iso_date(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` to a date; None when malformed or not a real day (2024-02-30)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _identity_problems(v: dict[str, str], status: str, nip: str, today: dt.date | None) -> list[tuple[str, str]]:
    errors = []
    if status not in STATUS_ASN:
        errors.append(("status_asn", "Status ASN harus PNS atau PPPK."))
    errors += [("nip", message) for message in nip_rules.problems(nip, status or "PNS", today)]
    if not v["nama"]:
        errors.append(("nama", "Nama wajib diisi."))
    if not v["unit_kode"]:
        errors.append(("unit_kode", "Kode unit wajib diisi."))
    if v["jenis_jabatan"].lower() not in JENIS_JABATAN:
        errors.append(("jenis_jabatan", "Jenis jabatan harus struktural, fungsional, atau pelaksana."))
    errors += [(column, f"Maksimal {limit} karakter.") for column, limit in LIMITS.items()
               if len(v[column]) > limit]
    if v["email"] and not EMAIL.match(v["email"]):
        errors.append(("email", "Alamat email tidak valid."))
    return errors


def _flags(v: dict[str, str]) -> tuple[dict[str, bool], list[tuple[str, str]]]:
    flags, errors = {}, []
    for column in ("hipo", "pppk_keahlian_langka"):
        text = v[column].lower()
        if text not in YES_NO:
            errors.append((column, "Isi dengan ya atau tidak."))
        flags[column] = YES_NO.get(text, False)
    return flags, errors


def _contract(v: dict[str, str], status: str, rare_skill: bool) -> tuple[dt.date | None, list[tuple[str, str]]]:
    """The PPPK contract end (PPPK only)."""
    contract_end, errors = None, []
    if v["pppk_kontrak_selesai"]:
        contract_end = parse_iso_date(v["pppk_kontrak_selesai"])
        if contract_end is None:
            errors.append(("pppk_kontrak_selesai", "Tanggal harus berformat YYYY-MM-DD dan valid."))
    if status == "PNS" and (contract_end or rare_skill):
        errors.append(("pppk_kontrak_selesai", "Data kontrak PPPK hanya untuk pegawai PPPK."))
    return contract_end, errors


def parse_employee(raw: dict[str, str], today: dt.date | None = None):
    """Clean one employee row; return (record, [(column, message), ...])."""
    v = {key: str(raw.get(key) or "").strip() for key in EMPLOYEE_COLUMNS + OPTIONAL_COLUMNS}
    status = v["status_asn"].upper()
    nip = nip_rules.normalise(v["nip"])
    errors = _identity_problems(v, status, nip, today)
    flags, flag_errors = _flags(v)
    contract_end, contract_errors = _contract(v, status, flags["pppk_keahlian_langka"])
    errors += flag_errors + contract_errors
    atasan = nip_rules.normalise(v["atasan_nip"])
    if atasan and atasan == nip:
        errors.append(("atasan_nip", "Pegawai tidak boleh menjadi atasan dirinya sendiri."))
    record = EmployeeRecord(
        nip=nip, nama=v["nama"], unit_kode=v["unit_kode"], status_asn=status,
        jenis_jabatan=v["jenis_jabatan"].lower(), jenjang=v["jenjang"], jabatan=v["jabatan"],
        golongan=v["golongan"], atasan_nip=atasan, email=v["email"] or None, hipo=flags["hipo"],
        pppk_kontrak_selesai=contract_end, pppk_keahlian_langka=flags["pppk_keahlian_langka"],
        pendidikan=v["pendidikan"],
    )
    return record, errors


def supervisor_cycle(nip: str, supervisor_of: dict[str, str]) -> bool:
    seen = {nip}
    current = supervisor_of.get(nip)
    while current:
        if current in seen:
            return True
        seen.add(current)
        current = supervisor_of.get(current)
    return False


def existing_supervisor_map() -> dict[str, str]:
    boss = db.aliased(Employee)
    rows = db.session.execute(
        select(Employee.nip, boss.nip).join(boss, Employee.supervisor_id == boss.id)
    )
    return dict(rows.all())


def _current_units(nips: set[str]) -> dict[str, str]:
    """Unit kode of the already registered employees among ``nips``."""
    query = select(Employee.nip, Unit.kode).join(Unit, Employee.unit_id == Unit.id)
    if len(nips) >= 2000:  # one pass over the table beats many IN (...) queries
        return {nip: kode for nip, kode in db.session.execute(query) if nip in nips}
    found: dict[str, str] = {}
    wanted = sorted(nips)
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        found.update(db.session.execute(query.where(Employee.nip.in_(chunk))).all())
    return found


def _unit_problems(record: EmployeeRecord, known_units: set[str], allowed: set[str] | None,
                   current_unit: dict[str, str]) -> list[tuple[str, str]]:
    found = []
    if record.unit_kode and record.unit_kode not in known_units:
        found.append(("unit_kode", f"Unit {record.unit_kode} tidak ditemukan."))
    elif record.unit_kode and allowed is not None and record.unit_kode not in allowed:
        found.append(("unit_kode", f"Unit {record.unit_kode} di luar kewenangan Anda."))
    if record.nip in current_unit and current_unit[record.nip] not in allowed:
        found.append(("nip", f"Pegawai NIP {record.nip} terdaftar di unit "
                             f"{current_unit[record.nip]} yang di luar kewenangan Anda."))
    return found


def _cycles(records: list[EmployeeRecord]) -> set[str]:
    """NIPs whose supervisor chain (the file's over the stored one) loops back to them."""
    supervisor_of = existing_supervisor_map()
    for record in records:
        if record.atasan_nip:
            supervisor_of[record.nip] = record.atasan_nip
        else:
            supervisor_of.pop(record.nip, None)
    return looping([r.nip for r in records if r.atasan_nip], supervisor_of)


def check_employee_references(
    records: list[EmployeeRecord], allowed_unit_kodes: set[str] | None = None
):
    """Problems per record index: unknown unit or supervisor, supervisor cycles, scope.

    With ``allowed_unit_kodes`` (None: no limit) a record must go to one of those units, and an
    already registered employee must currently belong to one of them.
    """
    known_units = set(db.session.scalars(select(Unit.kode)))
    file_nips = {r.nip for r in records}
    wanted = {r.atasan_nip for r in records if r.atasan_nip} - file_nips
    supervisors = set(_current_units(wanted)) | file_nips
    current_unit = _current_units(file_nips) if allowed_unit_kodes is not None else {}
    in_cycle = _cycles(records)
    problems: dict[int, list[tuple[str, str]]] = {}
    for index, record in enumerate(records):
        found = _unit_problems(record, known_units, allowed_unit_kodes, current_unit)
        if record.atasan_nip and record.atasan_nip not in supervisors:
            found.append(("atasan_nip", f"Atasan dengan NIP {record.atasan_nip} tidak ditemukan."))
        elif record.atasan_nip and record.nip in in_cycle:
            found.append(("atasan_nip", "Atasan ini membuat lingkaran atasan–bawahan."))
        if found:
            problems[index] = found
    return problems
