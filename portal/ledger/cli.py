"""``flask ledger verify``: the maintained rollup recomputed from the ledger rows."""

from __future__ import annotations

import click
from flask.cli import AppGroup

ledger = AppGroup("ledger", help="Buku JP: pemeriksaan rekap yang dipelihara.")


@ledger.command("verify")
@click.option("--perbaiki", is_flag=True, help="Bangun ulang rekap dari baris buku JP bila berbeda.")
def verify(perbaiki: bool) -> None:
    """Bandingkan rekap JP per pegawai-bulan dan per pegawai-tahun dengan baris buku JP."""
    from portal.extensions import db
    from portal.ledger import rollup
    from portal.ledger.locks import lock_ledger

    found = rollup.differences(limit=0)
    if not found:
        click.echo("Rekap JP sama dengan baris buku JP.")
        return
    for line in found[:50]:
        click.echo(line)
    if len(found) > 50:
        click.echo(f"… dan {len(found) - 50} perbedaan lainnya.")
    if not perbaiki:
        click.echo(f"{len(found)} perbedaan. Jalankan dengan --perbaiki untuk membangun ulang rekap.")
        raise SystemExit(1)
    lock_ledger()
    rollup.rebuild()
    db.session.commit()
    click.echo(f"{len(found)} perbedaan diperbaiki: rekap dibangun ulang dari baris buku JP.")
