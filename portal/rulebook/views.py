"""The "Aturan" page: every rule the portal enforces, who enforces it and the setting behind it."""

from __future__ import annotations

from flask import Blueprint

from portal.access import ROLES, access
from portal.exports import xlsx_response
from portal.pagination import arg
from portal.rulebook.catalogue import RuleEntry, cap_text, current_values, entries
from portal.web import render

bp = Blueprint("rulebook", __name__, url_prefix="/aturan")


def _filtered() -> tuple[list[RuleEntry], str, str, list[tuple[str, str]]]:
    every = entries()
    owners = list(dict.fromkeys((e.owner, e.owner_title) for e in every))
    q = arg("q")
    owner = arg("mekanisme", allowed=tuple(slug for slug, _ in owners))
    needle = q.lower()
    shown = [e for e in every
             if (not owner or e.owner == owner)
             and (not needle or needle in f"{e.rule.id} {e.rule.summary} {e.rule.source}".lower())]
    return shown, q, owner, owners


@bp.route("/")
@access(*ROLES)
def index():
    shown, q, owner, owners = _filtered()
    values = {e.rule.id: current_values(e) for e in shown}
    return render("rulebook/index.html", block="results", rules=shown,
                  values=values, cap_text=cap_text, q=q, owner=owner, owners=owners)


@bp.route("/ekspor.xlsx")
@access(*ROLES)
def export():
    shown, _, _, _ = _filtered()
    rows = []
    for entry in shown:
        settings = "; ".join(f"{v.setting.spec.label}: {v.value}" for v in current_values(entry))
        caps = "; ".join(cap_text(cap) for cap in entry.caps)
        rows.append((entry.rule.id, entry.rule.summary, entry.rule.source, entry.owner_title, settings, caps))
    return xlsx_response("aturan-se-07-2023.xlsx", "Aturan SE 07-SE-KM-2023",
                         ("Kode", "Ketentuan", "Sumber", "Mekanisme", "Pengaturan berlaku", "Batas"), rows)

