"""The monthly digest to each atasan: direct reports who are behind the pace to 20 JP."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.ledger.models import LedgerEntry
from portal.ledger.service import target_for
from portal.mail.kinds import MONTHLY
from portal.mail.outbox import Line, queue
from portal.mail.preferences import modes_of
from portal.models import Account, Employee


def behind_pace(on_date: dt.date) -> dict[int, list[tuple[Employee, Decimal, float]]]:
    """supervisor employee id -> [(report, counted JP so far, target)] of reports whose counted JP
    this year is below the target's share of the months passed (one grouped query)."""
    start = dt.date(on_date.year, 1, 1)
    counted = (select(LedgerEntry.employee_id, func.sum(LedgerEntry.jp_counted).label("jp"))
               .where(LedgerEntry.activity_date >= start, LedgerEntry.activity_date <= on_date)
               .group_by(LedgerEntry.employee_id).subquery())
    rows = db.session.execute(
        select(Employee, func.coalesce(counted.c.jp, 0))
        .outerjoin(counted, counted.c.employee_id == Employee.id)
        .where(Employee.supervisor_id.is_not(None))).all()
    share = (on_date.month - 1 + on_date.day / 31) / 12
    targets = {status: target_for(status, on_date.year) for status in ("PNS", "PPPK")}
    result: dict[int, list] = defaultdict(list)
    for employee, jp in rows:
        target = targets["PPPK" if employee.status_asn == "PPPK" else "PNS"]
        if Decimal(jp) < Decimal(str(target)) * Decimal(str(share)):
            result[employee.supervisor_id].append((employee, Decimal(jp), target))
    return result


def monthly_team_digest(on_date: dt.date) -> int:
    """Queue the month's digest for every atasan who wants it; return how many were queued."""
    behind = behind_pace(on_date)
    accounts = db.session.scalars(select(Account).options(selectinload(Account.employee))
                                  .where(Account.employee_id.in_(behind), Account.is_enabled.is_(True))).all()
    modes = modes_of([a.id for a in accounts], "risiko_tim")
    queued = 0
    team = url_for("jp.team_page")
    for account in accounts:
        if modes[account.id] != MONTHLY:
            continue
        reports = sorted(behind[account.employee_id], key=lambda row: (row[1], row[0].nama))
        lines = [Line(f"{e.nama} ({e.nip}): {jp.normalize():f} JP dari target {target} JP", team)
                 for e, jp, target in reports]
        month = on_date.strftime("%Y-%m")
        message = queue(account, "risiko_tim",
                        f"{len(lines)} anggota tim Anda berisiko tidak mencapai target JP",
                        "Anggota tim berikut tertinggal dari laju menuju target JP tahun ini. Bantu mereka "
                        "memilih kegiatan pengembangan (komunitas belajar, coaching, belajar mandiri, "
                        "pelatihan):", lines, dedupe_key=f"risiko:{account.id}:{month}")
        queued += message is not None
    db.session.commit()
    return queued
