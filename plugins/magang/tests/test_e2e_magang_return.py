"""Browser journey (Chromium): the host sends a participant back (MG-14, Lamp. A.d.3.a.2). The
host's mentor, who has a portal account, opens the running internship, is refused without a
reason (what was typed stays), then returns the participant; the participant sees the
internship ended without JP."""

from __future__ import annotations

import pytest
from magang_helpers import BASE, HOST

from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(make_app, world, serve):
    return serve(make_app())


def open_as(new_page, live, employee):
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    sign_in(page, live, employee.nip)
    return page


def test_a_host_sends_a_participant_back(live, world, new_page, console):
    from playwright.sync_api import expect

    console.allow_status(422)
    console.allowed.append("Response Status Error Code 422 from /penempatan/")
    mentor = world.units["B"]["staff"]  # the host's mentor, linked to a portal account
    placement_id = world.nominate(world.need())
    world.prepare(placement_id)
    assert world.admin.post(f"{BASE}/{placement_id}/penerima", data=dict(HOST, mentor_nip=mentor.nip)).status_code \
        == 302
    assert world.admin.post(f"{BASE}/{placement_id}/mulai").status_code == 302

    host = open_as(new_page, live, mentor)
    host.goto(f"{live}{BASE}/{placement_id}")
    host.get_by_text("Instansi penerima mengembalikan peserta (MG-14)").click()
    host.fill("#decided_by", "Ir. Budi, Direktur Operasi PT Jembatan Nusantara")
    host.get_by_role("button", name="Kembalikan peserta ke instansi asal").click()
    expect(host.locator("[role=alert]").first).to_contain_text("MG-14")
    expect(host.locator("#decided_by")).to_have_value("Ir. Budi, Direktur Operasi PT Jembatan Nusantara")
    host.fill("#return_reason", "Melanggar tata tertib keselamatan kerja berulang kali")
    host.get_by_role("button", name="Kembalikan peserta ke instansi asal").click()
    expect(host.locator(".badge").first).to_contain_text("Dikembalikan ke instansi asal")
    expect(host.locator("section[aria-labelledby=kembali-info]")).to_contain_text("tanpa JP")

    participant = open_as(new_page, live, world.staff)
    participant.goto(f"{live}{BASE}/{placement_id}")
    expect(participant.locator("section[aria-labelledby=kembali-info]")).to_contain_text(
        "Melanggar tata tertib keselamatan kerja")
    participant.goto(f"{live}/jp/saya")
    expect(participant.locator("main")).not_to_contain_text("Magang / Praktik Kerja Lapangan:")
