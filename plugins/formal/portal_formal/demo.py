"""Demo data: verified and pending training reports for the demo accounts, through the ledger."""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.sdk import Account, Employee, db, gap_or_talent, today, waiting_since
from portal_formal import workflow

TRAININGS = [
    ("teknis", "Pelatihan Perencanaan Jalan dan Jembatan", "Balai Diklat PUPR Wilayah II"),
    ("fungsional", "Pelatihan Penjenjangan Jabatan Fungsional Teknik Jalan", "BPSDM PUPR"),
    ("manajerial", "Pelatihan Manajemen Kontrak Konstruksi", "Pusdiklat Manajemen"),
    ("bimtek", "Bimbingan Teknis SMKK", "Direktorat Kelembagaan Konstruksi"),
    ("seminar", "Seminar Nasional Teknik Sumber Daya Air", "Himpunan Ahli Teknik Hidraulik"),
    ("workshop", "Workshop BIM untuk Infrastruktur", "BPSDM PUPR"),
    ("sosial_kultural", "Pelatihan Komunikasi Publik", "Pusdiklat Sosial Kultural"),
    ("kepemimpinan", "Pelatihan Kepemimpinan Pengawas", "BPSDM PUPR"),
    ("dasar", "Pelatihan Dasar CPNS", "BPSDM PUPR"),
]
PER_PERSON = {"small": 3, "ministry": 3}
EXTRA_PEOPLE = {"small": 6, "ministry": 300}


def certificate_pdf(name: str, title: str) -> bytes:
    """A one-page PDF certificate (plain ASCII text)."""
    text = f"Sertifikat: {name} - {title}".encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 50 780 Td (" + text[:90] + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _owners(rng: random.Random, scale: str) -> list[Employee]:
    with_accounts = [a.employee for a in db.session.scalars(select(Account).order_by(Account.id))]
    others = db.session.scalars(select(Employee).where(Employee.supervisor_id.is_not(None))
                                .order_by(Employee.id).limit(5000)).all()
    extra = rng.sample(others, min(EXTRA_PEOPLE[scale], len(others)))
    seen, owners = set(), []
    for employee in with_accounts + extra:
        # A report passes the core's eligibility gate at verification: G-03 must hold.
        if employee.supervisor_id and employee.id not in seen and gap_or_talent(employee).allow:
            seen.add(employee.id)
            owners.append(employee)
    return owners


def _verifier(employee: Employee, admins: list[Account]) -> Account | None:
    account = db.session.scalar(select(Account).where(Account.employee_id == employee.supervisor_id))
    return account or next((a for a in admins if a.employee_id != employee.id), None)


def add_reports(rng: random.Random, scale: str) -> str:
    start_of_year = dt.date(today().year, 1, 1)
    span = max((today() - start_of_year).days, 0)
    admins = [a for a in db.session.scalars(select(Account).order_by(Account.id)) if a.is_ministry_wide]
    verified = pending = 0
    for employee in _owners(rng, scale):
        verifier = _verifier(employee, admins)
        for index in range(PER_PERSON[scale]):
            activity_type, title, provider = rng.choice(TRAININGS)
            end = start_of_year + dt.timedelta(days=rng.randint(0, span))
            begin = max(start_of_year, end - dt.timedelta(days=rng.randint(0, 4)))
            pdf = certificate_pdf(employee.nama, title)
            try:
                report = workflow.submit(
                    employee.id, FileStorage(io.BytesIO(pdf), filename=f"sertifikat {title}.pdf"),
                    title=title, provider=provider, activity_type=activity_type, start_date=begin,
                    end_date=end, jp=Decimal(rng.choice((4, 8, 16, 24, 32, 40))))
            except workflow.WorkflowError:
                continue  # refused by the eligibility gate (e.g. an MG-10 block of the demo)
            if index < PER_PERSON[scale] - 1 and verifier is not None:
                workflow.verify(report.id, verifier)
                verified += 1
            else:
                report.submitted_at = waiting_since(rng, after=end)
                pending += 1
    return f"{verified} laporan pelatihan formal terverifikasi, {pending} menunggu verifikasi"
