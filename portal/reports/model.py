"""The shape every report takes, whatever its kind: rendered alike as HTML, PDF and XLSX."""

from __future__ import annotations

from dataclasses import dataclass, field

from portal.types import ReportColumn

# The heading the circular's recap tables print over their JP columns (ReportColumn.group).
JP_HEADING = "JAM PELAJARAN (JP)"


@dataclass(frozen=True)
class Signature:
    """One signature block of the circular's tables ("Mengetahui, JPT Pratama", …)."""

    heading: str
    role: str
    name: str
    nip: str


@dataclass
class Report:
    kind: str
    title: str
    header: list[tuple[str, str]]
    columns: list[ReportColumn]
    rows: list[dict]
    totals: dict | None = None
    signatures: list[Signature] = field(default_factory=list)
    place_date: str = ""
    notes: list[str] = field(default_factory=list)
    # Model mix of counted JP, from portal.ledger.charts.model_mix (transcript only).
    chart: dict | None = None
    summary: list[tuple[str, str]] = field(default_factory=list)
    filename: str = "laporan"
    # The circular's tables (e.g. Tabel 7) number their columns "(1) (2) …" under the headings.
    column_numbers: bool = False

    def header_rows(self) -> list[list[HeaderCell]]:
        """The header line by line, as the page, the PDF and the XLSX print it."""
        return header_rows(self.columns)

    def cell(self, row: dict, column: ReportColumn) -> object:
        value = row.get(column.key, "")
        return "" if value is None else value


@dataclass(frozen=True)
class HeaderCell:
    """One header cell: its text, the first column it stands over (``start``), how many columns
    (``span``) and lines (``rowspan``) it covers, and whether it is a group heading."""

    text: str
    start: int
    span: int = 1
    rowspan: int = 1
    group: bool = False


def header_rows(columns: list[ReportColumn]) -> list[list[HeaderCell]]:
    """One line of labels; two when columns share a group: each group over its columns' labels,
    a column without a group over both lines."""
    runs = header_groups(columns)
    if not runs:
        return [[HeaderCell(c.label, i) for i, c in enumerate(columns)]]
    top, below, start = [], [], 0
    for group, span in runs:
        if group:
            top.append(HeaderCell(group, start, span, group=True))
            below += [HeaderCell(columns[i].label, i) for i in range(start, start + span)]
        else:
            top.append(HeaderCell(columns[start].label, start, rowspan=2))
        start += span
    return [top, below]


def header_groups(columns: list[ReportColumn]) -> list[tuple[str, int]]:
    """``(group, span)`` per run of adjacent columns with the same group, ``("", 1)`` for a
    column without one; empty when no column has a group."""
    if not any(c.group for c in columns):
        return []
    runs: list[tuple[str, int]] = []
    for column in columns:
        if column.group and runs and runs[-1][0] == column.group:
            runs[-1] = (column.group, runs[-1][1] + 1)
        else:
            runs.append((column.group, 1))
    return runs


def number_rows(rows: list[dict]) -> list[dict]:
    for index, row in enumerate(rows, start=1):
        row["no"] = index
    return rows


def totals_of(columns: list[ReportColumn], rows: list[dict], label_key: str = "nama") -> dict:
    totals: dict = {label_key: "Jumlah"}
    for column in columns:
        if column.numeric and column.key != "no":
            totals[column.key] = sum((row.get(column.key) or 0) for row in rows)
    return totals
