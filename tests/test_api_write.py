"""API v1 writes (issue 20): token scope read/write (a read token cannot write), assessment
results recorded idempotently by employee + date + competency, every write audited with the
token's name, all items or none."""

from __future__ import annotations

from sqlalchemy import select

from portal.api import tokens
from portal.extensions import db
from portal.models import Account, ApiToken, AssessmentResult, AuditLog, EmployeeGap

RESULT = {"assessed_on": "2026-03-15", "standard": "teknis", "competency": "Hidrologi",
          "required_level": 3, "achieved_level": 1, "assessor": "Pusat Penilaian Kompetensi"}


def token_for(employee, scope: str, name: str = "e-HRD") -> str:
    account = db.session.scalar(select(Account).where(Account.employee_id == employee.id))
    _, token = tokens.create(account, name, scope=scope)
    db.session.commit()
    return token


def post(client, nip: str, token: str, body):
    return client.post(f"/api/v1/employees/{nip}/assessments", json=body,
                       headers={"Authorization": f"Bearer {token}"})


def stored(employee):
    return db.session.scalars(select(AssessmentResult)
                              .where(AssessmentResult.employee_id == employee.id)).all()


def test_a_read_token_cannot_write(client, two_units):
    staff = two_units["A"]["staff"]
    response = post(client, staff.nip, token_for(two_units["sdm"], "read"), {"results": [RESULT]})
    assert response.status_code == 403
    assert "cakupan read" in response.get_json()["message"]
    assert stored(staff) == []


def test_a_write_token_records_idempotently_and_is_audited_with_its_name(client, two_units):
    staff = two_units["A"]["staff"]
    token = token_for(two_units["sdm"], "write", "Sinkronisasi e-HRD")
    first = post(client, staff.nip, token, {"results": [RESULT]})
    assert first.status_code == 200, first.get_json()
    assert first.get_json()["results"][0] == {**RESULT, "gap": 2, "status": "dibuat",
                                              "previous": None}
    again = post(client, staff.nip, token, {"results": [RESULT]})
    assert again.get_json()["results"][0]["status"] == "sama"
    changed = post(client, staff.nip, token, {"results": [{**RESULT, "achieved_level": 3}]})
    answer = changed.get_json()["results"][0]
    assert answer["status"] == "diperbarui"
    assert answer["previous"] == {"achieved_level": 1, "gap": 2}
    [row] = stored(staff)
    assert (row.achieved_level, row.gap, row.source) == (3, 0, "api: Sinkronisasi e-HRD")
    audits = db.session.scalars(select(AuditLog).where(AuditLog.entity_type == "assessment_result")
                                .order_by(AuditLog.id)).all()
    assert [a.action for a in audits] == ["api.assessment_result.dibuat",
                                          "api.assessment_result.diperbarui"]
    assert all("token 'Sinkronisasi e-HRD'" in a.summary for a in audits)
    assert audits[1].new_values["token"] == "Sinkronisasi e-HRD"
    assert audits[0].actor_id == db.session.scalar(
        select(Account.id).where(Account.employee_id == two_units["sdm"].id))
    # the corrected result closed the gap
    assert db.session.scalars(select(EmployeeGap)
                              .where(EmployeeGap.employee_id == staff.id)).all() == []
    history = client.get(f"/api/v1/employees/{staff.nip}/assessments",
                         headers={"Authorization": f"Bearer {token}"}).get_json()
    assert history["results"][0]["achieved_level"] == 3


def test_one_bad_item_saves_nothing_and_names_every_problem(client, two_units):
    staff = two_units["A"]["staff"]
    token = token_for(two_units["sdm"], "write")
    body = {"results": [RESULT, {**RESULT, "competency": "Irigasi", "standard": "lain",
                                 "required_level": 9}, RESULT]}
    response = post(client, staff.nip, token, body)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert {(e["index"], e["field"]) for e in errors} == {
        (1, "standard"), (1, "required_level"), (2, None)}
    assert stored(staff) == []


def test_malformed_body_is_a_400_in_indonesian(client, two_units):
    token = token_for(two_units["sdm"], "write")
    response = post(client, two_units["A"]["staff"].nip, token, {"hasil": []})
    assert response.status_code == 400 and "results" in response.get_json()["message"]


def test_a_write_token_of_an_account_outside_the_unit_cannot_write(client, two_units):
    token = token_for(two_units["A"]["admin"], "write")
    response = post(client, two_units["B"]["staff"].nip, token, {"results": [RESULT]})
    assert response.status_code == 404  # the same answer as an unknown NIP (issue 15 item 7)
    assert stored(two_units["B"]["staff"]) == []


def test_cli_creates_a_write_token(runner, two_units):
    result = runner.invoke(args=["users", "create-token", two_units["sdm"].nip, "--name", "SIASN",
                                 "--scope", "write"])
    assert result.exit_code == 0, result.output
    row = db.session.scalar(select(ApiToken).where(ApiToken.name == "SIASN"))
    assert row.scope == "write"
    refused = runner.invoke(args=["users", "create-token", two_units["sdm"].nip,
                                  "--scope", "admin"])
    assert refused.exit_code != 0
