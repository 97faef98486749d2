"""JSON responses of the API: body, status, ``Cache-Control: no-store``; errors as
``{"message": "…"}`` in Indonesian."""

from __future__ import annotations

from flask import Response, current_app, json


class ApiError(Exception):
    """Raised by API code; becomes ``{"message": ...}`` with ``status``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def json_response(data: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = current_app.response_class(
        json.dumps(data, ensure_ascii=False, sort_keys=False) + "\n", status=status,
        mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def error_response(error: ApiError) -> Response:
    return json_response({"message": error.message}, error.status, error.headers)


HTTP_MESSAGES = {
    400: "Permintaan tidak valid.",
    403: "Akses ditolak.",
    404: "Alamat API tidak ditemukan.",
    405: "Metode ini tidak diizinkan untuk alamat ini.",
    429: "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.",
    500: "Terjadi kesalahan pada sistem. Silakan coba lagi; bila berulang, hubungi admin.",
}
