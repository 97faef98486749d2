"""The report kinds: how each reads its filters and builds its :class:`Report`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal.reports import mechanism, params, recap, transcript
from portal.reports.model import Report


@dataclass(frozen=True)
class Kind:
    slug: str
    title: str
    description: str
    build: Callable[[], tuple[Report, dict]]
    needs_unit: bool


def _transcript() -> tuple[Report, dict]:
    employee, year = params.employee(), params.year()
    return transcript.build(employee, year), {"pegawai": employee.id, "tahun": year}


def _recap() -> tuple[Report, dict]:
    unit, period = params.unit(), params.period()
    return recap.build(unit, period), {"unit": unit.id, "dari": period.start.isoformat(),
                                       "sampai": period.end.isoformat()}


def _mechanism() -> tuple[Report, dict]:
    unit, period, slug = params.unit(), params.period(), params.mechanism()
    return mechanism.build(unit, period, slug), {"unit": unit.id, "dari": period.start.isoformat(),
                                                 "sampai": period.end.isoformat(), "mekanisme": slug}


KINDS = {
    "transkrip": Kind("transkrip", "Transkrip JP pegawai",
                      "Semua catatan JP seorang pegawai dalam setahun, komposisi 70:20:10 dan target.",
                      _transcript, False),
    "rekap": Kind("rekap", "Rekapitulasi unit",
                  "JP per pegawai suatu unit dalam satu periode, per model dan per bentuk kegiatan.",
                  _recap, True),
    "mekanisme": Kind("mekanisme", "Laporan mekanisme",
                      "Laporan satu mekanisme untuk suatu unit dan periode.",
                      _mechanism, True),
}
