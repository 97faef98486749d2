"""The JP ledger's API: credit a participation, cancel a row, summarise a year, list rows.

Every function adds to the caller's transaction and flushes; the caller commits (like
:func:`portal.audit.record`). Locks taken for caps are held until that commit.

Example (a plugin's approval view)::

    from portal.ledger.service import LedgerError, credit
    from portal.types import Participation

    try:
        entry = credit(Participation(employee_id=e.id, mechanism="komunitas",
                                     activity_type="berbagi_bahan", role="penulis",
                                     on_date=submission.approved_on, title=submission.judul,
                                     reference=f"bahan:{submission.id}"), actor_id=current_user.id)
    except LedgerError as error:
        flash(str(error), "error")
    db.session.commit()
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flask import has_request_context
from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError

from portal.audit import record
from portal.clock import today
from portal.extensions import db
from portal.inbox.notices import notify, path_for
from portal.ledger import caps as cap_engine
from portal.ledger.history import block_flag, block_refusal, pre_circular_result
from portal.ledger.locks import lock_groups
from portal.ledger.models import LedgerEntry, LedgerMonth
from portal.ledger.numbers import jp_number, to_jp
from portal.mechanisms.catalogue import mechanism_model
from portal.models import Account, Employee, Unit
from portal.plugins import registry
from portal.refusal import Refusal
from portal.request_memo import per_request
from portal.rule_settings.versions import JPSettings, core_value
from portal.types import LEDGER_SOURCES, MODELS, JPResult, Participation

__all__ = ["LedgerError", "cancel", "credit", "entries", "year_summary", "target_for",
           "compute_jp"]

# Rule of a JP taken from the participation's own document when no plugin computes it.
STATED_JP_RULES = {"formal": "FL-01"}
MIN_YEAR = 2000


class LedgerError(Refusal):
    """A participation the ledger refuses; the message is Indonesian and shown to users."""


def _check(participation: Participation) -> None:
    p = participation
    if not isinstance(p.employee_id, int) or db.session.get(Employee, p.employee_id) is None:
        raise LedgerError("Pegawai tidak ditemukan.")
    check_fields(p)
    if p.organiser_unit_id is not None and (not isinstance(p.organiser_unit_id, int)
                                            or db.session.get(Unit, p.organiser_unit_id) is None):
        raise LedgerError("Unit penyelenggara tidak ditemukan.")


def check_fields(p: Participation) -> None:
    """The checks of a participation that need no database (shared with portal.ledger.bulk)."""
    fields = (("mekanisme", p.mechanism, 40), ("jenis kegiatan", p.activity_type, 40),
              ("peran", p.role, 20), ("judul", p.title, 300), ("referensi", p.reference, 120))
    for name, value, limit in fields:
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            raise LedgerError(f"Isian {name} wajib diisi (maksimal {limit} karakter).")
    if not isinstance(p.on_date, dt.date) or isinstance(p.on_date, dt.datetime):
        raise LedgerError("Tanggal kegiatan tidak valid.")
    if not MIN_YEAR <= p.on_date.year <= today().year + 1:
        raise LedgerError(f"Tanggal kegiatan harus antara tahun {MIN_YEAR} dan tahun depan.")
    if p.source not in LEDGER_SOURCES:
        raise LedgerError("Sumber harus 'workflow' atau 'import'.")
    if p.jp_stated is not None:
        try:
            to_jp(p.jp_stated)
        except ValueError as error:
            raise LedgerError(f"JP pada dokumen tidak valid: {error}") from None


def compute_jp(participation: Participation,
               settings: JPSettings | None = None) -> tuple[JPResult, int | None]:
    """JP of a participation from the ``portal_compute_jp`` hook, or from ``jp_stated`` when no
    plugin computes it; with the id of the setting version used.

    :raises LedgerError: when nothing can compute it.
    """
    p = participation
    settings = settings or JPSettings(p.mechanism, p.on_date)
    if (early := pre_circular_result(p)) is not None:  # §O: before 30 November 2023
        return early, None
    result = registry().pm.hook.portal_compute_jp(participation=p, settings=settings)
    if result is None and p.jp_stated is not None:
        source = "berkas impor" if p.source == "import" else "dokumen kegiatan"
        result = JPResult(p.jp_stated, STATED_JP_RULES.get(p.mechanism, "G-06"),
                          f"JP sesuai {source}")
    if result is None:
        raise LedgerError(
            f"JP untuk {p.mechanism} ({p.activity_type}, {p.role}) tidak dapat dihitung: "
            "plugin mekanisme ini tidak terpasang dan JP tidak dicantumkan (G-06)."
        )
    return result, settings.version_id


def _lock_for(employee_id: int, mechanism: str, activity_type: str, role: str,
              organiser_id: int | None, day: dt.date, reference: str,
              cancelled_id: int | None = None) -> set[tuple[int, int]]:
    """Lock what adding (or cancelling, ``cancelled_id``) one row needs; return the
    (employee_id, yyyymm) groups to recompute.

    Organiser group first; under it the organiser's rows cannot change, so we can tell whether
    the change moves another meeting in or out of its cap — only then every participant's month
    is locked too. Employee locks are taken last, in one call, in ascending order.
    """
    month = cap_engine.month_of(day)
    groups = {(employee_id, month)} | {
        (employee_id, later) for later in cap_engine.later_months_of_year(
            employee_id, mechanism, activity_type, role, day)}
    caps = cap_engine.organiser_caps(mechanism, activity_type, role, organiser_id)
    if caps:
        lock_groups(organisers=[(organiser_id, month)])
    for cap in caps:
        if cap_engine.organiser_change_spreads(organiser_id, month, mechanism, cap, reference,
                                               day, cancelled_id):
            groups |= {(e, month) for e in
                       cap_engine.organiser_employees(organiser_id, month, mechanism, cap)}
    lock_groups(employees=groups)
    return groups


def _recompute(groups: set[tuple[int, int]]) -> list[cap_engine.Change]:
    changes = []
    for employee_id, month in sorted(groups):
        changes += cap_engine.recompute(employee_id, month)
    return changes


def _audit_recount(changes: list[cap_engine.Change], skip_id: int | None,
                   actor_id: int | None) -> None:
    for change in changes:
        entry = change.entry
        if entry.id == skip_id:
            continue
        record("jp.recount", "jp_ledger_entry", entry.id,
               {"counted": change.old_counted, "jp_counted": jp_number(change.old_jp_counted),
                "cap_rule_id": change.old_cap_rule_id},
               {"counted": entry.counted, "jp_counted": jp_number(entry.jp_counted),
                "cap_rule_id": entry.cap_rule_id},
               summary=f"Perhitungan JP pegawai #{entry.employee_id} berubah: "
                       f"{'dihitung' if entry.counted else entry.reason}",
               actor_id=actor_id)


def credit(participation: Participation, actor_id: int | None = None) -> LedgerEntry:
    """Credit one participation: compute its JP, store the row, apply the caps, audit.

    The JP comes from the first plugin whose ``portal_compute_jp`` answers (or from
    ``jp_stated``); the row records the setting version used. Caps of the mechanism's plugin
    decide whether it is counted; a row beyond a cap is kept with ``counted=False``,
    ``jp_counted=0``, the cap's rule ID and an Indonesian reason.

    A workflow credit for an activity dated while an MG-10/PT-08 development block was in
    force is refused; an imported one is credited as recorded with ``flag`` set
    (:mod:`portal.ledger.history`). An activity dated before the circular took effect is
    credited at its stated JP under ``PRA-SE``.

    :param participation: a :class:`portal.types.Participation`.
    :param actor_id: the account crediting (``None`` for a system job or the CLI).
    :return: the new :class:`~portal.ledger.models.LedgerEntry` (flushed, not committed).
    :raises LedgerError: invalid participation, no JP rule, a workflow activity dated during
        a development block (MG-10/PT-08), or an exact duplicate of a live row (same employee,
        mechanism, activity type, role, date and reference).
    """
    p = participation
    _check(p)
    flag = block_flag(p.employee_id, p.on_date) if p.source == "import" else ""
    if p.source != "import" and (refusal := block_refusal(p.employee_id, p.on_date)):
        raise LedgerError(refusal)
    model = mechanism_model(p.mechanism)
    if model not in MODELS:
        raise LedgerError(f"Mekanisme {p.mechanism} tidak dikenal.")
    groups = _lock_for(p.employee_id, p.mechanism, p.activity_type, p.role, p.organiser_unit_id,
                       p.on_date, p.reference)
    duplicate = db.session.scalar(select(LedgerEntry.id).where(
        LedgerEntry.employee_id == p.employee_id, LedgerEntry.mechanism == p.mechanism,
        LedgerEntry.activity_type == p.activity_type, LedgerEntry.role == p.role,
        LedgerEntry.activity_date == p.on_date, LedgerEntry.reference == p.reference,
        LedgerEntry.cancelled_at.is_(None)))
    if duplicate is not None:
        raise LedgerError(
            f"Partisipasi ini sudah tercatat (entri #{duplicate}): pegawai, mekanisme, jenis "
            "kegiatan, peran, tanggal dan referensi yang sama.")
    result, version_id = compute_jp(p)
    try:
        jp = to_jp(result.jp)
    except ValueError as error:
        raise LedgerError(f"JP dari aturan {result.rule_id} tidak valid: {error}") from None
    entry = LedgerEntry(
        employee_id=p.employee_id, mechanism=p.mechanism, model=model,
        activity_type=p.activity_type, role=p.role, activity_date=p.on_date,
        title=p.title.strip(), reference=p.reference, source=p.source,
        organiser_unit_id=p.organiser_unit_id,
        jp_stated=to_jp(p.jp_stated) if p.jp_stated is not None else None,
        jp_claimed=jp, jp_counted=cap_engine.ZERO, counted=False,
        rule_id=result.rule_id[:20], explanation=(result.explanation or "")[:300],
        setting_version_id=version_id, created_by_id=actor_id, flag=flag,
    )
    db.session.add(entry)
    try:
        db.session.flush()
    except IntegrityError:
        raise LedgerError("Partisipasi ini sudah tercatat (duplikat).") from None
    changes = _recompute(groups)
    record("jp.credit", "jp_ledger_entry", entry.id, None,
           {"employee_id": p.employee_id, "mechanism": p.mechanism,
            "activity_type": p.activity_type, "role": p.role, "date": p.on_date.isoformat(),
            "reference": p.reference, "jp_claimed": jp_number(entry.jp_claimed),
            "jp_counted": jp_number(entry.jp_counted), "counted": entry.counted,
            "rule_id": entry.rule_id, "cap_rule_id": entry.cap_rule_id, "flag": flag},
           summary=f"JP {jp_number(jp)} untuk pegawai #{p.employee_id} ({p.mechanism}, "
                   f"{entry.rule_id})"
                   + ("" if entry.counted else f": tidak dihitung, {entry.reason}"),
           actor_id=actor_id, confidential=p.confidential)
    _audit_recount(changes, entry.id, actor_id)
    _tell_the_employee(entry, actor_id)
    return entry


def _tell_the_employee(entry: LedgerEntry, actor_id: int | None) -> None:
    """A credit decided in the portal by someone else (verification, acceptance, attendance) is
    a notice for the employee — and by their choice an e-mail (kind "keputusan"). Their own
    steps, the CLI, demo data and background jobs tell nobody. The title is the row's own
    (neutral for coaching, CM-01)."""
    if actor_id is None or not has_request_context():
        return
    actor = db.session.get(Account, actor_id)
    if actor is None or actor.employee_id == entry.employee_id:
        return
    counted = (f"{jp_number(entry.jp_counted)} JP dihitung." if entry.counted
               else f"Tidak dihitung: {entry.reason}")
    notify([db.session.get(Employee, entry.employee_id)], f"JP dicatat: {entry.title}"[:200],
           f"{jp_number(entry.jp_claimed)} JP tercatat pada buku JP Anda. {counted}", kind="keputusan",
           url=path_for("jp.mine"))


def cancel(entry_id: int, actor_id: int | None, reason: str) -> LedgerEntry:
    """Cancel a ledger row (kept, marked cancelled) and re-apply the caps of its groups, so a
    row that was beyond a cap may become counted. Audited as ``jp.cancel``.

    :raises LedgerError: unknown row, already cancelled, or no reason given.
    """
    reason = (reason or "").strip()
    if not reason or len(reason) > 300:
        raise LedgerError("Alasan pembatalan wajib diisi (maksimal 300 karakter).")
    entry = db.session.get(LedgerEntry, entry_id) if isinstance(entry_id, int) else None
    if entry is None:
        raise LedgerError("Entri JP tidak ditemukan.")
    groups = _lock_for(entry.employee_id, entry.mechanism, entry.activity_type, entry.role,
                       entry.organiser_unit_id, entry.activity_date, entry.reference,
                       cancelled_id=entry.id)
    db.session.refresh(entry)  # another request may have cancelled it before our lock
    if entry.is_cancelled:
        raise LedgerError("Entri JP ini sudah dibatalkan.")
    old = {"counted": entry.counted, "jp_counted": jp_number(entry.jp_counted), "cancelled": False}
    entry.cancelled_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    entry.cancelled_by_id = actor_id
    entry.cancel_reason = reason
    entry.counted, entry.jp_counted = False, cap_engine.ZERO
    db.session.flush()
    changes = _recompute(groups)
    record("jp.cancel", "jp_ledger_entry", entry.id, old,
           {"counted": False, "jp_counted": 0, "cancelled": True, "cancel_reason": reason},
           summary=f"Entri JP #{entry.id} pegawai #{entry.employee_id} dibatalkan: {reason}",
           actor_id=actor_id)
    _audit_recount(changes, entry.id, actor_id)
    return entry


def target_for(status_asn: str, year: int) -> int | float:
    """The yearly JP target of a PNS or PPPK: the setting in force on 31 December."""
    key = "target_jp_pppk" if status_asn == "PPPK" else "target_jp_pns"
    return core_value(key, dt.date(year, 12, 31))


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


def year_summary(employee_id: int, year: int) -> dict:
    """One employee's counted JP in ``year`` against the target, aggregated in SQL.

    :return: ``{"employee_id", "year", "target_jp", "total_jp", "by_model": {"70", "20",
        "10"}, "by_mechanism": {slug: jp}, "not_counted": n}`` with JP as JSON numbers.
    :raises LedgerError: unknown employee.
    """
    employee = db.session.get(Employee, employee_id)
    if employee is None:
        raise LedgerError("Pegawai tidak ditemukan.")
    # The maintained rollup (portal.ledger.rollup): at most 12 rows per mechanism; asked once a
    # page view (the home page's summary and its early warning both ask).
    rows = per_request(("year_summary", employee_id, year), lambda: tuple(db.session.execute(
        select(LedgerMonth.model, LedgerMonth.mechanism, func.sum(LedgerMonth.jp),
               func.sum(LedgerMonth.not_counted))
        .where(LedgerMonth.employee_id == employee_id, LedgerMonth.year == year)
        .group_by(LedgerMonth.model, LedgerMonth.mechanism)
    ).all()))
    not_counted = sum(int(n or 0) for *_rest, n in rows)
    rows = [(model, mechanism, jp) for model, mechanism, jp, _n in rows if jp]
    by_model = {str(m): Decimal(0) for m in MODELS}
    by_mechanism: dict[str, Decimal] = {}
    for model, mechanism, jp in rows:
        by_model[str(model)] += Decimal(jp or 0)
        by_mechanism[mechanism] = by_mechanism.get(mechanism, Decimal(0)) + Decimal(jp or 0)
    total = sum(by_model.values(), Decimal(0))
    return {
        "employee_id": employee_id,
        "year": year,
        "target_jp": jp_number(target_for(employee.status_asn, year)),
        "total_jp": jp_number(total),
        "by_model": {key: jp_number(value) for key, value in by_model.items()},
        "by_mechanism": {key: jp_number(value) for key, value in
                         sorted(by_mechanism.items(), key=lambda item: -item[1])},
        "not_counted": not_counted or 0,
    }


def entries(employee_id: int, year: int | None = None, mechanism: str | None = None,
            counted: bool | None = None, cancelled: bool | None = None) -> Select:
    """A query of one employee's rows, newest first, for history pages (paginate it with
    ``db.paginate``).

    :param counted: ``True`` counted rows; ``False`` live rows not counted (a cap, no JP).
    :param cancelled: ``True`` only cancelled rows; ``False`` only live rows; ``None`` both.
    """
    query = select(LedgerEntry).where(LedgerEntry.employee_id == employee_id)
    if year is not None:
        start, end = year_bounds(year)
        query = query.where(LedgerEntry.activity_date >= start, LedgerEntry.activity_date < end)
    if mechanism:
        query = query.where(LedgerEntry.mechanism == mechanism)
    if counted is not None:
        query = query.where(LedgerEntry.counted.is_(counted))
        if not counted:
            query = query.where(LedgerEntry.cancelled_at.is_(None))
    if cancelled is True:
        query = query.where(LedgerEntry.cancelled_at.is_not(None))
    elif cancelled is False:
        query = query.where(LedgerEntry.cancelled_at.is_(None))
    return query.order_by(LedgerEntry.activity_date.desc(), LedgerEntry.id.desc())


def entry_years(employee_id: int) -> list[int]:
    """Years in which the employee has ledger rows (for the year picker), newest first."""
    first, last = db.session.execute(
        select(func.min(LedgerEntry.activity_date), func.max(LedgerEntry.activity_date))
        .where(LedgerEntry.employee_id == employee_id)).one()
    if first is None:
        return []
    return list(range(last.year, first.year - 1, -1))
