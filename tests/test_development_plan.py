"""Development plans (§F, G-01, G-02): drafting, the basis deciding the models, the atasan's
agreement, and plan against realisation from the JP ledger."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.ledger.service import credit
from portal.mechanisms.catalogue import MECHANISM_MODELS
from portal.mechanisms.switches import set_switch
from portal.models import AuditLog, EmployeeGap
from portal.models.plan import DevelopmentPlan, DevelopmentPlanItem
from portal.plans.realisation import realisation
from portal.plans.rules import BASES, mechanism_options, model_refusal
from portal.types import JPResult, Participation, PluginInfo

YEAR = 2025
TECH_MESSAGE = "Dasar pengembangan teknologi hanya untuk model 70 dan 10 (§F, G-02)"


def uninstalled(app) -> list[str]:
    """Fixed mechanisms whose plugin is not installed here."""
    installed = set(app.extensions["portal_plugins"].slugs())
    return [slug for slug in MECHANISM_MODELS if slug not in installed]


class Mechanism:
    """A throw-away mechanism plugin of one model; 2 JP per participation. Their slugs are not
    the circular's, so the tests hold whichever real mechanism plugins are installed."""

    def __init__(self, slug: str, model: int):
        self.slug, self.model = slug, model

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title=f"Mekanisme {self.slug}", model=self.model)

    @hookimpl
    def portal_compute_jp(self, participation, settings):
        if participation.mechanism != self.slug:
            return None
        return JPResult(2, "KB-05")


@pytest.fixture
def portal(make_app, two_units):
    app = make_app(plugins=[(slug, Mechanism(slug, model)) for slug, model in
                            (("uji70", 70), ("uji20", 20), ("uji10", 10))])
    with app.app_context():
        yield app


def signed_in(app, employee):
    client = app.test_client()
    client.login(employee.nip)
    return client


def new_plan(client, employee, basis="kesenjangan", year=YEAR) -> DevelopmentPlan:
    response = client.post(f"/rencana/pegawai/{employee.id}/baru",
                           data={"year": str(year), "basis": basis, "notes": "Catatan"})
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.rollback()
    return db.session.scalar(select(DevelopmentPlan).where(
        DevelopmentPlan.employee_id == employee.id, DevelopmentPlan.year == year))


def add_item(client, plan, mechanism, jp="8", month="3", **extra):
    return client.post(f"/rencana/{plan.id}/butir",
                       data={"mechanism": mechanism, "target_jp": jp, "planned_month": month,
                             **extra})


def items_of(plan) -> list[str]:
    db.session.rollback()
    return [item.mechanism for item in db.session.scalars(
        select(DevelopmentPlanItem).where(DevelopmentPlanItem.plan_id == plan.id))]


# --------------------------------------------------------------------------- G-01, G-02


def test_technology_basis_allows_only_70_and_10(portal, two_units):
    staff = two_units["A"]["staff"]
    client = signed_in(portal, staff)
    plan = new_plan(client, staff, basis="teknologi")
    refused = add_item(client, plan, "uji20", description="Coaching BIM")
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert TECH_MESSAGE in body
    assert 'value="Coaching BIM"' in body  # what was typed is kept
    assert items_of(plan) == []
    assert "Mekanisme uji20 termasuk model 20 (G-01)" in body
    assert model_refusal("teknologi", "coaching").endswith(TECH_MESSAGE + ".")
    assert add_item(client, plan, "uji70").status_code == 302
    assert add_item(client, plan, "uji10").status_code == 302
    assert items_of(plan) == ["uji70", "uji10"]
    assert model_refusal("teknologi", "formal") is None  # model 10 is allowed


def test_other_bases_allow_models_70_20_and_10(portal, two_units):
    for basis in ("kesenjangan", "kebutuhan", "karier"):
        assert BASES[basis].models == (70, 20, 10)
        assert all(model_refusal(basis, slug) is None for slug in ("komunitas", "coaching",
                                                                   "formal", "uji20"))
    assert BASES["teknologi"].models == (70, 10)


def test_changing_the_basis_to_technology_with_a_model_20_item_is_refused(portal, two_units):
    staff = two_units["A"]["staff"]
    client = signed_in(portal, staff)
    plan = new_plan(client, staff, basis="karier")
    assert add_item(client, plan, "uji20").status_code == 302
    response = client.post(f"/rencana/{plan.id}/ubah", data={"basis": "teknologi", "notes": "x"})
    assert response.status_code == 422
    assert TECH_MESSAGE in response.get_data(as_text=True)
    db.session.rollback()
    assert db.session.get(DevelopmentPlan, plan.id).basis == "karier"


def test_mechanisms_carry_the_model_of_the_circular_g01(portal, two_units):
    options = {o.slug: o for o in mechanism_options(two_units["A"]["sub"])}
    assert {slug: options[slug].model for slug in MECHANISM_MODELS} == {
        "magang": 70, "pertukaran": 70, "patok_banding": 70, "detasering": 70, "outbound": 70,
        "komunitas": 70, "belajar_mandiri": 70, "coaching": 20, "formal": 10}
    assert options["uji20"].model == 20 and options["uji20"].available
    for slug in uninstalled(portal):
        assert not options[slug].available and options[slug].reason == "belum tersedia di portal"


def test_only_installed_and_switched_on_mechanisms_can_be_planned(portal, two_units):
    staff = two_units["A"]["staff"]
    client = signed_in(portal, staff)
    plan = new_plan(client, staff)
    for slug in uninstalled(portal)[:1]:
        page = client.get(f"/rencana/{plan.id}").get_data(as_text=True)
        assert re.search(rf'<option value="{slug}" disabled\s*>', page)
        refused = add_item(client, plan, slug)
        assert refused.status_code == 422
        assert "belum tersedia di portal; pilih mekanisme lain" in refused.get_data(as_text=True)
    set_switch(two_units["A"]["top"], "uji70", "off", actor_id=None)
    db.session.commit()
    off = add_item(client, plan, "uji70")
    assert off.status_code == 422
    assert "dinonaktifkan untuk unit pegawai" in off.get_data(as_text=True)
    assert items_of(plan) == []


# --------------------------------------------------------------------------- drafting


def test_gaps_from_assessment_are_shown_and_can_be_referenced(portal, two_units):
    staff = two_units["A"]["staff"]
    gap = EmployeeGap(employee_id=staff.id, standard="teknis", kompetensi="Perencanaan jalan",
                      gap_level=2)
    db.session.add(gap)
    db.session.commit()
    client = signed_in(portal, staff)
    plan = new_plan(client, staff)
    assert "Perencanaan jalan" in client.get(f"/rencana/{plan.id}").get_data(as_text=True)
    assert add_item(client, plan, "uji70", gap_id=str(gap.id)).status_code == 302
    other = EmployeeGap(employee_id=two_units["B"]["staff"].id, standard="teknis",
                        kompetensi="Milik orang lain", gap_level=1)
    db.session.add(other)
    db.session.commit()
    refused = add_item(client, plan, "uji20", gap_id=str(other.id))
    assert refused.status_code == 422
    assert "Kesenjangan tidak ditemukan" in refused.get_data(as_text=True)


def test_bad_input_is_refused_and_keeps_what_was_typed(portal, two_units):
    staff = two_units["A"]["staff"]
    client = signed_in(portal, staff)
    bad_year = client.post(f"/rencana/pegawai/{staff.id}/baru",
                           data={"year": "dua ribu", "basis": "", "notes": "Catatanku"})
    body = bad_year.get_data(as_text=True)
    assert bad_year.status_code == 422
    assert "Tahun harus berupa angka" in body and "Pilih dasar pengembangan (§F, G-02)" in body
    assert "Catatanku" in body
    plan = new_plan(client, staff)
    again = client.post(f"/rencana/pegawai/{staff.id}/baru",
                        data={"year": str(YEAR), "basis": "karier"})
    assert again.status_code == 422 and "sudah ada" in again.get_data(as_text=True)
    bad_jp = add_item(client, plan, "uji70", jp="banyak", month="13")
    body = bad_jp.get_data(as_text=True)
    assert "Target JP tidak valid" in body and "Pilih bulan rencana" in body
    assert 'value="banyak"' in body
    assert items_of(plan) == []


def test_admin_in_scope_drafts_for_an_employee_and_others_get_404(portal, two_units):
    staff = two_units["A"]["staff"]
    admin = signed_in(portal, two_units["A"]["admin"])
    found = admin.get(f"/rencana/?nip={staff.nip}")
    assert found.status_code == 302 and found.headers["Location"].endswith(
        f"/rencana/pegawai/{staff.id}")
    plan = new_plan(admin, staff)
    assert add_item(admin, plan, "uji70").status_code == 302
    outsider = signed_in(portal, two_units["B"]["admin"])
    assert outsider.get(f"/rencana/{plan.id}").status_code == 404
    assert add_item(outsider, plan, "uji20").status_code == 404
    lookup = outsider.get(f"/rencana/?nip={staff.nip}")
    assert lookup.status_code == 422 and staff.nama not in lookup.get_data(as_text=True)
    colleague = signed_in(portal, two_units["B"]["staff"])
    assert colleague.get(f"/rencana/pegawai/{staff.id}").status_code == 404


# --------------------------------------------------------------------------- agreement


def test_employee_submits_and_the_atasan_agrees(portal, two_units):
    staff, atasan = two_units["A"]["staff"], two_units["A"]["atasan"]
    client = signed_in(portal, staff)
    plan = new_plan(client, staff)
    empty = client.post(f"/rencana/{plan.id}/ajukan")
    assert empty.status_code == 422 and "minimal satu butir" in empty.get_data(as_text=True)
    add_item(client, plan, "uji70")
    assert client.post(f"/rencana/{plan.id}/ajukan").status_code == 302
    assert client.post(f"/rencana/{plan.id}/setujui").status_code == 404  # not their own

    boss = signed_in(portal, atasan)
    waiting = boss.get("/rencana/persetujuan").get_data(as_text=True)
    assert staff.nama in waiting
    assert "Setujui rencana" in boss.get(f"/rencana/{plan.id}").get_data(as_text=True)
    assert boss.post(f"/rencana/{plan.id}/setujui").status_code == 302
    db.session.rollback()
    plan = db.session.get(DevelopmentPlan, plan.id)
    assert (plan.status, plan.agreed_by_id) == ("disetujui", atasan.id)
    assert plan.agreed_at is not None
    actions = set(db.session.scalars(select(AuditLog.action).where(
        AuditLog.entity_type == "development_plan")))
    assert {"plan.create", "plan.item.add", "plan.submit", "plan.agree"} <= actions
    assert "Tidak ada rencana yang menunggu" in boss.get("/rencana/persetujuan").get_data(
        as_text=True)
    # An agreed plan is no longer edited.
    assert add_item(client, plan, "uji20").status_code == 422


def test_atasan_returns_the_plan_with_a_note(portal, two_units):
    staff, atasan = two_units["A"]["staff"], two_units["A"]["atasan"]
    client = signed_in(portal, staff)
    plan = new_plan(client, staff)
    add_item(client, plan, "uji70")
    client.post(f"/rencana/{plan.id}/ajukan")
    boss = signed_in(portal, atasan)
    no_note = boss.post(f"/rencana/{plan.id}/kembalikan", data={"return_note": " "})
    assert no_note.status_code == 422 and "Tulis catatan perbaikan" in no_note.get_data(as_text=True)
    assert boss.post(f"/rencana/{plan.id}/kembalikan",
                     data={"return_note": "Tambahkan coaching"}).status_code == 302
    page = client.get(f"/rencana/{plan.id}").get_data(as_text=True)
    assert "Catatan atasan: Tambahkan coaching" in page
    assert add_item(client, plan, "uji20").status_code == 302
    assert client.post(f"/rencana/{plan.id}/ajukan").status_code == 302
    db.session.rollback()
    assert db.session.get(DevelopmentPlan, plan.id).status == "diajukan"


def test_another_atasan_cannot_agree(portal, two_units):
    staff = two_units["A"]["staff"]
    client = signed_in(portal, staff)
    plan = new_plan(client, staff)
    add_item(client, plan, "uji70")
    client.post(f"/rencana/{plan.id}/ajukan")
    for other in (two_units["B"]["atasan"], two_units["A"]["head"]):
        outsider = signed_in(portal, other)
        assert outsider.post(f"/rencana/{plan.id}/setujui").status_code == 404
        assert outsider.post(f"/rencana/{plan.id}/kembalikan",
                             data={"return_note": "x"}).status_code == 404
    db.session.rollback()
    assert db.session.get(DevelopmentPlan, plan.id).status == "diajukan"


# --------------------------------------------------------------------------- realisation


def test_plan_against_realisation_uses_the_jp_counted_in_the_ledger(portal, two_units):
    staff = two_units["A"]["staff"]
    client = signed_in(portal, staff)
    plan = new_plan(client, staff)
    add_item(client, plan, "uji70", jp="6", month="2")
    add_item(client, plan, "uji70", jp="4", month="5")
    add_item(client, plan, "uji20", jp="8", month="7")
    for day, year in ((3, YEAR), (4, YEAR), (5, YEAR - 1)):
        credit(Participation(staff.id, "uji70", "berbagi_pengetahuan", "peserta",
                             dt.date(year, 3, day), "Berbagi", f"R{day}"))
    db.session.commit()
    rows, summary = realisation(db.session.get(DevelopmentPlan, plan.id))
    figures = {r.slug: (r.model, r.target_jp, r.realised_jp, r.percent) for r in rows}
    assert figures == {"uji70": (70, 10, 4, 40), "uji20": (20, 8, 0, 0)}
    assert summary["by_model"]["70"] == 4
    page = client.get(f"/rencana/{plan.id}").get_data(as_text=True)
    assert "Rencana dan realisasi 2025" in page and "40 %" in page
