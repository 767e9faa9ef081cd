"""The signed letter and the season summary open in LibreOffice and print as PDF with their words."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.core.settings import Settings
from fazhi.ingest import read_path
from scripts.render_season_preview import build, convert, first_page


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    work = tmp_path_factory.mktemp("season-pdf")
    made = build(work)
    letter_pdf, summary_pdf = convert([made.letter_docx, made.summary_docx], work)
    return made, letter_pdf, summary_pdf, work


def _text(pdf: Path) -> str:
    return "".join(read_path(pdf, Settings()).text.split())


def test_the_signed_letter_prints_with_the_signer_and_without_the_draft_mark(rendered) -> None:
    made, letter_pdf, _, _ = rendered
    text = _text(letter_pdf)
    assert "经审核人王审核复核" in text and "初审稿" not in text
    assert "请逐项写明完成时限" in text and "孝义市" in text


def test_the_season_summary_prints_the_rates_and_the_missing_unit(rendered) -> None:
    _, _, summary_pdf, _ = rendered
    text = _text(summary_pdf)
    assert "报送率83.3%" in text and "示例县人民政府" in text and "已签发审核意见书3份" in text


def test_first_pages_become_pngs(rendered) -> None:
    _, letter_pdf, summary_pdf, work = rendered
    for pdf in (letter_pdf, summary_pdf):
        png = first_page(pdf, work / f"{pdf.stem}.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
