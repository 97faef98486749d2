"""The portal as ``bench/web.py`` serves it: the real app plus two measuring pages that exist
only here, never in a deployment. They are the cheapest answers a signed-in pegawai can get
from this architecture, so the table shows the ceiling every real pegawai page sits under:

- ``/_bench/akun``: a pegawai view that returns a word. What every signed-in page pays before
  it shows anything: the session, the account loader's statement, the access check, the
  request id and the security headers.
- ``/_bench/tata-letak``: a pegawai view that renders the layout around an empty page: the
  above, plus the menu (kept per user, checked against the newest audit id), the inbox badge
  and the CSRF meta tag.
"""

from __future__ import annotations

from flask import render_template

from portal import create_app
from portal.access import access

EMPTY_PAGE = """{% extends "base.html" %}{% block title %}Halaman kosong{% endblock %}
{% block content %}<h1>Halaman kosong</h1><p>{{ current_user.employee.nama }}</p>{% endblock %}"""

app = create_app()
EMPTY = app.jinja_env.from_string(EMPTY_PAGE)  # compiled once, like the portal's templates


@access("pegawai")
def account_only():
    return "ok"


@access("pegawai")
def empty_layout():
    return render_template(EMPTY)


app.add_url_rule("/_bench/akun", "bench_account_only", account_only)
app.add_url_rule("/_bench/tata-letak", "bench_empty_layout", empty_layout)
