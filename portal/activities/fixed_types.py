"""The fixed activity types and JP-earning roles per mechanism (fixed identifiers, docs/glossary.md).

A mechanism plugin may add types and roles, never rename these. ``import_verdict`` lets a
plugin implement ``portal_import_row`` in two lines::

    @hookimpl
    def portal_import_row(row):
        return import_verdict(row, "komunitas")
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.types import ActivityRow, ImportVerdict, Participation


@dataclass(frozen=True)
class FixedTypes:
    activity_types: tuple[str, ...]
    roles: tuple[str, ...]
    rule_id: str  # where the circular names these types
    stated_jp: bool = False  # JP as stated on the document (certificate), not computed


_SINGLE = ("magang", "pertukaran", "detasering", "patok_banding", "belajar_mandiri", "outbound")

FIXED_TYPES: dict[str, FixedTypes] = {
    "komunitas": FixedTypes(
        ("berbagi_pengetahuan", "berbagi_pengalaman", "berbagi_bahan", "diskusi_permasalahan"),
        ("peserta", "pemateri", "pakar", "penulis"), "KB-01"),
    "coaching": FixedTypes(("coaching_program", "coaching_unit", "mentoring_unit"),
                           ("coachee", "mentee"), "G-01"),
    "formal": FixedTypes(("kepemimpinan", "dasar", "manajerial", "teknis", "fungsional",
                          "sosial_kultural", "seminar", "workshop", "bimtek"),
                         ("peserta",), "FL-01", stated_jp=True),
} | {slug: FixedTypes((slug,), ("peserta",), "G-01") for slug in _SINGLE}


def refusal(row: ActivityRow, fixed: FixedTypes) -> str | None:
    """Why ``row`` does not fit the fixed types and roles, or None."""
    if row.activity_type not in fixed.activity_types:
        return (f"Jenis kegiatan {row.activity_type!r} tidak dikenal untuk {row.mechanism}; "
                f"pilih salah satu: {', '.join(fixed.activity_types)} ({fixed.rule_id}).")
    if row.role not in fixed.roles:
        return (f"Peran {row.role!r} tidak mendapat JP pada {row.mechanism}; "
                f"pilih salah satu: {', '.join(fixed.roles)} ({fixed.rule_id}).")
    if fixed.stated_jp and row.jp is None:
        return (f"Kolom jp wajib diisi untuk {row.mechanism}: JP sesuai sertifikat "
                f"({fixed.rule_id}).")
    return None


def participation(row: ActivityRow, fixed: FixedTypes) -> Participation:
    return Participation(
        employee_id=row.employee_id, mechanism=row.mechanism, activity_type=row.activity_type,
        role=row.role, on_date=row.on_date, title=row.title, reference=row.reference,
        jp_stated=row.jp if fixed.stated_jp else None, source="import",
    )


def import_verdict(row: ActivityRow, slug: str, fixed: FixedTypes | None = None
                   ) -> ImportVerdict | None:
    """The ``portal_import_row`` answer for a mechanism with the fixed types: None for rows of
    another mechanism, a refusal naming the rule, or the participation to credit.

    ``fixed`` replaces the slug's fixed types, for a plugin that adds types or roles (it may
    add, never rename: ``dataclasses.replace(FIXED_TYPES[slug], roles=(..., "moderator"))``).
    """
    if row.mechanism != slug:
        return None
    fixed = fixed or FIXED_TYPES[slug]
    message = refusal(row, fixed)
    if message:
        return ImportVerdict(False, message, None)
    return ImportVerdict(True, "", participation(row, fixed))
