"""CM-01 applied to the unit flow: a pair's records are seen by the coachee/mentee, the
coach/mentor, the direct supervisor where the circular gives them a role (approving another
mentor, CU-03) and admin SDM; another atasan, a unit admin, a colleague get 404."""

from __future__ import annotations

import pytest
from portal_coaching.unit.models import UnitMeeting
from unit_fixtures import BASE, last_month, unit_world_fixture  # noqa: F401

from portal.sdk import db

INSIDERS_MENTORING = ("staff", "mentor", "atasan", "sdm")  # atasan approved the other mentor
INSIDERS_COACHING = ("staff", "mentor", "sdm")  # coaching by a colleague: no role for atasan
EVERYONE = ("staff", "mentor", "atasan", "sdm", "other_atasan", "admin", "colleague", "head", "b_staff")


def _who(w, name):
    return {"staff": w.staff, "mentor": w.mentor, "atasan": w.atasan, "sdm": w.sdm,
            "other_atasan": w.other_atasan, "admin": w.admin, "colleague": w.colleague, "head": w.head,
            "b_staff": w.units["B"]["staff"]}[name]


@pytest.fixture
def pairs(unit_world):
    w = unit_world
    mentoring = w.running_pair("mentoring", partner=w.mentor)
    w.meeting(mentoring, last_month(3))
    db.session.expire_all()
    return {"mentoring": mentoring}


def _urls(pair_id: int) -> list[str]:
    return [f"{BASE}/pasangan/{pair_id}", f"{BASE}/pasangan/{pair_id}/dokumentasi.xlsx",
            f"{BASE}/pasangan/{pair_id}/dokumentasi.pdf"]


@pytest.mark.parametrize("who", EVERYONE)
def test_mentoring_with_another_mentor_is_confidential_cm01(unit_world, pairs, who):
    w = unit_world
    pair = pairs["mentoring"]
    client = w.client(_who(w, who))
    expected = 200 if who in INSIDERS_MENTORING else 404
    for url in _urls(pair.id):
        assert client.get(url).status_code == expected, (who, url)
    meeting = db.session.query(UnitMeeting).first()
    if expected == 404:
        assert client.post(f"{BASE}/pertemuan/{meeting.id}/konfirmasi").status_code == 404
        assert client.post(f"{BASE}/pasangan/{pair.id}/evaluasi", data={"evaluasi": "x"}).status_code == 404
        body = w.client(_who(w, who)).get(f"{BASE}/").get_data(as_text=True)
        assert f"pasangan/{pair.id}\"" not in body


@pytest.mark.parametrize("who", EVERYONE)
def test_coaching_by_a_colleague_hides_it_from_the_supervisor_cm01(unit_world, who):
    w = unit_world
    pair = w.running_pair("coaching", partner=w.mentor)
    expected = 200 if who in INSIDERS_COACHING else 404
    client = w.client(_who(w, who))
    for url in _urls(pair.id):
        assert client.get(url).status_code == expected, (who, url)


def test_forged_ids_get_404(unit_world):
    w = unit_world
    client = w.client(w.staff)
    for url in (f"{BASE}/pasangan/99999", f"{BASE}/pasangan/99999/dokumentasi.pdf",
                f"{BASE}/inventarisasi/99999/area"):
        assert client.get(url).status_code == 404
    assert client.post(f"{BASE}/pertemuan/99999/konfirmasi").status_code == 404
    assert client.post(f"{BASE}/inventarisasi/99999/mulai", data={}).status_code == 404


def test_unit_admin_lists_but_does_not_read_the_coaching_record_cm01(unit_world):
    w = unit_world
    pair = w.running_pair("mentoring", partner=w.mentor)
    inventory = w.client(w.admin).get(f"{BASE}/inventarisasi").get_data(as_text=True)
    assert "Staf A" in inventory  # the list (CU-01) is the unit's
    assert "Mampu menyusun KAK" not in inventory
    assert w.client(w.admin).get(f"{BASE}/pasangan/{pair.id}").status_code == 404
    assert w.client(w.admin).get(f"{BASE}/pasangan").status_code == 403  # admin SDM only
    assert "Staf A" in w.client(w.sdm).get(f"{BASE}/pasangan").get_data(as_text=True)
