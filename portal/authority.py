"""Authority that the data confers (atasan, unit head) is guarded like a granted role.

An employee's atasan approves as supervisor and a unit's head validates as pimpinan unit, so
setting either is a sensitive change (docs/security.md, "Kewenangan dari data"):

* nobody sets themselves, or an account they control (one whose temporary password they set and
  whose holder has not yet chosen their own), as atasan or head, nor changes their own atasan;
* an admin_unit chooses only among employees of the units it administers;
* the change takes effect at once, is audited with old and new values, and the people
  concerned are told in their inbox (``notify_*``).

Workflows that rest on a derived role call :func:`self_approval_refusal` at every approval step:
the approver is never the subject nor the proposer.
"""

from __future__ import annotations

from flask_login import current_user
from sqlalchemy import select

from portal.audit import record
from portal.extensions import db
from portal.inbox.notices import notify
from portal.models import Account, Employee, Unit
from portal.scope import can_manage_unit


def controls(actor: Account, employee: Employee) -> bool:
    """``actor`` is ``employee``, or holds the temporary password it set on their account."""
    if employee.id == actor.employee_id:
        return True
    return db.session.scalar(select(Account.id).where(
        Account.employee_id == employee.id, Account.must_change_password.is_(True),
        Account.temporary_password_by_id == actor.id)) is not None


def _choice_refusal(actor: Account, candidate: Employee, role: str) -> str | None:
    if controls(actor, candidate):
        return (f"Anda tidak dapat menetapkan diri sendiri, atau akun yang kata sandi sementaranya "
                f"Anda buat, sebagai {role}.")
    if not actor.is_ministry_wide and not can_manage_unit(actor, candidate.unit):
        return f"{role.capitalize()} dipilih dari pegawai unit dalam kewenangan Anda."
    return None


def atasan_refusal(actor: Account, subject: Employee | None, old: Employee | None,
                   new: Employee | None) -> str | None:
    """Why ``actor`` may not change ``subject``'s atasan from ``old`` to ``new`` (None: allowed).
    ``subject`` is None for a new employee."""
    if (old.id if old else None) == (new.id if new else None):
        return None
    if subject is not None and subject.id == actor.employee_id:
        return "Anda tidak dapat mengubah atasan Anda sendiri; mintalah admin lain."
    if new is None:
        return None
    if subject is not None and new.id == subject.id:
        return "Pegawai tidak dapat menjadi atasan dirinya sendiri."
    return _choice_refusal(actor, new, "atasan langsung")


def head_refusal(actor: Account, old: Employee | None, new: Employee | None) -> str | None:
    """Why ``actor`` may not change a unit's head from ``old`` to ``new`` (None: allowed)."""
    if new is None or (old.id if old else None) == new.id:
        return None
    return _choice_refusal(actor, new, "pimpinan unit")


def _name(employee: Employee | None) -> str:
    return f"{employee.nama} ({employee.nip})" if employee else "tidak ada"


def _by() -> str:
    return f" oleh {current_user.employee.nama}" if current_user and current_user.is_authenticated else ""


def _announce(action: str, entity: str, key: str, column: str, what: str, old: Employee | None,
              new: Employee | None, people: tuple) -> None:
    """Audit an authority change (old → new NIP) and tell ``people`` in their inbox."""
    record(action, entity, key, {column: old.nip if old else None}, {column: new.nip if new else None},
           summary=f"{what}: {_name(old)} → {_name(new)}")
    notify(people, f"{what} diubah",
           f"Dari {_name(old)} menjadi {_name(new)}{_by()}. Jika ini keliru, hubungi Admin SDM.")


def atasan_changed(subject: Employee, old: Employee | None, new: Employee | None) -> None:
    """Audit (old/new) and tell the employee, the previous and the new atasan."""
    if (old.id if old else None) != (new.id if new else None):
        _announce("authority.atasan", "employee", subject.nip, "atasan_nip",
                  f"Atasan langsung {subject.nama}", old, new, (subject, old, new))


def head_changed(unit: Unit, old: Employee | None, new: Employee | None) -> None:
    """Audit (old/new) and tell the previous and the new head."""
    if (old.id if old else None) != (new.id if new else None):
        _announce("authority.head", "unit", unit.kode, "pimpinan_nip", f"Pimpinan unit {unit.nama}",
                  old, new, (old, new))


def self_approval_refusal(actor: Account, *, subject_id: int | None, rule: str,
                          proposer_account_id: int | None = None,
                          proposer_employee_id: int | None = None) -> str | None:
    """An approval resting on a derived role: the approver is neither the subject nor the
    proposer (four eyes). The refusal names the workflow's rule ID."""
    me = actor.employee_id
    if subject_id is not None and subject_id == me:
        return f"Anda tidak dapat menyetujui atau memvalidasi hal yang menyangkut diri sendiri ({rule})."
    if (proposer_account_id is not None and proposer_account_id == actor.id) or (
            proposer_employee_id is not None and proposer_employee_id == me):
        return (f"Yang mengusulkan tidak dapat sekaligus menyetujui atau memvalidasi; "
                f"persetujuan diberikan orang lain ({rule}).")
    return None
