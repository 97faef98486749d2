"""JP of a completed programme whose figure the circular leaves open: one HR-unit setting (G-06)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from portal.rule_settings.setting_jp import SettingJP
from portal.types import Participation

JP = SettingJP("uji", "jp_peserta", "JP peserta uji", 12, "JP uji (pengaturan lokal; G-06)")
DONE = Participation(1, "uji", "uji", "peserta", dt.date(2026, 5, 4), "Kegiatan uji", "uji:1")


def test_the_open_jp_is_a_local_setting_with_its_default_g06():
    (spec,) = JP.settings
    assert (spec.key, spec.default, spec.rule_id, spec.open_value) == ("jp_peserta", 12, "G-06", True)


def test_a_completed_programme_earns_the_setting_in_force_g06():
    result = JP.compute(DONE, {"jp_peserta": 16})
    assert (result.jp, result.rule_id, result.explanation) == (16, "G-06", "JP uji (pengaturan lokal; G-06)")


def test_other_mechanisms_roles_and_stated_jp_are_left_alone():
    for other in (dataclasses.replace(DONE, mechanism="lain"), dataclasses.replace(DONE, role="pemateri"),
                  dataclasses.replace(DONE, activity_type="lain"), dataclasses.replace(DONE, jp_stated=8)):
        assert JP.compute(other, {"jp_peserta": 16}) is None
