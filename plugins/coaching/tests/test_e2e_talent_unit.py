"""Browser journey (Chromium): admin SDM grants the talent-management role (§E.7); the talent
unit records a coaching clinic (CM-04) itself; a mentee records the mentor's qualities on the
unit mentoring record (G-05)."""

from __future__ import annotations

import pytest
from portal_coaching.unit.models import UnitInventory, UnitPair

from portal.sdk import db, today
from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(make_app, two_units, serve):
    return serve(make_app())


def open_as(new_page, live, employee):
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, live, employee.nip)
    return page


def test_talent_unit_records_a_clinic_and_a_mentee_records_mentor_qualities(live, two_units, people, new_page):
    from playwright.sync_api import expect

    a = two_units["A"]
    talent = people.person(a["sub"], nama="Analis Talenta")
    sdm = open_as(new_page, live, two_units["sdm"])
    sdm.goto(f"{live}/admin/peran")
    sdm.get_by_text("Berikan peran", exact=True).first.click()  # open the details
    sdm.fill("#nip", talent.nip)
    sdm.select_option("#role", "manajemen_talenta")
    sdm.get_by_role("button", name="Berikan peran").click()
    expect(sdm.locator("main")).to_contain_text("Analis Talenta")

    unit = open_as(new_page, live, talent)
    unit.goto(f"{live}/m/coaching/program/")
    unit.get_by_role("link", name="Catat coaching clinic (CM-04)").click()
    unit.fill("#nip", a["staff"].nip)
    unit.check("input[name=jenis][value=klinik]")
    unit.fill("#tanggal", today().isoformat())
    unit.get_by_role("button", name="Catat", exact=True).click()
    expect(unit.locator("table")).to_contain_text("Staf A")

    entry = UnitInventory(unit_id=a["staff"].unit_id, employee_id=a["staff"].id, jenis="mentoring",
                          alasan="Kesenjangan", status="divalidasi", area="Penyusunan KAK", area_standard="teknis")
    pair = UnitPair(inventory=entry, jenis="mentoring", employee_id=a["staff"].id, partner_id=a["atasan"].id,
                    supervisor_id=a["atasan"].id, unit_id=a["staff"].unit_id, status="berjalan",
                    kegiatan="Penyusunan KAK")
    db.session.add_all([entry, pair])
    db.session.commit()
    mentee = open_as(new_page, live, a["staff"])
    mentee.goto(f"{live}/m/coaching/unit/pasangan/{pair.id}")
    mentee.get_by_label("Dapat dipercaya").check()
    mentee.get_by_label("Pendengar yang baik").check()
    mentee.get_by_role("button", name="Simpan kualitas mentor").click()
    section = mentee.locator("section[aria-labelledby=kualitas-judul]")
    expect(section).to_contain_text("Berasal dari atasan langsung")
    expect(section).to_contain_text("Pendengar yang baik")
