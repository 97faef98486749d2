"""The units, employees, assessment-result and SKP imports on the task queue
(:mod:`portal.imports.pipeline`). Their commit is an upsert by NIP or code in one transaction,
so a job run again after it committed writes the same values again."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from portal.imports import importer
from portal.imports.pipeline import Pipeline, register
from portal.models import Account
from portal.models.task_job import TaskJob
from portal.tasks.jobs import Report


def _check(kind: str, path: Path, ext: str, uploader: Account):
    return importer.preview(kind, path, importer.allowed_unit_kodes(uploader), ext, actor=uploader)


def _write(kind: str, path: Path, ext: str, source: str, uploader: Account, job: TaskJob,
           report: Report):
    return importer.commit(kind, path, importer.allowed_unit_kodes(uploader), source=source,
                           ext=ext, actor_id=uploader.id, actor=uploader)


NAMES = tuple(
    register(Pipeline(kind, noun, "imports.index", "imports.preview_result",
                      partial(_check, kind), partial(_write, kind), importer.summary)).name
    for kind, noun in importer.NOUNS.items())
