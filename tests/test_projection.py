"""Early warning on the 20 JP target (issue 19 item 1): counted, scheduled apart, and whether the
employee reaches the target by 31 December — with the projection cases the issue names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.ledger.projection import (
    AT_RISK,
    ON_TRACK,
    REACHED,
    WILL_MISS,
    Scheduled,
    months_left,
    project,
    risk_factor,
    scheduled_for,
)
from portal.rule_settings.versions import add_version
from portal.types import Participation, PluginInfo
from tests.certificate_helpers import entry_for

YEAR = 2026
TARGET = 20


def planned(jp: int, day: dt.date = dt.date(YEAR, 9, 1)) -> Scheduled:
    return Scheduled(1, "uji", "Pertemuan terjadwal", day, Decimal(jp))


def test_a_january_start_with_nothing_yet_is_on_track():
    result = project(YEAR, dt.date(YEAR, 1, 1), TARGET, 0, factor=Decimal(2))
    assert (result.status, result.needed, result.months_left) == (ON_TRACK, 20, 12)


def test_mid_year_behind_the_even_pace_is_at_risk_and_names_what_is_needed():
    result = project(YEAR, dt.date(YEAR, 7, 1), TARGET, 2, factor=Decimal(2))
    assert result.status == AT_RISK  # 18 JP in 6 months: 3 a month, more than 20/12
    assert result.advice == "Masih perlu 18 JP dalam 6 bulan tersisa (±3 JP per bulan)."


def test_scheduled_jp_is_shown_apart_and_never_counted_as_done():
    result = project(YEAR, dt.date(YEAR, 7, 1), TARGET, 6, [planned(8)], factor=Decimal(2))
    assert (result.counted, result.scheduled, result.needed) == (6, 8, 6)
    assert result.status == ON_TRACK  # 6 JP in 6 months
    assert project(YEAR, dt.date(YEAR, 7, 1), TARGET, 6, factor=Decimal(2)).status == AT_RISK


def test_december_with_little_counted_will_miss_and_a_reached_target_is_reached():
    december = project(YEAR, dt.date(YEAR, 12, 3), TARGET, 4, factor=Decimal(2))
    assert december.status == WILL_MISS and december.needed == 16
    assert december.pace >= 4
    assert project(YEAR, dt.date(YEAR, 12, 3), TARGET, 22, factor=Decimal(2)).status == REACHED
    # After the year nothing is left to do: what was not reached is missed.
    assert project(YEAR, dt.date(YEAR + 1, 1, 5), TARGET, 10, factor=Decimal(2)).status == WILL_MISS


def test_months_left_counts_the_rest_of_this_month():
    assert months_left(YEAR, dt.date(YEAR, 12, 31)) == Decimal("0.03")
    assert months_left(YEAR, dt.date(YEAR, 6, 16)) == Decimal("6.5")
    assert months_left(YEAR, dt.date(YEAR - 1, 6, 1)) == 12


def test_the_risk_threshold_is_a_setting(app):
    with app.app_context():
        assert risk_factor(YEAR) == 2
        add_version("core.projection_risk_factor", "1,5", dt.date(YEAR, 1, 1), "Nota dinas", None)
        db.session.commit()
        assert risk_factor(YEAR) == Decimal("1.5")
        # 20 JP in 6 months needs 2× the even pace: at risk with 2, will miss with 1.5.
        assert project(YEAR, dt.date(YEAR, 7, 1), TARGET, 0).status == WILL_MISS


class Scheduling:
    """A plugin with one registered meeting this year and a placement ending next year."""

    slug = "jadwal_uji"

    def __init__(self, employee_id: int) -> None:
        self.employee_id = employee_id

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title="Jadwal Uji", model=70)

    @hookimpl
    def portal_scheduled_participations(self, employee_ids, start, end):
        if employee_ids is not None and self.employee_id not in employee_ids:
            return []
        return [
            Participation(self.employee_id, self.slug, self.slug, "peserta", dt.date(YEAR, 11, 20),
                          "Pertemuan komunitas terdaftar", "uji:1", jp_stated=4),
            # A placement that spans the year end is credited when it ends: not this year.
            Participation(self.employee_id, self.slug, self.slug, "peserta", dt.date(YEAR + 1, 2, 1),
                          "Magang sampai Februari", "uji:2", jp_stated=40),
        ]


@pytest.mark.hook("portal_scheduled_participations")
def test_plugins_declare_what_is_scheduled_and_the_core_computes_its_jp(make_app, two_units, clock):
    staff = two_units["A"]["staff"]
    app = make_app(plugins=[(Scheduling.slug, Scheduling(staff.id))])
    with app.app_context():
        found = scheduled_for([staff.id], YEAR)[staff.id]
        assert [(item.title, item.jp) for item in found] == [("Pertemuan komunitas terdaftar", 4)]
        assert scheduled_for(None, YEAR)[staff.id] == found  # the ministry view asks for everyone
        assert scheduled_for([two_units["B"]["staff"].id], YEAR) == {}

        clock.set(dt.date(YEAR, 7, 1))
        entry_for(staff, title="Magang awal tahun", jp=4, day=dt.date(YEAR, 3, 2))
        client = app.test_client()
        client.login(staff.nip)
        page = client.get(f"/jp/saya?tahun={YEAR}").get_data(as_text=True)
        assert "Proyeksi sampai 31 Desember 2026" in page
        assert 'data-status="berisiko"' in page  # 4 counted + 4 scheduled: 12 JP in 6 months
        assert "Pertemuan komunitas terdaftar" in page and "Magang sampai Februari" not in page
        assert "Masih perlu 12 JP dalam 6 bulan tersisa (±2 JP per bulan)" in page
        past = client.get(f"/jp/saya?tahun={YEAR - 1}").get_data(as_text=True)
        assert "Proyeksi sampai" not in past  # a past year is settled


def test_team_page_shows_the_outlook_per_employee_and_per_unit_with_a_spreadsheet(app, two_units, clock):
    import io

    import openpyxl

    clock.set(dt.date(YEAR, 12, 3))
    with app.app_context():
        entry_for(two_units["A"]["staff"], title="Magang", jp=22, day=dt.date(YEAR, 3, 2))
        sdm = app.test_client()
        sdm.login(two_units["sdm"].nip)
        page = sdm.get(f"/jp/tim?tahun={YEAR}&tampil=semua").get_data(as_text=True)
        assert "Proyeksi sampai 31 Desember 2026" in page
        assert 'data-status="tercapai"' in page and 'data-status="tertinggal"' in page
        # The ministry view: eselon I units, the share at risk or about to miss.
        assert "Direktorat Jenderal A" in page and "Direktorat Jenderal B" in page
        response = sdm.get(f"/jp/tim/proyeksi-unit.xlsx?tahun={YEAR}")
        sheet = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True).active
        rows = [row for row in sheet.iter_rows(values_only=True)]
        assert rows[0] == ("Kode unit", "Unit", "Pegawai", "Berisiko", "Akan tertinggal",
                           "% berisiko atau tertinggal")
        by_code = {row[0]: row for row in rows[1:]}
        # In A one employee (the staff member) reached the target; in B nobody will.
        assert by_code["A"][2] - by_code["A"][4] == 1 and by_code["B"][4] == by_code["B"][2]
        atasan = app.test_client()
        atasan.login(two_units["A"]["atasan"].nip)
        own = atasan.get(f"/jp/tim?tahun={YEAR}").get_data(as_text=True)
        assert "Proyeksi sampai 31 Desember 2026" in own and 'data-status="tertinggal"' in own
        staff_b = two_units["B"]["staff"]
        assert f"/peluang/pegawai/{two_units['A']['admin'].id}" in own  # a report at risk: offers
        assert f"/peluang/pegawai/{staff_b.id}" not in own
        past = sdm.get(f"/jp/tim?tahun={YEAR - 1}").get_data(as_text=True)
        assert "Proyeksi sampai" not in past
