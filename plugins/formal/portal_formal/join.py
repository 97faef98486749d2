"""Where a person joins formal training (``portal_join_steps``): reporting a training with its
certificate (:func:`portal_formal.workflow.submit`), which passes the core's eligibility gate;
the verification passes it again before the JP is credited."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from werkzeug.datastructures import FileStorage

from portal.sdk import Account, Employee, JoinStep
from portal_formal import workflow
from portal_formal.jp import SLUG

# The smallest file the certificate check accepts as PDF (read by its content, not its name).
_CERTIFICATE = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _report(employee: Employee, actor: Account, on_date: dt.date):
    certificate = FileStorage(io.BytesIO(_CERTIFICATE), filename="sertifikat.pdf",
                              content_type="application/pdf")
    return workflow.submit(employee.id, certificate, title="Pelatihan teknis irigasi",
                           provider="Balai Diklat", activity_type="teknis",
                           start_date=on_date, end_date=on_date, jp=Decimal(8), actor_id=actor.id)


def join_steps() -> list[JoinStep]:
    return [JoinStep("lapor", "Melaporkan pelatihan formal", SLUG, _report)]
