"""Signed placement documents for the demo data: real, printable PDFs (the core report renderer),
never placeholder bytes. Magang, pertukaran and detasering demos attach these as their signed
agreement or assignment letter."""

from __future__ import annotations

import io

from werkzeug.datastructures import FileStorage

from portal.reports.document import render
from portal.reports.model import Report, Signature
from portal.types import PlacementKind, ReportColumn


def signed_document(kind: PlacementKind, elements: dict[str, str], *, title: str,
                    header: list[tuple[str, str]], signatures: list[Signature], filename: str) -> FileStorage:
    """A PDF listing the agreement's required elements with their content, and signature blocks."""
    rows = [{"no": index, "unsur": e.label, "isi": elements[e.key]}
            for index, e in enumerate(kind.agreement_elements, start=1)]
    report = Report(kind="perjanjian", title=title.upper(), header=header,
                    columns=[ReportColumn("no", "No", True), ReportColumn("unsur", "Unsur"),
                             ReportColumn("isi", "Isi")],
                    rows=rows, signatures=signatures, filename=filename.removesuffix(".pdf"))
    return FileStorage(io.BytesIO(render(report)), filename=filename, content_type="application/pdf")
