"""``flask demo load``: the ministry's units, employees, supervisors, heads and demo accounts."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from sqlalchemy import insert, select, update

from portal.auth import passwords
from portal.certificates import settings as certificate_settings
from portal.database import LEDGER_TABLES, refresh_statistics
from portal.demo import structure as s
from portal.demo.people import PeopleFactory
from portal.extensions import db
from portal.ledger.demo import add_demo_entries
from portal.models import Account, Employee, EmployeeGap, RoleGrant, Unit
from portal.plugins import registry
from portal.units.service import rebuild_paths

DEMO_PASSWORD = "demo-portal-702010"
SCALES = {
    # eselon II per eselon I, balai per eselon I, eselon III per eselon II, staff per unit
    "small": (3, 2, 0, 4),
    "ministry": (99, 99, 4, 72),
}


def _kode(prefix: str, index: int) -> str:
    return f"{prefix}.{index:02d}"


def _short(name: str) -> str:
    words = re.findall(r"[A-Z][a-z]*", name)
    return "".join(w[0] for w in words)[:6]


def _build_units(scale: str) -> list[Unit]:
    eselon2_count, balai_count, eselon3_count, _ = SCALES[scale]
    units: list[Unit] = []
    for kode, nama, eselon2, balai in s.ESELON_I:
        top = Unit(kode=kode, nama=nama, eselon="I")
        units.append(top)
        for i, name in enumerate(eselon2[:eselon2_count], start=1):
            dit = Unit(kode=_kode(kode, i), nama=name, eselon="II", parent=top)
            units.append(dit)
            for j, sub in enumerate(s.ESELON_III_NAMES[:eselon3_count], start=1):
                units.append(Unit(kode=_kode(dit.kode, j), nama=sub, eselon="III", parent=dit))
        for i, name in enumerate(balai[:balai_count], start=1):
            units.append(Unit(kode=f"{kode}.B{i:02d}", nama=name, eselon="UPT", parent=top))
    db.session.add_all(units)
    db.session.flush()
    rebuild_paths()
    return units


def _insert_people(units: list[Unit], factory: PeopleFactory, staff_per_unit: int):
    people: list[dict] = []
    head_index: dict[int, int] = {}
    staff_of: list[int] = []  # unit id per person
    for unit in units:
        head_index[unit.id] = len(people)
        people.append({**factory.head(unit.nama, unit.eselon), "unit_id": unit.id})
        staff_of.append(unit.id)
        count = staff_per_unit if unit.eselon != "I" else max(2, staff_per_unit // 4)
        for _ in range(count):
            people.append({**factory.staff(), "unit_id": unit.id})
            staff_of.append(unit.id)
    ids: list[int] = []
    for start in range(0, len(people), 2000):
        chunk = people[start:start + 2000]
        ids += list(db.session.scalars(insert(Employee).returning(Employee.id, sort_by_parameter_order=True), chunk))
    parent = {u.id: u.parent_id for u in units}
    head_id = {unit_id: ids[index] for unit_id, index in head_index.items()}
    supervisors = []
    for index, person in enumerate(people):
        unit_id = person["unit_id"]
        if head_index[unit_id] == index:
            boss = head_id.get(parent[unit_id]) if parent[unit_id] else None
        else:
            boss = head_id[unit_id]
        if boss:
            supervisors.append({"id": ids[index], "supervisor_id": boss})
    db.session.execute(update(Employee), supervisors)
    db.session.execute(update(Unit), [{"id": u, "head_id": e} for u, e in head_id.items()])
    return people, ids, head_id


def _add_gaps(ids: list[int], factory: PeopleFactory) -> int:
    rows = []
    for employee_id in ids:
        if factory.rng.random() < 0.45:
            rows += [{**gap, "employee_id": employee_id} for gap in factory.gaps()]
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(EmployeeGap), rows[start:start + 5000])
    return len(rows)


def _demo_accounts(units: list[Unit], head_id: dict[int, int]) -> list[tuple[str, str, str]]:
    """One account per role, picked by position so the choice is stable."""
    by_kode = {u.kode: u for u in units}
    bm = by_kode["BM"]
    dit = by_kode["BM.02"]
    balai = next(u for u in units if u.parent_id == bm.id and u.eselon == "UPT")
    staff = db.session.scalars(
        select(Employee).where(Employee.unit_id == balai.id, Employee.id != head_id[balai.id],
                               Employee.status_asn == "PNS").order_by(Employee.id)
    ).first()
    admin_unit_person = db.session.scalars(
        select(Employee).where(Employee.unit_id == by_kode["BM.01"].id,
                               Employee.id != head_id[by_kode["BM.01"].id]).order_by(Employee.id)
    ).first()
    sdm_staff = db.session.scalars(
        select(Employee).where(Employee.unit_id == by_kode["BPSDM.01"].id,
                               Employee.id != head_id[by_kode["BPSDM.01"].id]).order_by(Employee.id).limit(2)
    ).all()
    sdm_person, technical_person = sdm_staff[0], sdm_staff[-1]
    plain_atasan = _plain_atasan(balai, staff, head_id[balai.id])
    plan = [
        ("Admin SDM (admin_sdm)", sdm_person, [("admin_sdm", None)]),
        ("Superadmin: administrasi teknis (superadmin)", technical_person, [("superadmin", None)]),
        ("Admin unit Ditjen Bina Marga (admin_unit)", admin_unit_person, [("admin_unit", bm.id)]),
        (f"Pimpinan unit {dit.nama}", db.session.get(Employee, head_id[dit.id]), []),
        (f"Atasan dan kepala unit: kepala {balai.nama}", db.session.get(Employee, head_id[balai.id]), []),
        (f"Atasan langsung (bukan kepala unit) di {balai.nama}", plain_atasan, []),
        ("Pegawai", staff, []),
    ]
    hashed = passwords.hash_password(DEMO_PASSWORD)
    result = []
    for label, employee, grants in plan:
        account = Account(employee=employee, password_hash=hashed)
        account.grants = [RoleGrant(role=role, unit_id=unit_id) for role, unit_id in grants]
        db.session.add(account)
        result.append((label, employee.nip, employee.nama))
    return result


def _plain_atasan(balai: Unit, staff: Employee, head_id: int) -> Employee:
    """A team leader of the balai who heads no unit: the demo employee and two colleagues
    report to them, so a plain atasan's view (direct reports only) can be shown."""
    colleagues = db.session.scalars(
        select(Employee).where(Employee.unit_id == balai.id, Employee.id.not_in((head_id, staff.id)),
                               Employee.status_asn == "PNS").order_by(Employee.id).limit(3)).all()
    leader, team = colleagues[0], [staff, *colleagues[1:]]
    for member in team:
        member.supervisor_id = leader.id
    db.session.flush()
    return leader


DEMO_CERTIFICATES = 12


def _demo_certificates(rng: random.Random) -> str:
    """Certificates already issued (inside the demo's one transaction), so that verification by
    QR code works out of the box: the demo accounts' counted JP rows first, then others."""
    from portal.certificates.service import CertificateError, issue_uncommitted
    from portal.demo.accounts import admin_sdm_account
    from portal.models import LedgerEntry

    actor = admin_sdm_account()
    with_accounts = select(Account.employee_id)
    counted = (select(LedgerEntry).where(LedgerEntry.counted.is_(True), LedgerEntry.cancelled_at.is_(None),
                                         LedgerEntry.certificate_id.is_(None)))
    rows = list(db.session.scalars(counted.where(LedgerEntry.employee_id.in_(with_accounts))
                                   .order_by(LedgerEntry.id).limit(DEMO_CERTIFICATES // 2)))
    others = list(db.session.scalars(counted.where(LedgerEntry.employee_id.not_in(with_accounts))
                                     .order_by(LedgerEntry.id).limit(200)))
    rows += rng.sample(others, min(len(others), DEMO_CERTIFICATES - len(rows)))
    issued = 0
    for row in rows:
        try:
            with db.session.begin_nested():
                issue_uncommitted(row.id, actor.id if actor else None)
            issued += 1
        except CertificateError:
            continue  # a mechanism may refuse a row (e.g. no certificate for its role)
    return f"{issued} sertifikat contoh diterbitkan (verifikasi lewat kode QR)."


def _demo_signers(units: list[Unit], head_id: dict[int, int]) -> None:
    """Certificates and reports are signed by invented demo people (settings, audited), never
    by a real official: the head of the demo BPSDM signs certificates, an HR clerk reports."""
    by_kode = {u.kode: u for u in units}
    head = db.session.get(Employee, head_id[by_kode["BPSDM"].id])
    clerk = db.session.scalars(select(Employee).where(
        Employee.unit_id == by_kode["BPSDM.01"].id, Employee.id != head_id[by_kode["BPSDM.01"].id])
        .order_by(Employee.id.desc())).first()
    certificate_settings.save({"certificate.signer_name": head.nama, "certificate.signer_nip": head.nip,
                               "report.pengelola_name": clerk.nama, "report.pengelola_nip": clerk.nip}, None)


def load(scale: str, seed: int, echo: Callable[[str], None] = print,
         plugins: set[str] | None = None) -> list[str]:
    """Create the demo data in one transaction; return summary lines. ``plugins`` limits the
    mechanisms whose demo records are added (all installed ones by default)."""
    rng = random.Random(seed)
    factory = PeopleFactory(rng)
    _, _, _, staff_per_unit = SCALES[scale]
    units = _build_units(scale)
    echo(f"{len(units)} unit dibuat.")
    people, ids, head_id = _insert_people(units, factory, staff_per_unit)
    echo(f"{len(people)} pegawai dibuat.")
    gaps = _add_gaps(ids, factory)
    accounts = _demo_accounts(units, head_id)
    db.session.flush()
    _demo_signers(units, head_id)
    lines = [f"{gaps} kesenjangan kompetensi dibuat.", add_demo_entries(rng, scale)]
    for slug in _demo_order(plugins):
        if summary := registry().call_one(slug, "portal_demo_data", rng=rng, scale=scale):
            lines.append(f"[{slug}] {summary}")
    lines.append(_demo_certificates(rng))
    db.session.commit()
    refresh_statistics(["unit", "employee", "employee_gap", "account", *LEDGER_TABLES], len(people))
    return lines + _account_lines(accounts)


def _demo_order(plugins: set[str] | None) -> list[str]:
    """The plugins whose demo data to add, placements last: a failed placement blocks its
    participant from every programme (MG-10), which must not stop another plugin's demo from
    enrolling the same person earlier in the story."""
    placements = set(registry().implementers("portal_placement_kinds"))
    slugs = [slug for slug in registry().implementers("portal_demo_data") if plugins is None or slug in plugins]
    return sorted(slugs, key=lambda slug: slug in placements)


def _account_lines(accounts: list[tuple[str, str, str]]) -> list[str]:
    lines = ["", f"Akun contoh (kata sandi untuk semua: {DEMO_PASSWORD}):"]
    for label, nip, nama in accounts:
        lines.append(f"  NIP {nip}  {nama} — {label}")
    return lines


def existing_demo_accounts() -> list[str]:
    """Demo sign-ins of an already loaded database (accounts that still use the demo password)."""
    accounts = db.session.scalars(select(Account).order_by(Account.id).limit(20))
    found = [(", ".join(sorted(a.roles)), a.employee.nip, a.employee.nama)
             for a in accounts if passwords.verify(a.password_hash, DEMO_PASSWORD)]
    return _account_lines(found) if found else []
