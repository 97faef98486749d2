"""The mentee records the mentor's qualities on the mentoring record (G-05)."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from portal.sdk import ROLES, Routes, access, commit_or_flash
from portal_coaching.unit import mentor_qualities
from portal_coaching.unit.views_pair import _back, pair_or_404

routes = Routes()


@routes.route("/unit/pasangan/<int:pair_id>/kualitas-mentor", methods=["POST"])
@access(*ROLES)
def mentor_quality(pair_id: int):
    pair = pair_or_404(pair_id)
    commit_or_flash(lambda: mentor_qualities.record_qualities(pair, current_user, request.form.getlist("kualitas")),
                    f"Kualitas mentor dicatat ({mentor_qualities.G_05}).")
    return _back(pair)


@routes.app_template_global()
def mentor_quality_labels(pair) -> list[str]:
    return mentor_qualities.labels(pair)


@routes.app_template_global()
def mentor_quality_choices() -> dict[str, str]:
    return mentor_qualities.QUALITIES
