"""PB-03 (pelaksanaan by the participant), PB-05 (monitoring and reporting as classical training),
JP ([open] setting, G-06) and the e-certificate."""

from __future__ import annotations

import datetime as dt

from patok_banding_helpers import ledger, ok, text
from portal_patok_banding.jp import DEFAULT_JP

from portal.sdk import Certificate, today


def _person_url(world, program, person, tail=""):
    return world.url(program, f"/peserta/{person.id}{tail}")


def test_execution_only_after_preparation_is_complete_pb02_pb03(world):
    program = world.prepared(upto=9)
    person = world.person(program, world.staff)
    response = world.employee.post(_person_url(world, program, person, "/pelaksanaan"),
                                   data=world.execution())
    assert response.status_code == 422
    assert "langkah 10" in text(response) and "PB-02" in text(response)
    assert world.person(program, world.staff).pelaksanaan_at is None


def test_participant_records_best_practice_coordination_attendance_and_data_pb03(world):
    program = world.prepared()
    person = world.person(program, world.staff)
    ok(world.employee.post(_person_url(world, program, person, "/pelaksanaan"),
                           data=world.execution()))
    person = world.person(program, world.staff)
    assert person.best_practice.startswith("Pemantauan") and person.hadir_penuh
    assert person.koordinasi and person.data_digali and person.pelaksanaan_at
    # Another participant, or the unit's admin, cannot record it for them.
    response = world.employee2.post(_person_url(world, program, person, "/pelaksanaan"),
                                    data=world.execution(best_practice="Palsu"))
    assert response.status_code == 404
    response = world.admin.post(_person_url(world, program, person, "/pelaksanaan"),
                                data=world.execution(best_practice="Palsu"))
    assert response.status_code == 422 and "PB-03" in text(response)
    assert world.person(program, world.staff).best_practice != "Palsu"


def test_report_refused_without_full_attendance_pb03(world):
    program = world.prepared()
    person = world.person(program, world.staff)
    data = world.execution()
    data.pop("hadir_penuh")
    ok(world.employee.post(_person_url(world, program, person, "/pelaksanaan"), data=data))
    response = world.employee.post(_person_url(world, program, person, "/laporan"),
                                   data={"laporan": "Laporan"})
    assert response.status_code == 422
    assert "utuh/penuh" in text(response) and "PB-03" in text(response)
    assert world.person(program, world.staff).laporan_status == ""


def test_report_only_after_the_last_day_pb05(world):
    program = world.prepared(start=today(), days=3)
    person = world.person(program, world.staff)
    ok(world.employee.post(_person_url(world, program, person, "/pelaksanaan"),
                           data=world.execution()))
    response = world.employee.post(_person_url(world, program, person, "/laporan"),
                                   data={"laporan": "Laporan"})
    assert response.status_code == 422 and "PB-05" in text(response)


def test_execution_not_before_the_first_day_pb03(world):
    program = world.prepared(start=today() + dt.timedelta(days=5))
    person = world.person(program, world.staff)
    response = world.employee.post(_person_url(world, program, person, "/pelaksanaan"),
                                   data=world.execution())
    assert response.status_code == 422 and "tanggal mulai" in text(response)


def test_monitoring_accepts_report_and_credits_open_setting_jp_pb05_g06(world):
    program = world.prepared()
    person = world.report(program, world.staff, world.employee)
    assert person.laporan_status == "menunggu"
    page = text(world.sdm.get(_person_url(world, program, person)))
    assert "Terima laporan dan catat JP" in page
    ok(world.sdm.post(_person_url(world, program, person, "/terima-laporan"),
                      data={"catatan": "Lengkap"}))
    [entry] = ledger(world.staff)
    assert entry.jp_counted == DEFAULT_JP == 8 and entry.rule_id == "G-06"
    assert entry.activity_type == "patok_banding" and entry.role == "peserta"
    assert entry.activity_date == program.tanggal_selesai
    assert world.person(program, world.staff).laporan_status == "diterima"


def test_monitoring_returns_report_with_note_pb05(world):
    program = world.prepared()
    person = world.report(program, world.staff, world.employee)
    response = world.sdm.post(_person_url(world, program, person, "/kembalikan-laporan"),
                              data={"catatan": ""})
    assert response.status_code == 422 and "Alasan wajib diisi" in text(response)
    ok(world.sdm.post(_person_url(world, program, person, "/kembalikan-laporan"),
                      data={"catatan": "Tambahkan rencana aksi"}))
    assert world.person(program, world.staff).laporan_status == "dikembalikan"
    assert ledger(world.staff) == []
    page = text(world.employee.get(_person_url(world, program, person)))
    assert "Tambahkan rencana aksi" in page and "Kirim laporan" in page


def test_participant_unit_cannot_verify_reports_pb05(world):
    program = world.prepared()
    person = world.report(program, world.staff, world.employee)
    assert world.admin.post(_person_url(world, program, person, "/terima-laporan"),
                            data={}).status_code == 403


def test_certificate_after_accepted_report_g06(world):
    program = world.prepared()
    person = world.report(program, world.staff, world.employee)
    response = world.sdm.post(_person_url(world, program, person, "/sertifikat"),
                              follow_redirects=True)
    assert "setelah laporan diterima" in text(response)
    ok(world.sdm.post(_person_url(world, program, person, "/terima-laporan"), data={}))
    ok(world.sdm.post(_person_url(world, program, person, "/sertifikat")))
    [certificate] = Certificate.query.filter_by(employee_id=world.staff.id).all()
    assert certificate.mechanism == "patok_banding"
    assert certificate.programme_title == program.judul
    page = text(world.employee.get(_person_url(world, program, person)))
    assert certificate.number in page and "Unduh sertifikat" in page


def test_forged_participant_id_of_another_programme_is_404(world):
    first = world.prepared()
    second = world.create("Kegiatan kedua")
    person = world.person(first, world.staff)
    assert world.sdm.get(world.url(second, f"/peserta/{person.id}")).status_code == 404
    assert world.sdm.post(world.url(second, f"/peserta/{person.id}/terima-laporan"),
                          data={}).status_code == 404
    assert world.employee2.get(_person_url(world, first, person)).status_code == 404
