"""Applying a recalculation as a background job (``ledger.recalculate``, :mod:`portal.tasks`).

Three years of one mechanism can be tens of thousands of ledger rows, each recounted against its
caps and audited: longer than a web request may take. The page starts this job with the digest
of the preview the admin confirmed; the job applies exactly that preview or nothing
(:func:`portal.ledger.recalc.apply`). Run again after it committed, it finds nothing left to
change and says so.
"""

from __future__ import annotations

import datetime as dt

from portal.extensions import db
from portal.ledger import recalc
from portal.ledger.service import LedgerError
from portal.models.task_job import TaskJob
from portal.tasks.jobs import JobFailed, Report, handler, start

KIND = "ledger.recalculate"


def start_apply(mechanism: str, start_date: dt.date, end: dt.date, digest: str,
                actor_id: int) -> TaskJob:
    return start(KIND, {"mekanisme": mechanism, "dari": start_date.isoformat(),
                        "sampai": end.isoformat(), "tanda": digest[:128],
                        "judul": f"Hitung ulang JP {mechanism}"},
                 actor_id, message="Hitung ulang menunggu antrean tugas.")


@handler(KIND)
def apply_job(job: TaskJob, report: Report) -> dict:
    args = job.arguments
    mechanism = args["mekanisme"]
    start_date, end = dt.date.fromisoformat(args["dari"]), dt.date.fromisoformat(args["sampai"])
    outcome = {"judul": args["judul"], "lanjut": ["ledger_admin.recalculate", "Kembali ke hitung ulang"]}
    if job.attempts > 1 and not recalc.preview(mechanism, start_date, end).changes:
        db.session.rollback()
        return {**outcome, "ringkasan": "Hitung ulang sudah diterapkan; tidak ada entri yang berubah lagi."}
    report(10, "Menghitung ulang entri JP dan batas bulanan.")
    try:
        count = recalc.apply(mechanism, start_date, end, args["tanda"], job.created_by_id)
    except LedgerError as error:
        db.session.rollback()
        raise JobFailed(str(error), outcome) from None
    db.session.commit()
    return {**outcome, "ringkasan": f"{count} entri JP dihitung ulang dan batas bulanan "
                                    "diterapkan kembali."}
