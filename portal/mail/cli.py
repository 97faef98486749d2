"""``flask mail run`` (one pass of the producers and the sender) and ``flask mail test``."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

mail = AppGroup("mail", help="Surel pemberitahuan: antrean, ringkasan dan pengiriman.")


@mail.command("run")
@click.option("--digest", is_flag=True, help="Juga ringkasan harian (biasanya pukul 07.00 WIB).")
@click.option("--team", is_flag=True, help="Juga ringkasan bulanan tim berisiko untuk atasan.")
def run(digest: bool, team: bool) -> None:
    """Satu putaran: pemberitahuan dan tugas baru ke kotak keluar, lalu kirim yang jatuh tempo."""
    from portal.clock import today
    from portal.mail.delivery import BATCH, deliver_pending
    from portal.mail.producers import daily_digest, produce_notices, produce_tasks
    from portal.mail.team_digest import monthly_team_digest

    with current_app.test_request_context("/", base_url=current_app.config["PORTAL_PUBLIC_URL"]):
        click.echo(f"Pemberitahuan diproses: {produce_notices()}; tugas baru: {produce_tasks()}")
        if digest:
            click.echo(f"Ringkasan harian: {daily_digest(today())}")
        if team:
            click.echo(f"Ringkasan tim: {monthly_team_digest(today())}")
        total: dict[str, int] = {}
        for _ in range(1000):  # until nothing is due (retries wait for their time)
            counts = deliver_pending()
            total = {key: total.get(key, 0) + value for key, value in counts.items()}
            if sum(counts.values()) < BATCH:
                break
        click.echo("Pengiriman: " + ", ".join(f"{key} {value}" for key, value in total.items()))
