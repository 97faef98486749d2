"""The monthly digest to each atasan: direct reports whose projection to 31 December is at risk
or will miss the JP target (portal.ledger.projection)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from types import SimpleNamespace

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.i18n import angka
from portal.ledger.models import LedgerYear
from portal.ledger.projection import AT_RISK_STATUSES, Projection, outlook
from portal.ledger.service import target_for
from portal.mail.kinds import MONTHLY
from portal.mail.outbox import Line, queue
from portal.mail.preferences import modes_of
from portal.models import Account, Employee


def behind_pace(on_date: dt.date) -> dict[int, list[tuple[Employee, Projection]]]:
    """supervisor employee id -> [(report, projection)] of reports whose projection to 31
    December is *berisiko* or *akan tertinggal* (portal.ledger.projection: counted JP, scheduled
    JP apart; one grouped query for the counted JP, one hook call for what is scheduled)."""
    counted = (select(LedgerYear.employee_id, LedgerYear.jp)  # the maintained rollup
               .where(LedgerYear.year == on_date.year).subquery())
    found = db.session.execute(
        select(Employee, func.coalesce(counted.c.jp, 0))
        .outerjoin(counted, counted.c.employee_id == Employee.id)
        .where(Employee.supervisor_id.is_not(None))).all()
    targets = {status: target_for(status, on_date.year) for status in ("PNS", "PPPK")}
    employees = {employee.id: employee for employee, _jp in found}
    rows = [SimpleNamespace(id=employee.id, jp=jp, unit_path="",
                            target=targets["PPPK" if employee.status_asn == "PPPK" else "PNS"])
            for employee, jp in found]
    result: dict[int, list] = defaultdict(list)
    for employee_id, projection in outlook(rows, on_date.year, on_date).by_employee.items():
        if projection.status in AT_RISK_STATUSES:
            employee = employees[employee_id]
            result[employee.supervisor_id].append((employee, projection))
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
        reports = sorted(behind[account.employee_id], key=lambda row: (row[1].counted, row[0].nama))
        lines = [Line(f"{e.nama} ({e.nip}): {angka(p.counted)} JP dari target {angka(p.target)} JP, "
                      f"{angka(p.scheduled)} JP terjadwal — {p.label.lower()}; {p.advice}", team)
                 for e, p in reports]
        month = on_date.strftime("%Y-%m")
        message = queue(account, "risiko_tim",
                        f"{len(lines)} anggota tim Anda berisiko tidak mencapai target JP",
                        "Menurut proyeksi sampai 31 Desember, anggota tim berikut berisiko atau akan "
                        "tertinggal dari target JP tahun ini. Bantu mereka "
                        "memilih kegiatan pengembangan (komunitas belajar, coaching, belajar mandiri, "
                        "pelatihan):", lines, dedupe_key=f"risiko:{account.id}:{month}")
        queued += message is not None
    db.session.commit()
    return queued
