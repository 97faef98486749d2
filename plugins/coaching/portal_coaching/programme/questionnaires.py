"""The evaluation questionnaires of Lamp. H.e (CM-11), with the circular's items, scored 1–5.

``fillers`` are the roles that fill a questionnaire, each once per coachee (the organising
unit's once per programme, ``per_programme``).
"""

from __future__ import annotations

from dataclasses import dataclass

SCALE = ((1, "1 — Sangat kurang"), (2, "2 — Kurang"), (3, "3 — Cukup"), (4, "4 — Baik"),
         (5, "5 — Sangat baik"))
ROLE_LABELS = {"coachee": "Coachee/mentee", "coach": "Coach", "mentor": "Mentor",
               "sdm": "Unit pelaksana pelatihan (admin SDM)"}


@dataclass(frozen=True)
class Questionnaire:
    kind: str
    title: str
    fillers: tuple[str, ...]
    items: tuple[str, ...]
    per_programme: bool = False
    about_person: bool = False  # rates a person: shown to admin SDM only in aggregate (CM-01)


QUESTIONNAIRES = {q.kind: q for q in (
    Questionnaire("coachee", "Evaluasi Coachee/Mentee oleh Coach dan Mentor", ("coach", "mentor"), (
        "Komitmen coachee/mentee terhadap jadwal pelaksanaan pelatihan",
        "Komitmen coachee/mentee terhadap aktualisasi kegiatan",
        "Kejujuran coachee/mentee selama kegiatan coaching mentoring",
    ), about_person=True),
    Questionnaire("coach", "Evaluasi Coach oleh Coachee", ("coachee",), (
        "Sikap keterbukaan coach dan efektivitas komunikasi yang dibangun",
        "Sikap saling percaya antara coach dan coachee dalam proses pengisian gap kompetensi",
        "Masukan dan motivasi dari coach kepada coachee",
        "Keterbukaan coach menerima ide, gagasan dan perbedaan dengan coachee",
        "Komitmen coach terhadap jadwal pelaksanaan kegiatan",
    ), about_person=True),
    Questionnaire("mentor", "Evaluasi Mentor oleh Mentee", ("coachee",), (
        "Keterbukaan mentor dan efektivitas komunikasi yang dibangun",
        "Sikap saling percaya antara mentor dan mentee dalam proses pengisian gap kompetensi",
        "Pemberian motivasi dan masukan untuk pengembangan kepribadian dan karakter sebagai bekal "
        "kepemimpinan ke depan",
        "Keterbukaan mentor terhadap ide dan gagasan mentee",
        "Pemberian jejaring atau saluran komunikasi kepada mentee",
        "Pengalaman teknis mentor berkaitan dengan permasalahan lapangan",
        "Komitmen mentor terhadap jadwal pelaksanaan kegiatan",
    ), about_person=True),
    Questionnaire("kegiatan_coach", "Evaluasi Kegiatan Coaching Mentoring oleh Coach", ("coach",), (
        "Kendala yang dialami selama menjadi coach",
        "Kebermanfaatan pedoman yang telah disusun",
        "Efektivitas kegiatan coaching mentoring dalam mengembangkan kompetensi coachee",
        "Saran/masukan terkait kegiatan coaching mentoring",
    )),
    Questionnaire("kegiatan_mentor", "Evaluasi Kegiatan Coaching Mentoring oleh Mentor", ("mentor",), (
        "Kendala yang dialami selama menjadi mentor",
        "Kebermanfaatan pedoman yang telah disusun",
        "Kecukupan persiapan sebagai mentor",
        "Efektivitas kegiatan coaching mentoring",
        "Saran/masukan terkait kegiatan coaching mentoring",
    )),
    Questionnaire("kegiatan_coachee", "Evaluasi Kegiatan Coaching Mentoring oleh Coachee/Mentee",
                  ("coachee",), (
        "Kendala yang dialami selama mengikuti kegiatan coaching mentoring",
        "Kesesuaian kegiatan coaching mentoring dengan kebutuhan dan harapan",
        "Kebutuhan akan peningkatan standar kompetensi teknis",
        "Saran/masukan terkait kegiatan coaching mentoring",
    )),
    Questionnaire("kegiatan_penyelenggara", "Evaluasi Kegiatan Coaching Mentoring oleh Unit Pelaksana "
                  "Pelatihan", ("sdm",), (
        "Kendala yang dialami selama menyelenggarakan kegiatan coaching mentoring",
        "Kecukupan waktu persiapan penyelenggaraan kegiatan coaching mentoring",
        "Efektivitas penyelenggaraan kegiatan coaching mentoring",
        "Komitmen coach, mentor dan coachee/mentee terhadap pelaksanaan kegiatan coaching mentoring",
        "Kemudahan koordinasi pada unit pelaksana pelatihan coaching mentoring dengan pihak-pihak terkait",
        "Saran/masukan terkait kegiatan coaching mentoring",
    ), per_programme=True),
)}


def slot(kind: str, role: str, participant_id: int | None) -> str:
    """The once-only key of a filled questionnaire (CM-11)."""
    if QUESTIONNAIRES[kind].per_programme:
        return f"program:{kind}"
    return f"{participant_id}:{kind}:{role}"
