"""What a certificate states: a plugin's ``portal_certificate_context`` or the core default."""

from __future__ import annotations

from dataclasses import replace

from portal.ledger.numbers import to_jp
from portal.mechanisms.catalogue import activity_label, mechanism_title, role_label
from portal.models import LedgerEntry
from portal.plugins import registry
from portal.refusal import Refusal
from portal.types import CertificateContext

MAX_EXTRA_LINES = 5


class CertificateError(Refusal):
    """A certificate cannot be issued, revoked or reissued; the message is Indonesian."""


def default_context(entry: LedgerEntry) -> CertificateContext:
    """The ledger row itself, when no plugin answers."""
    lines = [f"Jenis kegiatan: {activity_label(entry.activity_type)}"]
    if not entry.counted and entry.reason:
        lines.append(f"JP tidak dihitung: {entry.reason}")
    return CertificateContext(
        programme_title=entry.title, mechanism_title=mechanism_title(entry.mechanism),
        role_label=role_label(entry.role), start_date=entry.activity_date,
        end_date=entry.activity_date, jp=entry.jp_counted, model=entry.model,
        extra_lines=tuple(lines), employee_id=entry.employee_id, mechanism=entry.mechanism,
        reference=entry.reference,
    )


def for_entry(entry: LedgerEntry) -> CertificateContext:
    """The context of a ledger row: first plugin answer, else the default; completed with the
    row's employee, mechanism and reference."""
    if entry.is_cancelled:
        raise CertificateError(f"Entri JP #{entry.id} sudah dibatalkan; sertifikat tidak dapat "
                               "diterbitkan (G-06).")
    answer = registry().pm.hook.portal_certificate_context(participation=entry)
    if answer is None:
        return checked(default_context(entry))
    if not isinstance(answer, CertificateContext):
        raise CertificateError("Plugin mekanisme memberi isi sertifikat yang tidak valid.")
    return checked(replace(answer, employee_id=entry.employee_id, mechanism=entry.mechanism,
                           reference=answer.reference or entry.reference))


def checked(context: CertificateContext) -> CertificateContext:
    """Bound every text and check the JP. :raises CertificateError:"""
    c = context
    if not isinstance(c.employee_id, int):
        raise CertificateError("Isi sertifikat tanpa pegawai (employee_id wajib).")
    if not c.mechanism or not c.reference:
        raise CertificateError("Isi sertifikat tanpa mekanisme atau referensi.")
    for name, value in (("judul program", c.programme_title), ("mekanisme", c.mechanism_title),
                        ("peran", c.role_label)):
        if not isinstance(value, str) or not value.strip():
            raise CertificateError(f"Isi sertifikat: {name} wajib diisi.")
    try:
        jp = to_jp(c.jp)
    except ValueError as error:
        raise CertificateError(f"JP sertifikat tidak valid: {error}") from None
    lines = tuple(str(line)[:200] for line in c.extra_lines[:MAX_EXTRA_LINES] if str(line).strip())
    return replace(c, programme_title=c.programme_title.strip()[:300],
                   mechanism_title=c.mechanism_title.strip()[:200],
                   role_label=c.role_label.strip()[:100], jp=jp, extra_lines=lines,
                   mechanism=c.mechanism[:40], reference=c.reference[:150])
