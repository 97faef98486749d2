"""Choosing ledger rows for a bulk issue (within the admin's scope) and zipping a job's PDFs."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Select, select

from portal.certificates import storage
from portal.certificates.service import pdf_bytes
from portal.extensions import db
from portal.i18n import tanggal
from portal.mechanisms.catalogue import mechanism_title
from portal.models import Employee, LedgerEntry, Unit
from portal.models.certificate import Certificate, CertificateJobItem
from portal.scope import manageable_units


@dataclass(frozen=True)
class BulkFilter:
    mechanism: str = ""
    unit: Unit | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def describe(self) -> str:
        parts = [mechanism_title(self.mechanism) if self.mechanism else "semua mekanisme",
                 f"unit {self.unit.nama}" if self.unit else "seluruh lingkup"]
        if self.start or self.end:
            parts.append(f"{tanggal(self.start) or '…'} s.d. {tanggal(self.end) or '…'}")
        return ", ".join(parts)


def candidates(user, flt: BulkFilter) -> Select:
    """Live ledger rows without a certificate, in the admin's scope, matching the filter."""
    query = (select(LedgerEntry).join(Employee, LedgerEntry.employee_id == Employee.id)
             .join(Unit, Employee.unit_id == Unit.id)
             .where(manageable_units(user), LedgerEntry.cancelled_at.is_(None),
                    LedgerEntry.certificate_id.is_(None)))
    if flt.mechanism:
        query = query.where(LedgerEntry.mechanism == flt.mechanism)
    if flt.unit is not None:
        query = query.where(Unit.path.startswith(flt.unit.path, autoescape=True))
    if flt.start:
        query = query.where(LedgerEntry.activity_date >= flt.start)
    if flt.end:
        query = query.where(LedgerEntry.activity_date <= flt.end)
    return query.order_by(LedgerEntry.activity_date, LedgerEntry.id)


class _Sink:
    """A write-only file object whose bytes are handed out as they are produced."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.offset = 0

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


def job_certificates(job_id: int) -> list[int]:
    return list(db.session.scalars(
        select(Certificate.id).join(CertificateJobItem, CertificateJobItem.certificate_id == Certificate.id)
        .where(CertificateJobItem.job_id == job_id).order_by(CertificateJobItem.id)))


def zip_stream(certificate_ids: list[int]) -> Iterator[bytes]:
    """A ZIP of stored PDFs, produced file by file (PDFs are compressed already: stored)."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate_id in certificate_ids:
            certificate = db.session.get(Certificate, certificate_id)
            try:
                data = pdf_bytes(certificate)
            except storage.StoredFileError:
                archive.writestr(f"GAGAL-{certificate.id}.txt",
                                 "Berkas sertifikat ini rusak atau hilang; hubungi admin.")
            else:
                archive.writestr(storage.download_name(certificate), data)
            yield sink.take()
            db.session.expunge(certificate)
    yield sink.take()
