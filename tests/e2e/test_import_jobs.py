"""Browser journey (issue 16 item 1): admin SDM uploads an employees file; checking it runs as a
background job on a real queue consumer. The job page shows the progress and, when the check is
done, htmx takes the user to the preview; saving is a second job whose page ends "Selesai";
"Tugas latar saya" lists both."""

from __future__ import annotations

import signal

import pytest

from portal.extensions import db
from portal.models import Employee
from portal.tasks.queue import huey_of
from portal.testing_browser import CHROMIUM, browser_required, sign_in
from tests.test_imports import csv_bytes, employee_row

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)", allow_module_level=True)
if not browser_required():
    pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402


@pytest.fixture
def consumer_app(make_app, tmp_path):
    """The portal on a SqliteHuey queue with one consumer thread, as ``make run`` has it."""
    app = make_app(PORTAL_TASK_QUEUE=f"sqlite:///{tmp_path / 'antrean.db'}")
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    consumer = huey_of(app).create_consumer(workers=1, worker_type="thread", periodic=False,
                                            check_worker_health=False)
    consumer.start()
    yield app
    consumer.stop(graceful=True)
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_admin_sdm_imports_employees_through_background_jobs(new_page, serve, consumer_app,
                                                             two_units, tmp_path):
    rows = [employee_row("A.01", nama=f"Pegawai Antrean {n}") for n in range(3)]
    upload = tmp_path / "pegawai.csv"
    upload.write_bytes(csv_bytes(rows))
    base = serve(consumer_app)
    page = new_page()
    sign_in(page, base, two_units["sdm"].nip)

    page.goto(f"{base}/impor/")
    page.locator("#impor-pegawai").get_by_label("Berkas pegawai (.xlsx atau .csv)").set_input_files(upload)
    page.locator("#impor-pegawai").get_by_role("button", name="Periksa berkas").click()
    # The job page polls; when the check is done htmx follows HX-Redirect to the preview.
    page.wait_for_url("**/impor/pratinjau/*", timeout=30_000)
    main = page.locator("main")
    expect(main).to_contain_text("Pratinjau impor pegawai")
    expect(main).to_contain_text("Tidak ada masalah")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#job-status")).to_have_attribute("data-status", "selesai", timeout=30_000)
    expect(main).to_contain_text("3 pegawai ditambahkan")

    page.goto(f"{base}/tugas/")
    expect(main).to_contain_text("Impor pegawai pegawai.csv")
    expect(page.locator("tbody tr")).to_have_count(2)
    with consumer_app.app_context():
        names = set(db.session.scalars(db.select(Employee.nama)))
    assert {row["nama"] for row in rows} <= names
