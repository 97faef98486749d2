"""E-certificates (G-06): issue, PDF content, storage, numbering, revoke/reissue, IDOR, bulk."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import socket
import subprocess
import threading
import zipfile
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from portal.certificates import document, jobs, numbering, settings, storage
from portal.certificates.service import CertificateError, issue, reissue, revoke
from portal.extensions import db
from portal.i18n import tanggal
from portal.ledger.service import cancel
from portal.models import AuditLog
from portal.models.certificate import Certificate, CertificateJob
from portal.models.task_job import TaskJob
from portal.plugins import registry
from portal.reports import pdf as pdf_module
from portal.testing_pdf import layout_faults
from portal.types import CertificateContext
from tests.certificate_helpers import CertificatePlugin, account_id, entry_for, flat, pdf_text

DIACRITIC_NAME = "Çağlar Ñúñez O’Brien “Ucok” Siregar"
XSS_NAME = "<img src=x onerror=alert(1)>"


@pytest.fixture
def world(two_units):
    return two_units


def _stored_pdf(certificate: Certificate) -> bytes:
    return storage.load(certificate)


def test_issue_renders_every_field_of_the_certificate(world, people):
    unit = world["A"]["sub"]
    holder = people.person(unit, nama=DIACRITIC_NAME, golongan="III/c", jabatan="Analis SDM Aparatur",
                           supervisor=world["A"]["atasan"])
    entry = entry_for(holder, title="Magang “Jembatan” — Balai Teknik")
    # The signer is a setting (no official's name by default); an invented one here.
    settings.save({"certificate.signer_name": "Dr. Ir. Wiratama Santosa, M.Sc.",
                   "certificate.signer_nip": "196812141994031002"}, None)
    certificate = issue(entry.id, account_id(world["sdm"]))

    assert re.fullmatch(r"1/magang/A\.01/\d{4}", certificate.number)
    assert certificate.number == f"1/magang/A.01/{certificate.issued_on.year}"
    text = flat(pdf_text(_stored_pdf(certificate)))
    expected = [
        "KEMENTERIAN PEKERJAAN UMUM DAN PERUMAHAN RAKYAT", "BADAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "SERTIFIKAT", f"Nomor: {certificate.number}", DIACRITIC_NAME, holder.nip, "III/c",
        "Analis SDM Aparatur", "Direktorat A Satu", "Magang “Jembatan” — Balai Teknik",
        "Magang / Praktik Kerja Lapangan", "Peserta", "5 Maret 2026", "8 JP",
        "70 — pembelajaran melalui pengalaman", "Dr. Ir. Wiratama Santosa, M.Sc.",
        "NIP. 196812141994031002", "Kepala Badan Pengembangan Sumber Daya Manusia",
        f"Jakarta, {tanggal(certificate.issued_on)}", f"/verifikasi/{certificate.token}",
    ]
    for value in expected:
        assert value in text, value
    assert "■" not in text
    assert layout_faults(_stored_pdf(certificate)) == []
    reader = PdfReader(io.BytesIO(_stored_pdf(certificate)))
    assert reader.pages[0].mediabox.width == pytest.approx(595.27, abs=1)  # A4 portrait
    assert len(reader.pages[0].images) == 1  # the QR code
    fonts = str(reader.pages[0]["/Resources"]["/Font"].get_object())
    db.session.refresh(entry)
    assert entry.certificate_id == certificate.id
    path = Path(storage.root()) / certificate.pdf_path
    assert hashlib.sha256(path.read_bytes()).hexdigest() == certificate.pdf_sha256
    assert "static" not in certificate.pdf_path and fonts
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "certificate.issue"))
    assert audit.new_values["number"] == certificate.number


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbar-tools reads the printed QR code back")
def test_the_printed_qr_code_opens_the_certificates_verification_page(world, people, tmp_path):
    """G-06: a printed certificate is checked by scanning its QR code; it must decode to the
    verification link (the code uses one fixed mask pattern, issue 21)."""
    holder = people.person(world["A"]["sub"], supervisor=world["A"]["atasan"])
    certificate = issue(entry_for(holder).id, account_id(world["sdm"]))
    page = pypdfium2.PdfDocument(_stored_pdf(certificate))[0]
    page.render(scale=150 / 72).to_pil().save(tmp_path / "halaman.png")  # printed at 150 dpi
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "halaman.png")],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert scanned == document.verification_url(certificate.token)
    assert scanned.endswith(f"/verifikasi/{certificate.token}")


def test_xss_name_is_printed_as_text(world, people):
    holder = people.person(world["A"]["sub"], nama=XSS_NAME, supervisor=world["A"]["atasan"])
    certificate = issue(entry_for(holder, title='<b>tebal</b> & "kutip"').id, None)
    text = flat(pdf_text(_stored_pdf(certificate)))
    assert XSS_NAME in text
    assert '<b>tebal</b> & "kutip"' in text


def test_user_text_cannot_fetch_resources(world, people, monkeypatch):
    connections = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connections.append(a) or 1 / 0)
    refused = []
    original = pdf_module.link_callback
    monkeypatch.setattr(pdf_module, "link_callback", lambda uri, rel: refused.append(uri) or original(uri, rel))
    hostile = ('<img src="file:///etc/passwd"><img src="http://127.0.0.1/admin">'
               '<img src="http://169.254.169.254/latest/meta-data/">')
    holder = people.person(world["A"]["sub"], nama=hostile, supervisor=world["A"]["atasan"])
    certificate = issue(entry_for(holder, title="@import url(/etc/passwd);").id, None)
    text = flat(pdf_text(_stored_pdf(certificate)))
    assert 'img src="file:///etc/passwd"' in text  # printed, not fetched
    assert connections == []
    assert all("passwd" not in uri and "127.0.0.1" not in uri for uri in refused)


def test_renderer_policy_refuses_raw_markup(app, monkeypatch):
    connections = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connections.append(a) or 1 / 0)
    html = ('<html><head><style>@import url("/etc/passwd"); @font-face { font-family: x; '
            'src: url("http://127.0.0.1:9/f.ttf"); }</style></head><body>'
            '<img src="/etc/passwd"><img src="file:///etc/hostname"><img src="http://127.0.0.1:5000/">'
            '<img src="http://[::ffff:127.0.0.1]/"><p>aman</p></body></html>')
    data = pdf_module.html_to_pdf(html)
    assert "aman" in pdf_text(data)
    assert connections == []
    for uri in ("/etc/passwd", "file:///etc/hostname", "http://127.0.0.1/", "../../instance/x"):
        assert pdf_module.link_callback(uri, "") == pdf_module.BLANK
    assert pdf_module.link_callback(str(pdf_module.FONTS["regular"]), "") == str(pdf_module.FONTS["regular"])


def test_numbers_follow_a_per_year_sequence_and_the_format_setting(world, people):
    staff = world["A"]["staff"]
    first = issue(entry_for(staff, title="Satu").id, None)
    second = issue(entry_for(staff, title="Dua").id, None)
    assert (first.seq, second.seq) == (1, 2)
    with pytest.raises(ValueError, match="seq"):
        settings.clean("certificate.number_format", "{slug}/{year}")
    with pytest.raises(ValueError):
        settings.clean("certificate.number_format", "{seq:>999999999}/{year}")
    with pytest.raises(ValueError):
        settings.clean("certificate.number_format", "{seq.__class__}/{year}")
    settings.save({"certificate.number_format": settings.clean(
        "certificate.number_format", "{seq:05d}/SERT/{year}")}, None)
    db.session.commit()
    third = issue(entry_for(staff, title="Tiga").id, None)
    assert third.number == f"00003/SERT/{third.year}"


def test_sequence_is_unique_under_concurrency(app, world):
    results, errors = [], []

    def take():
        with app.app_context():
            try:
                results.append(numbering.next_seq(2031))
                db.session.commit()
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == list(range(1, 9))


def test_a_participation_is_certified_once(world):
    entry = entry_for(world["A"]["staff"])
    first = issue(entry.id, None)
    with pytest.raises(CertificateError, match=re.escape(first.number)):
        issue(entry.id, None)


def test_cancelled_or_unknown_entries_are_refused(world):
    entry = entry_for(world["A"]["staff"])
    cancel(entry.id, None, "salah input")
    db.session.commit()
    with pytest.raises(CertificateError, match="dibatalkan"):
        issue(entry.id, None)
    with pytest.raises(CertificateError, match="tidak ditemukan"):
        issue(987654, None)


@pytest.mark.hook("portal_certificate_context")
def test_plugin_states_the_certificate_content(make_app, two_units):
    app = make_app(plugins=[(CertificatePlugin.slug, CertificatePlugin())])
    with app.app_context():
        staff = db.session.merge(two_units["A"]["staff"])
        entry = entry_for(staff, mechanism="uji", title="Coaching manajerial", jp=6,
                          day=dt.date(2026, 5, 20))
        stated = registry().pm.hook.portal_certificate_context(participation=entry)
        assert isinstance(stated, CertificateContext) and stated.role_label == "Coachee"
        certificate = issue(entry.id, None)
        text = flat(pdf_text(storage.load(certificate)))
        assert certificate.model == 20
        for value in ("Program Coaching manajerial", "Mekanisme Uji", "Coachee",
                      "25 Maret 2026 s.d. 20 Mei 2026", "6 JP", "Delapan pertemuan coaching (CM-06)",
                      "20 — pembelajaran sosial", f"/uji/A.01/{certificate.year}"):
            assert value in text, value


def test_programme_completion_without_ledger_row(world):
    staff = world["A"]["staff"]
    context = CertificateContext(
        programme_title="Program Coaching Unit SDM 2026", mechanism_title="Coaching dan Mentoring",
        role_label="Coachee", start_date=dt.date(2026, 1, 5), end_date=dt.date(2026, 3, 2), jp=16,
        model=20, employee_id=staff.id, mechanism="coaching", reference="program:7")
    certificate = issue(context, None)
    assert certificate.ledger_entry_id is None and certificate.source_key == "coaching:program:7"
    assert "Program Coaching Unit SDM 2026" in flat(pdf_text(storage.load(certificate)))
    with pytest.raises(CertificateError, match="sudah memiliki"):
        issue(context, None)
    with pytest.raises(CertificateError, match="employee_id"):
        issue(CertificateContext("P", "M", "R", dt.date(2026, 1, 1), dt.date(2026, 1, 1), 2, 70,
                                 mechanism="x", reference="y"), None)


def test_revoke_and_reissue_are_audited_and_linked(world):
    entry = entry_for(world["A"]["staff"])
    old = issue(entry.id, None)
    actor = account_id(world["sdm"])
    with pytest.raises(CertificateError, match="Alasan"):
        revoke(old.id, "  ", actor)
    new = reissue(old.id, "Golongan pegawai salah", actor)
    db.session.refresh(old)
    db.session.refresh(entry)
    assert old.is_revoked and "Golongan pegawai salah" in old.revoke_reason
    assert new.replaces_id == old.id and new.number != old.number and not new.is_revoked
    assert entry.certificate_id == new.id
    with pytest.raises(CertificateError, match="sudah dicabut"):
        revoke(old.id, "lagi", actor)
    revoke(new.id, "Kegiatan tidak sah", actor)
    actions = [a.action for a in db.session.scalars(select(AuditLog).where(
        AuditLog.entity_type == "certificate").order_by(AuditLog.id))]
    assert actions == ["certificate.issue", "certificate.reissue", "certificate.revoke"]


def test_pdf_is_generated_once_and_served_from_storage(world, monkeypatch):
    staff = world["A"]["staff"]
    certificate = issue(entry_for(staff).id, None)
    monkeypatch.setattr(document, "render", lambda *a, **k: pytest.fail("rendered again"))
    client = world["A"]["staff"]
    from flask import current_app
    web = current_app.test_client()
    web.login(client.nip)
    first = web.get(f"/sertifikat/{certificate.id}/unduh")
    second = web.get(f"/sertifikat/{certificate.id}/unduh")
    assert first.status_code == 200 and first.mimetype == "application/pdf"
    assert first.data == second.data == storage.load(certificate)
    assert "attachment" in first.headers["Content-Disposition"]


def test_altered_file_is_not_served(world):
    from flask import current_app
    certificate = issue(entry_for(world["A"]["staff"]).id, None)
    (Path(storage.root()) / certificate.pdf_path).write_bytes(b"%PDF-1.4 palsu")
    web = current_app.test_client()
    web.login(world["A"]["staff"].nip)
    response = web.get(f"/sertifikat/{certificate.id}/unduh")
    assert response.status_code == 500
    assert "palsu" not in response.get_data(as_text=True)


def test_my_certificates_and_download_idor(app, world):
    mine = issue(entry_for(world["A"]["staff"]).id, None)
    theirs = issue(entry_for(world["B"]["staff"]).id, None)
    staff = app.test_client()
    staff.login(world["A"]["staff"].nip)
    page = staff.get("/sertifikat/saya").get_data(as_text=True)
    assert mine.number in page and theirs.number not in page
    assert document.verification_path(mine.token) in page
    assert staff.get(f"/sertifikat/{mine.id}/unduh").status_code == 200
    for url in (f"/sertifikat/{theirs.id}/unduh", f"/sertifikat/{theirs.id + 1000}/unduh"):
        assert staff.get(url).status_code == 404
    assert staff.get(f"/sertifikat/{mine.id}").status_code == 403  # admin page
    admin_a = app.test_client()
    admin_a.login(world["A"]["admin"].nip)
    assert admin_a.get(f"/sertifikat/{mine.id}/unduh").status_code == 200
    assert admin_a.get(f"/sertifikat/{theirs.id}/unduh").status_code == 404
    assert admin_a.get(f"/sertifikat/{theirs.id}").status_code == 404
    listing = admin_a.get("/sertifikat/kelola").get_data(as_text=True)
    assert mine.number in listing and theirs.number not in listing
    denied = admin_a.post(f"/sertifikat/{theirs.id}/cabut", data={"alasan": "coba"})
    assert denied.status_code == 404
    db.session.refresh(theirs)
    assert not theirs.is_revoked
    sdm = app.test_client()
    sdm.login(world["sdm"].nip)
    assert sdm.get(f"/sertifikat/{theirs.id}/unduh").status_code == 200


def test_admin_revokes_and_reissues_through_the_pages(app, world):
    certificate = issue(entry_for(world["A"]["staff"]).id, None)
    admin = app.test_client()
    admin.login(world["A"]["admin"].nip)
    empty = admin.post(f"/sertifikat/{certificate.id}/terbit-ulang", data={"alasan": ""})
    assert empty.status_code == 400 and "Alasan wajib diisi" in empty.get_data(as_text=True)
    response = admin.post(f"/sertifikat/{certificate.id}/terbit-ulang", data={"alasan": "Nama salah ketik"})
    assert response.status_code == 302
    db.session.expire_all()
    new = db.session.scalar(select(Certificate).where(Certificate.replaces_id == certificate.id))
    assert new is not None and new.number in admin.get(response.headers["Location"]).get_data(as_text=True)
    assert admin.post(f"/sertifikat/{new.id}/cabut", data={"alasan": "Salah orang"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Certificate, new.id).revoke_reason == "Salah orang"


def _bulk_entries(staff, count: int, failing: int | None = None, mechanism: str = "uji"):
    entries = []
    for index in range(count):
        reference = f"gagal-{index}" if index == failing else f"rapat-{index}"
        entries.append(entry_for(staff, mechanism=mechanism, title=f"Pertemuan {index}",
                                 reference=reference, jp=2, day=dt.date(2026, 4, 1 + index)))
    return entries


def test_bulk_job_reports_progress_and_failures(make_app, two_units):
    app = make_app(plugins=[(CertificatePlugin.slug, CertificatePlugin())],
                   PORTAL_CERTIFICATE_JOBS="worker")
    with app.app_context():
        staff = db.session.merge(two_units["A"]["staff"])
        entries = _bulk_entries(staff, 4, failing=1)
        admin = app.test_client()
        admin.login(two_units["A"]["admin"].nip)
        preview = admin.get("/sertifikat/massal/?mekanisme=uji&dari=2026-04-01&sampai=2026-04-30")
        assert "4</strong> entri" in preview.get_data(as_text=True)
        started = admin.post("/sertifikat/massal/mulai", data={"mekanisme": "uji", "dari": "2026-04-01",
                                                               "sampai": "2026-04-30"})
        assert started.status_code == 302
        job = db.session.scalar(select(CertificateJob))
        fragment = admin.get(f"/sertifikat/massal/{job.id}/status", headers={"HX-Request": "true"})
        body = fragment.get_data(as_text=True)
        assert "0 dari 4" in body and 'hx-trigger="every 1s"' in body

        jobs.run_job(job.id, limit=2)
        body = admin.get(f"/sertifikat/massal/{job.id}").get_data(as_text=True)
        assert "2 dari 4" in body and 'value="2"' in body and "Muat ulang status" in body
        assert f"Entri JP #{entries[1].id}" in body  # the failure is reported at once

        jobs.run_job(job.id)
        db.session.expire_all()
        job = db.session.get(CertificateJob, job.id)
        assert (job.total, job.done, job.failed, job.status) == (4, 3, 1, "selesai")
        body = admin.get(f"/sertifikat/massal/{job.id}/status").get_data(as_text=True)
        assert "hx-trigger" not in body and "sertifikat.zip" in body
        assert f"Entri JP #{entries[1].id}: kesalahan sistem (RuntimeError)" in body

        archive = admin.get(f"/sertifikat/massal/{job.id}/sertifikat.zip")
        assert archive.status_code == 200 and archive.mimetype == "application/zip"
        with zipfile.ZipFile(io.BytesIO(archive.data)) as zipped:
            names = zipped.namelist()
            assert len(names) == 3
            texts = [flat(pdf_text(zipped.read(n))) for n in names]
        assert {f"Program Pertemuan {i}" for i in (0, 2, 3)} == {
            next(f"Program Pertemuan {i}" for i in range(4) if f"Program Pertemuan {i}" in t) for t in texts}

        other = app.test_client()
        other.login(two_units["B"]["admin"].nip)
        assert other.get(f"/sertifikat/massal/{job.id}").status_code == 404
        assert other.get(f"/sertifikat/massal/{job.id}/sertifikat.zip").status_code == 404


def test_bulk_job_on_the_task_queue_is_shared_by_its_tasks_without_duplicates(make_app, two_units):
    """PORTAL_CERTIFICATE_JOBS=queue (the default outside tests): two queue tasks share the items
    (consumers on several machines issue side by side); every item is issued once."""
    app = make_app(PORTAL_CERTIFICATE_JOBS="queue", PORTAL_TASK_QUEUE="immediate")
    with app.app_context():
        staff = db.session.merge(two_units["A"]["staff"])
        entries = _bulk_entries(staff, 4, mechanism="magang")
        job = jobs.start_bulk([e.id for e in entries], account_id(two_units["sdm"]),
                              base_url="https://portal.example/")
        jobs.launch(job)
        db.session.expire_all()
        job = db.session.get(CertificateJob, job.id)
        assert (job.done, job.failed, job.status) == (4, 0, "selesai")
        tasks = db.session.scalars(select(TaskJob).where(TaskJob.kind == jobs.QUEUE_KIND)).all()
        assert len(tasks) == 2 and {t.status for t in tasks} == {"selesai"}
        assert db.session.scalar(select(func.count()).select_from(Certificate)) == 4


def test_bulk_job_runs_in_a_background_thread(make_app, two_units):
    app = make_app(PORTAL_CERTIFICATE_JOBS="thread")
    with app.app_context():
        staff = db.session.merge(two_units["A"]["staff"])
        entries = _bulk_entries(staff, 3, mechanism="magang")
        cancel(entries[2].id, None, "batal")
        db.session.commit()
        job = jobs.start_bulk([e.id for e in entries], account_id(two_units["sdm"]),
                              base_url="https://portal.example/")
        jobs.launch(job).join(timeout=120)
        db.session.expire_all()
        job = db.session.get(CertificateJob, job.id)
        assert (job.done, job.failed, job.status) == (2, 1, "selesai")
        assert "dibatalkan" in jobs.errors(job.id)[0].message
        certificate = db.session.scalar(select(Certificate).where(Certificate.ledger_entry_id == entries[0].id))
        assert "https://portal.example/verifikasi/" in flat(pdf_text(storage.load(certificate)))
        with pytest.raises(jobs.JobError):
            jobs.start_bulk([], None)


def test_bulk_page_rejects_bad_filters(app, world):
    admin = app.test_client()
    admin.login(world["A"]["admin"].nip)
    response = admin.post("/sertifikat/massal/mulai", data={"dari": "2026-02-30", "unit": str(world["B"]["top"].id)})
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "tidak valid" in body and "lingkup Anda" in body
    none = admin.post("/sertifikat/massal/mulai", data={"mekanisme": "magang"})
    assert none.status_code == 400 and "Tidak ada entri JP" in none.get_data(as_text=True)
    assert db.session.scalar(select(CertificateJob)) is None


def test_settings_page_validates_and_audits(app, world):
    sdm = app.test_client()
    sdm.login(world["sdm"].nip)
    bad = sdm.post("/sertifikat/pengaturan/", data={"certificate.number_format": "{nama}",
                                                    "certificate.signer_nip": "123"})
    assert bad.status_code == 400
    assert "hanya boleh memuat" in bad.get_data(as_text=True)
    good = sdm.post("/sertifikat/pengaturan/", data={"certificate.signer_name": "Ir. Penanda Tangan",
                                                     "report.pengelola_name": "Pengelola Uji"})
    assert good.status_code == 302
    assert settings.get("certificate.signer_name") == "Ir. Penanda Tangan"
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "setting.change")) is not None
    staff = app.test_client()
    staff.login(world["A"]["admin"].nip)
    assert staff.get("/sertifikat/pengaturan/").status_code == 403


def test_certificate_carries_the_emblem_the_institution_uploads(app, world, people):
    """Without an upload the portal's neutral mark is drawn; an uploaded PNG is printed instead;
    a file that is not an image is refused with a message and changes nothing (issue 18)."""
    import base64

    sdm = app.test_client()
    sdm.login(world["sdm"].nip)
    holder = people.person(world["A"]["sub"], supervisor=world["A"]["atasan"])
    first = issue(entry_for(holder, title="Tanpa lambang").id, account_id(world["sdm"]))
    assert len(PdfReader(io.BytesIO(_stored_pdf(first))).pages[0].images) == 1  # QR only; mark is vector
    bad = sdm.post("/sertifikat/pengaturan/", data={"certificate.emblem_file": (io.BytesIO(b"MZ not an image"),
                                                                                "lambang.png")},
                   content_type="multipart/form-data")
    assert bad.status_code == 400 and "Lambang instansi: Isi berkas bukan" in bad.get_data(as_text=True)
    assert settings.get("certificate.emblem_file") == ""
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9a"
                           "wAAAABJRU5ErkJggg==")
    good = sdm.post("/sertifikat/pengaturan/", data={"certificate.emblem_file": (io.BytesIO(png), "lambang.png")},
                    content_type="multipart/form-data")
    assert good.status_code == 302 and settings.get("certificate.emblem_file").isdigit()
    second = issue(entry_for(holder, title="Dengan lambang", day=dt.date(2026, 4, 1)).id, account_id(world["sdm"]))
    assert len(PdfReader(io.BytesIO(_stored_pdf(second))).pages[0].images) == 2  # emblem and QR


def test_worker_command_resumes_unfinished_jobs(make_app, two_units):
    app = make_app(PORTAL_CERTIFICATE_JOBS="worker")
    with app.app_context():
        staff = db.session.merge(two_units["A"]["staff"])
        entries = _bulk_entries(staff, 2, mechanism="magang")
        job = jobs.start_bulk([e.id for e in entries] + [entries[0].id], None)
        assert job.total == 2 and jobs.launch(job) is None
        assert db.session.get(CertificateJob, job.id).status == "menunggu"
        result = app.test_cli_runner().invoke(args=["certificates", "work", "--reset-claimed"])
        assert result.exit_code == 0, result.output
        assert f"Penerbitan #{job.id}: 2 terbit, 0 gagal dari 2." in result.output
        assert jobs.unfinished() == []


def test_issue_uncommitted_follows_the_callers_transaction(world, people):
    """The demo and other batch steps issue inside their own transaction (issue 18): a rollback
    leaves no certificate; a commit keeps one that verifies like any other."""
    from portal.certificates.service import issue_uncommitted

    holder = people.person(world["A"]["sub"], supervisor=world["A"]["atasan"])
    entry = entry_for(holder, title="Tanpa komit")
    issue_uncommitted(entry.id, account_id(world["sdm"]))
    db.session.rollback()
    assert db.session.scalar(select(Certificate)) is None
    certificate = issue_uncommitted(entry.id, account_id(world["sdm"]))
    db.session.commit()
    assert db.session.scalar(select(Certificate.number)) == certificate.number
    assert _stored_pdf(certificate).startswith(b"%PDF")
