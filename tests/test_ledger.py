"""The JP ledger: credit, caps (KB-06, KB-07, CU-02/CU-03), cancel, summaries (G-06, FL-01)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.ledger import service
from portal.ledger.models import LedgerEntry
from portal.ledger.service import LedgerError, cancel, credit, entries, year_summary
from portal.models import AuditLog
from portal.testing import People
from portal.types import CapSpec
from tests.ledger_helpers import SLUG, community_plugin, participation

MARCH = dt.date(2026, 3, 10)


@pytest.fixture
def lapp(make_app):
    app = make_app(plugins=[community_plugin()])
    with app.app_context():
        yield app


@pytest.fixture
def world(lapp):
    people = People()
    top = people.unit("K", "Direktorat Jenderal K", eselon="I")
    organiser = people.unit("K.01", "Direktorat K Satu", eselon="II", parent=top)
    boss = people.person(organiser, nama="Atasan K")
    first = people.person(organiser, nama="Pegawai Satu", supervisor=boss)
    second = people.person(organiser, nama="Pegawai Dua", supervisor=boss)
    contract = people.person(organiser, nama="Pegawai Kontrak", supervisor=boss, status="PPPK")
    return {"people": people, "unit": organiser, "boss": boss, "first": first,
            "second": second, "pppk": contract}


def credit_bahan(employee_id: int, day: int, ref: str) -> LedgerEntry:
    entry = credit(participation(employee_id, on_date=dt.date(2026, 3, day), reference=ref))
    db.session.commit()
    return entry


def test_berbagi_bahan_third_in_month_not_counted(world):
    employee = world["first"].id
    first, second, third = (credit_bahan(employee, day, f"bahan-{day}") for day in (2, 9, 16))
    assert [e.counted for e in (first, second, third)] == [True, True, False]
    assert third.jp_claimed == Decimal("4.00") and third.jp_counted == 0
    assert third.cap_rule_id == "KB-07"
    assert third.reason == "Melebihi batas 2 per bulan (KB-07)"
    next_month = credit(participation(employee, on_date=dt.date(2026, 4, 1), reference="bahan-apr"))
    assert next_month.counted


def test_berbagi_bahan_cap_follows_activity_date_not_arrival(world):
    employee = world["first"].id
    late = credit_bahan(employee, 28, "akhir")
    credit_bahan(employee, 5, "awal-1")
    credit_bahan(employee, 6, "awal-2")
    db.session.refresh(late)
    assert not late.counted and late.cap_rule_id == "KB-07"
    assert {a.action for a in db.session.scalars(select(AuditLog))} >= {"jp.credit", "jp.recount"}


def test_cancelling_a_counted_berbagi_bahan_lets_the_third_count(world):
    employee = world["first"].id
    first, _, third = (credit_bahan(employee, day, f"bahan-{day}") for day in (2, 9, 16))
    cancel(first.id, None, "Salah input tanggal")
    db.session.commit()
    db.session.refresh(third)
    assert first.is_cancelled and first.jp_counted == 0 and not first.counted
    assert third.counted and third.jp_counted == Decimal("4.00") and third.reason == ""
    actions = [a.action for a in db.session.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert actions[-2:] == ["jp.cancel", "jp.recount"]
    with pytest.raises(LedgerError, match="sudah dibatalkan"):
        cancel(first.id, None, "lagi")
    with pytest.raises(LedgerError, match="Alasan"):
        cancel(third.id, None, "  ")
    with pytest.raises(LedgerError, match="tidak ditemukan"):
        cancel(999_999, None, "tidak ada")


def test_coaching_and_mentoring_at_most_two_meetings_counted_each_per_month(world):
    employee = world["first"].id
    rows = [credit(participation(employee, kind, "coachee", dt.date(2026, 5, day), f"{kind}-{day}"))
            for kind in ("coaching_unit", "mentoring_unit") for day in (4, 11, 18)]
    counted = {(r.activity_type, r.activity_date.day): r.counted for r in rows}
    assert counted == {("coaching_unit", 4): True, ("coaching_unit", 11): True,
                       ("coaching_unit", 18): False, ("mentoring_unit", 4): True,
                       ("mentoring_unit", 11): True, ("mentoring_unit", 18): False}
    assert {r.rule_id for r in rows} == {"CU-02", "CU-03"}
    assert rows[2].cap_rule_id == "CU-02" and "CU-02" in rows[2].reason


def test_employee_month_cap_counts_matching_types_together(world):
    employee = world["first"].id
    rows = [credit(participation(employee, kind, "peserta", dt.date(2026, 6, day), f"g-{day}"))
            for day, kind in ((1, "gabungan_a"), (2, "gabungan_b"), (3, "gabungan_a"),
                              (4, "gabungan_b"))]
    assert [r.counted for r in rows] == [True, True, True, False]
    assert rows[3].reason == "Melebihi batas 3 per bulan (X-01)"


def test_organiser_holds_at_most_two_berbagi_pengalaman_a_month(world):
    unit = world["unit"].id
    people = (world["first"].id, world["second"].id)

    def meeting(day: int, ref: str) -> list[LedgerEntry]:
        rows = [credit(participation(e, "berbagi_pengalaman", "peserta", dt.date(2026, 7, day), ref,
                                     organiser_unit_id=unit)) for e in people]
        db.session.commit()
        return rows

    first = meeting(3, "temu-1")
    meeting(10, "temu-2")
    third = meeting(17, "temu-3")
    assert all(r.counted for r in first)
    assert [r.counted for r in third] == [False, False]
    assert {r.cap_rule_id for r in third} == {"KB-06"}
    assert "KB-06" in third[0].reason
    # A meeting without an organiser is not an organiser's meeting: no KB-06 cap.
    loose = credit(participation(people[0], "berbagi_pengalaman", "pakar", dt.date(2026, 7, 20),
                                 "temu-lain"))
    assert loose.counted and loose.jp_claimed == 4
    # Cancelling every row of the first meeting lets the third one count, for everyone.
    for row in first:
        cancel(row.id, None, "Pertemuan dibatalkan")
    db.session.commit()
    for row in third:
        db.session.refresh(row)
    assert [r.counted for r in third] == [True, True]


def test_backdated_meeting_takes_its_place_in_the_organisers_month(world):
    unit = world["unit"].id
    employee, other = world["first"].id, world["second"].id
    late = [credit(participation(employee, "berbagi_pengalaman", "peserta", dt.date(2026, 8, d),
                                 f"m-{d}", organiser_unit_id=unit)) for d in (20, 27)]
    early = credit(participation(other, "berbagi_pengalaman", "peserta", dt.date(2026, 8, 2),
                                 "m-2", organiser_unit_id=unit))
    db.session.commit()
    for row in late:
        db.session.refresh(row)
    assert early.counted
    assert [r.counted for r in late] == [True, False]


def test_exact_duplicate_is_refused_until_cancelled(world):
    employee = world["first"].id
    entry = credit_bahan(employee, 2, "bahan-x")
    with pytest.raises(LedgerError, match="sudah tercatat"):
        credit(participation(employee, on_date=dt.date(2026, 3, 2), reference="bahan-x"))
    # Another role or reference is another participation.
    credit(participation(employee, role="peserta", on_date=dt.date(2026, 3, 2),
                         reference="bahan-x"))
    cancel(entry.id, None, "Judul salah")
    again = credit(participation(employee, on_date=dt.date(2026, 3, 2), reference="bahan-x",
                                 title="Judul benar"))
    db.session.commit()
    assert again.counted and again.id != entry.id


def test_unique_index_guards_live_duplicates_in_the_database(world):
    employee = world["first"].id
    entry = credit_bahan(employee, 2, "bahan-db")
    clone = LedgerEntry(**{c.key: getattr(entry, c.key) for c in LedgerEntry.__table__.columns
                           if c.key != "id"})
    db.session.add(clone)
    with pytest.raises(Exception, match="(?i)unique|duplicate"):
        db.session.flush()
    db.session.rollback()


def test_zero_jp_participation_is_kept_but_not_counted_and_takes_no_slot(world):
    employee = world["first"].id
    zero = credit(participation(employee, "tanpa_jp", "peserta", MARCH, "nol"))
    assert not zero.counted and zero.jp_counted == 0 and "tidak menghasilkan JP" in zero.reason


def test_formal_training_is_credited_with_jp_stated_on_certificate(world):
    entry = credit(participation(world["first"].id, "teknis", "peserta", MARCH, "sert-1",
                                 mechanism="formal", jp_stated=Decimal("32.5"), source="import"))
    assert entry.model == 10 and entry.rule_id == "FL-01"
    assert entry.jp_counted == Decimal("32.50") and entry.counted
    assert entry.setting_version_id is None  # a stated JP reads no setting
    assert entry.as_dict()["jp_counted"] == 32.5


def test_credit_without_a_jp_rule_is_refused_in_indonesian(world):
    with pytest.raises(LedgerError, match="tidak dapat dihitung"):
        credit(participation(world["first"].id, "tidak_dikenal", "peserta", MARCH, "mg-1"))
    with pytest.raises(LedgerError, match="tidak dikenal"):
        credit(participation(world["first"].id, mechanism="tidak_ada"))


@pytest.mark.parametrize("change, message", [
    ({"employee_id": 999_999}, "Pegawai tidak ditemukan"),
    ({"on_date": dt.datetime(2026, 3, 1, 10, 0)}, "Tanggal kegiatan"),
    ({"on_date": dt.date(1999, 12, 31)}, "antara tahun"),
    ({"reference": ""}, "referensi"),
    ({"title": "x" * 301}, "judul"),
    ({"source": "api"}, "Sumber"),
    ({"organiser_unit_id": 999_999}, "Unit penyelenggara"),
    ({"jp_stated": float("nan")}, "JP pada dokumen"),
    ({"jp_stated": -1}, "JP pada dokumen"),
])
def test_invalid_participation_is_refused(world, change, message):
    values = {"employee_id": world["first"].id} | change
    employee_id = values.pop("employee_id")
    with pytest.raises(LedgerError, match=message):
        credit(participation(employee_id, **values))


def test_jp_setting_version_is_recorded_on_the_row(world):
    entry = credit(participation(world["first"].id, "diskusi_permasalahan", "peserta", MARCH, "d1"))
    assert entry.jp_claimed == 2 and entry.rule_id == "KB-08"
    version = entry.setting_version
    assert version is not None and version.key == f"{SLUG}.jp_diskusi_peserta"
    assert version.is_default and version.value == "2"
    second = credit(participation(world["second"].id, "diskusi_permasalahan", "peserta", MARCH, "d1"))
    assert second.setting_version_id == version.id  # the default is stored once


def test_year_summary_sums_counted_jp_by_model_and_mechanism(world):
    employee = world["first"].id
    for day in (2, 9, 16):  # 4 + 4 counted, the third not (KB-07)
        credit_bahan(employee, day, f"b{day}")
    credit(participation(employee, "teknis", "peserta", MARCH, "s1", mechanism="formal",
                         jp_stated=8))
    cancelled = credit(participation(employee, "teknis", "peserta", MARCH, "s2",
                                     mechanism="formal", jp_stated=100))
    cancel(cancelled.id, None, "Sertifikat ganda")
    credit(participation(employee, "teknis", "peserta", dt.date(2025, 12, 31), "lama",
                         mechanism="formal", jp_stated=50))
    db.session.commit()
    summary = year_summary(employee, 2026)
    assert summary == {"employee_id": employee, "year": 2026, "target_jp": 20, "total_jp": 16,
                       "by_model": {"70": 8, "20": 0, "10": 8},
                       "by_mechanism": {SLUG: 8, "formal": 8}, "not_counted": 1}
    assert year_summary(employee, 2025)["total_jp"] == 50
    with pytest.raises(LedgerError):
        year_summary(999_999, 2026)


def test_pppk_target_is_its_own_setting(world):
    from portal.rule_settings.versions import add_version

    assert year_summary(world["pppk"].id, 2026)["target_jp"] == 20
    add_version("core.target_jp_pppk", "24", dt.date(2026, 1, 1), "Nota dinas uji", None)
    db.session.commit()
    assert year_summary(world["pppk"].id, 2026)["target_jp"] == 24
    assert year_summary(world["pppk"].id, 2025)["target_jp"] == 20
    assert year_summary(world["first"].id, 2026)["target_jp"] == 20


def test_entries_filters_for_history_pages(world):
    employee = world["first"].id
    for day in (2, 9, 16):
        credit_bahan(employee, day, f"b{day}")
    gone = credit(participation(employee, "teknis", "peserta", MARCH, "s1", mechanism="formal",
                                jp_stated=8))
    cancel(gone.id, None, "salah")

    def ids(**filters):
        return [e.reference for e in db.session.scalars(entries(employee, 2026, **filters))]

    assert ids() == ["b16", "s1", "b9", "b2"]
    assert ids(counted=False) == ["b16"]
    assert ids(counted=True) == ["b9", "b2"]
    assert ids(cancelled=True) == ["s1"]
    assert ids(mechanism="formal") == ["s1"]
    assert ids(cancelled=False, mechanism=SLUG) == ["b16", "b9", "b2"]
    assert service.entry_years(employee) == [2026]


def test_cap_spec_rejects_unknown_scope():
    with pytest.raises(ValueError, match="per must be one of"):
        CapSpec("KB-07", 2, "per_week")
    with pytest.raises(ValueError, match="limit"):
        CapSpec("KB-07", -1, "employee_month")


@pytest.mark.hook("portal_compute_jp")
def test_portal_compute_jp_first_answer_wins_and_others_pass(make_app):
    from portal.hookspecs import hookimpl
    from portal.plugins import registry
    from portal.rule_settings.versions import JPSettings
    from portal.types import JPResult, PluginInfo

    class Other:
        @hookimpl
        def portal_plugin_info(self):
            return PluginInfo(slug="lain_test", title="Lain", model=20)

        @hookimpl
        def portal_compute_jp(self, participation, settings):
            if participation.mechanism != "lain_test":
                return None
            return JPResult(6, "CM-13", "enam")

    app = make_app(plugins=[community_plugin(), ("lain_test", Other())])
    with app.app_context():
        hook = registry().pm.hook.portal_compute_jp
        mine = participation(1, "berbagi_bahan", "penulis", MARCH, "x")
        other = participation(1, "apa_saja", "coachee", MARCH, "y", mechanism="lain_test")
        assert hook(participation=mine, settings=JPSettings(SLUG, MARCH)).rule_id == "KB-07"
        assert hook(participation=other, settings=JPSettings("lain_test", MARCH)).jp == 6
        unknown = participation(1, mechanism="tidak_ada")
        assert hook(participation=unknown, settings=JPSettings("tidak_ada", MARCH)) is None
        people = People()
        unit = people.unit("L", eselon="II")
        entry = credit(participation(people.employee(unit).id, "apa_saja", "coachee", MARCH, "z",
                                     mechanism="lain_test"))
        assert (entry.model, entry.jp_counted, entry.rule_id) == (20, 6, "CM-13")
