"""`flask users …` and `flask demo load`."""

from sqlalchemy import func, select

from portal import nip as nip_rules
from portal.demo.loader import DEMO_PASSWORD
from portal.extensions import db
from portal.models import Account, Employee, Unit


def test_create_admin_asks_the_password_twice_and_grants_sdm_and_superadmin(app, runner, people):
    employee = people.employee(people.unit("X", eselon="I"), nama="Calon Admin")
    result = runner.invoke(args=["users", "create-admin", employee.nip],
                           input="kalimat sandi panjang\nkalimat sandi panjang\n")
    assert result.exit_code == 0, result.output
    assert "kalimat sandi panjang" not in result.output  # not echoed
    account = db.session.scalar(select(Account).where(Account.employee_id == employee.id))
    assert {"admin_sdm", "superadmin"} <= account.roles
    client = app.test_client()
    client.login(employee.nip, "kalimat sandi panjang")


def test_create_admin_refuses_a_short_password_then_accepts_a_good_one(runner, people):
    employee = people.employee(people.unit("X", eselon="I"))
    result = runner.invoke(args=["users", "create-admin", employee.nip],
                           input="pendek\npendek\nkalimat sandi panjang\nkalimat sandi panjang\n")
    assert result.exit_code == 0 and "minimal 8 karakter" in result.output


def test_create_admin_for_unknown_nip_fails(runner):
    result = runner.invoke(args=["users", "create-admin", "196804111993031009"])
    assert result.exit_code != 0 and "tidak ditemukan" in result.output


def test_demo_small_has_the_ministrys_eselon_i_units_and_valid_numbers(app, runner):
    result = runner.invoke(args=["demo", "load", "--scale", "small", "--seed", "7"])
    assert result.exit_code == 0, result.output
    names = set(db.session.scalars(select(Unit.nama).where(Unit.eselon == "I")))
    for expected in ("Sekretariat Jenderal", "Inspektorat Jenderal", "Direktorat Jenderal Sumber Daya Air",
                     "Direktorat Jenderal Bina Marga", "Direktorat Jenderal Cipta Karya",
                     "Direktorat Jenderal Perumahan", "Direktorat Jenderal Bina Konstruksi",
                     "Badan Pengembangan Infrastruktur Wilayah", "Badan Pengembangan Sumber Daya Manusia"):
        assert expected in names
    employees = db.session.scalars(select(Employee)).all()
    assert all(nip_rules.problems(e.nip, e.status_asn) == [] for e in employees)
    assert any(e.status_asn == "PPPK" for e in employees) and any(e.hipo for e in employees)
    assert db.session.scalar(select(func.count()).where(Unit.eselon == "UPT")) > 0
    heads = db.session.scalar(select(func.count()).where(Unit.head_id.is_not(None)))
    assert heads == db.session.scalar(select(func.count()).select_from(Unit))
    assert f"kata sandi untuk semua: {DEMO_PASSWORD}" in result.output


def test_demo_people_are_deterministic_from_the_seed():
    import random

    from portal.demo.people import PeopleFactory

    def sample(seed):
        factory = PeopleFactory(random.Random(seed))
        return [factory.staff() for _ in range(50)] + [factory.head("Biro Hukum", "II")]

    assert sample(42) == sample(42)
    assert sample(42) != sample(43)


def test_demo_if_empty_does_not_load_twice(app, runner):
    runner.invoke(args=["demo", "load"])
    count = db.session.scalar(select(func.count()).select_from(Employee))
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert "tidak dimuat" in result.output and DEMO_PASSWORD in result.output
    assert db.session.scalar(select(func.count()).select_from(Employee)) == count


def test_demo_accounts_sign_in(app, runner):
    result = runner.invoke(args=["demo", "load"])
    nips = [line.split()[1] for line in result.output.splitlines() if line.strip().startswith("NIP ")]
    assert len(nips) == 7  # admin SDM, superadmin, admin unit, pimpinan, kepala balai, plain atasan, pegawai
    client = app.test_client()
    client.login(nips[0], DEMO_PASSWORD)
    assert "Admin SDM" in client.get("/").get_data(as_text=True)


def test_placement_demos_run_last_so_their_mg10_block_stops_no_other_demo(app):
    """The ministry demo stopped when the magang demo's failed participant (blocked from every
    programme, MG-10) was then enrolled by the komunitas or coaching demo."""
    from portal.demo.loader import _demo_order
    from portal.plugins import registry

    with app.app_context():
        order = _demo_order(None)
        placements = set(registry().implementers("portal_placement_kinds"))
        assert placements and set(order[-len(placements):]) == placements
        assert _demo_order({"komunitas", "magang"}) == ["komunitas", "magang"]


def test_demo_work_has_waited_days_and_weeks_not_since_the_load(app, runner):
    """Issue 18: every demo inbox task was dated the day ``flask demo load`` ran, so the homes'
    "oldest first, with age" showed nothing. Waiting records are dated over the past months."""
    from portal.clock import today
    from portal.inbox.tasks import pending_items

    assert runner.invoke(args=["demo", "load", "--seed", "3"]).exit_code == 0
    with app.test_request_context():
        ages = [(today() - item.task.since).days
                for account in db.session.scalars(select(Account).order_by(Account.id))
                for item in pending_items(account) if item.task.since is not None]
    assert len(ages) >= 20
    assert min(ages) >= 0  # nothing waits from the future
    assert sum(age == 0 for age in ages) <= len(ages) // 10
    assert sum(age > 30 for age in ages) >= len(ages) // 3
