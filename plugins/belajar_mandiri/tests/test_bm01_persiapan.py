"""BM-01 (Lamp. G Tabel 6, tahapan persiapan): recommended by the development plan → proposed by
the participant unit → assigned by the PyB (surat penugasan) → received by the employee →
materials from the HR unit → costs borne by the participant unit (G-07)."""

from __future__ import annotations

import io

from bm_helpers import BASE, PDF_BYTES, gap, last, pdf_text, plan, text
from portal_belajar_mandiri.models import MandiriAssignment, MandiriMaterial
from sqlalchemy import func, select

from portal.sdk import AuditLog, db


def count(model=MandiriAssignment) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_recap_lists_employees_recommended_by_agreed_plan_bm01(world, people):
    world.recommended()
    waiting = people.person(world.sub, nama="Pegawai Rencana Diajukan", supervisor=world.kasubdit)
    gap(waiting)
    plan(waiting, status="diajukan")
    page = text(world.admin.get(f"{BASE}/rekomendasi"))
    assert "Pegawai Mandiri" in page and world.employee.nip in page
    assert "Pegawai Rencana Diajukan" not in page
    assert "Pegawai Mandiri" not in text(world.other.get(f"{BASE}/rekomendasi"))


def test_employee_not_in_development_plan_cannot_be_proposed_bm01(world):
    gap(world.employee)
    response = world.propose()
    assert response.status_code == 422
    assert "rencana pengembangan kompetensi" in text(response) and "BM-01" in text(response)
    assert count() == 0


def test_participant_needs_gap_or_talent_g03(world):
    plan(world.employee)
    response = world.propose()
    assert response.status_code == 422 and "G-03" in text(response)
    assert count() == 0


def test_cannot_decide_yet_is_proposed_only_with_a_recorded_reason_g03(world):
    """No assessment gap recorded and not Hi-Po: "belum dapat diputuskan" — the proposal page shows
    the reasons and asks why the unit proceeds; the reason is audited (G-03)."""
    plan(world.employee)
    page = text(world.admin.get(f"{BASE}/usulan/{world.employee.id}"))
    assert "G-03" in page and 'name="alasan_kelayakan"' in page
    response = world.propose(alasan_kelayakan="Asesmen dijadwalkan; kebutuhan mendesak peta jaringan.")
    assert response.status_code == 302 and count() == 1
    assert any("Asesmen dijadwalkan" in f"{a.summary} {a.new_values}"
               for a in db.session.scalars(select(AuditLog)))


def test_bad_dates_keep_what_was_typed(world):
    world.recommended()
    response = world.propose(kompetensi="SIG lanjutan", tanggal_mulai="2026-02-30")
    assert response.status_code == 422
    body = text(response)
    assert "Tanggal tidak valid" in body and 'value="SIG lanjutan"' in body
    assert count() == 0


def test_only_participant_unit_proposes(world):
    world.recommended()
    assert world.other.post(f"{BASE}/usulan/{world.employee.id}", data={}).status_code == 404
    assert world.me.post(f"{BASE}/usulan/{world.employee.id}", data={}).status_code == 403


def test_one_running_assignment_at_a_time_bm01(world):
    world.proposed()
    response = world.propose()
    assert response.status_code == 422 and "masih memiliki belajar mandiri" in text(response)
    assert count() == 1


def test_pyb_assigns_with_surat_penugasan_in_his_name_bm01(world):
    a = world.proposed()
    assert world.me.post(f"{BASE}/penugasan/{a.id}/tugaskan").status_code == 403
    assert world.other.post(f"{BASE}/penugasan/{a.id}/tugaskan").status_code == 404
    assert world.me.get(f"{BASE}/penugasan/{a.id}/surat-penugasan.pdf").status_code == 404
    assert world.pyb.post(f"{BASE}/penugasan/{a.id}/tugaskan").status_code == 302
    a = last()
    assert a.status == "ditugaskan" and a.pyb_id == world.pyb_employee.id
    assert a.nomor_surat.endswith("/BM/" + str(a.assigned_at.year))
    response = world.me.get(f"{BASE}/penugasan/{a.id}/surat-penugasan.pdf")
    assert response.mimetype == "application/pdf"
    letter = pdf_text(response.data)
    for expected in ("SURAT PENUGASAN", a.nomor_surat, "Pegawai Mandiri", world.employee.nip,
                     "Analisis data spasial", "Atasan A", "Kasubdit Data", "Tembusan"):
        assert expected in letter, expected


def test_admin_acting_for_pyb_is_audited_letter_still_in_pyb_name_bm01(world):
    a = world.proposed()
    assert world.admin.post(f"{BASE}/penugasan/{a.id}/tugaskan").status_code == 302
    a = last()
    assert a.pyb_id == world.pyb_employee.id and a.assigned_by.employee.nama == "Admin A"
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "belajar_mandiri.assign"))
    assert "atas nama PyB" in entry.summary and "BM-01" in entry.summary
    assert "Atasan A" in pdf_text(world.me.get(f"{BASE}/penugasan/{a.id}/surat-penugasan.pdf").data)
    assert world.pyb.post(f"{BASE}/penugasan/{a.id}/tugaskan").status_code == 302
    assert "tidak dapat dilakukan" in text(world.pyb.get(f"{BASE}/penugasan/{a.id}"))


def test_employee_receives_the_assignment_bm01(world):
    a = world.assigned()
    assert world.atasan.post(f"{BASE}/penugasan/{a.id}/terima").status_code == 403
    assert world.other.post(f"{BASE}/penugasan/{a.id}/terima").status_code == 404
    assert world.me.post(f"{BASE}/penugasan/{a.id}/terima").status_code == 302
    assert last().status == "diterima" and last().accepted_at is not None


def test_hr_unit_provides_materials_file_or_link_bm01(world, people):
    a = world.assigned()
    url = f"{BASE}/penugasan/{a.id}/bahan"
    assert world.admin.post(url, data={"judul": "Modul"}).status_code == 403
    bad = world.sdm.post(url, data={"judul": "Skrip", "tautan": "javascript:alert(1)"})
    assert bad.status_code == 422 and "http://" in text(bad)
    fake = world.sdm.post(url, data={"judul": "Palsu", "berkas": (io.BytesIO(b"<html>"), "m.pdf")},
                          content_type="multipart/form-data")
    assert fake.status_code == 422 and "Isi berkas bukan" in text(fake)
    assert count(MandiriMaterial) == 0
    ok = world.sdm.post(url, data={"judul": "Modul SIG", "berkas": (io.BytesIO(PDF_BYTES), "m.pdf")},
                        content_type="multipart/form-data")
    assert ok.status_code == 302
    assert world.sdm.post(url, data={"judul": "Kelas daring",
                                     "tautan": "https://elearning.pu.go.id/sig"}).status_code == 302
    page = text(world.me.get(f"{BASE}/penugasan/{a.id}"))
    assert "Modul SIG" in page and 'href="https://elearning.pu.go.id/sig"' in page
    material = db.session.scalar(select(MandiriMaterial).where(MandiriMaterial.file_id.is_not(None)))
    download = world.me.get(f"{BASE}/bahan/{material.id}")
    assert download.status_code == 200 and download.data == PDF_BYTES
    stranger = login_b(world)
    assert stranger.get(f"{BASE}/bahan/{material.id}").status_code == 404


def login_b(world):
    return world.login(world.units["B"]["staff"])


def test_participant_unit_records_costs_and_funding_source_g07(world):
    a = world.assigned()
    url = f"{BASE}/penugasan/{a.id}/biaya"
    data = {"biaya_pelatihan": "1500000", "uang_harian": "", "transportasi": "250000",
            "akomodasi": "", "sumber_dana": "lainnya", "sumber_dana_keterangan": ""}
    assert world.me.post(url, data=data).status_code == 403
    refused = world.admin.post(url, data=data)
    assert refused.status_code == 422 and "G-07" in text(refused)
    assert last().biaya_dicatat_at is None
    assert world.admin.post(url, data=data | {"sumber_dana": "apbn"}).status_code == 302
    a = last()
    assert a.biaya_pelatihan == 1500000 and a.sumber_dana == "apbn"
    page = text(world.me.get(f"{BASE}/penugasan/{a.id}"))
    assert "Rp1.750.000" in page and "APBN" in page


def test_forged_ids_are_not_found(world):
    a = world.proposed()
    for url in (f"{BASE}/penugasan/{a.id}", f"{BASE}/penugasan/{a.id + 1}"):
        assert login_b(world).get(url).status_code == 404
    assert world.other.get(f"{BASE}/usulan/{world.employee.id}").status_code == 404


def test_pyb_may_return_a_proposal_with_a_note_then_unit_proposes_again_bm01(world):
    a = world.proposed()
    url = f"{BASE}/penugasan/{a.id}/kembalikan"
    assert world.me.post(url, data={"catatan": "x"}).status_code == 403
    empty = world.pyb.post(url, data={"catatan": ""})
    assert empty.status_code == 422 and "Alasan pengembalian wajib diisi" in text(empty)
    assert world.pyb.post(url, data={"catatan": "Prioritaskan pelatihan formal dulu"}).status_code == 302
    a = last()
    assert (a.status, a.catatan_pyb) == ("dikembalikan", "Prioritaskan pelatihan formal dulu")
    assert world.pyb.post(f"{BASE}/penugasan/{a.id}/tugaskan").status_code == 302
    assert last().status == "dikembalikan"
    assert "Usulkan" in text(world.admin.get(f"{BASE}/rekomendasi"))
    assert world.propose().status_code == 302 and count() == 2
