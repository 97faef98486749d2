"""E-mail notifications (issue 19 item 3), end to end through a real SMTP server (aiosmtpd):
a task in someone's inbox → one mail with the right link; each person's choice (segera, harian,
tidak); decisions and certificates from stored notices; the monthly team digest; retries when
the server is down; the outbox page; nothing is sent inside a request; no coaching content."""

from __future__ import annotations

import datetime as dt
import email
import socket
from decimal import Decimal

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.inbox.notices import notify
from portal.ledger.service import credit
from portal.mail import delivery
from portal.mail.models import FAILED, HELD, QUEUED, SENT, MailDigestItem, MailMessage
from portal.mail.preferences import set_modes
from portal.mail.producers import daily_digest, produce_notices, produce_tasks
from portal.mail.team_digest import monthly_team_digest
from portal.models import Account
from portal.testing import People
from portal.types import Participation, PendingTask, PluginInfo

WAITING: list[tuple[int, str]] = []  # (employee id, title) of the tasks the double plugin shows


class TaskPlugin:
    """A mechanism whose inbox tasks the test decides."""

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug="surel_uji", title="Mekanisme Surel", model=70)

    @hookimpl
    def portal_pending_tasks(self, user):
        return [PendingTask(title, "inbox.index", kind="Persetujuan", since=dt.date(2026, 3, 1))
                for employee_id, title in WAITING if employee_id == user.employee_id]


class Mailbox:
    def __init__(self):
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"

    def bodies(self) -> list[str]:
        return [part.get_payload(decode=True).decode() for m in self.messages for part in m.walk()
                if part.get_content_type() == "text/plain"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield mailbox, controller.port
    controller.stop()


@pytest.fixture
def mail_app(make_app, smtp):
    WAITING.clear()
    app = make_app(plugins=[("surel_uji", TaskPlugin())], PORTAL_SMTP_HOST="127.0.0.1",
                   PORTAL_SMTP_PORT=smtp[1], PORTAL_SMTP_STARTTLS=False,
                   PORTAL_PUBLIC_URL="https://portal.pu.go.id/", PORTAL_TASK_QUEUE="immediate")
    with app.app_context(), app.test_request_context("/", base_url="https://portal.pu.go.id/"):
        yield app


@pytest.fixture
def team(mail_app):
    return make_team()


def make_team() -> dict:
    people = People()
    unit = people.unit("M1", "Direktorat Surel")
    boss = people.person(unit, nama="Atasan Surel")
    staff = people.person(unit, nama="Staf Surel", supervisor=boss)
    boss.email, staff.email = "atasan@pu.go.id", "staf@pu.go.id"
    db.session.commit()
    accounts = {a.employee_id: a for a in db.session.scalars(select(Account))}
    return {"people": people, "unit": unit, "boss": boss, "staff": staff,
            "boss_account": accounts[boss.id], "staff_account": accounts[staff.id]}


def run_cycle():
    produce_notices()
    produce_tasks()
    return delivery.deliver_pending()


def test_a_task_in_someones_inbox_is_mailed_once_with_a_link_to_it(team, smtp):
    mailbox, _ = smtp
    WAITING.append((team["boss"].id, "Setujui usulan Staf Surel"))
    assert run_cycle()[SENT] == 1
    [message] = mailbox.messages
    assert message["To"] == "atasan@pu.go.id"
    assert message["Subject"] == "1 tugas baru menunggu Anda di Portal 70:20:10"
    text = mailbox.bodies()[0]
    assert "Persetujuan · Mekanisme Surel: Setujui usulan Staf Surel" in text
    assert "https://portal.pu.go.id/kotak-masuk" in text and "https://portal.pu.go.id/akun/surel" in text
    html = [p for p in message.walk() if p.get_content_type() == "text/html"][0].get_payload(decode=True)
    assert b'href="https://portal.pu.go.id/kotak-masuk' in html
    assert run_cycle()[SENT] == 0  # told once
    WAITING.clear()
    run_cycle()  # the task left the inbox ...
    WAITING.append((team["boss"].id, "Setujui usulan Staf Surel"))
    assert run_cycle()[SENT] == 1  # ... and came back: told again


def test_preference_none_sends_nothing(team, smtp):
    set_modes(team["boss_account"].id, {"tugas": "tidak"})
    db.session.commit()
    WAITING.append((team["boss"].id, "Verifikasi laporan"))
    run_cycle()
    assert smtp[0].messages == [] and db.session.scalar(select(func.count(MailMessage.id))) == 0


def test_daily_digest_collects_the_days_items_in_one_mail(team, smtp):
    set_modes(team["boss_account"].id, {"tugas": "harian", "keputusan": "harian"})
    db.session.commit()
    WAITING.extend([(team["boss"].id, "Tugas pertama"), (team["boss"].id, "Tugas kedua")])
    notify([team["boss"]], "Usulan Anda disetujui", kind="keputusan")
    db.session.commit()
    run_cycle()
    assert smtp[0].messages == [] and db.session.scalar(select(func.count(MailDigestItem.id))) == 3
    assert daily_digest(dt.date(2026, 3, 2)) == 1
    assert daily_digest(dt.date(2026, 3, 2)) == 0  # nothing left, and one digest a day
    delivery.deliver_pending()
    [message] = smtp[0].messages
    assert message["Subject"] == "Ringkasan harian Portal 70:20:10: 3 hal"
    text = smtp[0].bodies()[0]
    assert "Tugas pertama" in text and "Tugas kedua" in text and "Usulan Anda disetujui" in text


def test_a_decision_notice_is_mailed_from_the_background_not_the_request(team, smtp):
    notify([team["staff"]], "Laporan pelatihan Anda diverifikasi", "JP telah dicatat.", kind="keputusan",
           url="/jp/saya")
    db.session.commit()
    assert smtp[0].messages == [] and db.session.scalar(select(func.count(MailMessage.id))) == 0
    run_cycle()
    [message] = smtp[0].messages
    assert message["To"] == "staf@pu.go.id" and message["Subject"] == "Laporan pelatihan Anda diverifikasi"
    assert "https://portal.pu.go.id/jp/saya" in smtp[0].bodies()[0]
    run_cycle()
    assert len(smtp[0].messages) == 1


def test_a_certificate_issued_reaches_its_holder(team, smtp):
    from portal.certificates.service import issue

    entry = credit(Participation(employee_id=team["staff"].id, mechanism="formal", activity_type="teknis",
                                 role="peserta", on_date=dt.date(2026, 3, 2), title="Pelatihan Teknis Jalan",
                                 reference="sert-1", jp_stated=Decimal(8)))
    db.session.commit()
    certificate = issue(entry.id, None)
    run_cycle()
    [message] = smtp[0].messages
    assert message["Subject"].startswith(f"Sertifikat {certificate.number} terbit")
    assert "https://portal.pu.go.id/sertifikat" in smtp[0].bodies()[0]


def test_without_smtp_messages_are_held_in_the_outbox(make_app):
    app = make_app(plugins=[("surel_uji", TaskPlugin())])  # no PORTAL_SMTP_HOST
    with app.app_context(), app.test_request_context("/"):
        team = make_team()
        WAITING[:] = [(team["boss"].id, "Tugas tertahan")]
        produce_tasks()
        assert delivery.deliver_pending()[HELD] == 1
        held = db.session.scalar(select(MailMessage))
        assert held.status == HELD
        sdm = team["people"].person(team["unit"], "admin_sdm", nama="Admin SDM Surel")
        client = app.test_client()
        client.login(sdm.nip)
        page = client.get("/admin/kotak-keluar").get_data(as_text=True)
        assert "SMTP belum diatur" in page and "atasan@pu.go.id" in page and "Ditahan" in page
        assert client.post(f"/admin/kotak-keluar/{held.id}/kirim-ulang").status_code == 302
        db.session.refresh(held)
        assert held.status == QUEUED


def test_a_server_that_is_down_is_retried_and_then_marked_failed(team, mail_app, smtp):
    WAITING.append((team["boss"].id, "Tugas saat server mati"))
    produce_tasks()
    mail_app.config["PORTAL_SMTP_PORT"] = free_port()  # nobody listens there
    assert delivery.deliver_pending()["retry"] == 1
    message = db.session.scalar(select(MailMessage))
    assert message.status == QUEUED and message.attempts == 1 and message.last_error
    assert message.next_attempt_at > dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for _ in range(delivery.MAX_ATTEMPTS):
        message.next_attempt_at = dt.datetime(2000, 1, 1)
        db.session.commit()
        delivery.deliver_pending()
    db.session.refresh(message)
    assert message.status == FAILED and message.attempts == delivery.MAX_ATTEMPTS
    mail_app.config["PORTAL_SMTP_PORT"] = smtp[1]
    delivery.requeue(message)
    db.session.commit()
    assert delivery.deliver_pending()[SENT] == 1 and len(smtp[0].messages) == 1


def test_monthly_digest_names_the_reports_behind_pace(team, smtp, clock):
    clock.set(dt.date(2026, 7, 1))
    ahead = team["people"].person(team["unit"], nama="Staf Rajin", supervisor=team["boss"])
    credit(Participation(employee_id=ahead.id, mechanism="formal", activity_type="teknis", role="peserta",
                         on_date=dt.date(2026, 3, 2), title="Pelatihan", reference="rajin", jp_stated=Decimal(20)))
    db.session.commit()
    assert monthly_team_digest(dt.date(2026, 7, 1)) == 1
    assert monthly_team_digest(dt.date(2026, 7, 1)) == 0  # once a month
    delivery.deliver_pending()
    [message] = smtp[0].messages
    assert message["To"] == "atasan@pu.go.id"
    assert message["Subject"] == "1 anggota tim Anda berisiko tidak mencapai target JP"
    text = smtp[0].bodies()[0]
    assert "Staf Surel" in text and "Staf Rajin" not in text and "https://portal.pu.go.id/jp/tim" in text
    # The projection to 31 December (issue 19): the status and what is still needed.
    assert "berisiko; Masih perlu 20 JP dalam 6 bulan tersisa" in text


def test_preferences_page_saves_choices_and_refuses_unknown_values(team, login):
    client = login(team["staff"])
    page = client.get("/akun/surel").get_data(as_text=True)
    assert "staf@pu.go.id" in page and 'name="tugas"' in page
    assert 'name="risiko_tim"' not in page  # only for people who lead a team
    assert client.post("/akun/surel", data={"tugas": "harian", "keputusan": "segera", "sertifikat": "tidak",
                                            "pemberitahuan": "segera"}).status_code == 302
    from portal.mail.preferences import all_modes
    assert all_modes(team["staff_account"].id)["sertifikat"] == "tidak"
    bad = client.post("/akun/surel", data={"tugas": "setiap-jam", "keputusan": "segera",
                                           "sertifikat": "segera", "pemberitahuan": "segera"})
    assert bad.status_code == 400 and "Pilihan tidak dikenal" in bad.get_data(as_text=True)
    assert all_modes(team["staff_account"].id)["sertifikat"] == "tidak"  # nothing changed
    assert client.post("/akun/surel", data={"tugas": "harian"}, csrf=False).status_code == 400
    assert 'name="risiko_tim"' in login(team["boss"]).get("/akun/surel").get_data(as_text=True)


def test_the_outbox_is_for_admin_sdm_only(team, login):
    assert login(team["staff"]).get("/admin/kotak-keluar").status_code in (403, 404)


def test_no_mail_for_a_missing_or_hostile_address_and_no_header_breaks(team, smtp):
    team["boss"].email = "atasan@pu.go.id\r\nBcc: semua@contoh.id"
    db.session.commit()
    WAITING.append((team["boss"].id, "Tugas"))
    run_cycle()
    assert smtp[0].messages == []
    notify([team["staff"]], "Judul\r\nBcc: x@y.id", kind="keputusan")
    db.session.commit()
    run_cycle()
    [message] = smtp[0].messages
    assert message["Bcc"] is None and message["Subject"] == "Judul Bcc: x@y.id"


def test_a_credit_decided_by_someone_else_is_a_decision_mail_own_steps_are_not(team, smtp):
    staff = team["staff"]

    def formal(reference: str, actor: Account):
        credit(Participation(employee_id=staff.id, mechanism="formal", activity_type="teknis", role="peserta",
                             on_date=dt.date(2026, 3, 2), title=f"Bimtek Jembatan {reference}", reference=reference,
                             jp_stated=Decimal(8)), actor_id=actor.id)
        db.session.commit()

    formal("sendiri", team["staff_account"])  # the employee's own step: nobody is told
    formal("diverifikasi", team["boss_account"])  # verified by the atasan: a decision
    run_cycle()
    [message] = smtp[0].messages
    assert message["To"] == "staf@pu.go.id" and message["Subject"] == "JP dicatat: Bimtek Jembatan diverifikasi"
    text = smtp[0].bodies()[0]
    assert "8 JP tercatat pada buku JP Anda. 8 JP dihitung." in text and "https://portal.pu.go.id/jp/saya" in text


def test_flask_mail_run_does_one_pass_and_says_what_it_did(team, smtp, mail_app):
    notify([team["staff"]], "Usulan disetujui", kind="keputusan")
    db.session.commit()
    result = mail_app.test_cli_runner().invoke(args=["mail", "run", "--digest"])
    assert result.exit_code == 0, result.output
    assert "Pemberitahuan diproses: 1" in result.output and "terkirim 1" in result.output
    assert len(smtp[0].messages) == 1
