"""``flask tasks worker``: the task-queue consumer (Huey's, inside the app)."""

from __future__ import annotations

import logging

import click
from flask import current_app
from flask.cli import AppGroup

from portal.tasks.jobs import requeue_unfinished
from portal.tasks.queue import huey_of

tasks = AppGroup("tasks", help="Antrean tugas latar (Huey).")


@tasks.command("worker")
@click.option("--workers", "-w", default=2, show_default=True,
              help="Jumlah tugas yang dikerjakan bersamaan (thread).")
@click.option("--periodic/--no-periodic", default=True, show_default=True,
              help="Jalankan juga tugas berkala (surel setiap 5 menit, ringkasan harian dan bulanan); "
                   "dengan beberapa konsumen, aktifkan pada satu konsumen saja.")
def worker(workers: int, periodic: bool) -> None:
    """Jalankan konsumen antrean tugas: impor, sertifikat massal, hitung ulang, laporan besar.

    Pekerjaan yang masih menunggu (atau terputus karena konsumen sebelumnya mati) dimasukkan
    kembali ke antrean saat mulai. Hentikan dengan Ctrl-C (tugas yang berjalan diselesaikan).
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    huey = huey_of(current_app)
    click.echo(f"{requeue_unfinished()} tugas yang belum selesai dimasukkan ke antrean.")
    consumer = huey.create_consumer(workers=workers, worker_type="thread", periodic=periodic)
    consumer.run()
