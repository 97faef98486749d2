"""Browser journey (Chromium), from the unit's competency need to the certificate: need →
admin SDM approves → eligibility with reasons → candidate → atasan's endorsement → host →
agreement (seven elements + signed PDF) → schedule → start → weekly report → final
evaluation lulus → JP and e-certificate."""

from __future__ import annotations

import datetime as dt

import pytest
from magang_helpers import AGREEMENT, HOST, PDF, World

from portal.sdk import EmployeeGap, db, today
from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(make_app, two_units, serve):
    staff = two_units["A"]["staff"]
    db.session.add(EmployeeGap(employee_id=staff.id, standard="teknis", kompetensi="Audit jembatan", gap_level=2))
    db.session.commit()
    return serve(make_app())


@pytest.fixture
def signed_in(new_page, console, live):
    # Refusals re-show the page with status 422: Chromium and htmx both log that response.
    console.allow_status(422)
    console.allowed.append("Response Status Error Code 422 from /penempatan/")

    def open_as(employee):
        page = new_page()
        page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
        sign_in(page, live, employee.nip)
        return page

    return open_as


def test_magang_journey_from_need_to_certificate(live, signed_in, two_units):
    from playwright.sync_api import expect

    a = two_units["A"]
    base = f"{live}/penempatan/magang"

    admin = signed_in(a["admin"])
    admin.goto(f"{base}/kebutuhan/baru")
    admin.select_option("#unit_id", str(a["sub"].id))
    admin.fill("#kompetensi", "Audit struktur jembatan")
    admin.select_option("#basis", "kesenjangan")
    admin.fill("#akpk", "AKPK 2026 No. 12")
    admin.fill("#target", "Mampu memimpin audit struktur jembatan")
    admin.get_by_role("button", name="Simpan kebutuhan").click()
    expect(admin.locator("h1")).to_contain_text("Audit struktur jembatan")
    need_url = admin.url

    sdm = signed_in(two_units["sdm"])
    sdm.goto(need_url)
    sdm.get_by_role("button", name="Setujui kebutuhan (MG-13)").click()
    expect(sdm.locator(".badge").first).to_contain_text("Disetujui unit SDM")

    admin.goto(need_url)
    admin.fill("#nip", a["staff"].nip)
    admin.get_by_role("button", name="Periksa kelayakan").click()
    expect(admin.locator(".eligibility-answer")).to_contain_text("PNS dapat mengikuti magang (MG-01)")
    expect(admin.locator(".eligibility-answer")).to_contain_text("MG-03")
    admin.get_by_role("button", name="Usulkan Staf A sebagai kandidat").click()
    expect(admin.locator("h1")).to_contain_text("Peserta magang: Staf A")
    placement_url = admin.url

    atasan = signed_in(a["atasan"])
    atasan.goto(placement_url)
    atasan.fill("#endorsement", "Terbaik di bidang audit jembatan")
    atasan.get_by_role("button", name="Simpan rekomendasi").click()
    expect(atasan.locator("section[aria-labelledby=rek]")).to_contain_text("Terbaik di bidang audit")
    atasan.fill("#continuity_note", "Tugas audit dilimpahkan ke Staf B selama magang")  # MG-15
    atasan.get_by_role("button", name="Simpan pemeriksaan").click()
    expect(atasan.locator("section[aria-labelledby=ditinggalkan]")).to_contain_text("dilimpahkan ke Staf B")

    admin.goto(placement_url)
    admin.get_by_role("button", name="Mulai magang").click()  # refused: lists what is missing
    expect(admin.locator("[role=alert]").first).to_contain_text("MG-07")
    for name in ("host_type", "locus", "variant", "approach"):
        admin.select_option(f"#{name}", HOST[name])
    for name in ("host_name", "host_location", "supply_experience", "supply_competency", "mentor_name",
                 "mentor_institution", "role_at_host"):
        admin.fill(f"#{name}", HOST[name])
    admin.get_by_role("button", name="Simpan data penerima").click()
    expect(admin.locator("section[aria-labelledby=penerima]")).to_contain_text("PT Jembatan Nusantara")

    admin.get_by_text("Isi/ubah perjanjian dan unggah dokumen").click()
    for key, value in AGREEMENT.items():
        admin.fill(f"#{key}", value)
    admin.set_input_files("#dokumen", files=[{"name": "pks.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    admin.get_by_role("button", name="Simpan perjanjian").click()
    expect(admin.get_by_role("link", name="pks.pdf")).to_be_visible()

    start = today() - dt.timedelta(days=15)  # praktik has ended yesterday: the evaluation may follow
    admin.fill("#start_date", start.isoformat())
    admin.fill("#end_date", (start + dt.timedelta(days=366)).isoformat())  # > 1 year: justification
    admin.select_option("#cadence", "mingguan")
    admin.get_by_role("button", name="Simpan jadwal").click()
    expect(admin.locator("[role=alert]").first).to_contain_text("MG-04")
    admin.fill("#end_date", (today() - dt.timedelta(days=1)).isoformat())
    admin.get_by_role("button", name="Simpan jadwal").click()
    expect(admin.locator("section[aria-labelledby=jadwal]")).to_contain_text("Pembekalan oleh instansi pengirim")
    admin.get_by_role("button", name="Mulai magang").click()
    expect(admin.locator(".badge").first).to_contain_text("Berjalan")

    staff = signed_in(a["staff"])
    staff.goto(placement_url)
    for period in ("1", "2", "3", "0"):  # every weekly report due, then the final report (MG-09)
        staff.select_option("#period_no", period)
        staff.fill("#content", "Minggu pertama: pembekalan dan orientasi selesai." if period == "1"
                   else "Target periode tercapai; laporan kegiatan terlampir.")
        staff.get_by_role("button", name="Kirim laporan").click()
        expect(staff.locator(f"#period_no option[value='{period}']")).to_have_count(0)
    expect(staff.locator("section[aria-labelledby=monev]")).to_contain_text("Laporan akhir")

    admin.goto(placement_url)
    admin.get_by_text("Catat rapor kinerja").click()  # the host's rapor kinerja (MG-09)
    admin.fill("#score", "88")
    admin.fill("#predikat", "Baik")
    admin.get_by_role("button", name="Simpan rapor").click()
    expect(admin.locator("body")).to_contain_text("Baik")
    admin.select_option("#method", "presentasi")
    admin.fill("#score_final", "90")
    admin.check("input[name=outcome][value=lulus]")
    admin.fill("#reward", "Pelatihan singkat audit")
    admin.get_by_role("button", name="Simpan hasil evaluasi akhir").click()
    expect(admin.locator(".flashes")).to_contain_text("Sertifikat elektronik diterbitkan (G-06)")

    staff.goto(placement_url)
    expect(staff.locator("body")).to_contain_text("Lulus")
    with staff.expect_download() as download:
        staff.get_by_role("link", name="Unduh sertifikat (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    admin.goto(f"{live}/pegawai/{a['staff'].id}")
    expect(admin.locator("body")).to_contain_text("Kompetensi yang diperoleh")


def test_a_supervisor_is_stopped_from_passing_an_internship_early_and_sees_what_is_missing(
        live, signed_in, two_units, people, login):
    """MG-08/MG-09 (issue 14): an internship that started today cannot be passed; the refusal
    lists the praktik stage, the reports and the rapor kinerja, each with its rule."""
    from playwright.sync_api import expect

    placement_id = World(two_units, people, login).running()  # started today, 12 weeks
    admin = signed_in(two_units["A"]["admin"])
    admin.goto(f"{live}/penempatan/magang/{placement_id}")
    admin.select_option("#method", "presentasi")
    admin.fill("#score_final", "95")
    admin.check("input[name=outcome][value=lulus]")
    admin.fill("#reward", "Pelatihan singkat audit")
    admin.get_by_role("button", name="Simpan hasil evaluasi akhir").click()
    body = admin.locator("body")
    expect(body).to_contain_text("Evaluasi akhir belum dapat dicatat")
    expect(body).to_contain_text("(MG-08)")
    expect(body).to_contain_text("laporan akhir peserta belum disampaikan (MG-09)")
    expect(body).to_contain_text("rapor kinerja dari instansi penerima belum dicatat (MG-09)")
    expect(admin.locator(".badge").first).to_contain_text("Berjalan")
    expect(admin.locator("#reward")).to_have_value("Pelatihan singkat audit")  # nothing typed is lost
