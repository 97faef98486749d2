"""``flask certificates work``: process unfinished bulk jobs (resume after a restart)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.certificates import jobs

certificates = AppGroup("certificates", help="Sertifikat elektronik.")


@certificates.command("work")
@click.option("--reset-claimed", is_flag=True,
              help="Kembalikan item yang sedang diproses oleh proses yang telah mati ke antrean.")
def work(reset_claimed: bool) -> None:
    """Proses semua penerbitan sertifikat massal yang belum selesai."""
    if reset_claimed:
        click.echo(f"{jobs.reset_claimed()} item dikembalikan ke antrean.")
    for job_id in jobs.unfinished():
        job = jobs.run_job(job_id)
        click.echo(f"Penerbitan #{job.id}: {job.done} terbit, {job.failed} gagal dari {job.total}.")
