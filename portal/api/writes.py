"""API v1 writes (issue 20): a service account with a write-scoped token records results from
the ministry's systems for an employee. All items of a request or none; idempotent by the
result's key; every change audited with the token's name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import request

from portal import audit
from portal.api import auth
from portal.api.responses import ApiError, json_response
from portal.extensions import db
from portal.models import Employee
from portal.scope import can_edit_employee

MAX_ITEMS = 500


@dataclass(frozen=True)
class WriteKind:
    """How one kind of result is read from JSON and stored.

    ``fields`` maps the API's field names to the import's column names (one parser for both);
    ``store(employee, records, source)`` saves the parsed records and returns, per record,
    ``(status, previous values or None, entity id, short description)``.
    """

    body_key: str
    entity: str
    noun: str
    fields: dict[str, str]
    parse: Callable
    key: Callable  # (employee id, record) -> the idempotency key
    store: Callable
    shown: Callable  # record -> the JSON of one stored item


def items(kind: WriteKind) -> list[dict]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get(kind.body_key), list):
        raise ApiError(400, f'Badan permintaan harus JSON {{"{kind.body_key}": [ … ]}}.')
    found = body[kind.body_key]
    if not 1 <= len(found) <= MAX_ITEMS:
        raise ApiError(400, f"Kirim 1 sampai {MAX_ITEMS} data per permintaan.")
    if not all(isinstance(item, dict) for item in found):
        raise ApiError(400, f"Setiap isi {kind.body_key} harus objek JSON.")
    return found


def write(kind: WriteKind, employee: Employee):
    """Validate every item, then store them all (or answer 422 and store nothing)."""
    auth.require_write()
    account = auth.account()
    if not can_edit_employee(account, employee):
        raise ApiError(403, f"Akun pemilik token ini tidak berwenang mengubah data pegawai "
                            f"{employee.nip}.")
    column_of = kind.fields
    api_name = {column: name for name, column in column_of.items()}
    errors, records, seen = [], [], {}
    for index, item in enumerate(items(kind)):
        raw = {column: item.get(name) for name, column in column_of.items()}
        raw["nip"] = employee.nip
        record, problems = kind.parse(raw)
        errors += [{"index": index, "field": api_name.get(column, column), "message": message}
                   for column, message in problems]
        if not problems:
            key = kind.key(employee.id, record)
            if key in seen:
                errors.append({"index": index, "field": None,
                               "message": f"Sama dengan data ke-{seen[key]} di permintaan ini."})
            seen.setdefault(key, index)
        records.append(record)
    if errors:
        return json_response({"message": f"{len(errors)} masalah; tidak ada {kind.noun} yang "
                                         "disimpan.", "errors": errors}, 422)
    name = auth.token_name()
    source = f"api: {name}"
    answers = []
    for record, (status, previous, entity_id, described) in zip(
            records, kind.store(employee, records, source), strict=True):
        if status != "sama":
            audit.record(f"api.{kind.entity}.{status}", kind.entity, entity_id, previous,
                         {**kind.shown(record), "token": name},
                         summary=f"{described} NIP {employee.nip} {status} melalui API oleh "
                                 f"token '{name}'", actor_id=account.id)
        answers.append({**kind.shown(record), "status": status, "previous": previous})
    db.session.commit()
    return json_response({"nip": employee.nip, kind.body_key: answers})
