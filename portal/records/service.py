"""Development records: one per credited ledger row (JP counted), with its national kind,
name, organiser, dates, JP and certificate. An incremental query (``since``) returns every row
changed after that moment — credited, cancelled, recounted by a cap (any audited change of the
row) or whose certificate was issued or revoked; a row that is cancelled or no longer counted
comes back as ``dibatalkan`` so a receiving system can remove it.

CM-01: a coaching/mentoring row (model 20) is named by its mechanism and activity only; the
record never carries a topic, notes or the coach — nothing of a confidential coaching record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import aliased

from portal.certificates.document import verification_url
from portal.extensions import db
from portal.imports.validation import chunks
from portal.ledger.models import LedgerEntry
from portal.ledger.numbers import jp_number
from portal.mechanisms.catalogue import activity_label, mechanism_title
from portal.models import AuditLog, Employee, Unit
from portal.models.certificate import Certificate
from portal.records.mapping import NATIONAL_KINDS, kind_map, kind_of

CONFIDENTIAL_MODEL = 20  # coaching and mentoring (CM-01)


@dataclass(frozen=True)
class DevelopmentRecord:
    id: int
    nip: str
    nama: str
    kind: str
    kind_label: str
    mechanism: str
    mechanism_title: str
    name: str
    organiser: str
    start_date: dt.date
    end_date: dt.date
    jp: float | int
    certificate_number: str
    verification_url: str
    status: str  # aktif | dibatalkan
    changed_at: dt.datetime

    def as_json(self) -> dict:
        data = asdict(self)
        data["start_date"], data["end_date"] = self.start_date.isoformat(), self.end_date.isoformat()
        data["changed_at"] = self.changed_at.isoformat(timespec="seconds") + "Z"
        return data


def _certificates(entry_ids: list[int]) -> dict[int, Certificate]:
    """The valid certificate of each row (else the latest revoked one, for its dates)."""
    found: dict[int, Certificate] = {}
    for chunk in chunks(entry_ids):
        for cert in db.session.scalars(select(Certificate)
                                       .where(Certificate.ledger_entry_id.in_(chunk))
                                       .order_by(Certificate.issued_at)):
            held = found.get(cert.ledger_entry_id)
            if held is None or held.revoked_at is not None or cert.revoked_at is None:
                found[cert.ledger_entry_id] = cert
    return found


def fetch(scope: ColumnElement[bool], *, year: int | None = None, unit: Unit | None = None,
          employee_id: int | None = None, since: dt.datetime | None = None
          ) -> list[DevelopmentRecord]:
    """The records of the employees matching ``scope`` (an Employee/Unit filter such as
    :func:`portal.scope.viewable_employees`), optionally one year, one unit subtree, one
    employee, or only what changed after ``since`` (UTC, naive)."""
    organiser = aliased(Unit)
    query = (select(LedgerEntry, Employee.nip, Employee.nama, organiser.nama)
             .join(Employee, Employee.id == LedgerEntry.employee_id)
             .join(Unit, Unit.id == Employee.unit_id)
             .outerjoin(organiser, organiser.id == LedgerEntry.organiser_unit_id)
             .where(scope)
             .order_by(Employee.nip, LedgerEntry.activity_date, LedgerEntry.id))
    if year is not None:
        query = query.where(LedgerEntry.activity_date.between(dt.date(year, 1, 1),
                                                              dt.date(year, 12, 31)))
    if unit is not None:
        query = query.where(Unit.path.startswith(unit.path))
    if employee_id is not None:
        query = query.where(LedgerEntry.employee_id == employee_id)
    audited: dict[int, dt.datetime] = {}
    if since is None:
        query = query.where(LedgerEntry.counted.is_(True), LedgerEntry.cancelled_at.is_(None))
    else:
        audited = _audited_since(since)
        certified = select(Certificate.ledger_entry_id).where(
            or_(Certificate.issued_at > since, Certificate.revoked_at > since))
        query = query.where(or_(LedgerEntry.created_at > since, LedgerEntry.cancelled_at > since,
                                LedgerEntry.id.in_(certified), LedgerEntry.id.in_(audited)))
    rows = db.session.execute(query).all()
    certificates = _certificates([entry.id for entry, *_ in rows])
    kinds = kind_map()
    return [_record(entry, nip, nama, organiser_name, certificates.get(entry.id), kinds,
                    audited.get(entry.id))
            for entry, nip, nama, organiser_name in rows]


def _audited_since(since: dt.datetime) -> dict[int, dt.datetime]:
    """``{ledger row id: last audited change}`` of the rows changed after ``since`` (credit,
    cancel, a recount moving a cap)."""
    found: dict[int, dt.datetime] = {}
    for entity_id, at in db.session.execute(
            select(AuditLog.entity_id, func.max(AuditLog.at))
            .where(AuditLog.entity_type == "jp_ledger_entry", AuditLog.at > since)
            .group_by(AuditLog.entity_id)):
        if entity_id.isdigit():
            found[int(entity_id)] = at
    return found


def _record(entry: LedgerEntry, nip: str, nama: str, organiser: str | None,
            cert: Certificate | None, kinds: dict[str, str],
            audited: dt.datetime | None) -> DevelopmentRecord:
    kind = kind_of(entry.mechanism, kinds)
    title = mechanism_title(entry.mechanism)
    name = (f"{title} — {activity_label(entry.activity_type)}"
            if entry.model == CONFIDENTIAL_MODEL else entry.title)
    valid = cert is not None and cert.revoked_at is None
    moments = [entry.created_at, entry.cancelled_at, audited]
    if cert is not None:
        moments += [cert.issued_at, cert.revoked_at]
    return DevelopmentRecord(
        id=entry.id, nip=nip, nama=nama, kind=kind, kind_label=NATIONAL_KINDS[kind],
        mechanism=entry.mechanism, mechanism_title=title, name=name,
        organiser=organiser or "", start_date=cert.start_date if cert else entry.activity_date,
        end_date=cert.end_date if cert else entry.activity_date, jp=jp_number(entry.jp_counted),
        certificate_number=cert.number if valid else "",
        verification_url=verification_url(cert.token) if valid else "",
        status="aktif" if entry.counted and entry.cancelled_at is None else "dibatalkan",
        changed_at=max(m for m in moments if m is not None))
