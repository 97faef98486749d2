"""Admin SDM page for the core settings of certificates and reports (audited)."""

from __future__ import annotations

from flask import Blueprint, flash, request
from flask_login import current_user

from portal import uploads
from portal.access import SDM, access
from portal.certificates import settings
from portal.extensions import db
from portal.web import redirect_to, render

EMBLEM = "certificate.emblem_file"
EMBLEM_MAX_BYTES = 1024 * 1024
bp = Blueprint("certificate_settings", __name__, url_prefix="/sertifikat/pengaturan")


@bp.route("/", methods=["GET", "POST"])
@access(*SDM)
def edit():
    values = settings.all_values()
    errors: dict[str, str] = {}
    if request.method == "POST":
        cleaned = {}
        for setting in settings.TEXT_SETTINGS:
            raw = request.form.get(setting.key, values[setting.key])
            try:
                cleaned[setting.key] = settings.clean(setting.key, raw)
            except ValueError as error:
                errors[setting.key] = str(error)
            values[setting.key] = raw
        emblem = request.files.get(EMBLEM)
        if request.form.get("emblem_remove"):
            cleaned[EMBLEM] = ""
        elif emblem is not None and emblem.filename and not errors:
            try:
                stored = uploads.store(emblem, current_user.employee_id, allowed=("png", "jpg"),
                                       max_bytes=EMBLEM_MAX_BYTES)
                cleaned[EMBLEM] = str(stored.id)
            except uploads.UploadError as error:
                errors[EMBLEM] = f"Lambang instansi: {error}"
        if not errors:
            changed = settings.save(cleaned, current_user.id)
            db.session.commit()
            flash(f"{len(changed)} pengaturan diperbarui." if changed else "Tidak ada perubahan.", "success")
            return redirect_to("certificate_settings.edit")
    return render("certificates/settings.html", settings=settings.TEXT_SETTINGS, values=values,
                  emblem=settings.BY_KEY[EMBLEM], emblem_set=bool(values[EMBLEM]),
                  errors=errors), 400 if errors else 200
