"""API v1 reads and writes of results (issue 20): a service account with a write-scoped token records results from
the ministry's systems for an employee. All items of a request or none; idempotent by the
result's key; every change audited with the token's name."""

from __future__ import annotations

from flask import request

from portal import audit
from portal.api import auth
from portal.api.responses import ApiError, json_response
from portal.assessments.spec import ResultSpec, store
from portal.extensions import db
from portal.models import Employee
from portal.scope import can_edit_employee

MAX_ITEMS = 500


def items(body_key: str) -> list[dict]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get(body_key), list):
        raise ApiError(400, f'Badan permintaan harus JSON {{"{body_key}": [ … ]}}.')
    found = body[body_key]
    if not 1 <= len(found) <= MAX_ITEMS:
        raise ApiError(400, f"Kirim 1 sampai {MAX_ITEMS} data per permintaan.")
    if not all(isinstance(item, dict) for item in found):
        raise ApiError(400, f"Setiap isi {body_key} harus objek JSON.")
    return found


def listing(spec: ResultSpec, body_key: str, employee: Employee, rows_of):
    """The stored results of ``employee`` (``rows_of(employee id)``), with source and time."""
    return json_response({"nip": employee.nip, body_key: [
        {**spec.as_json(row), "source": row.source,
         "updated_at": row.updated_at.isoformat(timespec="seconds") + "Z"}
        for row in rows_of(employee.id)]})


def write(spec: ResultSpec, body_key: str, employee: Employee):
    """Validate every item, then store them all (or answer 422 and store nothing)."""
    auth.require_write()
    account = auth.account()
    if not can_edit_employee(account, employee):
        raise ApiError(403, f"Akun pemilik token ini tidak berwenang mengubah data pegawai "
                            f"{employee.nip}.")
    api_name = {column: name for name, column in spec.api_fields.items()}
    errors, records, seen = [], [], {}
    for index, item in enumerate(items(body_key)):
        raw = {column: item.get(name) for name, column in spec.api_fields.items()}
        raw["nip"] = employee.nip
        record, problems = spec.parse(raw)
        errors += [{"index": index, "field": api_name.get(column, column), "message": message}
                   for column, message in problems]
        if not problems:
            key = spec.key(employee.id, record)
            if key in seen:
                errors.append({"index": index, "field": None,
                               "message": f"Sama dengan data ke-{seen[key]} di permintaan ini."})
            seen.setdefault(key, index)
        records.append(record)
    if errors:
        return json_response({"message": f"{len(errors)} masalah; tidak ada {spec.noun} yang "
                                         "disimpan.", "errors": errors}, 422)
    name = auth.token_name()
    answers = []
    for record, (status, previous, row) in zip(
            records, store(spec, employee.id, records, f"api: {name}"), strict=True):
        if status != "sama":
            audit.record(f"api.{spec.entity}.{status}", spec.entity, row.id, previous,
                         {**spec.as_json(record), "token": name},
                         summary=f"{spec.describe(record)} {status} melalui API oleh token "
                                 f"'{name}'", actor_id=account.id)
        answers.append({**spec.as_json(record), "status": status, "previous": previous})
    db.session.commit()
    return json_response({"nip": employee.nip, body_key: answers})
