"""The annual summary of the seeds: a DOCX that LibreOffice lays out as a PDF, and its HTML twin."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from fazhi.core.settings import Settings
from fazhi.ingest import read_path
from fazhi.letters.annual_summary_docx import render_summary_docx
from fazhi.letters.annual_summary_html import render_summary_html
from tests.letters.summary_support import seed_summary_input
from tests.letters.test_pdf import soffice

JURISDICTIONS = ("孝义市", "鞍山市", "开封市示范区", "绵阳市", "海原县")


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    work = tmp_path_factory.mktemp("summary")
    return seed_summary_input(work, dt.date(2025, 4, 15)), work


@pytest.fixture(scope="module")
def pdf_text(summary) -> str:
    data, work = summary
    docx = render_summary_docx(data, work / "annual-summary.docx")
    command = [soffice(), f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(work), str(docx)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = work / "annual-summary.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    return "".join(read_path(pdf, Settings()).text.split())


def test_the_summary_pdf_counts_the_reports_and_names_its_sections(pdf_text) -> None:
    assert "年度报告汇总分析" in pdf_text and "共5份报告" in pdf_text
    for heading in ("总体情况", "得分情况", "主要指标对比", "上年工作安排落实情况", "文字雷同情况"):
        assert heading in pdf_text


def test_the_summary_pdf_ranks_the_strongest_and_weakest_by_name(pdf_text) -> None:
    assert "较好" in pdf_text and "较弱" in pdf_text
    assert sum(name in pdf_text for name in JURISDICTIONS) == 5


def test_the_html_twin_carries_the_tables_and_the_charts_inline(summary) -> None:
    data, _ = summary
    page = render_summary_html(data)
    assert page.count("<table>") >= 2 and "<svg" in page
    assert "http://" not in page.split("<svg", 1)[0]  # nothing fetched from elsewhere before the charts
