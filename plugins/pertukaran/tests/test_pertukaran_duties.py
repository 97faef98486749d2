"""Duties of Lamp. B the catalogue lacked (PT-10, PT-11, PT-12), driven through the pages."""

from __future__ import annotations

import datetime as dt

from pertukaran_helpers import BASE, fresh
from sqlalchemy import select

from portal.sdk import Placement, PlacementNote, db, today


def _text(response) -> str:
    return response.get_data(as_text=True)


def test_the_partner_may_return_the_participant_to_the_origin_agency_pt10(world):
    """B.5.c.3: the host enforces its rules "hingga mengembalikan peserta pertukaran ke instansi asalnya"."""
    placement = world.running()
    assert "Instansi penerima mengembalikan peserta (PT-10)" in _text(world.admin.get(f"{BASE}/{placement.id}"))
    done = world.post(placement, "kembalikan", {"return_reason": "Melanggar kode etik mitra",
                                                "decided_by": "VP Human Capital PT SMI",
                                                "returned_on": today().isoformat()})
    assert done.status_code == 302
    placement = fresh(Placement, placement.id)
    assert placement.status == "dikembalikan" and placement.ledger_entry_id is None
    page = _text(world.admin.get(f"{BASE}/{placement.id}"))
    assert "Dikembalikan ke instansi asal (PT-10)" in page and "Melanggar kode etik mitra" in page
    listing = _text(world.admin.get(f"{BASE}/?status=dikembalikan"))
    assert "Dewi Hipo" in listing


def test_the_unit_left_behind_is_checked_before_the_exchange_starts_pt11(world):
    """B (upaya instansi pengirim) c: selection minds the sustainability of the unit left behind."""
    placement = world.candidate()
    page = _text(world.admin.get(f"{BASE}/{placement.id}"))
    assert "Unit yang ditinggalkan (PT-11)" in page
    assert "pemeriksaan keberlanjutan tugas di unit yang ditinggalkan (PT-11)" in page


def test_the_monitoring_form_of_atasan_and_mentor_pt12(world):
    """B.4.a: direct observation by the atasan and the mentor on a monitoring form; the outcome may be
    corrective (perbaikan) up to repressive (penegakan aturan) action."""
    placement = world.running()
    atasan = world.login(world.units["A"]["atasan"])
    page = _text(atasan.get(f"{BASE}/{placement.id}"))
    assert "Pelaksanaan masih sesuai jalur" in page and "Tindakan represif (penegakan aturan)" in page
    future = (today() + dt.timedelta(days=2)).isoformat()
    refused = world.post(placement, "catatan", {"role": "atasan", "observation": "Target SOP tertinggal",
                                                "observed_on": future}, client=atasan)
    assert refused.status_code == 422 and "PT-12" in _text(refused)
    assert "Target SOP tertinggal" in _text(refused)  # what was typed stays
    no_action = world.post(placement, "catatan", {"role": "atasan", "observation": "Target SOP tertinggal",
                                                  "action_kind": "represif", "corrective": ""}, client=atasan)
    assert no_action.status_code == 422 and "represif" in _text(no_action)
    ok = world.post(placement, "catatan", {
        "role": "atasan", "observed_on": today().isoformat(), "observation": "Target SOP tertinggal dua minggu",
        "target_progress": "Indikator 1 dari 3 tercapai", "on_track": "tidak", "action_kind": "korektif",
        "corrective": "Jadwal ulang penyusunan SOP bersama koordinator mitra"}, client=atasan)
    assert ok.status_code == 302
    note = db.session.scalar(select(PlacementNote))
    assert (note.on_track, note.action_kind, note.observed_on) == (False, "korektif", today())
    assert note.target_progress == "Indikator 1 dari 3 tercapai"
    page = _text(world.admin.get(f"{BASE}/{placement.id}"))
    assert "Formulir monitoring (PT-12)" in page and "Indikator 1 dari 3 tercapai" in page
    assert "Tindakan korektif (perbaikan)" in page
