"""The OpenAPI 3.1 description of API v1, written by hand (served at /api/v1/openapi.json).

tests/test_api.py checks that every route under /api/v1 is described here and validates the
document with openapi-spec-validator.
"""

from __future__ import annotations

from portal.api import openapi_sync
from portal.mechanisms.catalogue import FIXED_MECHANISMS

JP = {"type": "number", "minimum": 0, "description": "Jam Pelajaran (JP)"}
BY_MODEL = {
    "type": "object",
    "description": "JP yang dihitung per model 70:20:10 (G-01).",
    "properties": {"70": JP, "20": JP, "10": JP},
    "required": ["70", "20", "10"],
    "additionalProperties": False,
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _error(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


UNAUTHORIZED = {
    **_error("Token tidak dikirim, tidak dikenal, sudah dicabut, atau akunnya dinonaktifkan."),
    "headers": {"WWW-Authenticate": {
        "description": 'Selalu `Bearer realm="Portal 70:20:10"` (dengan `error="invalid_token"` '
                       "bila token dikirim tetapi tidak berlaku).",
        "schema": {"type": "string"}}},
}
NIP = {"name": "nip", "in": "path", "required": True,
       "description": "NIP atau NI PPPK (18 angka; spasi diabaikan).",
       "schema": {"type": "string", "maxLength": 30}, "example": "198504122010011002"}
YEAR = {"name": "year", "in": "query", "required": False,
        "description": "Tahun (TTTT) antara 2000 dan tahun depan; bawaan: tahun ini (WIB).",
        "schema": {"type": "string", "pattern": "^[0-9]{4}$"}, "example": "2026"}
DATE = {"name": "date", "in": "query", "required": False,
        "description": "Tanggal kegiatan TTTT-BB-HH antara 1 Januari 2000 dan 31 Desember "
                       "tahun depan; bawaan: hari ini (WIB).",
        "schema": {"type": "string", "format": "date"}, "example": "2026-11-28"}

SCHEMAS = {
    "Error": {
        "type": "object",
        "properties": {"message": {"type": "string", "description": "Pesan dalam Bahasa Indonesia."}},
        "required": ["message"],
    },
    "LedgerRow": {
        "type": "object",
        "description": "Satu partisipasi yang tercatat di buku JP (entri yang dibatalkan tidak "
                       "ditampilkan).",
        "properties": {
            "date": {"type": "string", "format": "date"},
            "mechanism": {"type": "string"},
            "activity_type": {"type": "string"},
            "role": {"type": "string"},
            "jp_claimed": JP,
            "jp_counted": {**JP, "description": "JP yang dihitung; 0 bila melewati batas "
                                                "(alasan di `reason`)."},
            "rule_id": {"type": "string",
                        "description": "Kode aturan (halaman Aturan, docs/rules.md) yang menghasilkan JP."},
            "reason": {"type": "string", "description": "Mengapa JP tidak dihitung (kosong bila dihitung)."},
        },
        "required": ["date", "mechanism", "activity_type", "role", "jp_claimed", "jp_counted",
                     "rule_id", "reason"],
    },
    "EmployeeJP": {
        "type": "object",
        "properties": {
            "nip": {"type": "string"},
            "year": {"type": "integer"},
            "target_jp": JP,
            "total_jp": {**JP, "description": "Jumlah JP yang dihitung saja."},
            "by_model": BY_MODEL,
            "by_mechanism": {"type": "object", "additionalProperties": JP,
                             "description": "JP yang dihitung per mekanisme (slug)."},
            "entries": {"type": "array", "items": _ref("LedgerRow")},
        },
        "required": ["nip", "year", "target_jp", "total_jp", "by_model", "by_mechanism", "entries"],
    },
    "Reason": {
        "type": "object",
        "properties": {
            "rule_id": {"type": "string", "description": "Kode aturan (mis. G-03; halaman Aturan), atau "
                                                         "UNIT untuk status mekanisme di unit."},
            "allow": {"type": ["boolean", "null"],
                      "description": "true terpenuhi, false menolak, null belum dapat diputuskan."},
            "message": {"type": "string"},
        },
        "required": ["rule_id", "allow", "message"],
    },
    "Eligibility": {
        "type": "object",
        "properties": {
            "nip": {"type": "string"},
            "mechanism": {"type": "string"},
            "eligible": {"type": ["boolean", "null"],
                         "description": "false bila ada aturan yang menolak; null bila tidak ada "
                                        "yang menolak tetapi ada yang belum dapat diputuskan."},
            "reasons": {"type": "array", "items": _ref("Reason")},
        },
        "required": ["nip", "mechanism", "eligible", "reasons"],
    },
    "UnitCompliance": {
        "type": "object",
        "properties": {
            "unit": {"type": "string", "description": "Kode unit; angka mencakup seluruh sub-unitnya."},
            "year": {"type": "integer"},
            "employees": {"type": "integer", "minimum": 0},
            "meeting_target": {"type": "integer", "minimum": 0,
                               "description": "Pegawai yang JP terhitungnya mencapai target."},
            "percent": {"type": "number", "minimum": 0, "maximum": 100},
            "by_model": BY_MODEL,
        },
        "required": ["unit", "year", "employees", "meeting_target", "percent", "by_model"],
    },
    "Projection": {
        "type": "object",
        "description": "Peringatan dini target JP (metode: halaman Pengembangan Saya). JP terjadwal "
                       "tidak pernah dihitung sebagai JP terhitung.",
        "properties": {
            "nip": {"type": "string"},
            "year": {"type": "integer"},
            "target_jp": JP,
            "counted_jp": {**JP, "description": "JP yang dihitung buku JP."},
            "scheduled_jp": {**JP, "description": "JP kegiatan terjadwal yang belum dikreditkan."},
            "pace_jp": {**JP, "description": "JP terhitung diperpanjang sampai 31 Desember dengan laju sejauh ini."},
            "needed_jp": {**JP, "description": "Target − terhitung − terjadwal (minimal 0)."},
            "months_left": {"type": "number", "minimum": 0, "maximum": 12},
            "needed_per_month": JP,
            "status": {"type": "string", "enum": ["tercapai", "sesuai_jalur", "berisiko", "tertinggal"]},
            "label": {"type": "string"},
            "scheduled": {"type": "array", "items": {
                "type": "object",
                "properties": {"date": {"type": "string", "format": "date"}, "mechanism": {"type": "string"},
                               "title": {"type": "string"}, "jp": JP},
                "required": ["date", "mechanism", "title", "jp"]}},
        },
        "required": ["nip", "year", "target_jp", "counted_jp", "scheduled_jp", "pace_jp", "needed_jp",
                     "months_left", "needed_per_month", "status", "label", "scheduled"],
    },
    "Opportunities": {
        "type": "object",
        "description": "Kegiatan terbuka untuk pegawai, diurutkan dari yang paling membantu mencapai "
                       "target JP (metode: halaman Peluang untuk saya).",
        "properties": {
            "nip": {"type": "string"},
            "opportunities": {"type": "array", "items": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"}, "mechanism": {"type": "string"},
                    "date": {"type": "string", "format": "date"},
                    "closes_on": {"type": ["string", "null"], "format": "date"},
                    "jp": JP, "model": {"type": ["integer", "null"], "enum": [70, 20, 10, None]},
                    "eligible": {"type": ["boolean", "null"]},
                    "reasons": {"type": "array", "items": _ref("Reason")},
                    "why": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["title", "mechanism", "date", "closes_on", "jp", "model", "eligible",
                             "reasons", "why"]}},
        },
        "required": ["nip", "opportunities"],
    },
    "UnitProjection": {
        "type": "object",
        "properties": {
            "unit": {"type": "string"},
            "year": {"type": "integer"},
            "employees": {"type": "integer", "minimum": 0},
            "by_status": {"type": "object", "properties": {
                status: {"type": "integer", "minimum": 0}
                for status in ("tercapai", "sesuai_jalur", "berisiko", "tertinggal")}},
        },
        "required": ["unit", "year", "employees", "by_status"],
    },
    "Plugin": {
        "type": "object",
        "properties": {
            "slug": {"type": "string"},
            "model": {"type": "integer", "enum": [70, 20, 10]},
            "version": {"type": "string"},
            "title": {"type": "string"},
        },
        "required": ["slug", "model", "version", "title"],
    },
}


def _get(summary: str, description: str, parameters: list, ok: dict, errors: dict) -> dict:
    responses = {"200": ok, "401": UNAUTHORIZED, **errors}
    return {"get": {"summary": summary, "description": description, "parameters": parameters,
                    "responses": responses}}


PATHS = {
    "/employees/{nip}/jp": _get(
        "JP seorang pegawai dalam setahun",
        "Target, jumlah JP yang dihitung (per model dan per mekanisme) dan setiap entri buku JP.",
        [NIP, YEAR], _ok("Ringkasan dan entri JP.", _ref("EmployeeJP")),
        {"400": _error("Parameter year tidak valid."),
         "404": _error("NIP tidak dikenal atau di luar kewenangan akun pemilik token "
                       "(jawaban yang sama).")}),
    "/employees/{nip}/eligibility/{mechanism}": _get(
        "Kelayakan pegawai untuk suatu mekanisme",
        "Semua alasan dikumpulkan: aturan G-03, status mekanisme untuk unit pegawai, dan aturan "
        "setiap plugin mekanisme yang aktif. Penolakan mana pun menang.",
        [NIP, {"name": "mechanism", "in": "path", "required": True,
               "description": "Slug mekanisme.",
               "schema": {"type": "string", "examples": sorted(FIXED_MECHANISMS)}}, DATE],
        _ok("Jawaban kelayakan beserta alasannya.", _ref("Eligibility")),
        {"400": _error("Parameter date tidak valid."),
         "404": _error("NIP atau mekanisme tidak dikenal, atau pegawai di luar kewenangan "
                       "akun pemilik token (jawaban yang sama).")}),
    "/units/{kode}/compliance": _get(
        "Kepatuhan target JP suatu unit",
        "Pegawai unit dan seluruh sub-unitnya (dalam kewenangan token), berapa yang mencapai "
        "target JP tahunan, dan JP per model.",
        [{"name": "kode", "in": "path", "required": True, "description": "Kode unit.",
          "schema": {"type": "string", "maxLength": 30}}, YEAR],
        _ok("Angka kepatuhan unit.", _ref("UnitCompliance")),
        {"400": _error("Parameter year tidak valid."),
         "404": _error("Kode unit tidak dikenal atau di luar kewenangan akun pemilik token "
                       "(jawaban yang sama).")}),
    "/employees/{nip}/projection": _get(
        "Proyeksi target JP seorang pegawai",
        "JP terhitung, JP terjadwal (terpisah), proyeksi laju dan status sampai 31 Desember.",
        [NIP, YEAR], _ok("Proyeksi pegawai.", _ref("Projection")),
        {"400": _error("Parameter year tidak valid."),
         "404": _error("NIP tidak dikenal atau di luar kewenangan akun pemilik token "
                       "(jawaban yang sama).")}),
    "/employees/{nip}/opportunities": _get(
        "Peluang kegiatan untuk seorang pegawai",
        "Kegiatan yang terbuka sekarang dari setiap mekanisme yang aktif, dengan JP menurut aturan "
        "buku JP dan jawaban kelayakan inti, diurutkan dari yang paling menutup kekurangan JP.",
        [NIP], _ok("Peluang pegawai.", _ref("Opportunities")),
        {"404": _error("NIP tidak dikenal atau di luar kewenangan akun pemilik token "
                       "(jawaban yang sama).")}),
    "/units/{kode}/projection": _get(
        "Proyeksi target JP suatu unit",
        "Jumlah pegawai unit dan sub-unitnya (dalam kewenangan token) per status proyeksi.",
        [{"name": "kode", "in": "path", "required": True, "description": "Kode unit.",
          "schema": {"type": "string", "maxLength": 30}}, YEAR],
        _ok("Proyeksi unit.", _ref("UnitProjection")),
        {"400": _error("Parameter year tidak valid."),
         "404": _error("Kode unit tidak dikenal atau di luar kewenangan akun pemilik token "
                       "(jawaban yang sama).")}),
    "/plugins": _get(
        "Mekanisme yang terpasang", "Plugin mekanisme yang terpasang di portal.", [],
        _ok("Daftar plugin.", {"type": "array", "items": _ref("Plugin")}), {}),
    "/openapi.json": {"get": {
        "summary": "Dokumen OpenAPI ini", "security": [],
        "responses": {"200": {"description": "Dokumen OpenAPI 3.1.",
                              "content": {"application/json": {"schema": {"type": "object"}}}}}}},
}


SCHEMAS.update(openapi_sync.SCHEMAS)
PATHS.update(openapi_sync.paths(NIP, UNAUTHORIZED, _error))


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Portal 70:20:10 API",
            "version": "1.0.0",
            "description": "API Portal 70:20:10 (SE 07/SE/KM/2023). Autentikasi dengan "
                           "token pembawa (`flask users create-token NIP`); token hanya melihat "
                           "apa yang boleh dilihat akun pemiliknya. Menulis (POST) memerlukan "
                           "token cakupan write (`--scope write`). Kesalahan berbentuk "
                           '`{"message": "…"}`. Semua jawaban `Cache-Control: no-store`.',
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}],
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                               "description": "Token dari `flask users create-token`."}},
        },
    }
