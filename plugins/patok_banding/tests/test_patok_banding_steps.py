"""PB-01, PB-02, PB-04: the four stages and the ten preparation steps of Tabel 5, in order, each
by the role the table names, with date and actor."""

from __future__ import annotations

from patok_banding_helpers import ADVANTAGE, BASE, ok, text

from portal.sdk import AuditLog, db


def test_patok_banding_has_four_stages_in_order_pb01(world):
    program = world.prepared(upto=9)
    assert program.stage == "persiapan"
    world.step10(program)
    program = world.reload(program)
    assert program.stage == "pelaksanaan"
    world.report(program, world.staff, world.employee)
    assert world.reload(program).stage == "monitoring"
    page = text(world.admin.get(world.url(program)))
    assert "Tahapan Persiapan → Tahapan Pelaksanaan → <strong>Tahapan Monitoring</strong> → Tahapan Pelaporan" in page


def test_ten_steps_logged_with_date_and_actor_pb02(world):
    program = world.prepared()
    assert [s.step for s in program.steps] == list(range(1, 11))
    actors = {s.step: s.actor for s in program.steps}
    assert actors == {1: "unit", 2: "unit", 3: "sdm", 4: "sdm", 5: "sdm", 6: "pimpinan_sdm",
                      7: "sdm", 8: "sdm", 9: "pegawai", 10: "unit"}
    by = {s.step: s.done_by.employee.nama for s in program.steps}
    assert by[1] == "Admin A" and by[3] == "Admin SDM" and by[9] in ("Staf A", "Pegawai Kedua A")
    assert all(s.done_at is not None for s in program.steps)
    page = text(world.admin.get(world.url(program)))
    assert page.count("Selesai</span>") == 10 and "oleh Admin SDM" in page
    assert db.session.query(AuditLog).filter(AuditLog.action == "patok_banding.langkah").count() == 10


def test_step_before_its_predecessor_is_refused_pb02(world):
    program = world.create()
    response = world.sdm.post(world.url(program, "/langkah/jadwal"), data={
        "tanggal_mulai": "2026-12-01", "tanggal_selesai": "2026-12-02", "tempat": "Surabaya",
        "narahubung": "", "catatan": ""}, follow_redirects=True)
    assert response.status_code == 422
    page = text(response)
    assert "Langkah 4" in page and "langkah 1" in page and "PB-02" in page
    assert world.reload(program).steps == []


def test_step_done_only_by_the_role_tabel5_names_pb02(world):
    program = world.create()
    world.step1(program)
    # Step 2 belongs to the participant unit: admin SDM is refused.
    response = world.sdm.post(world.url(program, "/langkah/verifikasi"), data=world.target_data())
    assert response.status_code == 422 and "Unit Organisasi Peserta Pengembangan" in text(response)
    world.step2(program)
    # Step 3 belongs to admin SDM: the unit's admin gets 403 (route declares admin SDM only).
    assert world.admin.post(world.url(program, "/langkah/penetapan"), data={}).status_code == 403


def test_step_cannot_be_done_twice_pb02(world):
    program = world.create()
    world.step1(program)
    response = world.admin.post(world.url(program, "/langkah/kebutuhan"), follow_redirects=True)
    assert "sudah dilakukan" in text(response) and "PB-02" in text(response)
    assert len(world.reload(program).steps) == 1


def test_step1_needs_at_least_one_proposal_from_a_work_unit_pb02(world):
    program = world.create()
    response = world.admin.post(world.url(program, "/langkah/kebutuhan"), follow_redirects=True)
    assert "minimal satu usulan kebutuhan" in text(response)
    other = world.units["B"]["sub"]
    response = world.admin.post(world.url(program, "/kebutuhan"), data={
        "unit_id": str(other.id), "kompetensi": "X", "uraian": "", "jumlah_pegawai": "1"})
    assert response.status_code == 422 and "Pilih unit dari daftar" in text(response)


def test_target_must_have_comparative_advantage_pb04(world):
    program = world.create()
    world.step1(program)
    response = world.admin.post(world.url(program, "/langkah/verifikasi"),
                                data=world.target_data(keunggulan_komparatif="Bagus sekali"))
    assert response.status_code == 422
    assert "keunggulan komparatif" in text(response) and "PB-04" in text(response)
    assert "Bagus sekali" in text(response)
    response = world.admin.post(world.url(program, "/langkah/verifikasi"),
                                data=world.target_data(lembaga_sejenis=""))
    assert response.status_code == 422 and "Lembaga sejenis wajib diisi" in text(response)
    world.step2(program)
    program = world.reload(program)
    assert program.keunggulan_komparatif == ADVANTAGE and program.done(2) is not None


def test_admin_sdm_may_return_the_target_to_the_participant_unit_pb04(world):
    program = world.create()
    world.step1(program)
    world.step2(program)
    ok(world.sdm.post(world.url(program, "/kembalikan"),
                      data={"catatan": "Bandingkan dengan PDAM lain"}))
    program = world.reload(program)
    assert program.done(2) is None and program.next_step.key == "verifikasi"
    assert "Bandingkan dengan PDAM lain" in text(world.admin.get(world.url(program)))


def test_schedule_end_before_start_is_refused(world):
    program = world.prepared(upto=3)
    response = world.sdm.post(world.url(program, "/langkah/jadwal"), data={
        "tanggal_mulai": "2026-12-05", "tanggal_selesai": "2026-12-01", "tempat": "Surabaya",
        "narahubung": "", "catatan": ""}, follow_redirects=True)
    assert response.status_code == 422 and "Tanggal selesai" in text(response)


def test_selection_ranks_employees_of_the_participant_unit_pb02(world):
    program = world.prepared(upto=4)
    outsider = world.units["B"]["staff"]
    response = world.add_candidate(program, outsider)
    assert response.status_code == 422 and "bukan pegawai" in text(response) and "PB-02" in text(response)
    ok(world.add_candidate(program, world.staff, 1))
    person = world.person(program, world.staff)
    assert person.peringkat == 1 and person.lolos and "Memenuhi syarat" in person.kelayakan


def test_employee_not_eligible_g03_cannot_pass_selection(world):
    program = world.prepared(upto=4)
    plain = world.people.person(world.units["A"]["sub"], nama="Tanpa Gap")
    response = world.add_candidate(program, plain, 3)
    assert response.status_code == 422 and "G-03" in text(response)
    ok(world.add_candidate(program, plain, 3, hasil="tidak_lolos"))
    assert world.person(program, plain).lolos is False


def test_selection_needs_someone_who_passed_pb02(world):
    program = world.prepared(upto=4)
    ok(world.add_candidate(program, world.staff, 1, hasil="tidak_lolos"))
    response = world.sdm.post(world.url(program, "/langkah/seleksi"), follow_redirects=True)
    assert "belum menghasilkan pegawai yang lolos" in text(response)


def test_head_of_hr_unit_decision_is_recorded_by_admin_sdm_pb02(world):
    program = world.prepared(upto=6)
    assert program.pimpinan_nama == "Dr. Kepala BPSDM"
    log = program.done(6)
    assert log.actor == "pimpinan_sdm" and log.done_by.employee.nama == "Admin SDM"
    assert "Staf A" in log.catatan and "Pegawai Kedua A" in log.catatan


def test_assignment_is_received_by_each_assigned_employee_pb02(world):
    program = world.prepared(upto=8)
    ok(world.employee.post(world.url(program, "/terima-penugasan")))
    program = world.reload(program)
    assert program.done(9) is None and world.person(program, world.staff).diterima_at
    outsider = world.login(world.units["A"]["atasan"])
    assert outsider.post(world.url(program, "/terima-penugasan")).status_code == 404
    ok(world.employee2.post(world.url(program, "/terima-penugasan")))
    assert world.reload(program).done(9).actor == "pegawai"


def test_costs_borne_by_participant_unit_with_funding_source_pb02_g07(world):
    program = world.prepared(upto=9)
    response = world.admin.post(world.url(program, "/langkah/biaya"),
                                data=world.cost_data(sumber_dana="lainnya", uang_harian="abc"))
    assert response.status_code == 422
    page = text(response)
    assert "Isi dengan angka" in page and "G-07" in page
    response = world.sdm.post(world.url(program, "/langkah/biaya"), data=world.cost_data())
    assert response.status_code == 422 and "Unit Organisasi Peserta Pengembangan" in text(response)
    assert world.reload(program).done(10) is None  # admin SDM is not the participant unit
    world.step10(program)
    program = world.reload(program)
    assert program.uang_harian == 1590000 and program.sumber_dana == "apbn"
    assert "Rp8.490.000" in text(world.admin.get(world.url(program)))


def test_programs_list_search_filter_and_scope(world):
    program = world.create("Studi visit smart building")
    assert "Studi visit smart building" in text(world.admin.get(f"{BASE}/?q=smart"))
    assert "Tidak ada kegiatan yang cocok" in text(world.admin.get(f"{BASE}/?q=zzz"))
    assert "Studi visit smart building" in text(world.admin.get(f"{BASE}/?tahap=persiapan"))
    fragment = text(world.admin.get(f"{BASE}/?q=smart", headers={"HX-Request": "true"}))
    assert "Studi visit smart building" in fragment and "<html" not in fragment
    other = world.login(world.units["B"]["admin"])
    assert "Studi visit smart building" not in text(other.get(f"{BASE}/"))
    assert other.get(world.url(program)).status_code == 404
    assert world.employee.get(world.url(program)).status_code == 404
    assert world.employee.get(f"{BASE}/baru").status_code == 403


def test_cannot_decide_yet_passes_selection_only_with_a_recorded_reason_g03(world):
    """G-03 without assessment data is "belum dapat diputuskan": the selection page asks why the
    approver proceeds; the reason is kept in the audit log. A hard refusal is never overridden."""
    program = world.prepared(upto=4)
    plain = world.people.person(world.units["A"]["sub"], nama="Tanpa Gap")
    page = world.sdm.get(world.url(program)).get_data(as_text=True)
    assert 'name="alasan_kelayakan"' in page
    refused = world.add_candidate(program, plain, 3)
    assert refused.status_code == 422 and "G-03" in text(refused)
    response = world.sdm.post(world.url(program, "/kandidat"), data={
        "nip": plain.nip, "peringkat": "3", "hasil": "lolos", "catatan_seleksi": "",
        "alasan_kelayakan": "Asesmen kompetensi dijadwalkan bulan depan; kebutuhan mendesak unit."})
    ok(response)
    assert world.person(program, plain).lolos is True
    from sqlalchemy import select

    from portal.sdk import AuditLog, db
    logs = db.session.scalars(select(AuditLog)).all()
    assert any("Asesmen kompetensi dijadwalkan" in f"{a.summary} {a.new_values}" for a in logs)
