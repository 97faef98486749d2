"""JP of one completed programme where the circular gives no figure: an HR-unit setting.

The circular leaves the JP of magang, pertukaran, detasering, patok banding and belajar mandiri
open; G-06 still says every programme gives a JP conversion. A plugin declares the setting and
its computation in one line and uses ``.settings`` in its ``PluginInfo`` and ``.compute`` for
``portal_compute_jp``::

    JP = SettingJP("detasering", "jp_peserta", "JP pegawai yang menyelesaikan detasering", 40,
                   "JP detasering yang selesai (pengaturan lokal unit SDM; G-06, DT-01)")

A participation that states its own JP (``jp_stated``, e.g. a record credited straight from a
document) is left to the ledger, which takes the stated figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.types import JPResult, Participation, SettingSpec


@dataclass(frozen=True)
class SettingJP:
    slug: str
    key: str
    label: str
    default: int | float
    explanation: str
    role: str = "peserta"
    rule_id: str = "G-06"

    @property
    def settings(self) -> tuple[SettingSpec, ...]:
        return (SettingSpec(self.key, self.label, self.default, self.rule_id, open_value=True),)

    def compute(self, participation: Participation, settings) -> JPResult | None:
        p = participation
        if ((p.mechanism, p.activity_type, p.role) != (self.slug, self.slug, self.role)
                or p.jp_stated is not None):
            return None
        return JPResult(settings[self.key], self.rule_id, self.explanation)
