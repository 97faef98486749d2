"""JP of one coaching participation (CM-13, CU-02, CU-03). Caps are declared here, applied by the ledger.

Activity types (fixed by the architecture): ``coaching_program`` (the HR unit's programme,
Lamp. H), ``coaching_unit`` and ``mentoring_unit`` (the participant unit's flow, Lamp. I).
Roles that earn JP: ``coachee`` and ``mentee``.
"""

from __future__ import annotations

from portal.sdk import ActivityLabels, CapSpec, JPResult, Participation, SettingSpec

SLUG = "coaching"
MODEL = 20

ACTIVITY_TYPES = {
    "coaching_program": "Coaching dan Mentoring program unit pengembangan SDM",
    "coaching_unit": "Coaching oleh unit peserta",
    "mentoring_unit": "Mentoring oleh unit peserta",
}
JP_ROLES = {"coaching_program": ("coachee",), "coaching_unit": ("coachee",),
            "mentoring_unit": ("mentee",)}
UNIT_RULE = {"coaching_unit": "CU-02", "mentoring_unit": "CU-03"}

SETTINGS = (
    # CM-13: the circular gives no JP for the HR unit's programme; default as CU-03.
    SettingSpec("jp_program_per_pertemuan", "JP coachee per pertemuan program coaching-mentoring",
                2, "CM-13", open_value=True),
    # CM-13 [open]: "at most 2 meetings counted per month" is an interpretation (as CU-03).
    SettingSpec("cm13_pertemuan_per_bulan", "Pertemuan program coaching-mentoring yang dihitung "
                "per bulan (CM-13)", 2, "CM-13", open_value=True),
)
CAPS = (
    CapSpec("CM-13", 2, "employee_month_activity", activity_types=("coaching_program",),
            message="Melebihi batas pertemuan program coaching-mentoring yang dihitung per bulan; "
                    "tidak dihitung (pengaturan CM-13)", limit_setting="cm13_pertemuan_per_bulan"),
    CapSpec("CU-02", 2, "employee_month_activity", activity_types=("coaching_unit",),
            message="Paling banyak 2 pertemuan coaching per bulan yang dihitung (CU-02)"),
    CapSpec("CU-03", 2, "employee_month_activity", activity_types=("mentoring_unit",),
            message="Paling banyak 2 pertemuan mentoring per bulan yang dihitung (CU-03)"),
)


def compute(participation: Participation, settings) -> JPResult | None:
    p = participation
    if p.mechanism != SLUG or p.role not in JP_ROLES.get(p.activity_type, ()):
        return None
    if p.activity_type == "coaching_program":
        return JPResult(settings["jp_program_per_pertemuan"], "CM-13",
                        "JP per pertemuan coaching yang dikonfirmasi (pengaturan CM-13)")
    rule = UNIT_RULE[p.activity_type]
    return JPResult(2, rule, f"1 pertemuan = 2 JP ({rule})")


def labels() -> ActivityLabels:
    """The programme's and the participant unit's activity types and their roles."""
    return ActivityLabels(activity_types=tuple(ACTIVITY_TYPES.items()),
                          roles=(("coachee", "Coachee"), ("mentee", "Mentee")))
