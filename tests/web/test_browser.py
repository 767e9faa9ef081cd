"""In a real Chromium (the system one, driven by Playwright; nothing is downloaded): log in, upload,
read a report and its evidence, search, export.

Every test takes its screenshots; they are kept in the folder named by FAZHI_SCREENSHOTS
(``FAZHI_SCREENSHOTS=docs/screenshots`` remakes the README's), else in a temporary folder,
so a test run does not rewrite files in the repository.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

from fazhi.core.settings import Settings
from fazhi.store.accounts import add_user
from fazhi.store.ingest_run import ingest_paths
from fazhi.web import create_app
from tests.conftest import seed_paths

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("FAZHI_SCREENSHOTS") or tempfile.mkdtemp(prefix="fazhi-shots-"))
PASSWORD = "browser-test-pass"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    settings = Settings(data_dir=tmp_path_factory.mktemp("browser"))
    app = create_app(settings)
    add_user(app.state.store, "reviewer", PASSWORD, "reviewer")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "app": app, "settings": settings}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (python3 dev.py test does it)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _log_in(browser, server):
    context = browser.new_context(viewport={"width": 1360, "height": 860}, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.goto(server["url"] + "/")
    page.fill("input[name=username]", "reviewer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/reports")
    return page


def _shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


@pytest.fixture
def seeds_stored(server) -> None:
    # The same bytes again are a no-op, so this holds whether or not the upload test ran first.
    list(ingest_paths(seed_paths(), server["app"].state.store, server["settings"]))


def test_logging_in_leads_to_the_report_list(browser, server) -> None:
    page = _log_in(browser, server)
    assert page.locator("h1").inner_text() == "报告列表"
    assert "reviewer" in page.locator(".who").inner_text()


def test_uploading_the_seeds_and_a_bad_file_shows_each_files_outcome(browser, server, tmp_path) -> None:
    bad = tmp_path / "损坏的报告.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a PDF")
    page = _log_in(browser, server)
    page.click("text=上传报告")
    page.set_input_files("#files", [str(p) for p in seed_paths()] + [str(bad)])
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-form[data-done='1']", timeout=120_000)
    rows = page.locator("#outcomes tbody tr")
    assert rows.count() == 6
    outcomes = [rows.nth(i).locator("td").nth(2).inner_text() for i in range(6)]
    assert outcomes[:5] == ["新入库"] * 5 or set(outcomes[:5]) <= {"新入库", "已存在"}
    assert outcomes[5] == "失败"
    assert rows.nth(5).locator("td").nth(3).inner_text().startswith("损坏的报告.pdf: ")
    _shoot(page, "upload.png")


def test_clicking_a_finding_highlights_its_evidence_in_the_text(browser, server, seeds_stored) -> None:
    page = _log_in(browser, server)
    _shoot(page, "reports.png")
    page.click("text=海原县")
    page.wait_for_selector(".findings")
    _shoot(page, "report.png")
    button = page.locator(".finding.failed .finding-btn:not([disabled])").first
    number = button.get_attribute("data-finding")
    button.click()
    marked = page.locator(f'.text [data-ev~="{number}"]')
    assert marked.count() > 0
    assert all("hl" in marked.nth(i).get_attribute("class").split() for i in range(marked.count()))
    assert page.locator(".text .hl").count() == marked.count()
    # The evidence is scrolled to the middle of the window (a smooth scroll: a long way takes
    # seconds), so the reviewer sees it without looking for it.
    page.wait_for_function(
        """(n) => { const r = document.querySelector(`.text [data-ev~="${n}"]`).getBoundingClientRect();
                    return r.top > innerHeight * 0.2 && r.bottom < innerHeight * 0.8; }""",
        arg=number, timeout=10_000)
    _shoot(page, "report-evidence.png")


def test_searching_a_two_character_word_and_opening_a_hit(browser, server, seeds_stored) -> None:
    page = _log_in(browser, server)
    page.click("text=全文检索")
    page.fill("input[name=q]", "复议")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".hits")
    assert page.locator(".hits mark").first.inner_text() == "复议"
    assert page.locator(".hits > li").count() == 5
    _shoot(page, "search.png")
    page.locator(".hits a.hit").first.click()
    page.wait_for_selector("#report-text")
    assert "复议" in page.locator("#report-text").inner_text()


def test_exporting_the_list_as_xlsx_downloads_a_workbook(browser, server, seeds_stored, tmp_path) -> None:
    from openpyxl import load_workbook

    page = _log_in(browser, server)
    with page.expect_download() as info:
        page.click("#export-xlsx")
    path = tmp_path / "export.xlsx"
    info.value.save_as(path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][1] == "地区" and len(rows) == 6
