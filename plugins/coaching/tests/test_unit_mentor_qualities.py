"""G-05 (§L.II): the mentor's qualities recorded on the unit mentoring record (flow 2) — shown
on the pair page and in its documentation PDF/XLSX."""

from __future__ import annotations

import io

import openpyxl
from portal_coaching.unit.models import UnitInventory, UnitPair
from unit_fixtures import BASE, unit_world_fixture  # noqa: F401

from portal.sdk import AuditLog, db


def _pair(pair_id: int) -> UnitPair:
    db.session.expire_all()
    return db.session.get(UnitPair, pair_id)


def _mentoring(w, partner, status: str) -> UnitPair:
    """A unit mentoring record in ``status`` (the request and acceptance steps have their own tests)."""
    entry = UnitInventory(unit_id=w.staff.unit_id, employee_id=w.staff.id, jenis="mentoring", alasan="Kesenjangan",
                          status="divalidasi", area="Penyusunan KAK", area_standard="teknis")
    pair = UnitPair(inventory=entry, jenis="mentoring", employee_id=w.staff.id, partner_id=partner.id,
                    supervisor_id=w.atasan.id, unit_id=w.staff.unit_id, status=status, kegiatan="Penyusunan KAK")
    db.session.add_all([entry, pair])
    db.session.commit()
    return pair


def test_the_mentee_records_the_mentors_qualities_g05(unit_world):
    w = unit_world
    pair = _mentoring(w, w.mentor, "menunggu_mitra")
    url = f"{BASE}/pasangan/{pair.id}/kualitas-mentor"
    early = w.client(w.staff).post(url, data={"kualitas": ["dipercaya"]}, follow_redirects=True)
    assert "setelah mentor menerima permohonan (G-05)" in early.get_data(as_text=True)
    pair.status = "kesepakatan"
    db.session.commit()
    page = w.client(w.staff).get(f"{BASE}/pasangan/{pair.id}").get_data(as_text=True)
    assert "Kualitas mentor (G-05)" in page and "Dapat menjaga kerahasiaan mentee" in page
    none = w.client(w.staff).post(url, data={}, follow_redirects=True)
    assert "paling sedikit satu kualitas mentor" in none.get_data(as_text=True)
    mentor_side = w.client(w.mentor).post(url, data={"kualitas": ["motivator"]}, follow_redirects=True)
    assert "dicatat oleh mentee (G-05)" in mentor_side.get_data(as_text=True)
    assert _pair(pair.id).mentor_kualitas is None
    ok = w.client(w.staff).post(url, data={"kualitas": ["dipercaya", "rahasia", "pendengar", "tidak-ada"]})
    assert ok.status_code == 302
    assert _pair(pair.id).mentor_kualitas == ["dipercaya", "rahasia", "pendengar"]
    page = w.client(w.mentor).get(f"{BASE}/pasangan/{pair.id}").get_data(as_text=True)
    assert "Pendengar yang baik" in page
    assert db.session.query(AuditLog).filter_by(action="coaching_unit.mentor_qualities").count() == 1
    sheet = openpyxl.load_workbook(io.BytesIO(
        w.client(w.staff).get(f"{BASE}/pasangan/{pair.id}/dokumentasi.xlsx").data)).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert any("Dapat dipercaya; Dapat menjaga kerahasiaan mentee; Pendengar yang baik" in c for c in cells)


def test_a_direct_supervisor_mentor_is_recorded_as_such_g05(unit_world):
    w = unit_world
    pair = _mentoring(w, w.atasan, "berjalan")  # mentoring with the direct supervisor
    assert w.client(w.staff).post(f"{BASE}/pasangan/{pair.id}/kualitas-mentor",
                                  data={"kualitas": ["inspirasi"]}).status_code == 302
    page = w.client(w.staff).get(f"{BASE}/pasangan/{pair.id}").get_data(as_text=True)
    assert "Berasal dari atasan langsung" in page and "Dapat memberikan inspirasi kepada mentee" in page
