"""G-05 (§L.II): a mentor comes from the direct supervisor and is trustworthy, keeps the
mentee's confidences, listens well, encourages, reads situations, inspires, develops the
mentee, manages risk and/or motivates well. On a unit mentoring record (Lamp. I.1.b) the
mentee records which of these the mentor shows; point 1 (the direct supervisor) comes from the
data. The caller commits."""

from __future__ import annotations

from portal.sdk import Account, record, utcnow
from portal_coaching.unit.models import UnitPair
from portal_coaching.unit.workflow import WorkflowError

G_05 = "G-05"
QUALITIES = {
    "dipercaya": "Dapat dipercaya",
    "rahasia": "Dapat menjaga kerahasiaan mentee",
    "pendengar": "Pendengar yang baik",
    "pendorong": "Mendorong dan memberi semangat kepada mentee",
    "situasi": "Dapat mengidentifikasi kondisi dan situasi",
    "inspirasi": "Dapat memberikan inspirasi kepada mentee",
    "mengembangkan": "Dapat mengembangkan kemampuan mentee",
    "risiko": "Mampu mengelola risiko",
    "motivator": "Motivator yang baik",
}
OPEN = ("kesepakatan", "berjalan", "selesai")


def labels(pair: UnitPair) -> list[str]:
    """The recorded qualities, point 1 (from the data) first."""
    found = ["Berasal dari atasan langsung"] if not pair.other_mentor else []
    return found + [QUALITIES[key] for key in (pair.mentor_kualitas or []) if key in QUALITIES]


def record_qualities(pair: UnitPair, actor: Account, keys: list[str]) -> None:
    """The mentee records the mentor's qualities once the mentor has accepted."""
    if pair.jenis != "mentoring":
        raise WorkflowError(f"Kualitas mentor dicatat pada mentoring ({G_05}).")
    if actor.employee_id != pair.employee_id:
        raise WorkflowError(f"Kualitas mentor dicatat oleh mentee ({G_05}).")
    if pair.status not in OPEN:
        raise WorkflowError(f"Kualitas mentor dicatat setelah mentor menerima permohonan ({G_05}).")
    chosen = [key for key in QUALITIES if key in set(keys)]
    if not chosen:
        raise WorkflowError(f"Pilih paling sedikit satu kualitas mentor (§L.II: \"dan/atau\") ({G_05}).")
    old = list(pair.mentor_kualitas or [])
    pair.mentor_kualitas, pair.mentor_kualitas_at = chosen, utcnow()
    record("coaching_unit.mentor_qualities", "coaching_unit_pair", pair.id, {"kualitas": old},
           {"kualitas": chosen}, summary=f"Kualitas mentor pada mentoring #{pair.id} dicatat ({G_05})",
           actor_id=actor.id)
