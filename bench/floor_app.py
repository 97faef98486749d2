"""The floors of bench/web.py: a bare Flask page, and a bare Flask page doing one indexed query
on the same database as the portal (``DATABASE_URL``). Run under gunicorn like the portal."""

from __future__ import annotations

import os
import random

from flask import Flask
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine(os.environ["DATABASE_URL"], pool_size=4, pool_pre_ping=False)
with engine.connect() as _connection:
    _LAST_ID = _connection.execute(text("SELECT max(id) FROM employee")).scalar() or 1

PAGE = "<!doctype html><html lang=id><title>Lantai</title><p>{}</p></html>"


@app.get("/")
def bare():
    return PAGE.format("ok")


@app.get("/sql")
def one_query():
    with engine.connect() as connection:
        name = connection.execute(text("SELECT nama FROM employee WHERE id = :id"),
                                  {"id": random.randint(1, _LAST_ID)}).scalar()
    return PAGE.format(name or "-")
