"""Large report files as background jobs (``reports.export``, :mod:`portal.tasks`).

The recap of a unit of some thousands of employees takes longer to render as PDF than a web
request may. A unit report whose unit holds more than ``PORTAL_REPORT_JOB_EMPLOYEES`` employees
(default 300) is built by a job: the page sends the user to the job, which writes the file under
the upload folder; the job page offers it for download (only to the account that asked). Smaller
reports are still answered in the request. Running the job again writes the same file again.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Employee, Unit
from portal.models.task_job import TaskJob
from portal.reports import document, xlsx
from portal.reports.kinds import KINDS
from portal.reports.pdf import PdfError
from portal.tasks.jobs import JobFailed, Report, handler, start

KIND = "reports.export"
DEFAULT_EMPLOYEES = 300
MIMETYPES = {"pdf": "application/pdf", "xlsx": xlsx.MIMETYPE}


def unit_size(unit_id: int) -> int:
    """Employees in the unit and every unit below it (what a unit report lists)."""
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        return 0
    return db.session.scalar(
        select(func.count()).select_from(Employee).join(Unit, Employee.unit_id == Unit.id)
        .where(Unit.path.startswith(unit.path, autoescape=True))) or 0


def needs_job(kind: str, args: dict, threshold: int) -> bool:
    return KINDS[kind].needs_unit and unit_size(args["unit"]) > threshold


def start_export(kind: str, args: dict, fmt: str, actor_id: int) -> TaskJob:
    title = f"{KINDS[kind].title} ({fmt.upper()})"
    return start(KIND, {"kind": kind, "args": args, "fmt": fmt, "judul": title}, actor_id,
                 message="Laporan menunggu antrean tugas.")


@handler(KIND)
def export_job(job: TaskJob, report: Report) -> dict:
    from portal.tasks.views import result_folder

    params = job.arguments
    kind, fmt = params["kind"], params["fmt"]
    report(10, "Mengumpulkan data laporan.")
    built = KINDS[kind].from_args(params["args"])
    db.session.rollback()
    report(40, f"Menyusun berkas {fmt.upper()} ({len(built.rows)} baris).")
    path = result_folder() / f"laporan-{job.id}.{fmt}"
    if fmt == "xlsx":
        with path.open("wb") as target:
            xlsx.write(built, target)
    else:
        try:
            path.write_bytes(document.render(built))
        except PdfError as error:
            raise JobFailed(str(error)) from None
    return {"ringkasan": f"Laporan siap: {len(built.rows)} baris.", "judul": params["judul"],
            "berkas": {"path": Path(path).name, "nama": f"{built.filename}.{fmt}",
                       "mimetype": MIMETYPES[fmt]},
            "lanjut": ["reports.index", "Kembali ke laporan"]}
