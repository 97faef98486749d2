"""Where a person joins an outbound programme (``portal_join_steps``): the organiser adds them
as participant (:func:`portal_outbound.workflow.add_participant`, the core's eligibility gate)."""

from __future__ import annotations

import datetime as dt

from portal.sdk import Account, Employee, JoinStep
from portal_outbound import workflow
from portal_outbound.jp import ACTIVITIES, GOALS, SLUG


def _add(employee: Employee, actor: Account, on_date: dt.date):
    values = {"judul": "Outbound tim unit", "tanggal_mulai": on_date, "tanggal_selesai": on_date,
              "tempat": "Bumi perkemahan", "fasilitator": "Fasilitator internal",
              "tujuan": list(GOALS)[:3], "kegiatan": list(ACTIVITIES)[:2],
              "rangkaian": "Ice breaking, permainan tim dan diskusi refleksi.", "sumber_dana": "apbn"}
    programme = workflow.save_programme(None, employee.unit, values, actor)
    return workflow.add_participant(programme, employee, actor=actor)


def join_steps() -> list[JoinStep]:
    return [JoinStep("peserta", "Ditambahkan sebagai peserta program outbound", SLUG, _add)]
