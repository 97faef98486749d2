"""Browser-journey steps shared by the placement kinds' Playwright tests (magang, pertukaran,
detasering): what must happen before a passing final evaluation (MG-09/PT-07, the stage gate of
:mod:`portal.placements.gates`), done through the placement page like a user."""

from __future__ import annotations


def submit_every_report(page, text: str = "Target periode tercapai; laporan kegiatan terlampir.") -> None:
    """As the participant on the placement page: every periodic report offered, then the final
    report (the last option of the period list)."""
    from playwright.sync_api import expect

    options = page.locator("#period_no option")
    while options.count():
        value = options.first.get_attribute("value")
        page.select_option("#period_no", value)
        page.fill("#content", text)
        page.get_by_role("button", name="Kirim laporan").click()
        expect(page.locator(f"#period_no option[value='{value}']")).to_have_count(0)


def record_rapor(page, score: str = "88", predikat: str = "Baik") -> None:
    """As the sending unit's admin (or the host's mentor): the host's rapor kinerja."""
    from playwright.sync_api import expect

    page.get_by_text("Catat rapor kinerja").click()
    page.fill("#score", score)
    page.fill("#predikat", predikat)
    page.get_by_role("button", name="Simpan rapor").click()
    expect(page.locator("main")).to_contain_text("Rapor kinerja tersimpan")
