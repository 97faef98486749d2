"""The rules of the circular are declared in code (issue 17 item 4): the "Aturan" page and
docs/rules.md list every rule, the mechanism that enforces it and its setting, and a rule ID a
plugin cites is one somebody declares."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

import portal
from portal.extensions import db
from portal.plugins import registry
from portal.rule_settings.versions import add_version
from portal.rulebook.catalogue import declared_ids, entries
from portal.rulebook.core import CORE_RULES
from portal.rulebook.markdown import render_markdown
from portal.types import RuleSpec

ROOT = Path(__file__).resolve().parents[1]
CITED = re.compile(r"\b(?:G|MG|PT|PB|DT|OB|KB|BM|CM|CU|FL)-\d{2}\b|\bPRA-SE\b")


def _cited(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*"):
        if path.suffix in (".py", ".html") and "migrations" not in path.parts and path.name != "rulebook.py":
            found |= set(CITED.findall(path.read_text(encoding="utf-8")))
    return found


def _plugin_folder(slug: str) -> Path:
    plugin = registry().pm.get_plugin(slug)
    return Path(plugin.__file__).parent


def test_every_installed_plugin_declares_the_rules_of_its_mechanism_that_it_cites(app):
    """Walks every installed plugin: an ID with one of the plugin's own prefixes that appears in
    its code or templates is in its ``PluginInfo.rules`` — a new refusal cannot name a rule the
    "Aturan" page does not know."""
    missing = {}
    for slug in registry().slugs():
        info = registry().info(slug)
        assert info.rules, f"{slug} declares no rules (PluginInfo.rules)"
        prefixes = {rule.prefix for rule in info.rules}
        own = {rule.id for rule in info.rules}
        cited = {rid for rid in _cited(_plugin_folder(slug)) if rid.split("-")[0] in prefixes}
        if cited - own:
            missing[slug] = sorted(cited - own)
    assert not missing


def test_every_rule_id_cited_anywhere_is_declared_once(app):
    owners: dict[str, list[str]] = {}
    for rule in CORE_RULES:
        owners.setdefault(rule.id, []).append("core")
    for slug in registry().slugs():
        for rule in registry().info(slug).rules:
            owners.setdefault(rule.id, []).append(slug)
    assert {rid: who for rid, who in owners.items() if len(who) > 1} == {}
    cited = _cited(Path(portal.__file__).parent) | set().union(
        *(_cited(_plugin_folder(slug)) for slug in registry().slugs()))
    assert sorted(cited - set(declared_ids())) == []


def test_a_rule_id_must_look_like_the_catalogue():
    with pytest.raises(ValueError):
        RuleSpec("kb7", "Ringkasan", "Lamp. F")
    with pytest.raises(ValueError):
        RuleSpec("KB-07", " ", "Lamp. F")
    assert RuleSpec("PRA-SE", "Sebelum SE", "§O").prefix == "PRA"


def test_the_aturan_page_lists_each_rule_with_its_mechanism_cap_and_setting(app, people, login):
    client = login(people.person(people.unit("U1")))
    html = client.get("/aturan/").get_data(as_text=True)
    assert "Aturan SE 07/SE/KM/2023" in html
    kb07 = html[html.index('id="KB-07"'):].split("</tr>")[0]
    assert "4 JP per bahan" in kb07 and "Lamp. F.5" in kb07 and "Komunitas Belajar" in kb07
    assert "paling banyak 2 per pegawai per bulan per jenis kegiatan" in kb07
    cm13 = html[html.index('id="CM-13"'):].split("</tr>")[0]
    assert "pengaturan lokal" in cm13
    assert len(re.findall(r'<tr id="', html)) == len(entries())


def test_the_page_shows_the_value_in_force_after_the_hr_unit_changes_a_setting(app, people, login, clock):
    clock.set(dt.date(2026, 3, 1))
    add_version("komunitas.jp_diskusi_peserta", "3", dt.date(2026, 1, 1), "uji", None)
    db.session.commit()
    client = login(people.person(people.unit("U1")))
    kb08 = client.get("/aturan/?q=KB-08").get_data(as_text=True)
    row = kb08[kb08.index('id="KB-08"'):].split("</tr>")[0]
    assert re.search(r"peserta[^<]*: <strong>3</strong>", row, re.I)


def test_search_and_mechanism_filter_narrow_the_list_and_htmx_gets_the_results_only(app, people, login):
    client = login(people.person(people.unit("U1")))
    html = client.get("/aturan/?q=kb-07").get_data(as_text=True)
    assert re.findall(r'<tr id="([^"]+)"', html) == ["KB-07"]
    coaching = client.get("/aturan/?mekanisme=coaching").get_data(as_text=True)
    ids = re.findall(r'<tr id="([^"]+)"', coaching)
    assert ids and all(i.startswith(("CM-", "CU-")) for i in ids)
    fragment = client.get("/aturan/?q=PRA-SE", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and 'id="PRA-SE"' in fragment
    empty = client.get("/aturan/?q=tidak-ada-aturan-ini").get_data(as_text=True)
    assert "Tidak ada aturan yang cocok" in empty
    assert client.get("/aturan/?mekanisme=bukan-slug").status_code == 200  # unknown filter ignored


def test_the_rule_list_exports_to_excel(app, people, login):
    client = login(people.person(people.unit("U1")))
    response = client.get("/aturan/ekspor.xlsx?mekanisme=komunitas")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r and r[0] == "Kode")
    assert header[:4] == ["Kode", "Ketentuan", "Sumber", "Mekanisme"]
    codes = [r[0] for r in rows[rows.index(header) + 1:]]
    assert codes[:2] == ["KB-01", "KB-02"] and "KB-12" in codes


def test_the_aturan_page_needs_a_sign_in(client):
    response = client.get("/aturan/")
    assert response.status_code in (302, 401)


def test_docs_rules_md_is_generated_from_the_declared_rules(app):
    """``flask rules docs`` wrote it; regenerate after changing a rule."""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_markdown()


def test_the_repository_points_at_no_spec_file_it_does_not_contain():
    """RULES.md and ARCHITECTURE.md live outside the repository: code and docs cite the rule
    list in docs/rules.md (and the "Aturan" page) instead."""
    offenders = []
    for folder in ("portal", "plugins", "docs", "tests"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".md", ".html", ".tmpl") and path != Path(__file__).resolve():
                text = path.read_text(encoding="utf-8", errors="ignore")
                if "RULES.md" in text or "ARCHITECTURE.md" in text:
                    offenders.append(str(path.relative_to(ROOT)))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if "RULES.md" in readme or "ARCHITECTURE.md" in readme:
        offenders.append("README.md")
    assert offenders == []
