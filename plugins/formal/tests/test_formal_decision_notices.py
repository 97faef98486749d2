"""A decision on my report reaches me: verified (JP credited) or rejected with the reason — a notice
in my inbox and, by my e-mail choice, a mail sent in the background (issue 19)."""

from __future__ import annotations

from portal.sdk import db
from portal.testing_mail import produce_mail


def test_verification_and_rejection_are_told_to_the_employee(two_units, login, pending_report):
    staff = two_units["A"]["staff"]
    staff.email = "staf.a@pu.go.id"
    db.session.commit()
    client = login(two_units["A"]["atasan"])
    client.post(f"/m/formal/{pending_report.id}/tolak", data={"reason": "JP pada sertifikat 16, bukan 24."})
    inbox = login(staff).get("/kotak-masuk").get_data(as_text=True)
    assert "Laporan pelatihan ditolak" in inbox
    [mail] = [text for text in produce_mail() if text.startswith("staf.a@pu.go.id")]
    assert "JP pada sertifikat 16, bukan 24." in mail and f"/m/formal/{pending_report.id}" in mail
