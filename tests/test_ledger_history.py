"""The ledger and the activity's date: the circular's effective date (§O, PRA-SE) and the
MG-10/PT-08 development block (workflow credits refused, imported history flagged)."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.extensions import db
from portal.ledger.history import EFFECTIVE_DATE, block_flag
from portal.ledger.service import LedgerError, credit
from portal.placements.models import DevelopmentBlock
from portal.testing import People
from tests.ledger_helpers import community_plugin, participation


@pytest.fixture
def lapp(make_app):
    app = make_app(plugins=[community_plugin()])
    with app.app_context():
        yield app


@pytest.fixture
def employee(lapp):
    people = People()
    unit = people.unit("H", "Direktorat H", eselon="II")
    return people.person(unit, nama="Pegawai Riwayat")


def _block(employee, starts_on, cleared_on=None, rule="MG-10"):
    block = DevelopmentBlock(employee_id=employee.id, rule_id=rule, reason="Tidak lulus magang",
                             starts_on=starts_on, ends_on=starts_on, cleared_on=cleared_on)
    db.session.add(block)
    db.session.commit()
    return block


def test_a_workflow_activity_dated_while_the_mg10_block_was_in_force_is_not_credited(employee):
    _block(employee, dt.date(2026, 2, 1))
    with pytest.raises(LedgerError, match="MG-10"):
        credit(participation(employee.id, "diskusi_permasalahan", "peserta",
                             on_date=dt.date(2026, 3, 10)))


def test_a_workflow_activity_before_the_block_or_after_its_clearing_is_credited(employee):
    _block(employee, dt.date(2026, 2, 1), cleared_on=dt.date(2026, 3, 1), rule="PT-08")
    before = credit(participation(employee.id, "diskusi_permasalahan", "peserta",
                                  on_date=dt.date(2026, 1, 20), reference="a"))
    after = credit(participation(employee.id, "diskusi_permasalahan", "peserta",
                                 on_date=dt.date(2026, 3, 2), reference="b"))
    assert before.counted and after.counted and before.flag == after.flag == ""
    with pytest.raises(LedgerError, match="PT-08"):
        credit(participation(employee.id, "diskusi_permasalahan", "peserta",
                             on_date=dt.date(2026, 2, 15), reference="c"))


def test_imported_history_dated_during_a_block_is_credited_as_recorded_but_flagged(employee):
    _block(employee, dt.date(2026, 2, 1))
    entry = credit(participation(employee.id, "diskusi_permasalahan", "peserta",
                                 on_date=dt.date(2026, 3, 10), source="import"))
    assert entry.counted
    assert "MG-10" in entry.flag and entry.flag == block_flag(employee.id, dt.date(2026, 3, 10))
    assert block_flag(employee.id, dt.date(2026, 1, 10)) == ""


def test_history_before_the_circular_took_effect_is_credited_at_the_stated_jp_under_pra_se(employee):
    day = EFFECTIVE_DATE - dt.timedelta(days=1)
    assert EFFECTIVE_DATE == dt.date(2023, 11, 30)
    entry = credit(participation(employee.id, "berbagi_bahan", "penulis", on_date=day,
                                 jp_stated=3, source="import"))
    assert entry.rule_id == "PRA-SE" and entry.jp_counted == 3
    assert "sebelum SE 07/SE/KM/2023 berlaku" in entry.explanation


def test_the_circulars_caps_do_not_apply_before_its_effective_date(employee):
    # KB-07 allows 2 submissions a month; before 30 November 2023 the circular did not apply.
    day = dt.date(2023, 10, 5)
    rows = [credit(participation(employee.id, "berbagi_bahan", "penulis", on_date=day,
                                 reference=f"r{n}", jp_stated=4, source="import"))
            for n in range(3)]
    assert all(row.counted for row in rows)


def test_on_the_effective_date_the_circulars_rule_and_cap_apply(employee):
    rows = [credit(participation(employee.id, "berbagi_bahan", "penulis", on_date=EFFECTIVE_DATE,
                                 reference=f"r{n}", jp_stated=4, source="import"))
            for n in range(3)]
    assert [row.rule_id for row in rows] == ["KB-07"] * 3
    assert [row.counted for row in rows] == [True, True, False]


def test_the_employee_page_shows_pre_circular_rows_as_such(lapp, employee):
    credit(participation(employee.id, "berbagi_bahan", "penulis", on_date=dt.date(2023, 5, 2),
                         jp_stated=2, source="import"))
    db.session.commit()
    client = lapp.test_client()
    client.login(employee.nip)
    page = client.get("/jp/saya?tahun=2023")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "PRA-SE" in body and "Sebelum SE 07/SE/KM/2023 berlaku" in body
