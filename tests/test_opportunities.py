"""Opportunities for me (issue 19 item 2): what plugins offer now, with the core's JP and
eligibility verdict, ranked by what closes the employee's gap first; the atasan sees the same
for a report and may recommend one (a notice in the employee's inbox)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from portal.eligibility.testing import assessed_two_units  # noqa: F401  (two_units: G-03 holds)
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.models import AuditLog, DevelopmentPlan
from portal.models.notification import Notification
from portal.models.plan import DevelopmentPlanItem
from portal.types import JPResult, Opportunity, Participation, PluginInfo, Verdict
from tests.certificate_helpers import entry_for

YEAR = 2026
TODAY = dt.date(YEAR, 9, 1)


class Offering:
    """Offers three activities of its own mechanisms; one of them its rules refuse."""

    def __init__(self, slug: str, model: int, offers: list[tuple[str, int, dt.date]],
                 refused: str = "") -> None:
        self.slug, self.model, self.offers, self.refused = slug, model, offers, refused

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title=f"Peluang {self.slug}", model=self.model)

    @hookimpl
    def portal_compute_jp(self, participation, settings):
        if participation.mechanism == self.slug:
            return JPResult(int(participation.reference.split(":")[1]), "G-06", "uji")
        return None

    @hookimpl
    def portal_check_eligibility(self, employee, mechanism, on_date, context):
        if mechanism == self.slug and self.refused and context.get("judul") == self.refused:
            return [Verdict(False, "G-03", "Kuota peserta dari unit Anda sudah penuh.")]
        return []

    @hookimpl
    def portal_opportunities(self, employee, on_date):
        return [Opportunity(
            title=title, endpoint="jp.mine", action="Lihat",
            participation=Participation(employee.id, self.slug, self.slug, "peserta", day, title,
                                        f"{title}:{jp}"),
            context=(("judul", title),)) for title, jp, day in self.offers]


@pytest.fixture
def offering(make_app):
    return make_app(plugins=[
        ("jalur70", Offering("jalur70", 70, [("Berbagi praktik jembatan", 2, dt.date(YEAR, 9, 10)),
                                             ("Studi lapangan bendungan", 20, dt.date(YEAR, 10, 1)),
                                             ("Kuota penuh", 30, dt.date(YEAR, 9, 5))],
                             refused="Kuota penuh")),
        ("jalur20", Offering("jalur20", 20, [("Mentoring perencanaan", 4, dt.date(YEAR, 9, 20))])),
    ])


OURS = {"Berbagi praktik jembatan", "Studi lapangan bendungan", "Kuota penuh", "Mentoring perencanaan"}


def titles(page: str) -> list[str]:
    """The offers of this module's plugins, in the page's order (installed plugins offer theirs)."""
    return [title for title in re.findall(r"<header><strong>([^<]+)</strong>", page) if title in OURS]


@pytest.mark.hook("portal_opportunities")
def test_offers_are_ranked_by_what_closes_the_gap_then_the_missing_model(offering, two_units, clock):
    clock.set(TODAY)
    staff = two_units["A"]["staff"]
    with offering.app_context():
        entry_for(staff, title="Magang awal", jp=6, day=dt.date(YEAR, 2, 2))  # all in model 70
        client = offering.test_client()
        client.login(staff.nip)
        page = client.get("/peluang/").get_data(as_text=True)
        # 14 JP still needed: the 20-JP field study closes it; then the 20 model the mix lacks.
        assert titles(page) == ["Studi lapangan bendungan", "Mentoring perencanaan",
                                "Berbagi praktik jembatan"]
        assert "menutup kekurangan JP Anda tahun ini" in page
        assert "model 20 paling kurang dalam komposisi 70:20:10 Anda" in page
        # The refused one is listed with its reason only when asked.
        assert "Kuota penuh" not in titles(page) and "Kuota peserta" not in page
        asked = client.get("/peluang/?semua=1").get_data(as_text=True)
        assert "Kuota penuh" in asked and "Kuota peserta dari unit Anda sudah penuh." in asked


def test_a_mechanism_in_the_plan_comes_before_one_that_is_not(offering, two_units, clock):
    clock.set(TODAY)
    staff = two_units["A"]["staff"]
    with offering.app_context():
        entry_for(staff, title="Magang", jp=19, day=dt.date(YEAR, 2, 2))  # 1 JP needed
        plan = DevelopmentPlan(employee_id=staff.id, year=YEAR, basis="kesenjangan", status="disetujui")
        db.session.add(plan)
        db.session.flush()
        db.session.add(DevelopmentPlanItem(plan_id=plan.id, mechanism="jalur70", target_jp=2,
                                           planned_month=9))
        db.session.commit()
        client = offering.test_client()
        client.login(staff.nip)
        page = client.get("/peluang/").get_data(as_text=True)
        # Every offer closes the 1-JP gap; jalur20 fills the missing model; then the plan.
        assert titles(page)[0] == "Mentoring perencanaan"
        assert titles(page)[1:] == ["Studi lapangan bendungan", "Berbagi praktik jembatan"]
        assert "sesuai rencana pengembangan Anda" in page


def test_the_atasan_recommends_an_offer_and_it_lands_in_the_employees_inbox(offering, two_units, clock):
    clock.set(TODAY)
    staff, atasan = two_units["A"]["staff"], two_units["A"]["atasan"]
    with offering.app_context():
        boss = offering.test_client()
        boss.login(atasan.nip)
        page = boss.get(f"/peluang/pegawai/{staff.id}").get_data(as_text=True)
        assert "Peluang untuk Staf A" in page and "Rekomendasikan" in page and "Lihat</a>" not in page
        key = re.search(r'name="kunci" value="([^"]+)"', page).group(1)
        form_key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page).group(1)
        sent = boss.post(f"/peluang/pegawai/{staff.id}/rekomendasi",
                         data={"kunci": key, "idempotency_key": form_key}, follow_redirects=True)
        assert "Rekomendasi dikirim ke kotak masuk Staf A." in sent.get_data(as_text=True)
        [notice] = db.session.scalars(select(Notification).where(Notification.employee_id == staff.id))
        assert notice.title.startswith("Rekomendasi dari Atasan A: ")
        assert db.session.scalar(select(func.count()).select_from(AuditLog)
                                 .where(AuditLog.action == "opportunity.recommend")) == 1
        # A forged key sends nothing; a manager outside the employee's scope sees nothing.
        forged = boss.post(f"/peluang/pegawai/{staff.id}/rekomendasi", data={"kunci": "jalur70:palsu"},
                           follow_redirects=True)
        assert "tidak ada rekomendasi yang dikirim" in forged.get_data(as_text=True)
        assert db.session.scalar(select(func.count()).select_from(Notification)
                                 .where(Notification.employee_id == staff.id)) == 1
        outsider = offering.test_client()
        outsider.login(two_units["B"]["atasan"].nip)
        assert outsider.get(f"/peluang/pegawai/{staff.id}").status_code == 404
        assert outsider.post(f"/peluang/pegawai/{staff.id}/rekomendasi", data={"kunci": key}).status_code == 404


def test_an_employee_at_risk_sees_the_best_offers_on_the_home_page(offering, two_units, clock):
    clock.set(dt.date(YEAR, 11, 1))
    staff = two_units["A"]["staff"]
    with offering.app_context():
        client = offering.test_client()
        client.login(staff.nip)
        home = client.get("/").get_data(as_text=True)
        assert 'id="peluang-beranda"' in home and 'data-status="tertinggal"' in home
        assert "Studi lapangan bendungan" in home and "Kuota penuh" not in home
        entry_for(staff, title="Pelatihan", jp=20, day=dt.date(YEAR, 10, 2))
        assert 'id="peluang-beranda"' not in client.get("/").get_data(as_text=True)  # reached


def test_the_api_lists_the_same_ranked_offers_with_the_core_verdicts(offering, two_units, clock):
    from portal.api import tokens
    from portal.testing_contract import account_of

    clock.set(TODAY)
    staff = two_units["A"]["staff"]
    with offering.app_context():
        entry_for(staff, title="Magang awal", jp=6, day=dt.date(YEAR, 2, 2))
        _, token = tokens.create(account_of(two_units["A"]["admin"]), "uji")
        db.session.commit()
        body = offering.test_client().get(f"/api/v1/employees/{staff.nip}/opportunities",
                                          headers={"Authorization": f"Bearer {token}"}).get_json()
        listed = [(o["title"], o["jp"], o["model"], o["eligible"]) for o in body["opportunities"]
                  if o["title"] in OURS]
        assert listed == [("Studi lapangan bendungan", 20, 70, True), ("Mentoring perencanaan", 4, 20, True),
                          ("Berbagi praktik jembatan", 2, 70, True), ("Kuota penuh", 30, 70, False)]
        refused = next(o for o in body["opportunities"] if o["title"] == "Kuota penuh")["reasons"]
        assert {"rule_id": "G-03", "allow": False, "message": "Kuota peserta dari unit Anda sudah penuh."} in refused


def test_every_installed_plugins_opportunities_are_for_the_employee_and_lead_somewhere(app, two_units):
    """A walk over every installed plugin that offers opportunities: each answers for the
    employee asked about, with a next step whose address builds and a date the ledger accepts."""
    from flask import url_for

    from portal.plugins import registry

    staff = two_units["A"]["staff"]
    with app.test_request_context():
        slugs = registry().implementers("portal_opportunities")
        assert {"komunitas", "outbound", "coaching", "belajar_mandiri", "magang"} <= set(slugs)
        for slug, offered in registry().per_plugin("portal_opportunities", employee=staff, on_date=TODAY):
            for opportunity in offered or ():
                assert opportunity.participation.employee_id == staff.id, slug
                assert opportunity.title.strip() and url_for(opportunity.endpoint, **dict(opportunity.values))
                assert opportunity.participation.on_date >= TODAY, slug
