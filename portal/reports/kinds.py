"""The report kinds: how each reads its filters (in a request, within the user's scope) and
builds its :class:`Report` from the filters' values (in a request or in a background job)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from flask import abort

from portal.extensions import db
from portal.models import Employee, Unit
from portal.reports import mechanism, params, recap, transcript
from portal.reports.model import Report
from portal.types import ReportPeriod


@dataclass(frozen=True)
class Kind:
    slug: str
    title: str
    description: str
    read: Callable[[], dict]  # the request's filters, checked against the user's scope
    from_args: Callable[[dict], Report]  # JSON-safe values, as ``read`` returns them
    needs_unit: bool

    def build(self) -> tuple[Report, dict]:
        args = self.read()
        return self.from_args(args), args


def _found(model, key):
    found = db.session.get(model, key)
    if found is None:  # deleted since the filters were read
        abort(404)
    return found


def _period(args: dict) -> ReportPeriod:
    return ReportPeriod(dt.date.fromisoformat(args["dari"]), dt.date.fromisoformat(args["sampai"]))


def _unit_period() -> dict:
    unit, period = params.unit(), params.period()
    return {"unit": unit.id, "dari": period.start.isoformat(), "sampai": period.end.isoformat()}


def _transcript() -> dict:
    return {"pegawai": params.employee().id, "tahun": params.year()}


def _mechanism() -> dict:
    return {**_unit_period(), "mekanisme": params.mechanism()}


KINDS = {
    "transkrip": Kind("transkrip", "Transkrip JP pegawai",
                      "Semua catatan JP seorang pegawai dalam setahun, komposisi 70:20:10 dan target.",
                      _transcript,
                      lambda a: transcript.build(_found(Employee, a["pegawai"]), a["tahun"]),
                      False),
    "rekap": Kind("rekap", "Rekapitulasi unit",
                  "JP per pegawai suatu unit dalam satu periode, per model dan per bentuk kegiatan.",
                  _unit_period, lambda a: recap.build(_found(Unit, a["unit"]), _period(a)),
                  True),
    "mekanisme": Kind("mekanisme", "Laporan mekanisme",
                      "Laporan satu mekanisme untuk suatu unit dan periode.",
                      _mechanism,
                      lambda a: mechanism.build(_found(Unit, a["unit"]), _period(a), a["mekanisme"]),
                      True),
}
