"""Pages of the JP ledger: Pengembangan Saya (/jp/saya), Tim & unit (/jp/tim) and its export,
and the home-page card."""

from __future__ import annotations

from types import SimpleNamespace

from flask import Blueprint, abort, current_app, request
from flask_login import current_user

from portal import audit_cache
from portal.access import MANAGERS, ROLES, access
from portal.clock import today
from portal.exports import download, xlsx_response
from portal.extensions import db, limiter
from portal.i18n import tanggal
from portal.ledger import charts, progress, service, team
from portal.ledger.export import team_workbook
from portal.ledger.numbers import jp_number
from portal.ledger.paging import paginate_rows
from portal.ledger.params import year_arg
from portal.ledger.projection import BADGES as PROJECTION_BADGES
from portal.ledger.projection import LABELS as PROJECTION_LABELS
from portal.ledger.projection import METHOD, Outlook, UnitOutlook, outlook, risk_factor
from portal.ledger.projection import for_employee as project_one
from portal.ledger.scope_summary import summarise
from portal.mechanisms.catalogue import (
    MODEL_LABELS,
    activity_label,
    mechanism_choices,
    mechanism_title,
    role_label,
)
from portal.models import Unit
from portal.models.employee import JENIS_JABATAN, JENIS_JABATAN_LABELS, STATUS_ASN
from portal.pagination import arg, int_arg, page_number
from portal.web import render

bp = Blueprint("jp", __name__, url_prefix="/jp")

HISTORY_STATES = {"dihitung": "Dihitung", "tidak": "Tidak dihitung", "batal": "Dibatalkan"}


@bp.app_template_global("jp_labels")
def jp_labels() -> dict:
    """Display names for ledger templates (also used by plugins' templates)."""
    return {"mechanism": mechanism_title, "activity": activity_label, "role": role_label,
            "model": MODEL_LABELS, "jp": jp_number}


@bp.app_template_global("jp_home_card")
def jp_home_card() -> dict | None:
    """This year's JP of the signed-in user against the target, for the home page."""
    if not current_user.is_authenticated:
        return None
    summary = service.year_summary(current_user.employee_id, today().year)
    return {**summary, "mix": charts.model_mix(summary["by_model"])}


def _history_filters(mechanisms: set[str]) -> tuple[str, str]:
    mechanism = arg("mekanisme", tuple(sorted(mechanisms)))
    state = arg("status", tuple(HISTORY_STATES))
    return mechanism, state


@bp.route("/saya")
@access(*ROLES)
def mine():
    year = year_arg()
    employee = current_user.employee
    summary = service.year_summary(employee.id, year)
    choices = mechanism_choices()
    mechanism, state = _history_filters({slug for slug, _ in choices})
    query = service.entries(
        employee.id, year, mechanism or None,
        counted={"dihitung": True, "tidak": False}.get(state),
        cancelled=True if state == "batal" else None,
    )
    page = db.paginate(query, page=page_number(), per_page=current_app.config["PORTAL_PAGE_SIZE"],
                       error_out=False)
    years = sorted(set(service.entry_years(employee.id)) | {today().year, year}, reverse=True)
    months = today().month if year == today().year else 12
    cumulative = progress.cumulative_chart(progress.cumulative_by_month(employee.id, year),
                                           summary["target_jp"], months)
    args = _clean({"tahun": year, "mekanisme": mechanism, "status": state})
    projection = None
    if year >= today().year:  # a past year is settled: its figures say it all
        projection = project_one(employee, year, today(), summary["total_jp"])
    return render(
        "ledger/mine.html", projection=projection,
        method=METHOD.format(factor=jp_number(risk_factor(year))), block="history",
        employee=employee, year=year, years=years, summary=summary,
        mix=charts.model_mix(summary["by_model"]), choices=choices, mechanism=mechanism,
        state=state, states=HISTORY_STATES, page=page, args=args, is_current=year == today().year,
        cumulative=cumulative,
    )


def _team_filter() -> team.TeamFilter:
    unit = None
    unit_id = int_arg("unit")
    if request.args.get("unit") and unit_id is None:
        abort(404)
    if unit_id is not None:
        unit = db.session.get(Unit, unit_id)
        if unit is None or not team.can_filter_unit(current_user, unit):
            abort(404)
    return team.TeamFilter(
        year=year_arg(),
        unit=unit,
        status_asn=arg("status", STATUS_ASN),
        jenis_jabatan=arg("jabatan", JENIS_JABATAN),
        sort=arg("urut", tuple(team.SORTS)) or "jp",
        behind_only=arg("tampil", ("semua", "kurang")) != "semua",
    )


def _clean(args: dict) -> dict:
    """Query arguments without empty values (for links)."""
    return {key: value for key, value in args.items() if value not in ("", None)}


def _team_args(flt: team.TeamFilter) -> dict:
    return _clean({"tahun": flt.year, "unit": flt.unit.id if flt.unit else "", "status": flt.status_asn,
            "jabatan": flt.jenis_jabatan, "urut": flt.sort,
            "tampil": "kurang" if flt.behind_only else "semua"})


@bp.route("/tim")
@access(*MANAGERS)
def team_page():
    flt = _team_filter()
    overview = audit_cache.cached(
        _overview_key(flt), lambda: _overview(flt, progress.overview_units(current_user, flt)))
    stats = overview["stats"]
    number = page_number()
    page, listed = audit_cache.cached((*_overview_key(flt), flt.sort, flt.behind_only, number),
                                         lambda: _listed(flt, stats, number, overview["outlook"]))
    ahead = None
    if overview["outlook"] is not None:
        ahead = Outlook(overview["outlook"].counts, listed, overview["outlook"].units)
    return render(
        "ledger/team.html", block="team_list", flt=flt, stats=stats, page=page, args=_team_args(flt),
        units=audit_cache.cached(("filter-units", team.scope_key(current_user, flt)[0]), _filter_units),
        sorts=team.SORTS,
        statuses=STATUS_ASN, jenis=JENIS_JABATAN_LABELS, buckets=team.BUCKETS,
        bucket_bars=charts.buckets_chart(stats["buckets"], team.BUCKETS), outlook=ahead,
        unit_outlook=_sorted_units(ahead), unit_sort=arg("urut_unit", UNIT_SORTS) or "risiko",
        method=METHOD.format(factor=jp_number(risk_factor(flt.year))),
        labels=PROJECTION_LABELS, badges=PROJECTION_BADGES,
        mix=charts.model_mix(stats["by_model"]), unit_bars=overview["unit_bars"],
        years=sorted({*range(today().year, today().year - 6, -1), flt.year}, reverse=True),
    )


def _overview_key(flt: team.TeamFilter) -> tuple:
    """Who sees the same whole-scope figures: the same scope and filter, the same day."""
    return ("tim", *team.scope_key(current_user, flt), today())


def _overview(flt: team.TeamFilter, units: list) -> dict:
    """The whole scope's figures from one aggregate query (kept by audit_cache: plain values
    only, no database objects)."""
    found = summarise(current_user, flt, units, today())
    ahead = found.outlook
    if ahead is not None:
        ahead = Outlook(ahead.counts, {}, [_detached(item) for item in ahead.units])
    bars = [{**bar, "unit": _unit_values(bar["unit"])} for bar in found.unit_bars]
    return {"stats": found.stats, "outlook": ahead, "unit_bars": bars}


def _listed(flt: team.TeamFilter, stats: dict, number: int, ahead: Outlook | None) -> tuple:
    """One page of the list and its projections (plain rows and values, kept like the
    overview: the same audit-bound key, plus the sort and the page)."""
    total = stats["employees"] - (stats["on_target"] if flt.behind_only else 0)
    page = paginate_rows(team.behind_list(current_user, flt), number,
                         current_app.config["PORTAL_PAGE_SIZE"], total=total)
    listed = outlook(page.items, flt.year, today()).by_employee if ahead is not None else {}
    return page, listed


def _filter_units() -> list[SimpleNamespace]:
    """The unit filter's choices (plain values: kept per scope like the figures)."""
    return [_unit_values(unit) for unit in team.filter_units(current_user)]


def _unit_values(unit) -> SimpleNamespace:
    return SimpleNamespace(id=unit.id, kode=unit.kode, nama=unit.nama, path=unit.path)


def _detached(item: UnitOutlook) -> UnitOutlook:
    return UnitOutlook(_unit_values(item.unit), item.employees, item.at_risk, item.will_miss)


UNIT_SORTS = ("risiko", "unit", "pegawai")


def _outlook(flt: team.TeamFilter, units: list, detail=(), rows=None) -> Outlook | None:
    """The early warning of the whole scope (not only the listed page: projections in full
    for ``detail``); none for a past year."""
    if flt.year < today().year:
        return None
    if rows is None:
        rows = db.session.execute(team.scope_rows(current_user, flt)).all()
    return outlook(rows, flt.year, today(), units, detail)


def _sorted_units(ahead: Outlook | None) -> list:
    if ahead is None:
        return []
    key = {"unit": lambda u: u.unit.kode, "pegawai": lambda u: -u.employees,
           "risiko": lambda u: (-u.share, u.unit.kode)}[arg("urut_unit", UNIT_SORTS) or "risiko"]
    return sorted(ahead.units, key=key)


@bp.route("/tim/proyeksi-unit.xlsx")
@access(*MANAGERS)
@limiter.limit("10 per minute")
def unit_outlook_export():
    """The early warning per unit as a spreadsheet (Tim & Unit, the ministry view by eselon I)."""
    flt = _team_filter()
    units = progress.overview_units(current_user, flt)
    ahead = _outlook(flt, units)
    rows = [(u.unit.kode, u.unit.nama, u.employees, u.at_risk, u.will_miss, u.share)
            for u in _sorted_units(ahead)]
    return xlsx_response(f"proyeksi-unit-{flt.year}.xlsx", f"Proyeksi {flt.year} per unit",
                         ("Kode unit", "Unit", "Pegawai", "Berisiko", "Akan tertinggal",
                          "% berisiko atau tertinggal"), rows)


@bp.route("/tim/ekspor.xlsx")
@access(*MANAGERS)
@limiter.limit("10 per minute")
def team_export():
    flt = _team_filter()
    rows = db.session.execute(
        team.behind_list(current_user, flt).execution_options(yield_per=2000))
    scope = f"unit {flt.unit.nama}" if flt.unit else "seluruh lingkup Anda"
    which = "belum memenuhi target" if flt.behind_only else "semua pegawai"
    title = f"JP pegawai tahun {flt.year}, {which}, {scope} — diunduh {tanggal(today())}"
    data = team_workbook(title, rows)
    name = f"jp-tim-{flt.year}.xlsx"
    return download(data, name)
