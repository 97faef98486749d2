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

SCHEMAS = {
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


def paths(nip: dict, unauthorized: dict, error: callable) -> dict:
    """The path items; ``nip``, ``unauthorized`` and ``error`` are openapi.py's shared parts."""
    not_found = {"403": error("Pegawai di luar kewenangan akun pemilik token."),
                 "404": error("NIP tidak dikenal.")}
    return {
        "/employees/{nip}/assessments": {
            "get": {
                "summary": "Riwayat hasil asesmen kompetensi pegawai",
                "description": "Semua hasil asesmen, terbaru lebih dulu.",
                "parameters": [nip],
                "responses": {"200": _json("Riwayat hasil asesmen.", _ref("AssessmentHistory")),
                              "401": unauthorized, **not_found}},
            "post": {
                "summary": "Mencatat hasil asesmen kompetensi (token cakupan write)",
                "description": "Semua data atau tidak sama sekali. Idempoten menurut pegawai + "
                               "tanggal asesmen + kompetensi: data identik berstatus `sama`; "
                               "data berbeda mengganti nilai tersimpan (`diperbarui`, nilai lama "
                               "di `previous`). Setiap perubahan dicatat di log audit dengan nama "
                               "token. Kesenjangan saat ini mengikuti asesmen terbaru setiap "
                               "kompetensi (G-03).",
                "parameters": [nip],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": _ref("AssessmentWrite"),
                    "example": {"results": [ASSESSMENT_EXAMPLE]}}}},
                "responses": {
                    "200": _json("Hasil yang tersimpan beserta statusnya.",
                                 _ref("AssessmentWritten")),
                    "400": error("Badan permintaan bukan JSON yang diharapkan."),
                    "401": unauthorized,
                    "403": error("Token hanya cakupan read, atau pegawai di luar kewenangan "
                                 "akun pemilik token."),
                    "404": error("NIP tidak dikenal."),
                    "422": _json("Data tidak valid; tidak ada yang disimpan.",
                                 _ref("WriteErrors"))}},
        },
    }
