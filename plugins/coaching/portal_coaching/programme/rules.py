"""The circular's rules for the programme, as plain functions (CM-01, CM-03, CM-04, CM-06, CM-12, G-04)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, select

from portal.sdk import Account, Employee, Verdict, db, per_request
from portal_coaching.programme.models import Clinic, Coach, Participant

MIN_MEETINGS_PER_MONTH = 2  # CM-03: "Dalam satu bulan minimal dilakukan 2 kali pertemuan"
REASSESSMENT_MONTHS = 6  # CM-03: re-assessment by the talent unit within at most 6 months
WEEKS = 8  # CM-06


# ----------------------------------------------------------------- CM-01 confidentiality

def is_programme_staff(user: Account) -> bool:
    """The HR unit's programme staff: admin SDM (CM-01). Superadmin is technical, not staff."""
    return user.has_any("admin_sdm")


def roles_in(user: Account, participant: Participant) -> set[str]:
    """The user's parts in one coachee's records: coachee, coach, mentor, sdm (CM-01)."""
    roles = set()
    if participant.employee_id == user.employee_id:
        roles.add("coachee")
    if participant.coach.employee_id is not None and participant.coach.employee_id == user.employee_id:
        roles.add("coach")
    if participant.mentor_id == user.employee_id:
        roles.add("mentor")
    if is_programme_staff(user):
        roles.add("sdm")
    return roles


def can_see(user: Account, participant: Participant) -> bool:
    """Coaching records are seen only by the coachee, their coach and mentor, and the HR unit's
    programme staff (CM-01); everyone else gets 404."""
    return bool(roles_in(user, participant))


def acts_as_coach(roles: set[str], participant: Participant) -> bool:
    """The coach, or admin SDM on behalf of an external coach who has no account."""
    return "coach" in roles or ("sdm" in roles and participant.coach.is_external)


# ----------------------------------------------------------------- CM-04 / G-03 eligibility

def clinic_record(employee: Employee) -> Clinic | None:
    return db.session.scalar(select(Clinic).where(Clinic.employee_id == employee.id)
                             .order_by(Clinic.tanggal.desc(), Clinic.id.desc()).limit(1))


def clinic_verdict(employee: Employee, on_date: dt.date | None = None) -> Verdict:
    """CM-04: only employees who attended the coaching clinic, or are named as needing
    coaching, take part."""
    record = clinic_record(employee)
    if record is None:
        return Verdict(False, "CM-04", "Belum mengikuti coaching clinic (feedback hasil asesmen) dan "
                       "tidak dinyatakan membutuhkan coaching (CM-04).")
    if on_date is not None and record.tanggal > on_date:
        return Verdict(False, "CM-04", "Coaching clinic baru tercatat setelah tanggal mulai program (CM-04).")
    return Verdict(True, "CM-04", f"{record.jenis_label} ({record.tanggal:%d-%m-%Y}) (CM-04).")


# ----------------------------------------------------------------- G-04 coach, CM-12 mentor

G04_ITEMS = (("pengalaman", "Memiliki pengalaman manajemen dan teknis"),
             ("dipercaya", "Dapat dipercaya"),
             ("menjaga_rahasia", "Dapat menjaga rahasia coachee"),
             ("integritas", "Memiliki integritas"))


def coach_refusal(coach: Coach) -> str | None:
    missing = [label for key, label in G04_ITEMS if not getattr(coach, key)]
    if missing:
        return f"Coach belum memenuhi persyaratan: {', '.join(missing).lower()} (G-04)."
    return None


def mentor_refusal(coachee: Employee, mentor: Employee, reason: str) -> str | None:
    """CM-12: the mentor is the direct supervisor; anyone else needs a recorded reason."""
    if mentor.id == coachee.id:
        return "Coachee tidak dapat menjadi mentor bagi dirinya sendiri (CM-12)."
    if mentor.id != coachee.supervisor_id and not reason.strip():
        return ("Mentor adalah atasan langsung coachee (CM-12, G-05); isi alasan bila menunjuk "
                "mentor lain.")
    return None


# ----------------------------------------------------------------- CM-06 eight weeks

@dataclass(frozen=True)
class Week:
    number: int
    start: dt.date
    end: dt.date
    activity: str
    meeting: int | None  # the pertemuan planned in this week


WEEK_PLAN = {
    1: ("Pertemuan 1: dialog coach–coachee (kelemahan dan kekuatan), pemberian materi bimbingan dan "
        "tugas; coachee menyusun rencana kegiatan", 1),
    2: ("Coach menyampaikan kondisi coachee dan target kepada mentor; dialog mentor–coachee tentang "
        "rencana pengembangan kompetensi", None),
    3: ("Pertemuan 2: evaluasi progres tugas dan kendala, feedback coach, materi dan tugas berikutnya", 2),
    4: ("Pertemuan 3: coach dan mentor bersama coachee membahas capaian satu bulan", 3),
    5: ("Pertemuan 4: coachee menjalankan rencana kegiatan dan menyusun laporan hasil", 4),
    6: ("Pertemuan 4 (lanjutan): pelaksanaan rencana kegiatan dan penyusunan laporan", 4),
    7: ("Pertemuan 4 (lanjutan): laporan hasil pelaksanaan dan bahan paparan", 4),
    8: ("Pembahasan hasil akhir bersama coachee, coach, mentor dan penguji (penilai teknis)", None),
}


def eight_weeks(start: dt.date) -> list[Week]:
    """The eight weeks of CM-06 counted from the programme's start date."""
    return [Week(n, start + dt.timedelta(days=7 * (n - 1)), start + dt.timedelta(days=7 * n - 1),
                 WEEK_PLAN[n][0], WEEK_PLAN[n][1]) for n in range(1, WEEKS + 1)]


def week_of(start: dt.date, day: dt.date) -> int | None:
    if day < start:
        return None
    number = (day - start).days // 7 + 1
    return number if number <= WEEKS else None


def end_of_programme(start: dt.date) -> dt.date:
    return start + dt.timedelta(days=7 * WEEKS - 1)


def month_warnings(start: dt.date, meeting_dates: list[dt.date], today: dt.date) -> list[str]:
    """CM-03: each month of the programme needs at least 2 meetings. A month is judged once it
    has ended (or the programme has ended within it)."""
    end = end_of_programme(start)
    warnings = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        judged_on = min(last, end)
        count = sum(1 for d in meeting_dates if (d.year, d.month) == (year, month))
        if count < MIN_MEETINGS_PER_MONTH and today > judged_on:
            warnings.append(f"Bulan {month:02d}/{year}: baru {count} pertemuan; minimal "
                            f"{MIN_MEETINGS_PER_MONTH} pertemuan sebulan (CM-03).")
        month = month % 12 + 1
        year += month == 1
    return warnings


# ----------------------------------------------------------------- completion gate (CM-05, CM-06, H.e)

PRE_PHASE_FORMS = (("self_assessment", "Self assessment"), ("target", "Tabel 1 Materi Unjuk Kerja (target)"),
                   ("pendahuluan", "Lembar pendahuluan coaching"))
MEETINGS = (1, 2, 3, 4)  # CM-06: pertemuan 1–4 before the week-8 final review
RESULTS = (("lulus", "Lulus"), ("tak_lulus", "Tidak lulus"))


def week_eight_starts(start: dt.date) -> dt.date:
    return start + dt.timedelta(days=7 * (WEEKS - 1))


def completion_problems(participant: Participant, review: dict | None) -> list[str]:
    """Everything that stops closing a coachee's programme, each with its rule ID; empty when it
    may close: the pre-phase forms (CM-05), pertemuan 1–4 recorded by the coachee and initialled
    by the coach (CM-06, CM-10), the final review held in week 8 or later (CM-06) with the
    examiner's pass/fail evaluation and judgement (Lamp. H.e, "evaluasi kelulusan")."""
    problems = []
    kinds = {document.kind for document in participant.documents}
    missing = [label for kind, label in PRE_PHASE_FORMS if kind not in kinds]
    if missing:
        problems.append(f"Prafase belum lengkap: {', '.join(missing)} (CM-05).")
    initialled = {log.pertemuan_ke for log in participant.logs if log.author == "coachee" and log.paraf_at}
    absent = [str(number) for number in MEETINGS if number not in initialled]
    if absent:
        problems.append(f"Pertemuan ke-{', '.join(absent)} belum dicatat coachee dan diparaf coach "
                        "(jadwal delapan minggu, CM-06).")
    if review is None:
        problems.append("Pembahasan hasil akhir minggu ke-8 belum dicatat (CM-06, CM-07).")
        return problems
    held_on = dt.date.fromisoformat(review["tanggal"])
    week_eight = week_eight_starts(participant.programme.tanggal_mulai)
    if held_on < week_eight:
        problems.append(f"Pembahasan hasil akhir dilaksanakan pada minggu ke-8, paling cepat "
                        f"{week_eight:%d-%m-%Y}; tercatat {held_on:%d-%m-%Y} (CM-06).")
    if review.get("kelulusan") not in dict(RESULTS) or not (review.get("penilaian") or "").strip():
        problems.append("Penguji belum mencatat evaluasi kelulusan (lulus/tidak lulus) dan penilaiannya "
                        "(Lamp. H.e).")
    return problems


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reassessment_due(completed: dt.date) -> dt.date:
    """CM-03: re-assessment by the talent unit within at most 6 months of completion."""
    return add_months(completed, REASSESSMENT_MONTHS)


def has_programme_role(user: Account) -> bool:
    """Whether the user is a coachee, internal coach or mentor in any programme (menus, card)."""
    me = user.employee_id
    return per_request(("coaching", "programme-role", me), lambda: bool(db.session.scalar(select(exists().where(
        (Participant.employee_id == me) | (Participant.mentor_id == me)
        | Participant.coach_id.in_(select(Coach.id).where(Coach.employee_id == me)))))))
