"""CM-01 in e-mail: the messages produced for a coaching pair's tasks (meeting to confirm,
agreement, approvals) name what waits and link to it, but never carry the development area,
the meeting topic or its result."""

from __future__ import annotations

from unit_fixtures import last_month, unit_world_fixture  # noqa: F401

from portal.sdk import db
from portal.testing_mail import mail_outbox_texts, produce_mail

SECRET_TOPIC = "Konflik pribadi dengan rekan kerja"


def test_mail_about_a_coaching_meeting_never_carries_its_topic_cm01(unit_world):
    w = unit_world
    for person in (w.staff, w.mentor, w.atasan):
        person.email = f"{person.nip}@pu.go.id"
    db.session.commit()
    pair = w.running_pair("mentoring", partner=w.mentor)
    w.meeting(pair, last_month(3), confirm=False, topik=SECRET_TOPIC)  # the mentor must confirm it
    texts = produce_mail()
    assert any(w.mentor.email in text for text in texts)  # the mentor is told a meeting waits
    for text in mail_outbox_texts():
        assert SECRET_TOPIC not in text and "Penyusunan kerangka acuan kerja" not in text
        assert "Langkah berikutnya disepakati" not in text
