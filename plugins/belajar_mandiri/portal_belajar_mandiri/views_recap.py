"""The HR unit's recap of monitoring and reports, and the institution-level report (BM-04)."""

from __future__ import annotations

from sqlalchemy import select

from portal.sdk import (
    SDM,
    Routes,
    Unit,
    access,
    arg,
    db,
    flash_and,
    int_arg,
    redirect_to,
    render,
    report_download,
    today,
)
from portal_belajar_mandiri import reports

routes = Routes()

KINDS = ("rekap", "lembaga")


def _filters():
    year = int_arg("tahun") or today().year
    if not 2000 <= year <= today().year + 1:
        year = today().year
    unit_id = int_arg("unit")
    unit = db.session.get(Unit, unit_id) if unit_id else None
    return year, unit


def _build(kind: str, year: int, unit: Unit | None):
    period = reports.year_period(year)
    return reports.institution(period) if kind == "lembaga" else reports.recap(unit, period)


@routes.route("/rekap")
@access(*SDM)
def recap():
    year, unit = _filters()
    units = list(db.session.scalars(select(Unit).where(Unit.eselon.in_(("I", "II")))
                                    .order_by(Unit.path).limit(500)))
    args = {"tahun": year, "unit": unit.id if unit else ""}
    return render("belajar_mandiri/recap.html", recap=_build("rekap", year, unit),
                  institution=_build("lembaga", year, None), units=units, year=year, unit=unit,
                  args=args)


@routes.route("/rekap.<any(pdf, xlsx):fmt>")
@access(*SDM)
def recap_export(fmt: str):
    year, unit = _filters()
    report = _build(arg("jenis", KINDS) or "rekap", year, unit)
    return report_download(report, fmt, flash_and(lambda: redirect_to("belajar_mandiri.recap", tahun=year)))
