"""The downloads of development records: CSV (``;``, UTF-8 with BOM, as Excel expects in
Indonesia), XLSX and JSON. Spreadsheet cells are escaped against formulas."""

from __future__ import annotations

import codecs
import csv
import io

from flask import Response, json

from portal.exports import download, safe_cell, xlsx_response
from portal.records.service import DevelopmentRecord

HEADER = ("nip", "nama", "jenis", "mekanisme", "nama_kegiatan", "penyelenggara",
          "tanggal_mulai", "tanggal_selesai", "jp", "nomor_sertifikat", "tautan_verifikasi",
          "status", "diubah")


def _row(r: DevelopmentRecord) -> list:
    return [r.nip, r.nama, r.kind_label, r.mechanism_title, r.name, r.organiser,
            r.start_date.isoformat(), r.end_date.isoformat(), r.jp, r.certificate_number,
            r.verification_url, r.status, r.changed_at.isoformat(timespec="seconds") + "Z"]


def response(fmt: str, records: list[DevelopmentRecord], name: str) -> Response:
    filename = f"{name}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(filename, "Riwayat pengembangan", HEADER, map(_row, records))
    if fmt == "json":
        body = json.dumps({"records": [r.as_json() for r in records]}, ensure_ascii=False)
        mimetype = "application/json"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows([safe_cell(value) for value in _row(r)] for r in records)
        body, mimetype = codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8"), "text/csv; charset=utf-8"
    return download(body, filename, mimetype=mimetype, cache="no-store")
