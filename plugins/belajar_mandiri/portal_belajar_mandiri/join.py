"""Where a person joins belajar mandiri (``portal_join_steps``): the participant unit proposes
them (Tabel 6 persiapan 1–2, once it is in their agreed development plan;
:func:`portal_belajar_mandiri.workflow.propose`), through the core's eligibility gate."""

from __future__ import annotations

import datetime as dt

from portal.sdk import Account, Employee, JoinStep
from portal_belajar_mandiri import workflow
from portal_belajar_mandiri.demo import _agreed_plan as agreed_plan
from portal_belajar_mandiri.jp import SLUG


def _propose(employee: Employee, actor: Account, on_date: dt.date):
    agreed_plan(employee, on_date.year, "Manajemen aset")  # BM-01: in the agreed plan
    return workflow.propose(employee, {"kompetensi": "Manajemen aset", "tujuan": "",
                                       "tanggal_mulai": on_date,
                                       "tanggal_selesai": on_date + dt.timedelta(days=30)}, actor)


def join_steps() -> list[JoinStep]:
    return [JoinStep("usulan", "Diusulkan untuk belajar mandiri", SLUG, _propose)]
