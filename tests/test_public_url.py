"""Issue 15 item 4: every absolute link comes from ``PORTAL_PUBLIC_URL``, never from the
request; a request with a foreign ``Host`` is refused (trusted hosts)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from flask import Blueprint, redirect
from flask_login import current_user
from sqlalchemy import func, select

from portal import create_app, public_url
from portal.access import access
from portal.certificates import document, storage
from portal.certificates.service import issue
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.models import LedgerEntry
from portal.models.certificate import Certificate
from portal.types import PluginInfo
from tests.certificate_helpers import entry_for, flat, pdf_text

EVIL = {"Host": "evil.example"}


class SelfIssuePlugin:
    """A mechanism in which the participant's own action issues the certificate (like the
    second evaluation of a coaching pair)."""

    slug = "uji_terbit"

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title="Mekanisme Uji Tautan", model=20, description="Uji.")

    @hookimpl
    def portal_register_blueprints(self):
        bp = Blueprint("uji_terbit", __name__)

        @bp.route("/<int:entry_id>", methods=["POST"])
        @access("pegawai")
        def finish(entry_id: int):
            entry = db.get_or_404(LedgerEntry, entry_id)
            if entry.employee_id != current_user.employee_id:
                return "", 404
            issue(entry.id, current_user.id)
            return redirect("/sertifikat/saya")

        return [bp]


@pytest.fixture
def self_issue_app(make_app):
    return make_app(plugins=[("uji_terbit", SelfIssuePlugin())])


def test_participant_with_a_foreign_host_cannot_plant_it_in_the_stored_certificate(self_issue_app, people):
    unit = people.unit("H2.01", "Direktorat Uji Tautan")
    staff = people.person(unit, nama="Peserta Tautan")
    entry = entry_for(staff, title="Program Tautan")
    client = self_issue_app.test_client()
    client.login(staff.nip)

    refused = client.post(f"/m/uji_terbit/{entry.id}", headers=EVIL)
    assert refused.status_code == 400
    assert db.session.scalar(select(func.count(Certificate.id))) == 0

    assert client.post(f"/m/uji_terbit/{entry.id}").status_code == 302
    certificate = db.session.scalar(select(Certificate))
    data = storage.load(certificate)
    text = flat(pdf_text(data))
    public = self_issue_app.config["PORTAL_PUBLIC_URL"]
    assert f"{urlsplit(public).hostname}" in text and "evil.example" not in text
    assert b"evil.example" not in data


def test_issuance_inside_a_forged_request_still_uses_the_public_url(app, people):
    unit = people.unit("H2.02", "Direktorat Uji Tautan Dua")
    staff = people.person(unit, nama="Peserta Tautan Dua")
    entry = entry_for(staff, title="Program Tautan Dua")
    with app.test_request_context("/", base_url="http://evil.example/"):
        assert document.base_url() == app.config["PORTAL_PUBLIC_URL"]
        certificate = issue(entry.id, None)
    data = storage.load(certificate)
    assert b"evil.example" not in data and "evil.example" not in pdf_text(data)


def test_every_page_refuses_a_foreign_host_but_answers_the_public_one(app, client):
    assert client.get("/masuk", headers=EVIL).status_code == 400
    host = urlsplit(app.config["PORTAL_PUBLIC_URL"]).netloc
    assert client.get("/masuk", headers={"Host": host}).status_code == 200
    assert client.get("/masuk").status_code == 200  # localhost is trusted in development


def _clean_environment(monkeypatch, tmp_path):
    for name in ("PORTAL_PUBLIC_URL", "FLASK_DEBUG", "FLASK_RUN_HOST", "FLASK_RUN_PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("SECRET_KEY", "uji")


def test_production_start_without_public_url_is_a_clear_error(monkeypatch, tmp_path):
    _clean_environment(monkeypatch, tmp_path)
    with pytest.raises(public_url.PublicUrlError, match="PORTAL_PUBLIC_URL is not set"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}"})
    with pytest.raises(public_url.PublicUrlError, match="http"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}",
                    "PORTAL_PUBLIC_URL": "portal.pu.go.id"})


def test_production_reads_the_public_url_from_the_environment(monkeypatch, tmp_path):
    _clean_environment(monkeypatch, tmp_path)
    monkeypatch.setenv("PORTAL_PUBLIC_URL", "https://portal.pu.go.id")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}"})
    assert app.config["PORTAL_PUBLIC_URL"] == "https://portal.pu.go.id/"
    assert app.config["TRUSTED_HOSTS"] == ["portal.pu.go.id"]  # no loopback in production
    with app.app_context():
        assert public_url.absolute("/verifikasi/abc") == "https://portal.pu.go.id/verifikasi/abc"


def test_development_default_comes_from_the_configured_host_and_port(monkeypatch, tmp_path):
    _clean_environment(monkeypatch, tmp_path)
    monkeypatch.setenv("FLASK_RUN_HOST", "10.1.2.3")
    monkeypatch.setenv("FLASK_RUN_PORT", "8080")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}", "TESTING": True})
    assert app.config["PORTAL_PUBLIC_URL"] == "http://10.1.2.3:8080/"
    assert set(app.config["TRUSTED_HOSTS"]) >= {"10.1.2.3", "localhost", "127.0.0.1"}
