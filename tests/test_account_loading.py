"""Issue 21 item 2: every signed-in page starts by loading the account. It comes in one SQL
statement with its employee and unit, its granted roles and their units, and whether it has
direct reports (atasan) or heads a unit (pimpinan unit); only a unit head's scope pages ask
one more statement, for the paths of the units headed."""

from __future__ import annotations

from sqlalchemy import select

from portal.auth_loader import _load
from portal.extensions import db
from portal.models import Account
from portal.testing import sql_statements


def _token(employee) -> str:
    employee_id = db.session.merge(employee).id
    return db.session.scalar(select(Account.session_token).where(Account.employee_id == employee_id))


def _loaded(employee) -> tuple[int, Account]:
    token = _token(employee)
    db.session.expunge_all()
    with sql_statements() as statements:
        account = _load(token)
        account.roles, account.employee.unit.nama, account.admin_unit_paths  # noqa: B018 - read them
    return len(statements), account


def test_a_signed_in_account_with_its_unit_roles_and_grants_is_one_statement(app, two_units):
    a = two_units["A"]
    with app.test_request_context():
        top_path = db.session.merge(a["top"]).path
        cases = {"staff": ({"pegawai"}, "A.01"), "atasan": ({"pegawai", "atasan", "pimpinan_unit"}, "A.01"),
                 "head": ({"pegawai", "atasan", "pimpinan_unit"}, "A"),
                 "admin": ({"pegawai", "admin_unit"}, "A.01")}
        for who, (roles, unit) in cases.items():
            count, account = _loaded(a[who])
            assert count == 1, who
            assert account.roles == roles, who
            assert account.employee.unit.kode == unit, who
        _count, admin = _loaded(a["admin"])
        assert admin.admin_unit_paths == (top_path,)


def test_the_units_a_head_leads_are_asked_only_of_a_unit_head(app, two_units):
    a = two_units["A"]
    with app.test_request_context():
        _count, staff = _loaded(a["staff"])
        with sql_statements() as statements:
            assert staff.headed_unit_paths == ()
        assert statements == []
        sub_path = db.session.merge(a["sub"]).path
        _count, head = _loaded(a["atasan"])
        with sql_statements() as statements:
            assert head.headed_unit_paths == (sub_path,)
        assert len(statements) == 1


def test_a_disabled_account_or_an_unknown_token_signs_no_one_in(app, two_units):
    staff = two_units["A"]["staff"]
    with app.test_request_context():
        token = _token(staff)
        assert _load("no-such-token") is None
        db.session.scalar(select(Account).where(Account.session_token == token)).is_enabled = False
        db.session.commit()
        assert _load(token) is None
