"""``flask units import FILE``, ``flask employees import FILE``, ``flask assessments import FILE``.

Prints every row's problems and exits with status 1 (nothing written), or prints the counts.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from portal.imports import importer
from portal.imports.reader import ImportFileError


def _run(kind: str, path: Path) -> None:
    try:
        result = importer.commit(kind, path, allowed=None, source=path.name)
    except ImportFileError as error:
        click.echo(f"{path.name}: {error}", err=True)
        raise click.exceptions.Exit(1) from error
    for warning in result.warnings:
        click.echo(f"Peringatan: {warning}", err=True)
    if not result.ok:
        for problem in result.problems:
            click.echo(f"Baris {problem.row}, kolom {problem.column}: {problem.message}", err=True)
        click.echo(
            f"{path.name}: {result.rows} baris, {len(result.problems)} masalah. "
            "Tidak ada data yang disimpan.",
            err=True,
        )
        raise click.exceptions.Exit(1)
    for item in result.conflicts + result.notices:  # replaced values are never silent
        click.echo(f"Baris {item.row}: {item.message}", err=True)
    click.echo(f"{importer.summary(result)}.")


assessments = AppGroup("assessments", help="Hasil asesmen kompetensi (G-03).")


@assessments.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True,
                                        path_type=Path))
def import_assessments(file: Path) -> None:
    """Import competency assessment results from CSV or XLSX (nip, tanggal_asesmen, standar,
    kompetensi, level_standar, level_capaian, kesenjangan, asesor); all rows or none."""
    _run("assessments", file)


skp = AppGroup("skp", help="Predikat kinerja tahunan (SKP).")


@skp.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True,
                                        path_type=Path))
def import_skp(file: Path) -> None:
    """Import yearly SKP ratings from CSV or XLSX (nip, tahun, predikat, periode_mulai,
    periode_selesai); all rows or none."""
    _run("skp", file)


def attach(units_group: click.Group, employees_group: click.Group) -> None:
    """Add the ``import`` commands to the existing ``units`` and ``employees`` groups."""
    file_argument = click.argument(
        "file", type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path)
    )

    @units_group.command("import")
    @file_argument
    def import_units(file: Path) -> None:
        """Import units from a CSV or XLSX file (kode, nama, eselon, induk_kode, pimpinan_nip)."""
        _run("units", file)

    @employees_group.command("import")
    @file_argument
    def import_employees(file: Path) -> None:
        """Import employees from a CSV or XLSX file (updates by NIP; all or nothing)."""
        _run("employees", file)
