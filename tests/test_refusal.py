"""Issue 13 item 2: one refusal type, one step runner. Every business error of the core and of
every installed plugin is a :class:`portal.refusal.Refusal`; a refusal no view answers is the
422 page with its Indonesian message, never a 500; ``run_step`` commits or rolls back."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from flask import Blueprint
from sqlalchemy import func, select

from portal.access import ROLES, access
from portal.extensions import db
from portal.models import Unit
from portal.plugins import registry
from portal.refusal import Refusal
from portal.web import run_step


def test_the_rule_is_read_from_the_message_or_given():
    assert Refusal("Melebihi batas 2 bahan per bulan (KB-07).").rule_id == "KB-07"
    assert Refusal("Belum berlaku (PRA-SE).").rule_id == "PRA-SE"
    assert Refusal("Tidak dapat diproses.", rule_id="G-03").rule_id == "G-03"
    assert Refusal("Tanpa aturan.").rule_id is None
    assert str(Refusal("Pesan untuk pengguna.")) == "Pesan untuk pengguna."


def _error_classes(package_name: str):
    package = importlib.import_module(package_name)
    for info in pkgutil.walk_packages(package.__path__, package_name + "."):
        if ".tests" in info.name or ".migrations" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and value.__module__ == module.__name__
                    and issubclass(value, Exception) and name.endswith(("WorkflowError", "PlanError"))):
                yield f"{module.__name__}.{name}", value


def test_every_installed_plugins_workflow_error_is_a_refusal(app):
    checked = []
    for slug in (plugin.slug for plugin in registry().installed()):
        try:
            importlib.import_module(f"portal_{slug}")
        except ModuleNotFoundError:
            continue
        for name, cls in _error_classes(f"portal_{slug}"):
            checked.append(name)
            assert issubclass(cls, Refusal), name
    assert len(checked) >= 7  # formal, outbound, two coaching flows, belajar mandiri, patok banding, komunitas


def test_the_cores_business_errors_are_refusals():
    from portal.certificates.context import CertificateError
    from portal.eligibility.gate import EligibilityRefusal
    from portal.ledger.service import LedgerError
    from portal.placements.errors import PlacementError
    from portal.plans.service import PlanError
    from portal.uploads import UploadError

    for cls in (CertificateError, EligibilityRefusal, LedgerError, PlacementError, PlanError, UploadError):
        assert issubclass(cls, Refusal), cls


def _app_with_refusing_views(make_app):
    bp = Blueprint("refusal_test", __name__)

    @bp.post("/uji-penolakan")
    @access(*ROLES)
    def refuse():
        raise Refusal("Usulan sudah ditandatangani; tidak dapat diubah lagi (KB-03).")

    @bp.post("/uji-langkah/<int:fail>")
    @access(*ROLES)
    def step(fail: int):
        def action():
            db.session.add(Unit(kode="LANGKAH", nama="Unit langkah", eselon="II", path="/x/"))
            db.session.flush()
            if fail:
                raise Refusal("Ditolak (G-01).")
            return "LANGKAH"
        return run_step(action, "Unit {result} dibuat.", lambda: ("ok", 200))

    app = make_app(TESTING_REFUSAL_VIEWS=True)  # an app of this test only
    app.register_blueprint(bp)
    return app


def _signed_in(make_app, people, kode: str):
    app = _app_with_refusing_views(make_app)
    employee = people.employee(people.unit(kode, eselon="II"))
    people.account(employee)
    client = app.test_client()
    client.login(employee.nip)
    return client


def test_a_refusal_no_view_answers_is_the_422_page_with_its_message(make_app, people):
    client = _signed_in(make_app, people, "R")
    response = client.post("/uji-penolakan")
    assert response.status_code == 422
    assert "tidak dapat diubah lagi (KB-03)" in response.get_data(as_text=True)


def test_run_step_commits_on_success_and_rolls_back_a_refusal(make_app, people):
    client = _signed_in(make_app, people, "S")
    assert client.post("/uji-langkah/1").status_code == 200
    count = select(func.count()).select_from(Unit).where(Unit.kode == "LANGKAH")
    assert db.session.scalar(count) == 0
    assert client.post("/uji-langkah/0").status_code == 200
    db.session.expire_all()
    assert db.session.scalar(count) == 1


def test_run_step_shows_a_refusal_beside_the_field_and_keeps_the_page(app):
    from flask import get_flashed_messages
    from wtforms import Form, StringField

    class Proposal(Form):
        judul = StringField()

    with app.test_request_context("/", method="POST", data={"judul": "Usulan saya"}):
        form = Proposal(formdata=None, judul="Usulan saya")
        form.validate()

        def refuse():
            raise Refusal("Unit ini bukan unit yang Anda kelola (KB-01).")

        answer = run_step(refuse, "Tersimpan.", lambda: "kembali", refused=lambda _error: "halaman", field=form.judul)
        assert answer == "halaman"
        assert form.judul.errors[-1] == "Unit ini bukan unit yang Anda kelola (KB-01)."
        assert form.judul.data == "Usulan saya"  # nothing the user entered is lost
        assert get_flashed_messages() == []  # shown beside the field, not twice
