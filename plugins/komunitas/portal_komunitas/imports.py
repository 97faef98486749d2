"""Historical records (``portal_import_row``): the fixed types and roles of KB-01, and only the
roles that earn JP in each form (no moderator; ``penulis`` only for Berbagi Bahan)."""

from __future__ import annotations

from portal.sdk import ActivityRow, ImportVerdict, import_verdict
from portal_komunitas.jp import FORMS, JP_ROLES, SLUG


def import_row(row: ActivityRow) -> ImportVerdict | None:
    verdict = import_verdict(row, SLUG)
    if verdict is None or not verdict.accepted:
        return verdict
    roles = JP_ROLES[row.activity_type]
    if row.role not in roles:
        return ImportVerdict(False, f"Peran {row.role!r} tidak mendapat JP pada "
                             f"{FORMS[row.activity_type]}; pilih {', '.join(roles)} (KB-01).")
    return verdict
