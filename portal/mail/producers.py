"""Background producers: stored notices and inbox tasks become messages (or digest lines)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

from flask import g
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.inbox.tasks import InboxItem, pending_items
from portal.mail.kinds import DAILY, IMMEDIATE, KINDS, NOTICE_KINDS
from portal.mail.models import MailDigestItem, MailTaskSeen
from portal.mail.outbox import Line, address_of, queue
from portal.mail.preferences import modes_of
from portal.models import Account, Employee
from portal.models.account import utcnow
from portal.models.notification import Notification

CHUNK = 500


def produce_notices(limit: int = 5000) -> int:
    """Mail (or put in the digest) every notice not handled yet; return how many were handled."""
    notices = db.session.scalars(select(Notification).where(Notification.mailed_at.is_(None))
                                 .order_by(Notification.id).limit(limit)).all()
    if not notices:
        return 0
    accounts = {a.employee_id: a for a in db.session.scalars(
        select(Account).options(selectinload(Account.employee))
        .where(Account.employee_id.in_({n.employee_id for n in notices}), Account.is_enabled.is_(True)))}
    by_kind: dict[str, list[Notification]] = defaultdict(list)
    for notice in notices:
        by_kind[notice.kind if notice.kind in NOTICE_KINDS else "pemberitahuan"].append(notice)
    now = utcnow()
    for kind, members in by_kind.items():
        modes = modes_of([accounts[n.employee_id].id for n in members if n.employee_id in accounts], kind)
        for notice in members:
            notice.mailed_at = now
            account = accounts.get(notice.employee_id)
            if account is None:
                continue
            line = Line(notice.title, notice.url)
            if modes[account.id] == IMMEDIATE:
                queue(account, kind, notice.title, notice.body or KINDS[kind].label, [line],
                      dedupe_key=f"notice:{notice.id}")
            elif modes[account.id] == DAILY:
                db.session.add(MailDigestItem(account_id=account.id, kind=kind, line=line.text[:300],
                                              url=line.url[:500]))
    db.session.commit()
    return len(notices)


def task_key(item: InboxItem) -> str:
    values = sorted((str(k), str(v)) for k, v in item.task.values)
    return hashlib.sha256(f"{item.slug}|{item.task.endpoint}|{values}|{item.task.title}".encode()).hexdigest()


def produce_tasks(account_ids: list[int] | None = None) -> int:
    """Tell each person the inbox tasks that are new since the last pass (each task once);
    return how many new tasks were found. Tasks that left the inbox are forgotten, so one that
    comes back is told again."""
    query = select(Account.id).join(Employee, Account.employee_id == Employee.id).where(
        Account.is_enabled.is_(True), Employee.email.is_not(None), Employee.email != "")
    if account_ids is not None:
        query = query.where(Account.id.in_(account_ids))
    ids = list(db.session.scalars(query.order_by(Account.id)))
    g.pop("_inbox_items", None)  # the inbox caches per request; a pass must see the tasks of now
    found = 0
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        modes = modes_of(part, "tugas")
        for account in db.session.scalars(select(Account).options(selectinload(Account.employee))
                                          .where(Account.id.in_(part))):
            found += _tell_tasks(account, modes[account.id])
        db.session.commit()  # the identity map holds rows weakly: a pass keeps one chunk alive
    return found


def _tell_tasks(account: Account, mode: str) -> int:
    items = {task_key(item): item for item in pending_items(account)}
    seen = set(db.session.scalars(select(MailTaskSeen.task_key).where(MailTaskSeen.account_id == account.id)))
    gone = seen - items.keys()
    if gone:
        db.session.execute(delete(MailTaskSeen).where(MailTaskSeen.account_id == account.id,
                                                      MailTaskSeen.task_key.in_(gone)))
    new = [(key, item) for key, item in items.items() if key not in seen]
    if not new:
        return 0
    try:
        with db.session.begin_nested():
            db.session.add_all(MailTaskSeen(account_id=account.id, task_key=key) for key, _ in new)
    except IntegrityError:  # another consumer told these tasks in the meantime
        return 0
    lines = [Line(f"{item.task.kind} · {item.mechanism}: {item.task.title}", item.url) for _, item in new]
    if mode == IMMEDIATE and address_of(account):
        count = len(lines)
        queue(account, "tugas", f"{count} tugas baru menunggu Anda di Portal 70:20:10",
              "Tugas berikut menunggu tindakan Anda:", lines)
    elif mode == DAILY:
        db.session.add_all(MailDigestItem(account_id=account.id, kind="tugas", line=line.text[:300],
                                          url=line.url[:500]) for line in lines)
    return len(new)


def daily_digest(on_date: dt.date) -> int:
    """One message per person with digest lines waiting; return how many were queued."""
    items = db.session.scalars(select(MailDigestItem).where(MailDigestItem.digested_at.is_(None))
                               .order_by(MailDigestItem.account_id, MailDigestItem.id)).all()
    by_account: dict[int, list[MailDigestItem]] = defaultdict(list)
    for item in items:
        by_account[item.account_id].append(item)
    queued = 0
    now = utcnow()
    for account in db.session.scalars(select(Account).options(selectinload(Account.employee))
                                      .where(Account.id.in_(by_account))):
        lines = [Line(f"{KINDS[i.kind].label.split(' (')[0]}: {i.line}", i.url) for i in by_account[account.id]]
        message = queue(account, "ringkasan", f"Ringkasan harian Portal 70:20:10: {len(lines)} hal",
                        "Ringkasan hal yang menunggu atau terjadi untuk Anda sejak ringkasan terakhir:",
                        lines, dedupe_key=f"digest:{account.id}:{on_date.isoformat()}")
        queued += message is not None
        for item in by_account[account.id]:
            item.digested_at = now
    db.session.commit()
    return queued
