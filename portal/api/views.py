"""The API's routes. Every view is ``@access(PUBLIC)`` for the cookie-based check; the bearer
token is required by :func:`portal.api.auth.authenticate`, run before each of them."""

from __future__ import annotations

from flask import Blueprint, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from portal.access import PUBLIC, access
from portal.api import auth, lookups, params, writes
from portal.api.openapi import document
from portal.api.responses import HTTP_MESSAGES, ApiError, error_response, json_response
from portal.assessments import results as assessment_results
from portal.assessments import skp
from portal.clock import today
from portal.eligibility.service import check
from portal.extensions import csrf, db
from portal.ledger import projection
from portal.ledger.numbers import jp_number
from portal.ledger.service import entries, year_summary
from portal.ledger.team import TeamFilter, employee_rows, kept_statistics
from portal.plugins import registry
from portal.records import service as development_records
from portal.scope import viewable_employees

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # no cookie authenticates this blueprint, so there is nothing to forge
bp.before_request(auth.authenticate)
ANY_METHOD = ["GET", "POST", "PUT", "PATCH", "DELETE"]


@bp.errorhandler(ApiError)
def _api_error(error: ApiError):
    return error_response(error)


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException):
    status = error.code or 500
    message = HTTP_MESSAGES.get(status, error.description or HTTP_MESSAGES[500])
    return error_response(ApiError(status, message))


@bp.get("/openapi.json")
@access(PUBLIC)  # the description of the API is not data: no token needed
def openapi():
    return json_response(document())


@bp.get("/plugins")
@access(PUBLIC)  # bearer token: auth.authenticate
def plugins():
    return json_response([
        {"slug": p.slug, "model": p.info.model, "version": p.version, "title": p.info.title}
        for p in registry().installed()
    ])


@bp.get("/employees/<nip>/jp")
@access(PUBLIC)  # bearer token: auth.authenticate
def employee_jp(nip: str):
    year = params.year()
    employee = lookups.employee(auth.account(), nip)
    summary = year_summary(employee.id, year)
    rows = db.session.scalars(entries(employee.id, year, cancelled=False))
    return json_response({
        "nip": employee.nip,
        "year": year,
        "target_jp": summary["target_jp"],
        "total_jp": summary["total_jp"],
        "by_model": summary["by_model"],
        "by_mechanism": summary["by_mechanism"],
        "entries": [
            {"date": row.activity_date.isoformat(), "mechanism": row.mechanism,
             "activity_type": row.activity_type, "role": row.role,
             "jp_claimed": jp_number(row.jp_claimed), "jp_counted": jp_number(row.jp_counted),
             "rule_id": row.rule_id, "reason": row.reason}
            for row in rows
        ],
    })


@bp.get("/employees/<nip>/eligibility/<mechanism>")
@access(PUBLIC)  # bearer token: auth.authenticate
def employee_eligibility(nip: str, mechanism: str):
    on_date = params.on_date()
    slug = lookups.mechanism(mechanism)
    employee = lookups.employee(auth.account(), nip)
    answer = check(employee, slug, on_date)
    return json_response({"nip": employee.nip, "mechanism": slug, "eligible": answer.eligible,
                          "reasons": answer.reasons()})


@bp.get("/employees/<nip>/assessments")
@access(PUBLIC)  # bearer token: auth.authenticate
def employee_assessments(nip: str):
    return writes.listing(assessment_results.SPEC, "results", lookups.employee(auth.account(), nip),
                          assessment_results.history)


@bp.post("/employees/<nip>/assessments")
@access(PUBLIC)  # bearer token with the write scope: auth.authenticate, writes.write
def record_assessments(nip: str):
    return writes.write(assessment_results.SPEC, "results", lookups.employee(auth.account(), nip))


@bp.get("/employees/<nip>/skp")
@access(PUBLIC)  # bearer token: auth.authenticate
def employee_skp(nip: str):
    return writes.listing(skp.SPEC, "ratings", lookups.employee(auth.account(), nip), skp.history)


@bp.post("/employees/<nip>/skp")
@access(PUBLIC)  # bearer token with the write scope: auth.authenticate, writes.write
def record_skp(nip: str):
    return writes.write(skp.SPEC, "ratings", lookups.employee(auth.account(), nip))


@bp.get("/employees/<nip>/records")
@access(PUBLIC)  # bearer token: auth.authenticate
def employee_records(nip: str):
    employee = lookups.employee(auth.account(), nip)
    found = development_records.fetch(viewable_employees(auth.account()),
                                      year=params.optional_year(), employee_id=employee.id,
                                      since=params.since())
    return json_response({"nip": employee.nip, "records": [r.as_json() for r in found]})


@bp.get("/records")
@access(PUBLIC)  # bearer token: auth.authenticate
def records():
    unit_kode = (request.args.get("unit") or "").strip()
    unit = lookups.unit(auth.account(), unit_kode) if unit_kode else None
    year, since = params.optional_year(), params.since()
    if year is None and since is None:  # the whole ministry's ledger in one answer: no
        raise ApiError(400, "Kirim parameter year atau since (sinkronisasi bertahap).")
    found = development_records.fetch(viewable_employees(auth.account()), year=year, unit=unit,
                                      since=since)
    return json_response({"records": [r.as_json() for r in found]})


@bp.get("/units/<kode>/compliance")
@access(PUBLIC)  # bearer token: auth.authenticate
def unit_compliance(kode: str):
    year = params.year()
    unit = lookups.unit(auth.account(), kode)
    # One aggregate over the rollup (portal/ledger/team.py), kept until something audited changes
    stats = kept_statistics(auth.account(), TeamFilter(year=year, unit=unit, behind_only=False))
    return json_response({"unit": unit.kode, "year": year, "employees": stats["employees"],
                          "meeting_target": stats["on_target"],
                          "percent": stats["on_target_share"], "by_model": stats["by_model"]})


@bp.get("/employees/<nip>/projection")
@access(PUBLIC)  # bearer token: auth.authenticate
def employee_projection(nip: str):
    year = params.year()
    employee = lookups.employee(auth.account(), nip)
    result = projection.for_employee(employee, year, today(), year_summary(employee.id, year)["total_jp"])
    return json_response({"nip": employee.nip, **result.as_dict(), "scheduled": [
        {"date": item.on_date.isoformat(), "mechanism": item.mechanism, "title": item.title,
         "jp": jp_number(item.jp)} for item in result.items]})


@bp.get("/employees/<nip>/opportunities")
@access(PUBLIC)  # bearer token: auth.authenticate
def employee_opportunities(nip: str):
    from portal.opportunities.views import outlook_of

    employee = lookups.employee(auth.account(), nip)
    _projection, found = outlook_of(employee)
    return json_response({"nip": employee.nip, "opportunities": [
        {"title": offer.opportunity.title, "mechanism": offer.opportunity.participation.mechanism,
         "date": offer.opportunity.participation.on_date.isoformat(),
         "closes_on": offer.opportunity.closes_on.isoformat() if offer.opportunity.closes_on else None,
         "jp": jp_number(offer.jp), "model": offer.model, "eligible": offer.eligible,
         "reasons": offer.eligibility.reasons(), "why": offer.why}
        for offer in found]})


@bp.get("/units/<kode>/projection")
@access(PUBLIC)  # bearer token: auth.authenticate
def unit_projection(kode: str):
    year = params.year()
    unit = lookups.unit(auth.account(), kode)
    rows = db.session.execute(employee_rows(auth.account(), TeamFilter(year=year, unit=unit,
                                                                       behind_only=False))).all()
    ahead = projection.outlook(rows, year, today(), detail=())
    return json_response({"unit": unit.kode, "year": year, "employees": ahead.employees,
                          "by_status": ahead.counts})


@bp.route("/<path:rest>", methods=ANY_METHOD)
@access(PUBLIC)  # bearer token: auth.authenticate
def unknown(rest: str):
    """JSON 404/405 for any other path under /api/v1 (instead of the HTML error page)."""
    adapter = request.url_rule.map.bind_to_environ(request.environ)
    try:
        endpoint, _ = adapter.match(request.path, method="GET")
    except (NotFound, MethodNotAllowed):
        endpoint = None
    except HTTPException:  # e.g. a redirect to a canonical URL
        endpoint = None
    if endpoint and endpoint != "api.unknown":
        raise ApiError(405, HTTP_MESSAGES[405], {"Allow": "GET, HEAD, OPTIONS"})
    raise ApiError(404, HTTP_MESSAGES[404])
