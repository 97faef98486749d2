"""The import as one operation, shared by the browser and the CLI: preview, then commit."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal import audit
from portal.assessments.results import SPEC as ASSESSMENTS
from portal.assessments.skp import SPEC as SKP
from portal.database import refresh_statistics
from portal.extensions import db
from portal.imports import authority as import_authority
from portal.imports import employees, units
from portal.imports.reader import ImportFileError, read_sheet
from portal.imports.results_import import ResultImport
from portal.imports.validation import Preview
from portal.models import Account, Unit
from portal.scope import manageable_units

log = logging.getLogger(__name__)

KINDS = {"units": units, "employees": employees, "assessments": ResultImport(ASSESSMENTS),
         "skp": ResultImport(SKP)}
NOUNS = {"units": "unit", "employees": "pegawai", "assessments": "hasil asesmen",
         "skp": "predikat SKP"}
ENTITY = {"units": "unit", "employees": "employee", "assessments": "assessment_result",
          "skp": "skp_rating"}


def allowed_unit_kodes(user: Account) -> set[str] | None:
    """Units an importing account may write into; None means every unit."""
    if user.is_ministry_wide:
        return None
    return set(db.session.scalars(select(Unit.kode).where(manageable_units(user))))


def preview(kind: str, path: Path, allowed: set[str] | None, ext: str | None = None,
            actor: Account | None = None) -> Preview:
    """Read and check the whole file; nothing is written. With ``actor`` (the pages) the atasan
    and head columns obey the authority guard (portal.imports.authority)."""
    sheet = read_sheet(path, ext)
    result = KINDS[kind].validate(sheet, allowed)
    if actor is not None and kind in import_authority.COLUMN:
        import_authority.check(kind, actor, result, [number for number, _raw in sheet.rows])
    return result


def commit(kind: str, path: Path, allowed: set[str] | None, source: str,
           ext: str | None = None, actor_id: int | None = None,
           actor: Account | None = None) -> Preview:
    """Check the file again and write it in one transaction, all or nothing.

    Returns the preview; when it has problems nothing was written. Raises ImportFileError when
    the file cannot be read or the database refused the rows (e.g. a concurrent change).
    """
    result = preview(kind, path, allowed, ext, actor)
    if not result.ok:
        db.session.rollback()
        return result
    noun = NOUNS[kind]
    result.source = source
    try:
        changed = import_authority.changes(kind, result.records) if kind in import_authority.COLUMN else []
        KINDS[kind].write(result)
        import_authority.announce(changed)
        audit.record(
            f"import.{kind}", ENTITY[kind], source[:60], None,
            {"dibuat": result.created, "diperbarui": result.updated, "baris": result.rows,
             "berkas": source},
            summary=f"Impor {noun} dari {source}: {result.created} ditambahkan, "
                    f"{result.updated} diperbarui",
            actor_id=actor_id,
        )
        db.session.commit()
        refresh_statistics([ENTITY[kind]], result.rows)
    except IntegrityError as error:
        db.session.rollback()
        log.warning("import of %s refused by the database: %s", kind, error)
        raise ImportFileError(
            "Data berubah selama impor (mungkin oleh pengguna lain); tidak ada yang disimpan. "
            "Unggah dan periksa ulang berkas."
        ) from error
    except Exception:
        db.session.rollback()
        raise
    return result


def summary(result: Preview) -> str:
    """``N pegawai ditambahkan, M diperbarui``."""
    return f"{result.created} {NOUNS[result.kind]} ditambahkan, {result.updated} diperbarui"
