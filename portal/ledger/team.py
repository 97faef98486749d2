"""Team and unit compliance: counted JP per employee for a year, aggregated in SQL.

Every figure comes from the maintained rollup (``jp_ledger_year``: one row per employee and
year, kept with every ledger write by :mod:`portal.ledger.rollup`) joined to the employees the
user may see. Nothing reads the ledger's rows and nothing loops over them in Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select, true, union

from portal import audit_cache
from portal.extensions import db
from portal.ledger.models import LedgerYear
from portal.ledger.numbers import jp_number
from portal.ledger.service import target_for
from portal.models import Account, Employee, Unit
from portal.scope import viewable_units

BUCKETS = (("0", "0 JP"), ("1-9", "1–9 JP"), ("10-19", "10–19 JP"), ("20+", "≥ 20 JP"))
SORTS = {
    "jp": "JP terendah",
    "-jp": "JP tertinggi",
    "nama": "Nama",
    "unit": "Unit",
}


@dataclass(frozen=True)
class TeamFilter:
    year: int
    unit: Unit | None = None
    status_asn: str = ""
    jenis_jabatan: str = ""
    sort: str = "jp"
    behind_only: bool = True


def listed_ancestor(path: str, listed: dict):
    """The value of the first of ``path``'s units (``/1/5/9/`` → ``/1/``, ``/1/5/``, …) that
    ``listed`` holds, keyed by unit path; None when none is."""
    end = 0
    while (end := path.find("/", end + 1)) != -1:
        if (found := listed.get(path[:end + 1])) is not None:
            return found
    return None


def ancestor_finder(listed: dict) -> Callable[[str], object | None]:
    """:func:`listed_ancestor` for many rows: each distinct unit path (a few hundred in the
    ministry) is looked up once, not once per employee (26,000)."""
    return cache(lambda path: listed_ancestor(path, listed))


def team_scope(user: Account) -> ColumnElement[bool]:
    """Employees on the user's team page (Employee joined to Unit): direct reports for an
    atasan, unit subtrees for pimpinan_unit/admin_unit, the ministry for admin SDM."""
    if user.is_ministry_wide:
        return true()
    # Ids, not an OR over every employee: the direct reports (index on supervisor_id) UNION the
    # people of the units under the user's paths (index on unit_id; the unit table is small),
    # so a 365-person team costs like 365 people, not like the ministry.
    reports = select(Employee.id).where(Employee.supervisor_id == user.employee_id)
    paths = user.admin_unit_paths + user.headed_unit_paths
    if not paths:
        return Employee.id.in_(reports)
    units = select(Unit.id).where(viewable_units(user))
    return Employee.id.in_(union(reports, select(Employee.id).where(Employee.unit_id.in_(units))))


def _employee_filter(user: Account, flt: TeamFilter) -> list[ColumnElement[bool]]:
    """Conditions on Employee joined to Unit: the user's scope and the page's filters."""
    conditions = [team_scope(user)]
    if flt.unit is not None:
        conditions.append(Unit.path.startswith(flt.unit.path, autoescape=True))
    if flt.status_asn:
        conditions.append(Employee.status_asn == flt.status_asn)
    if flt.jenis_jabatan:
        conditions.append(Employee.jenis_jabatan == flt.jenis_jabatan)
    return conditions


def _jp_per_employee(year: int, employees=None):
    """Counted JP per employee in ``year`` from the maintained rollup (one row per employee and
    year, :mod:`portal.ledger.rollup`), optionally only for ``employees`` (a subquery of ids)."""
    query = (select(LedgerYear.employee_id.label("employee_id"), LedgerYear.jp.label("jp"),
                    LedgerYear.jp70.label("jp70"), LedgerYear.jp20.label("jp20"),
                    LedgerYear.jp10.label("jp10"))
             .where(LedgerYear.year == year))
    if employees is not None:
        query = query.where(LedgerYear.employee_id.in_(employees))
    return query.subquery("jp_sum")


def targets(year: int):
    return target_for("PNS", year), target_for("PPPK", year)


def employee_rows(user: Account, flt: TeamFilter) -> Select:
    """One row per employee in scope: identity, unit, JP (total and per model), target."""
    conditions = _employee_filter(user, flt)
    in_scope = select(Employee.id).join(Unit, Employee.unit_id == Unit.id).where(*conditions)
    ministry = user.is_ministry_wide and flt.unit is None  # most employees: no semi-join
    sums = _jp_per_employee(flt.year, None if ministry else in_scope)
    target_pns, target_pppk = targets(flt.year)
    jp = func.coalesce(sums.c.jp, 0)
    target = case((Employee.status_asn == "PPPK", literal(target_pppk)), else_=literal(target_pns))
    return (
        select(Employee.id, Employee.nama, Employee.nip, Employee.status_asn,
               Employee.jenis_jabatan, Employee.jabatan, Unit.nama.label("unit_nama"),
               Unit.kode.label("unit_kode"), Unit.path.label("unit_path"), jp.label("jp"),
               func.coalesce(sums.c.jp70, 0).label("jp70"),
               func.coalesce(sums.c.jp20, 0).label("jp20"),
               func.coalesce(sums.c.jp10, 0).label("jp10"), target.label("target"))
        .join(Unit, Employee.unit_id == Unit.id)
        .outerjoin(sums, sums.c.employee_id == Employee.id)
        .where(*conditions)
    )


def scope_rows(user: Account, flt: TeamFilter) -> Select:
    """The whole scope for the early warning and the unit bars: only ``id``, ``jp``, ``target``
    and ``unit_path`` per employee (the ministry is 26,000 rows: no names or titles fetched)."""
    full = employee_rows(user, flt).subquery("team")
    return select(full.c.id, full.c.jp, full.c.target, full.c.unit_path)


def behind_list(user: Account, flt: TeamFilter) -> Select:
    """``employee_rows`` filtered to those below target (unless ``behind_only`` is off), sorted."""
    rows = employee_rows(user, flt).subquery("team")
    query = select(rows)
    if flt.behind_only:
        query = query.where(rows.c.jp < rows.c.target)
    order = {
        "jp": (rows.c.jp.asc(), rows.c.nama),
        "-jp": (rows.c.jp.desc(), rows.c.nama),
        "nama": (rows.c.nama, rows.c.id),
        "unit": (rows.c.unit_kode, rows.c.nama),
    }[flt.sort if flt.sort in SORTS else "jp"]
    return query.order_by(*order, rows.c.id)


def figures(rows) -> list:
    """The aggregate columns of the summary over ``rows`` (a subquery of :func:`employee_rows`):
    head count, at target, JP buckets and the JP of each model — summed by :func:`statistics`,
    and per unit and status by :mod:`portal.ledger.scope_summary`."""
    jp = rows.c.jp

    def count_if(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    return [
        func.count().label("employees"),
        count_if(jp >= rows.c.target).label("on_target"),
        count_if(jp <= 0).label("b0"),
        count_if(and_(jp > 0, jp < 10)).label("b1"),
        count_if(and_(jp >= 10, jp < 20)).label("b10"),
        count_if(jp >= 20).label("b20"),
        func.coalesce(func.sum(jp), 0).label("jp"),
        func.coalesce(func.sum(rows.c.jp70), 0).label("jp70"),
        func.coalesce(func.sum(rows.c.jp20), 0).label("jp20"),
        func.coalesce(func.sum(rows.c.jp10), 0).label("jp10"),
    ]


FIGURES = ("employees", "on_target", "b0", "b1", "b10", "b20", "jp", "jp70", "jp20", "jp10")


def figures_dict(values: dict, year: int) -> dict:
    """The statistics shown from summed :func:`figures` (``{"employees": n, …}``)."""
    employees = values["employees"] or 0
    buckets = dict(zip((key for key, _ in BUCKETS),
                       (values["b0"], values["b1"], values["b10"], values["b20"]), strict=True))
    target_pns, target_pppk = targets(year)
    return {
        "employees": employees,
        "on_target": values["on_target"],
        "on_target_share": round(100 * values["on_target"] / employees, 1) if employees else 0,
        "buckets": {key: int(value) for key, value in buckets.items()},
        "total_jp": jp_number(values["jp"]),
        "by_model": {"70": jp_number(values["jp70"]), "20": jp_number(values["jp20"]),
                     "10": jp_number(values["jp10"])},
        "target_pns": target_pns,
        "target_pppk": target_pppk,
    }


def statistics(user: Account, flt: TeamFilter) -> dict:
    """Head count, share at/above target, JP distribution buckets and the 70:20:10 mix."""
    rows = employee_rows(user, flt).subquery("team")
    return figures_dict(dict(db.session.execute(select(*figures(rows))).one()._mapping), flt.year)


def scope_key(user: Account, flt: TeamFilter) -> tuple:
    """Who sees the same figures: the same scope (the ministry, or these unit paths and direct
    reports) and the same filter (a key for :mod:`portal.audit_cache`)."""
    scope = ("ministry",) if user.is_ministry_wide else (
        user.employee_id, tuple(sorted(user.admin_unit_paths + user.headed_unit_paths)))
    return (scope, flt.year, flt.unit.id if flt.unit else None, flt.status_asn, flt.jenis_jabatan)


def kept_statistics(user: Account, flt: TeamFilter) -> dict:
    """:func:`statistics`, kept while nothing audited changes (the API's unit compliance)."""
    return audit_cache.cached(("statistics", *scope_key(user, flt)), lambda: statistics(user, flt))


def filter_units(user: Account) -> list[Unit]:
    """Units offered in the unit filter: the user's own subtrees' roots and every eselon I/II
    unit within them (deeper units are reached through ``?unit=<id>``)."""
    if not user.is_ministry_wide and not (user.admin_unit_paths or user.headed_unit_paths):
        return []
    roots = user.admin_unit_paths + user.headed_unit_paths
    query = select(Unit).where(viewable_units(user))
    if user.is_ministry_wide:
        query = query.where(Unit.eselon.in_(("I", "II")))
    else:
        query = query.where(or_(Unit.eselon.in_(("I", "II")), Unit.path.in_(roots)))
    return list(db.session.scalars(query.order_by(Unit.kode).limit(3000)))


def can_filter_unit(user: Account, unit: Unit) -> bool:
    if user.is_ministry_wide:
        return True
    return any(unit.path.startswith(path) for path in user.admin_unit_paths + user.headed_unit_paths)
