"""The printable forms in the circular's layout: Tabel 3 (coach), Tabel 4 (coachee), the
lembar pendahuluan coaching and the self-assessment (CM-05, CM-09, CM-10)."""

from __future__ import annotations

from portal.sdk import render_pdf
from portal_coaching.programme.catalogue import FORMS
from portal_coaching.programme.models import Participant

PRINTABLE = {
    "tabel-3": "Tabel 3 Formulir Aktivitas Coach",
    "tabel-4": "Tabel 4 Formulir Aktivitas Coachee",
    "pendahuluan": "Lembar Pendahuluan Coaching",
    "self-asesmen": "Self Asesmen",
}


def render(form: str, participant: Participant) -> bytes:
    """PDF bytes of one printable form; user text is escaped by the template."""
    docs = {kind: [d for d in participant.documents if d.kind == kind] for kind in FORMS}
    logs = [x for x in participant.logs if x.author == ("coach" if form == "tabel-3" else "coachee")]
    return render_pdf(f"coaching/program/pdf_{form.replace('-', '_')}.html", p=participant,
                      programme=participant.programme, title=PRINTABLE[form], logs=logs,
                      pendahuluan=(docs["pendahuluan"] or [None])[0], indicators=docs["self_assessment"],
                      sa_spec=FORMS["self_assessment"])
