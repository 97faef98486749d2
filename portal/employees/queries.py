"""The employee list query with its filters, shared by the page and the XLSX export."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import contains_eager

from portal.extensions import db
from portal.models import Account, Employee, Unit
from portal.models.employee import JENIS_JABATAN, STATUS_ASN
from portal.pagination import arg
from portal.scope import viewable_employees


@dataclass
class EmployeeFilters:
    q: str = ""
    unit: str = ""
    status: str = ""
    jenis: str = ""

    @classmethod
    def from_request(cls) -> EmployeeFilters:
        return cls(arg("q"), arg("unit", max_length=30), arg("status", STATUS_ASN),
                   arg("jenis", JENIS_JABATAN))

    def as_args(self) -> dict:
        return {k: v for k, v in vars(self).items() if v}


def employee_query(user: Account, filters: EmployeeFilters) -> Select:
    # The unit comes with the employee (the list shows its name): one query, not one per unit.
    query = (select(Employee).join(Unit, Employee.unit_id == Unit.id)
             .options(contains_eager(Employee.unit)).where(viewable_employees(user)))
    if filters.q:
        digits = "".join(ch for ch in filters.q if ch.isdigit())
        conditions = [func.lower(Employee.nama).like(f"%{filters.q.lower()}%")]
        if len(digits) >= 4:
            conditions.append(Employee.nip.startswith(digits))
        query = query.where(or_(*conditions))
    if filters.unit:
        unit = db.session.scalar(select(Unit).where(Unit.kode == filters.unit))
        query = query.where(Unit.path.startswith(unit.path, autoescape=True)) if unit else query.where(false())
    if filters.status:
        query = query.where(Employee.status_asn == filters.status)
    if filters.jenis:
        query = query.where(Employee.jenis_jabatan == filters.jenis)
    return query.order_by(Employee.nama, Employee.id)
