"""Issue 13: one way of doing each thing, checked over the core and every plugin's sources.

- one export helper: every file a view hands out gets its headers from
  ``portal.exports.download`` / ``attach``; nothing else writes ``Content-Disposition``;
- states in one place: a model lists ``STATUSES`` and gets ``status_label`` / ``status_badge``
  from :class:`portal.states.HasStatus`; nobody writes those properties again;
- routes without side effects: a page module that does not own its blueprint declares
  ``routes = Routes()`` and is attached by ``assemble``; no module is imported only to register
  routes (``# noqa: F401``), and every ``Routes`` of the sources is assembled somewhere."""

from __future__ import annotations

from pathlib import Path

from portal.exports import attach, download

ROOT = Path(__file__).resolve().parents[1]


def _sources():
    for folder in (ROOT / "portal", ROOT / "plugins"):
        for path in folder.rglob("*.py"):
            if "/tests/" not in path.as_posix() and "/migrations/" not in path.as_posix():
                yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_no_module_writes_content_disposition_itself():
    writers = [name for name, text in _sources()
               if not name.endswith("portal/exports.py") and "Content-Disposition" in text]
    assert writers == []


def test_no_module_is_imported_for_its_side_effect():
    allowed = {"portal/sdk.py", "portal/testing.py", "portal/eligibility/testing.py"}  # re-exports, fixtures
    side_effects = [name for name, text in _sources() if "noqa: F401" in text and name not in allowed]
    assert side_effects == []


def test_every_page_module_with_routes_is_assembled_into_its_blueprint(app):
    page_modules = {name.removesuffix(".py").split("/portal_", 1)[-1].replace("/", ".")
                    for name, text in _sources() if "\nroutes = Routes()" in text}
    assert len(page_modules) >= 20
    assembled = "\n".join(text for name, text in _sources() if "assemble(" in text)
    missing = [module for module in page_modules
               if f"{module.rsplit('.', 1)[-1]}.routes" not in assembled]
    assert missing == []
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert {"outbound.feedback", "coaching_unit.pair", "placements.endorse", "ledger_admin.audit"} <= endpoints


def test_no_model_writes_its_own_status_label_or_badge():
    copies = [name for name, text in _sources()
              if not name.endswith("portal/states.py")
              and ("def status_label" in text or "def status_badge" in text)]
    assert copies == []


def test_has_status_reads_label_and_badge_from_one_mapping():
    from portal.states import HasStatus

    class Record(HasStatus):
        STATUSES = {"berjalan": ("Berjalan", "primary"), "draf": "Draf"}

        def __init__(self, status):
            self.status = status

    assert (Record("berjalan").status_label, Record("berjalan").status_badge) == ("Berjalan", "primary")
    assert (Record("draf").status_label, Record("draf").status_badge) == ("Draf", "")
    assert Record("lain").status_label == "lain"  # an unknown state shows its value, never fails


def test_a_state_enum_is_its_stored_string_with_its_label_and_badge():
    from portal.states import HasStatus, State

    class ProposalStatus(State):
        DRAF = "draf", "Draf", "secondary"
        DISETUJUI = "disetujui", "Disetujui"

    class Proposal(HasStatus):
        STATUSES = ProposalStatus

        def __init__(self, status):
            self.status = status

    assert ProposalStatus.DRAF == "draf" and f"{ProposalStatus.DRAF}" == "draf"
    assert {"draf": 1}[ProposalStatus.DRAF] == 1  # the stored string and the member are one key
    assert (Proposal("draf").status_label, Proposal("draf").status_badge) == ("Draf", "secondary")
    assert Proposal(ProposalStatus.DISETUJUI).status_label == "Disetujui"
    assert Proposal("lain").status_label == "lain"
    assert ProposalStatus.choices() == {"draf": ("Draf", "secondary"), "disetujui": ("Disetujui", "")}


def test_every_model_with_states_lists_them_as_one_state_enum(app):
    from portal.extensions import db
    from portal.states import HasStatus, State

    models = [mapper.class_ for mapper in db.Model.registry.mappers if issubclass(mapper.class_, HasStatus)]
    assert len(models) >= 15
    loose = [model.__name__ for model in models
             if not (isinstance(model.STATUSES, type) and issubclass(model.STATUSES, State))]
    assert loose == []


def test_download_sets_type_name_and_cache_from_the_file_name():
    response = download(b"%PDF-1.4", "Rekap JP Direktorat Bina Teknik.pdf")
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["Content-Disposition"] == 'attachment; filename="Rekap JP Direktorat Bina Teknik.pdf"'
    sheet = download(b"PK", "jp\r\ntim.xlsx", cache="no-cache")
    assert sheet.mimetype.endswith("spreadsheetml.sheet") and "\n" not in sheet.headers["Content-Disposition"]
    assert download(b"a;b", "templat.csv").mimetype == "text/csv"


def test_attach_adds_the_same_headers_to_a_response_made_elsewhere(app):
    response = attach(app.response_class(b"x", mimetype="application/zip"), "sertifikat é.zip")
    assert response.headers["Content-Disposition"].startswith('attachment; filename="sertifikat e.zip"')
    assert response.headers["Cache-Control"] == "private, no-store"
