"""Pengaturan aturan (/admin/pengaturan): versioned rule settings and the recalculate page.

Blueprint ``ledger_admin`` also carries the audit log page (portal/ledger/audit_views.py).
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, current_app, flash, request
from flask_login import current_user
from sqlalchemy import select

from portal.access import SDM, access
from portal.clock import today
from portal.extensions import db
from portal.i18n import tanggal
from portal.ledger import recalc, recalc_job
from portal.ledger.forms import SettingVersionForm
from portal.ledger.models import LedgerEntry, RuleSettingVersion
from portal.ledger.numbers import jp_number
from portal.ledger.paging import paginate_list
from portal.ledger.params import date_value
from portal.mechanisms.catalogue import mechanism_choices
from portal.pagination import page_number
from portal.rule_settings.versions import add_version, declared, parse_value, value_on
from portal.web import redirect_to, render

bp = Blueprint("ledger_admin", __name__, url_prefix="/admin")


def _setting_rows() -> tuple[list[dict], list[RuleSettingVersion]]:
    """Declared settings with their value today, scheduled and past versions; and versions
    of keys no installed code declares any more (an uninstalled plugin)."""
    settings = declared()
    versions: dict[str, list[RuleSettingVersion]] = {}
    for version in db.session.scalars(select(RuleSettingVersion).order_by(
            RuleSettingVersion.key, RuleSettingVersion.effective_from.desc(),
            RuleSettingVersion.id.desc())):
        versions.setdefault(version.key, []).append(version)
    now = today()
    rows = []
    for key, setting in settings.items():
        value, current = value_on(key, now)
        history = versions.get(key, [])
        rows.append({"setting": setting, "value": value, "current": current,
                     "scheduled": [v for v in history if v.effective_from > now],
                     "history": history})
    orphans = [v for key, vs in versions.items() if key not in settings for v in vs]
    return rows, orphans


@bp.route("/pengaturan", methods=["GET", "POST"])
@access(*SDM)
def settings():
    settings = declared()
    form = SettingVersionForm()
    form.key.choices = [("", "— pilih —")] + [
        (key, f"{s.owner_title}: {s.spec.label} ({s.spec.rule_id})") for key, s in settings.items()]
    if request.method == "GET" and request.args.get("kunci") in settings:
        form.key.data = request.args["kunci"]
    if form.validate_on_submit():
        setting = settings.get(form.key.data)
        effective = None
        if setting is None:
            form.key.errors.append("Pilih pengaturan dari daftar.")
            setting = next(iter(settings.values()))
        try:
            effective = date_value(form.effective_from.data)
        except ValueError as error:
            form.effective_from.errors.append(str(error))
        try:
            parse_value(setting.spec, form.value.data)
        except ValueError as error:
            form.value.errors.append(str(error))
        if not form.errors and effective is not None:
            add_version(setting.key, form.value.data, effective, form.note.data, current_user.id)
            db.session.commit()
            flash(f"Versi baru {setting.spec.label} disimpan, berlaku mulai {tanggal(effective)}. "
                  "Entri JP lama tidak berubah sampai Anda menghitung ulang.", "success")
            if setting.owner == "core":
                return redirect_to("ledger_admin.settings")
            return redirect_to("ledger_admin.recalculate", mekanisme=setting.owner,
                               dari=effective.isoformat())
    rows, orphans = _setting_rows()
    return render("ledger/settings.html", form=form, rows=rows,
                  orphans=orphans, today=today())


def _recalc_params(source) -> tuple[str, dt.date, dt.date, list[str], list[tuple[str, str]]]:
    present = set(db.session.scalars(select(LedgerEntry.mechanism).distinct()))
    choices = mechanism_choices(present)
    errors = []
    mechanism = (source.get("mekanisme") or "").strip()
    if mechanism and mechanism not in {slug for slug, _ in choices}:
        errors.append("Mekanisme tidak dikenal.")
        mechanism = ""
    year = today().year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    try:
        start = date_value(source.get("dari")) or start
        end = date_value(source.get("sampai")) or end
    except ValueError as error:
        errors.append(str(error))
    if end < start:
        errors.append("Tanggal akhir harus sesudah tanggal awal.")
    elif (end - start).days > recalc.MAX_DAYS:
        errors.append("Rentang paling lama tiga tahun per hitung ulang.")
    return mechanism, start, end, errors, choices


@bp.route("/pengaturan/hitung-ulang", methods=["GET", "POST"])
@access(*SDM)
def recalculate():
    source = request.form if request.method == "POST" else request.args
    mechanism, start, end, errors, choices = _recalc_params(source)
    if request.method == "POST" and not errors and mechanism:
        job = recalc_job.start_apply(mechanism, start, end, request.form.get("tanda", ""),
                                     current_user.id)  # the job applies it or says why not
        return redirect_to("tasks.show", job_id=job.id)
    preview = page = None
    if mechanism and not errors:
        preview = recalc.preview(mechanism, start, end)
        page = paginate_list(preview.changes, page_number(), current_app.config["PORTAL_PAGE_SIZE"])
    args = {"mekanisme": mechanism, "dari": start.isoformat(), "sampai": end.isoformat()}
    return render("ledger/recalculate.html", block="preview", mechanism=mechanism, start=start,
                  end=end, errors=errors, choices=choices, preview=preview, page=page, args=args,
                  jp=jp_number)
