"""coaching (CM-01): rewrite the copies that left a coaching record with neutral titles

Ledger titles ("Mentoring unit kerja — pertemuan 3", "Program coaching-mentoring — pertemuan
2"), certificate titles and lines (no coach/mentor name, no area, no topic) and the audit log's
summaries and values of the unit flow (no partner, area or note), and every coaching audit
entry flagged confidential (CM-01). The records themselves keep
their detail. Certificate PDFs already stored keep their text: admin SDM reissues them when
needed (the reissue renders the neutral row). Not reversible: the old text is not kept.

Revision ID: coaching_h1_cm01_titles
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "coaching_h1_cm01_titles"
down_revision = "coaching_0002"
branch_labels = None
depends_on = "core_0008"  # audit_log.confidential

KIND_TITLE = {"program": "Program coaching-mentoring", "coaching": "Coaching unit kerja",
              "mentoring": "Mentoring unit kerja"}
RULE = {"coaching": "CU-02", "mentoring": "CU-03"}
CONFIDENTIAL_LINES = ("Coach: ", "Mentor: ", "Area pengembangan: ")
CONFIDENTIAL_KEYS = {"area", "partner_id", "supervisor_id", "note", "decline_note"}


def _json(value):
    if value is None or isinstance(value, (dict, list)):
        return value
    return json.loads(value)


def _json_params(statement, *names):
    """JSON-typed parameters (PostgreSQL refuses text into a json column); None stays NULL."""
    return statement.bindparams(*(sa.bindparam(n, type_=sa.JSON(none_as_null=True)) for n in names))


def _ledger_titles(conn) -> dict[int, str]:
    """ledger entry id → neutral title."""
    titles = {}
    rows = conn.execute(sa.text(
        "SELECT m.ledger_entry_id, m.pair_id, p.jenis FROM coaching_unit_meeting m "
        "JOIN coaching_unit_pair p ON p.id = m.pair_id "
        "WHERE m.status = 'dikonfirmasi' AND m.ledger_entry_id IS NOT NULL "
        "ORDER BY m.pair_id, m.decided_at, m.id")).all()
    number: dict[int, int] = {}
    for entry_id, pair_id, jenis in rows:
        number[pair_id] = number.get(pair_id, 0) + 1
        titles[entry_id] = f"{KIND_TITLE[jenis]} — pertemuan {number[pair_id]}"
    for entry_id, reference in conn.execute(sa.text(
            "SELECT id, reference FROM jp_ledger_entry WHERE mechanism = 'coaching' "
            "AND reference LIKE 'coaching:program:log:%'")).all():
        log_id = reference.removeprefix("coaching:program:log:")
        if log_id.isdigit():
            ke = conn.scalar(sa.text("SELECT pertemuan_ke FROM coaching_program_log WHERE id = :i"),
                             {"i": int(log_id)})
            if ke is not None:
                titles[entry_id] = f"{KIND_TITLE['program']} — pertemuan {ke}"
    return titles


def _certificates(conn, titles: dict[int, str]) -> None:
    pair_kind = dict(conn.execute(sa.text("SELECT id, jenis FROM coaching_unit_pair")).all())
    for cert_id, entry_id, source_key, lines in conn.execute(sa.text(
            "SELECT id, ledger_entry_id, source_key, extra_lines FROM certificate "
            "WHERE mechanism = 'coaching'")).all():
        title = titles.get(entry_id) if entry_id else None
        tail = source_key.rsplit(":", 1)[-1]
        if title is None and ":coaching_unit:pair:" in source_key and tail.isdigit():
            title = KIND_TITLE.get(pair_kind.get(int(tail), ""), None)
        elif title is None and ":coaching:program:peserta:" in source_key:
            title = KIND_TITLE["program"]
        kept = [line for line in (_json(lines) or []) if not line.startswith(CONFIDENTIAL_LINES)]
        values = {"i": cert_id, "lines": kept}
        if title:
            conn.execute(_json_params(sa.text(
                "UPDATE certificate SET programme_title = :t, extra_lines = :lines WHERE id = :i"),
                "lines"), {**values, "t": title})
        else:
            conn.execute(_json_params(sa.text("UPDATE certificate SET extra_lines = :lines WHERE id = :i"),
                                      "lines"), values)


def _neutral_summary(action: str, entity_id: str, old: dict, new: dict, jenis: str | None) -> str | None:
    kind = jenis or "coaching/mentoring"
    rule = RULE.get(jenis or "", "CU-02/CU-03")
    if action == "coaching_unit.inventory.area":
        return f"Area pengembangan inventarisasi #{entity_id} ditentukan pegawai (CU-01)"
    if action == "coaching_unit.pair.request":
        return f"Permohonan {kind} #{entity_id} diajukan ({rule})"
    if action == "coaching_unit.pair.status":
        return (f"Status permohonan {kind} #{entity_id}: {(old or {}).get('status')} → "
                f"{(new or {}).get('status')} ({rule})")
    if action == "coaching_unit.inventory.status":
        return (f"Status inventarisasi #{entity_id}: {(old or {}).get('status')} → "
                f"{(new or {}).get('status')} (CU-01)")
    return None


def _audit(conn) -> None:
    pair_kind = {str(k): v for k, v in conn.execute(sa.text("SELECT id, jenis FROM coaching_unit_pair")).all()}
    rows = conn.execute(sa.text(
        "SELECT id, action, entity_id, old_values, new_values FROM audit_log "
        "WHERE action LIKE 'coaching_unit.%'")).all()
    for audit_id, action, entity_id, old, new in rows:
        old, new = _json(old), _json(new)
        summary = _neutral_summary(action, entity_id, old, new, pair_kind.get(entity_id)
                                   if ".pair." in action else None)
        clean = [None if v is None else {k: x for k, x in v.items() if k not in CONFIDENTIAL_KEYS}
                 for v in (old, new)]
        params = {"i": audit_id, "o": clean[0], "n": clean[1]}
        if summary:
            conn.execute(_json_params(sa.text(
                "UPDATE audit_log SET summary = :s, old_values = :o, new_values = :n WHERE id = :i"),
                "o", "n"), {**params, "s": summary})
        else:
            conn.execute(_json_params(sa.text(
                "UPDATE audit_log SET old_values = :o, new_values = :n WHERE id = :i"), "o", "n"),
                params)


def _flag_confidential(conn, ledger_ids) -> None:
    """Every audit entry of a coaching record, and the ledger credits of its meetings, are
    confidential: the audit page shows them to admin SDM and their own actor only."""
    conn.execute(sa.text("UPDATE audit_log SET confidential = :t WHERE action LIKE 'coaching_unit.%' "
                         "OR action LIKE 'coaching.program.%'"), {"t": True})
    ids = [str(i) for i in ledger_ids]
    for start in range(0, len(ids), 500):
        conn.execute(sa.text("UPDATE audit_log SET confidential = :t WHERE entity_type = "
                             "'jp_ledger_entry' AND entity_id IN :ids")
                     .bindparams(sa.bindparam("ids", expanding=True)),
                     {"t": True, "ids": ids[start:start + 500]})


def upgrade():
    rewrite(op.get_bind())


def rewrite(conn) -> None:
    """Rewrite every copy on ``conn`` (also called by the plugin's test on old-style rows)."""
    titles = _ledger_titles(conn)
    for entry_id, title in titles.items():
        conn.execute(sa.text("UPDATE jp_ledger_entry SET title = :t WHERE id = :i"),
                     {"t": title, "i": entry_id})
    _certificates(conn, titles)
    _audit(conn)
    _flag_confidential(conn, titles)


def downgrade():
    pass  # the confidential text is not kept anywhere to restore
