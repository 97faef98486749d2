"""Berbagi Bahan Pembelajaran (KB-07): content checks, JPT Pratama, admin SDM, library, cap."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from komunitas_helpers import BASE, docx, last_id, ledger, text
from portal_komunitas.models import Material
from pypdf import PdfReader
from sqlalchemy import select

from portal.sdk import add_version, db, today


def _submit(client, data: bytes, name="modul.docx", **extra):
    form = {"judul": "Modul BIM Dasar", "topik": "BIM", "ringkasan": "Pengantar BIM",
            "jabatan": "Teknik Jalan Ahli Muda", "pernyataan": "y",
            "berkas": (io.BytesIO(data), name)}
    form.update(extra)
    return client.post(f"{BASE}/bahan/ajukan", data=form, content_type="multipart/form-data")


def _accept(world, author_client, sdm=None, **extra) -> Material:
    response = _submit(author_client, docx(), **extra)
    assert response.status_code == 302, text(response)
    material = db.session.get(Material, last_id(Material))
    jpt = world.head  # Atasan A heads A.01, the eselon II unit: the JPT Pratama
    assert jpt.post(f"{BASE}/bahan/{material.id}/setujui").status_code == 302
    assert (sdm or world.sdm).post(f"{BASE}/bahan/{material.id}/terima").status_code == 302
    db.session.expire_all()
    return db.session.get(Material, material.id)


def test_kb07_material_approved_by_jpt_then_accepted_credits_4_jp(world):
    a = world.units["A"]
    author = world.login(a["staff"])
    response = _submit(author, docx())
    assert response.status_code == 302
    material = db.session.get(Material, last_id(Material))
    assert material.status == "menunggu_jpt" and material.jpt_id == a["atasan"].id
    assert material.file.kind == "docx"
    # Not yet in the library; admin SDM cannot accept before the JPT Pratama approved.
    assert "Modul BIM Dasar" not in text(world.login(world.units["B"]["staff"]).get(f"{BASE}/bahan"))
    world.sdm.post(f"{BASE}/bahan/{material.id}/terima")
    db.session.refresh(material)
    assert material.status == "menunggu_jpt"
    assert "Setujui bahan pembelajaran: Modul BIM Dasar" in text(world.head.get("/kotak-masuk"))
    world.head.post(f"{BASE}/bahan/{material.id}/setujui")
    world.sdm.post(f"{BASE}/bahan/{material.id}/terima")
    db.session.refresh(material)
    assert material.status == "diterima"
    [entry] = ledger(a["staff"])
    assert (entry.role, entry.activity_type, entry.jp_counted, entry.rule_id) == (
        "penulis", "berbagi_bahan", Decimal(4), "KB-07")
    # Published: any employee finds and downloads it.
    reader = world.login(world.units["B"]["staff"])
    assert "Modul BIM Dasar" in text(reader.get(f"{BASE}/bahan?q=bim&topik=BIM"))
    assert "Modul BIM Dasar" not in text(reader.get(f"{BASE}/bahan?q=jembatan"))
    download = reader.get(f"{BASE}/bahan/{material.id}/unduh")
    assert download.status_code == 200 and download.data[:2] == b"PK"
    assert download.mimetype.endswith("wordprocessingml.document")


def test_berbagi_bahan_third_in_month_not_counted(world):
    a = world.units["A"]
    author = world.login(a["staff"])
    for n in range(3):
        _accept(world, author, judul=f"Modul {n}")
    entries = ledger(a["staff"], "berbagi_bahan")
    assert [e.counted for e in entries] == [True, True, False]
    assert entries[2].jp_counted == 0 and entries[2].cap_rule_id == "KB-07"
    assert "KB-07" in entries[2].reason


def test_kb07_counts_by_the_month_the_material_was_submitted_not_accepted(world):
    """KB-07 limits what an employee submits (2 a month): two materials submitted last month and
    accepted this month do not use this month's two."""
    a = world.units["A"]
    author = world.login(a["staff"])
    last_month = dt.datetime.now(dt.UTC).replace(tzinfo=None, day=1) - dt.timedelta(days=3)
    for n in range(2):
        assert _submit(author, docx(), judul=f"Modul lama {n}").status_code == 302
        db.session.get(Material, last_id(Material)).submitted_at = last_month
    db.session.commit()
    for material_id in db.session.scalars(select(Material.id).order_by(Material.id)).all():
        assert world.head.post(f"{BASE}/bahan/{material_id}/setujui").status_code == 302
        assert world.sdm.post(f"{BASE}/bahan/{material_id}/terima").status_code == 302
    for n in range(2):
        _accept(world, author, judul=f"Modul baru {n}")
    entries = ledger(a["staff"], "berbagi_bahan")
    assert len(entries) == 4 and all(e.counted for e in entries)
    assert sorted({e.activity_date.month for e in entries}) == sorted({last_month.month, today().month})
    assert "bulan pengajuan" in text(author.get(f"{BASE}/bahan/ajukan"))


def test_kb07_surat_pernyataan_pdf_from_fields(world):
    author = world.login(world.units["A"]["staff"])
    _submit(author, docx())
    material = db.session.get(Material, last_id(Material))
    response = author.get(f"{BASE}/bahan/{material.id}/surat-pernyataan.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    content = " ".join(PdfReader(io.BytesIO(response.data)).pages[0].extract_text().split())
    for expected in ("SURAT PERNYATAAN", "Staf A", world.units["A"]["staff"].nip,
                     "Teknik Jalan Ahli Muda", "Modul BIM Dasar", "hasil karya orisinil",
                     "Pejabat Eselon II", "Atasan A"):
        assert expected in content
    # Someone else cannot read an unpublished material.
    other = world.login(world.units["B"]["staff"])
    assert other.get(f"{BASE}/bahan/{material.id}/surat-pernyataan.pdf").status_code == 404


def test_kb07_content_checked(world, app):
    author = world.login(world.units["A"]["staff"])
    cases = [
        (b"<html><script>x</script></html>", "modul.pdf", "Isi berkas bukan PDF, DOCX, PPTX atau XLSX"),
        (docx({"word/document.xml": "<d/>"}), "modul.docx", "bukan dokumen Office yang sah"),
        (docx({"[Content_Types].xml": "<T/>", "other/x.xml": "<d/>"}), "m.docx", "Isi berkas bukan"),
        (b"PK\x03\x04garbage", "modul.docx", "Berkas rusak"),
        (docx({"[Content_Types].xml": "<T/>", "word/big.xml": "0" * (120 * 1024 * 1024)}),
         "bomb.docx", "terlalu besar setelah diekstrak"),
    ]
    for data, name, message in cases:
        response = _submit(author, data, name)
        assert response.status_code == 422, name
        body = text(response)
        assert message in body, name
        assert 'value="Modul BIM Dasar"' in body
    assert db.session.query(Material).count() == 0
    # PPTX and XLSX are recognised by their parts; PDF by its signature.
    for entries, kind in (({"[Content_Types].xml": "<T/>", "ppt/presentation.xml": "<p/>"}, "pptx"),
                          ({"[Content_Types].xml": "<T/>", "xl/workbook.xml": "<w/>"}, "xlsx")):
        assert _submit(author, docx(entries), "bahan.bin").status_code == 302
        assert db.session.get(Material, last_id(Material)).file.kind == kind
    assert _submit(author, b"%PDF-1.4\n%%EOF", "modul.pdf").status_code == 302


def test_kb07_size_limit_is_a_setting(world):
    add_version("komunitas.bahan_max_mb", "1", today(), "Batas kecil", None)
    db.session.commit()
    author = world.login(world.units["A"]["staff"])
    response = _submit(author, b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), "besar.pdf")
    assert response.status_code == 422 and "paling besar 1 MB" in text(response)


def test_kb07_statement_must_be_agreed(world):
    author = world.login(world.units["A"]["staff"])
    response = _submit(author, docx(), pernyataan="")
    assert response.status_code == 422 and "Surat Pernyataan" in text(response)


def test_kb07_only_jpt_pratama_approves(world):
    author = world.login(world.units["A"]["staff"])
    _submit(author, docx())
    material = db.session.get(Material, last_id(Material))
    assert author.post(f"{BASE}/bahan/{material.id}/setujui").status_code == 403
    assert world.koor.post(f"{BASE}/bahan/{material.id}/setujui").status_code == 404
    db.session.refresh(material)
    assert material.status == "menunggu_jpt"
