"""Historical records (``portal_import_row``): the fixed activity types of the architecture and
only the role that earns JP in each (coachee for coaching, mentee for mentoring)."""

from __future__ import annotations

from portal.sdk import ActivityRow, ImportVerdict, import_verdict
from portal_coaching.jp import ACTIVITY_TYPES, JP_ROLES, SLUG


def import_row(row: ActivityRow) -> ImportVerdict | None:
    verdict = import_verdict(row, SLUG)
    if verdict is None or not verdict.accepted:
        return verdict
    roles = JP_ROLES[row.activity_type]
    if row.role not in roles:
        return ImportVerdict(False, f"Peran {row.role!r} tidak mendapat JP pada "
                             f"{ACTIVITY_TYPES[row.activity_type]}; pilih {', '.join(roles)} "
                             f"({'CM-13' if row.activity_type == 'coaching_program' else 'CU-02/CU-03'}).")
    return verdict
