"""``flask activities import FILE``: import historical activities into the JP ledger.

Prints every row's problem and exits with status 1 (nothing written), or prints the warnings
(rows beyond a cap, with the rule ID) and the counts.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from portal.activities import importer
from portal.imports.reader import ImportFileError

activities = AppGroup("activities", help="Riwayat kegiatan pengembangan kompetensi (buku JP).")


@activities.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True,
                                        path_type=Path))
def import_activities(file: Path) -> None:
    """Import historical activities from CSV or XLSX (nip, mechanism, activity_type, role,
    date, title, jp, reference); all rows or none."""
    try:
        result = importer.commit(file, scope=None, source=file.name)
    except ImportFileError as error:
        click.echo(f"{file.name}: {error}", err=True)
        raise click.exceptions.Exit(1) from error
    for warning in result.warnings:
        click.echo(f"Peringatan: {warning}", err=True)
    if not result.ok:
        for problem in result.problems:
            click.echo(f"Baris {problem.row}, kolom {problem.column}: {problem.message}", err=True)
        click.echo(f"{file.name}: {result.rows} baris, {len(result.problems)} masalah. "
                   "Tidak ada data yang disimpan.", err=True)
        raise click.exceptions.Exit(1)
    for warning in result.row_warnings:
        click.echo(f"Baris {warning.row}: {warning.message}", err=True)
    click.echo(f"{importer.summary(result)}.")
