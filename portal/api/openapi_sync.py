"""The OpenAPI part of API v1 that exchanges data with the ministry's systems (issue 20):
assessment results in (write scope), development records out. Merged into
:mod:`portal.api.openapi`."""

from __future__ import annotations


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(description: str, schema: dict, example: dict | None = None) -> dict:
    content = {"schema": schema}
    if example is not None:
        content["example"] = example
    return {"description": description, "content": {"application/json": content}}


ASSESSMENT_EXAMPLE = {"assessed_on": "2026-03-15", "standard": "teknis",
                      "competency": "Perencanaan Teknis Jalan", "required_level": 3,
                      "achieved_level": 2, "gap": 1, "assessor": "Pusat Penilaian Kompetensi"}

RECORD_EXAMPLE = {
    "id": 4182, "nip": "198504122010011002", "nama": "Budi Santoso, S.T.",
    "kind": "pelatihan", "kind_label": "Pelatihan", "mechanism": "formal",
    "mechanism_title": "Pelatihan Klasikal dan Nonklasikal",
    "name": "Pelatihan Perencanaan Teknis Jembatan", "organiser": "Balai Jembatan",
    "start_date": "2026-05-04", "end_date": "2026-05-08", "jp": 40,
    "certificate_number": "SERT-2026-000123",
    "verification_url": "https://portal.pu.go.id/verifikasi/Qm9yZW0taXBzdW0tdG9rZW4",
    "status": "aktif", "changed_at": "2026-05-09T03:12:44Z"}
SINCE = {"name": "since", "in": "query", "required": False,
         "description": "Hanya yang berubah sesudah saat ini (ISO 8601, tanpa zona berarti UTC): "
                        "kegiatan baru, dibatalkan (status `dibatalkan`), sertifikat terbit atau "
                        "dicabut. Untuk sinkronisasi bertahap, kirim `changed_at` terbesar yang "
                        "sudah diterima.",
         "schema": {"type": "string"}, "example": "2026-11-01T00:00:00Z"}
ANY_YEAR = {"name": "year", "in": "query", "required": False,
            "description": "Tahun kegiatan (TTTT); bawaan: semua tahun.",
            "schema": {"type": "string", "pattern": "^[0-9]{4}$"}, "example": "2026"}

SCHEMAS = {
    "DevelopmentRecord": {
        "type": "object",
        "description": "Satu kegiatan pengembangan yang JP-nya dihitung, untuk riwayat "
                       "diklat/kursus nasional. Kegiatan coaching/mentoring (model 20) hanya "
                       "dinamai menurut mekanisme dan jenis kegiatannya (CM-01).",
        "properties": {
            "id": {"type": "integer", "description": "Nomor entri buku JP (kunci sinkronisasi)."},
            "nip": {"type": "string"}, "nama": {"type": "string"},
            "kind": {"type": "string", "enum": ["pelatihan", "nonpelatihan"],
                     "description": "Jenis nasional menurut pemetaan mekanisme (pengaturan)."},
            "kind_label": {"type": "string"},
            "mechanism": {"type": "string"}, "mechanism_title": {"type": "string"},
            "name": {"type": "string"}, "organiser": {"type": "string"},
            "start_date": {"type": "string", "format": "date"},
            "end_date": {"type": "string", "format": "date"},
            "jp": {"type": "number", "minimum": 0},
            "certificate_number": {"type": "string", "description": "Kosong bila belum ada."},
            "verification_url": {"type": "string",
                                 "description": "Tautan verifikasi publik sertifikat (kosong "
                                                "bila belum ada)."},
            "status": {"type": "string", "enum": ["aktif", "dibatalkan"],
                       "description": "dibatalkan: kegiatan dibatalkan atau JP-nya tidak lagi "
                                      "dihitung (hanya muncul dengan `since`); hapus dari "
                                      "riwayat."},
            "changed_at": {"type": "string", "format": "date-time"},
        },
        "required": list(RECORD_EXAMPLE),
        "example": RECORD_EXAMPLE,
    },
    "DevelopmentRecords": {
        "type": "object",
        "properties": {"nip": {"type": "string"},
                       "records": {"type": "array", "items": _ref("DevelopmentRecord")}},
        "required": ["records"],
    },
    "AssessmentResult": {
        "type": "object",
        "description": "Satu hasil asesmen kompetensi. Kunci: pegawai + assessed_on + competency.",
        "properties": {
            "assessed_on": {"type": "string", "format": "date",
                            "description": "Tanggal asesmen, tidak di masa depan."},
            "standard": {"type": "string", "enum": ["teknis", "manajerial", "sosial_kultural"]},
            "competency": {"type": "string", "maxLength": 200},
            "required_level": {"type": "integer", "minimum": 1, "maximum": 5},
            "achieved_level": {"type": "integer", "minimum": 0, "maximum": 5},
            "gap": {"type": "integer", "minimum": 0, "maximum": 5,
                    "description": "required_level − achieved_level, paling kecil 0; boleh "
                                   "tidak dikirim (dihitung)."},
            "assessor": {"type": "string", "maxLength": 200,
                         "description": "Asesor atau lembaga penilai."},
        },
        "required": ["assessed_on", "standard", "competency", "required_level",
                     "achieved_level", "assessor"],
    },
    "AssessmentWrite": {
        "type": "object",
        "properties": {"results": {"type": "array", "minItems": 1, "maxItems": 500,
                                   "items": _ref("AssessmentResult")}},
        "required": ["results"],
    },
    "AssessmentHistory": {
        "type": "object",
        "properties": {
            "nip": {"type": "string"},
            "results": {"type": "array", "items": {"allOf": [_ref("AssessmentResult"), {
                "type": "object",
                "properties": {"source": {"type": "string"},
                               "updated_at": {"type": "string", "format": "date-time"}}}]}},
        },
        "required": ["nip", "results"],
    },
    "AssessmentWritten": {
        "type": "object",
        "properties": {
            "nip": {"type": "string"},
            "results": {"type": "array", "items": {"allOf": [_ref("AssessmentResult"), {
                "type": "object",
                "properties": {
                    "status": {"type": "string", "enum": ["dibuat", "sama", "diperbarui"],
                               "description": "sama: data identik sudah tersimpan (idempoten)."},
                    "previous": {"type": ["object", "null"],
                                 "description": "Nilai lama yang diganti (status diperbarui)."}},
                "required": ["status", "previous"]}]}},
        },
        "required": ["nip", "results"],
    },
    "SkpRating": {
        "type": "object",
        "description": "Predikat kinerja tahunan (SKP). Kunci: pegawai + year.",
        "properties": {
            "year": {"type": "integer", "minimum": 2000},
            "predikat": {"type": "string", "enum": ["sangat_baik", "baik", "butuh_perbaikan",
                                                    "kurang", "sangat_kurang"]},
            "period_start": {"type": "string", "format": "date",
                             "description": "Bawaan: 1 Januari tahun itu."},
            "period_end": {"type": "string", "format": "date",
                           "description": "Bawaan: 31 Desember tahun itu."},
        },
        "required": ["year", "predikat"],
    },
    "SkpWrite": {
        "type": "object",
        "properties": {"ratings": {"type": "array", "minItems": 1, "maxItems": 500,
                                   "items": _ref("SkpRating")}},
        "required": ["ratings"],
    },
    "SkpRatings": {
        "type": "object",
        "properties": {
            "nip": {"type": "string"},
            "ratings": {"type": "array", "items": {"allOf": [_ref("SkpRating"), {
                "type": "object",
                "properties": {"source": {"type": "string"},
                               "updated_at": {"type": "string", "format": "date-time"},
                               "status": {"type": "string",
                                          "enum": ["dibuat", "sama", "diperbarui"]},
                               "previous": {"type": ["object", "null"]}}}]}},
        },
        "required": ["nip", "ratings"],
    },
    "WriteErrors": {
        "type": "object",
        "properties": {
            "message": {"type": "string"},
            "errors": {"type": "array", "items": {
                "type": "object",
                "properties": {"index": {"type": "integer"},
                               "field": {"type": ["string", "null"]},
                               "message": {"type": "string"}},
                "required": ["index", "field", "message"]}},
        },
        "required": ["message", "errors"],
    },
}


def _result_item(nip: dict, unauthorized: dict, error, not_found: dict, listing: tuple[str, str],
                 post_summary: str, key_note: str, write_ref: str, list_ref: str,
                 written_ref: str, example: dict) -> dict:
    """GET (the stored results) and POST (a write-scoped token records results) of one kind."""
    return {
        "get": {"summary": listing[0], "parameters": [nip],
                "responses": {"200": _json(listing[1], _ref(list_ref)), "401": unauthorized,
                              **not_found}},
        "post": {
            "summary": post_summary,
            "description": "Semua data atau tidak sama sekali. " + key_note + " Data identik "
                           "berstatus `sama`; data berbeda mengganti nilai tersimpan "
                           "(`diperbarui`, nilai lama di `previous`). Setiap perubahan dicatat "
                           "di log audit dengan nama token.",
            "parameters": [nip],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": _ref(write_ref), "example": example}}},
            "responses": {
                "200": _json("Data yang tersimpan beserta statusnya.", _ref(written_ref)),
                "400": error("Badan permintaan bukan JSON yang diharapkan."),
                "401": unauthorized,
                "403": error("Token hanya cakupan read, atau pegawai di luar kewenangan akun "
                             "pemilik token."),
                "404": error("NIP tidak dikenal."),
                "422": _json("Data tidak valid; tidak ada yang disimpan.", _ref("WriteErrors"))}},
    }


def paths(nip: dict, unauthorized: dict, error) -> dict:
    """The path items; ``nip``, ``unauthorized`` and ``error`` are openapi.py's shared parts."""
    not_found = {"403": error("Pegawai di luar kewenangan akun pemilik token."),
                 "404": error("NIP tidak dikenal.")}
    bad_query = error("Parameter year atau since tidak valid (atau keduanya tidak dikirim "
                      "pada /records).")
    return {
        "/employees/{nip}/records": {"get": {
            "summary": "Riwayat pengembangan pegawai (untuk e-HRD/SIASN)",
            "description": "Setiap kegiatan yang JP-nya dihitung: jenis, nama, penyelenggara, "
                           "tanggal, JP, nomor dan tautan verifikasi sertifikat. Dengan `since` "
                           "juga kegiatan yang dibatalkan sesudahnya.",
            "parameters": [nip, ANY_YEAR, SINCE],
            "responses": {"200": _json("Riwayat pengembangan.", _ref("DevelopmentRecords"),
                                       {"nip": RECORD_EXAMPLE["nip"], "records": [RECORD_EXAMPLE]}),
                          "400": bad_query, "401": unauthorized, **not_found}}},
        "/records": {"get": {
            "summary": "Riwayat pengembangan semua pegawai dalam kewenangan token",
            "description": "Seperti riwayat per pegawai, untuk seluruh pegawai yang boleh dilihat "
                           "akun pemilik token, atau satu unit beserta sub-unitnya. Wajib salah "
                           "satu dari `year` atau `since`.",
            "parameters": [ANY_YEAR, SINCE,
                           {"name": "unit", "in": "query", "required": False,
                            "description": "Kode unit (beserta sub-unitnya).",
                            "schema": {"type": "string", "maxLength": 30}}],
            "responses": {"200": _json("Riwayat pengembangan.", _ref("DevelopmentRecords")),
                          "400": bad_query, "401": unauthorized,
                          "403": error("Unit di luar kewenangan akun pemilik token."),
                          "404": error("Kode unit tidak dikenal.")}}},
        "/employees/{nip}/skp": _result_item(
            nip, unauthorized, error, not_found,
            ("Predikat kinerja (SKP) pegawai per tahun", "Predikat SKP, tahun terbaru lebih dulu."),
            "Mencatat predikat kinerja SKP (token cakupan write)",
            "Idempoten menurut pegawai + tahun.", "SkpWrite", "SkpRatings", "SkpRatings",
            {"ratings": [{"year": 2025, "predikat": "baik"}]}),
        "/employees/{nip}/assessments": _result_item(
            nip, unauthorized, error, not_found,
            ("Riwayat hasil asesmen kompetensi pegawai", "Semua hasil asesmen, terbaru lebih dulu."),
            "Mencatat hasil asesmen kompetensi (token cakupan write)",
            "Idempoten menurut pegawai + tanggal asesmen + kompetensi. Kesenjangan saat ini "
            "mengikuti asesmen terbaru setiap kompetensi (G-03).", "AssessmentWrite",
            "AssessmentHistory", "AssessmentWritten", {"results": [ASSESSMENT_EXAMPLE]}),
    }
