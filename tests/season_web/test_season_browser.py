"""One season on the five seeds as a reviewer walks it, in the system Chromium; each step timed.

Creates the season and roster as the admin, then as a reviewer uploads the seeds, sees 报送率 5/6
and the missing unit, opens a report, strikes one finding and edits another, sees the letter
change, signs, and downloads the signed DOCX and the season summary. Screenshots go to
docs/screenshots/season-*.png; the step times are printed (run with -s to see them).
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from fazhi.core.settings import Settings
from fazhi.store.accounts import add_user
from fazhi.web import create_app
from tests.conftest import seed_paths
from tests.web.conftest import password_of
from tests.workflow.conftest import SEED_UNITS, SILENT_UNIT

CHROMIUM = "/usr/bin/chromium"
# Screenshots go to a temporary folder unless FAZHI_SCREENSHOTS names one (docs/screenshots to
# retake the committed pictures): a test run never rewrites tracked files.
SHOTS = Path(os.environ.get("FAZHI_SCREENSHOTS") or tempfile.mkdtemp(prefix="fazhi-shots-"))
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(settings: Settings):
    import uvicorn

    app = create_app(settings)
    add_user(app.state.store, "管理员", password_of("admin"), "admin")
    add_user(app.state.store, "王审核", password_of("reviewer"), "reviewer")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class Steps:
    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []

    @contextmanager
    def step(self, name: str):
        start = time.perf_counter()
        yield
        self.times.append((name, time.perf_counter() - start))

    def report(self) -> str:
        lines = [f"{name:<24}{seconds:6.2f} s" for name, seconds in self.times]
        total = sum(s for _, s in self.times)
        return "\n".join(["season walkthrough (Chromium):", *lines, f"{'total':<24}{total:6.2f} s"])


OWN_MESSAGE = "此段只列举措，未说明取得的实际成效，请补充。"
# Selects the first 12 characters of the first long plain run of the report text, as a mouse would.
SELECT_PASSAGE = """() => {
  const body = document.getElementById("text-body");
  const span = [...body.querySelectorAll("span")].find(s => !s.className && s.textContent.length > 40
      && !s.textContent.slice(0, 12).includes("\\n"));
  const node = span.firstChild;
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, 12);
  const selection = document.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return node.textContent.slice(0, 12);
}"""


def _login(page, base: str, name: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/reports*")


def test_a_season_walked_through_in_chromium(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    roster = tmp_path / "名单.csv"
    roster.write_text("单位名称,层级\n" + "".join(f"{n},县级\n" for n in (*SEED_UNITS, SILENT_UNIT)),
                      encoding="utf-8-sig")
    SHOTS.mkdir(parents=True, exist_ok=True)
    steps = Steps()
    with serving(Settings(data_dir=tmp_path / "data")) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        with steps.step("管理员登录"):
            _login(page, base, "管理员", password_of("admin"))
        with steps.step("新建审核批次"):
            page.goto(f"{base}/seasons")
            page.fill("#season-create input[name=name]", "2024年度法治政府建设年度报告审核")
            page.fill("#season-create input[name=report_year]", "2024")
            page.fill("#season-create input[name=submit_by]", "2025-03-01")
            page.fill("#season-create input[name=publish_by]", "2025-03-31")
            page.click("#season-create button")
            page.wait_for_url(f"{base}/seasons/1")
        with steps.step("导入名单(6个单位)"):
            page.set_input_files("#roster-upload input[name=file]", str(roster))
            page.click("#roster-upload button")
            expect(page.locator("#status-table tbody tr")).to_have_count(6)
        page.click("header .who button")
        with steps.step("审核人登录"):
            _login(page, base, "王审核", password_of("reviewer"))
        with steps.step("上传五份报告"):
            page.goto(f"{base}/seasons/1")
            page.set_input_files("#season-upload input[name=files]", [str(p) for p in seed_paths()])
            page.fill("#season-upload input[name=received]", "2025-02-25")
            page.click("#season-upload button")
            expect(page.locator("#upload-results tbody tr")).to_have_count(5)
        with steps.step("查看报送率与未报送单位"):
            expect(page.locator("#submission-rate strong")).to_have_text("5/6")
            expect(page.locator("#missing")).to_contain_text(SILENT_UNIT)
        page.screenshot(path=str(SHOTS / "season-page.png"), full_page=True)
        with steps.step("打开一份报告"):
            page.click("#status-table tbody tr:first-child a")
            expect(page.locator("#findings")).to_be_visible()
        letter = page.locator("#letter .letter")
        title_item = letter.get_by_text("核心指标（需修改）")
        expect(title_item).to_have_count(1)
        with steps.step("删除一条意见(附理由)"):
            page.click("#finding-indicators\\.core summary")
            page.fill("#finding-indicators\\.core form.strike input[name=reason]", "本市核心指标已另表报送")
            page.click("#finding-indicators\\.core form.strike button")
            expect(page.locator("#finding-indicators\\.core .state")).to_have_text("已删除")
        with steps.step("改写一条意见"):
            page.click("#finding-plans\\.specific summary")
            page.fill("#finding-plans\\.specific form.edit textarea", "请逐项写明2025年各项工作的完成时限和责任单位。")
            page.click("#finding-plans\\.specific form.edit button")
            expect(page.locator("#finding-plans\\.specific .state")).to_have_text("已改写")
        with steps.step("选中原文补充一条意见"):
            selected = page.evaluate(SELECT_PASSAGE)
            expect(page.locator("#sel-start")).not_to_have_value("")
            page.fill("#add-form textarea[name=message]", OWN_MESSAGE)
            page.click("#add-form button[type=submit]")
            expect(page.locator("#findings .own")).to_contain_text(OWN_MESSAGE)
        with steps.step("看到意见书随之改变"):
            expect(letter).to_contain_text(OWN_MESSAGE)
            expect(letter).to_contain_text(selected)  # the own finding quotes the selected passage
            expect(letter.get_by_text("核心指标（需修改）")).to_have_count(0)
            expect(letter).to_contain_text("请逐项写明2025年各项工作的完成时限和责任单位。")
            expect(letter.locator(".b-draft")).to_have_text("初审稿（未经人工复核）")
        page.locator("#findings").scroll_into_view_if_needed()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SHOTS / "season-report-decided.png"))
        with steps.step("签发"):
            page.click("#sign-form button")
            expect(page.locator("#signed-note")).to_contain_text("王审核")
            expect(letter.locator(".b-draft")).to_have_count(0)
            expect(letter.locator(".b-signature").first).to_have_text("审核人：王审核")
        page.locator("#letter").screenshot(path=str(SHOTS / "season-letter-signed.png"))
        with steps.step("下载签发的意见书"):
            with page.expect_download() as signed:
                page.click("#letter-docx")
            signed_path = tmp_path / "signed.docx"
            signed.value.save_as(signed_path)
        with steps.step("下载审核情况报告"):
            page.goto(f"{base}/seasons/1")
            with page.expect_download() as summary:
                page.click("#summary-docx")
            summary_path = tmp_path / "summary.docx"
            summary.value.save_as(summary_path)
        page.locator("#rule-stats").screenshot(path=str(SHOTS / "season-rule-stats.png"))
        browser.close()
    print("\n" + steps.report())
    import docx

    signed_text = "\n".join(p.text for p in docx.Document(str(signed_path)).paragraphs)
    summary_text = "\n".join(p.text for p in docx.Document(str(summary_path)).paragraphs)
    assert "王审核" in signed_text and "初审稿" not in signed_text
    assert "报送率83.3%" in summary_text and SILENT_UNIT in summary_text
