"""The placement page shows each person only the steps they may take now (issue 13: the core's
``allowed_actions`` decides, the template renders), and a step it does not offer is refused by
its service all the same."""

from __future__ import annotations

import re

from magang_helpers import BASE, HOST

from portal.sdk import Placement, db


def _forms(client, placement_id: int) -> set[str]:
    html = client.get(f"{BASE}/{placement_id}").get_data(as_text=True)
    return set(re.findall(rf'action="{BASE}/{placement_id}/([a-z-]+)"', html))


def test_while_preparing_each_role_sees_its_own_steps(world):
    placement_id = world.nominate(world.need())
    assert "rekomendasi" in _forms(world.atasan, placement_id)
    assert not {"penerima", "perjanjian", "jadwal"} & _forms(world.atasan, placement_id)
    assert {"penerima", "perjanjian", "jadwal"} <= _forms(world.admin, placement_id)
    assert not {"rekomendasi", "penerima", "laporan", "evaluasi-akhir"} & _forms(world.participant, placement_id)


def test_a_step_the_page_does_not_offer_is_refused_by_its_service(world):
    placement_id = world.nominate(world.need())
    response = world.participant.post(f"{BASE}/{placement_id}/penerima", data=HOST)
    assert response.status_code in (403, 422)
    db.session.expire_all()
    assert not db.session.get(Placement, placement_id).host_name


def test_while_running_the_participant_reports_and_the_sending_unit_evaluates(world):
    placement_id = world.running()
    assert "laporan" in _forms(world.participant, placement_id)
    assert "evaluasi-akhir" not in _forms(world.participant, placement_id)
    admin_forms = _forms(world.admin, placement_id)
    assert {"evaluasi-akhir", "rapor", "catatan"} <= admin_forms
    assert not {"penerima", "jadwal", "rekomendasi"} & admin_forms  # preparation is over
