"""Templates render what the services allow; they hold no state machine (issue 13).

A page asks its record (``p.finished``, ``job.status_badge``) or the plugin's declared
:class:`portal.sdk.Actions` (``'approve' in actions``) — never compares a status value itself.
The walk covers the core's templates and every plugin's, so a new plugin is held to it too."""

from __future__ import annotations

import re

import pytest

from portal.sdk import Actions, Refusal
from portal.testing import template_files

STATE_TEST = re.compile(r"\b\w*status\s*(?:==|!=|\bin\b|\bnot in\b)")


def test_no_template_compares_a_status_value():
    found = []
    for path in template_files():
        for number, line in enumerate(path.read_text().splitlines(), 1):
            for statement in re.findall(r"{%.*?%}|{{.*?}}", line):
                if STATE_TEST.search(statement):
                    found.append(f"{path.name}:{number}: {statement[:120]}")
    assert not found, "state tests belong in the model or the plugin's Actions:\n" + "\n".join(found)


def test_actions_offer_a_step_only_while_its_condition_holds_and_require_refuses_otherwise():
    actions = Actions("Langkah ini tidak tersedia.")

    @actions.action("approve", "return")
    def _waiting(record, user):
        return record["status"] == "menunggu" and user == "atasan"

    assert actions.allowed({"status": "menunggu"}, "atasan") == {"approve", "return"}
    assert actions.allowed({"status": "disetujui"}, "atasan") == frozenset()
    assert actions.allowed({"status": "menunggu"}, "pegawai") == frozenset()
    actions.require("approve", {"status": "menunggu"}, "atasan")
    with pytest.raises(Refusal, match="tidak tersedia"):
        actions.require("approve", {"status": "disetujui"}, "atasan")
    assert actions.names == ("approve", "return")
