"""The HTML letter is one self-contained, printable page."""

from __future__ import annotations

import re

import pytest

from tests.letters.conftest import NAMES, short

SEEDS = pytest.mark.parametrize("name", NAMES, ids=short)


def page(written, name: str) -> str:
    return written[name]["html"].read_text(encoding="utf-8")


@SEEDS
def test_html_refers_to_nothing_outside_itself(name, written) -> None:
    html = page(written, name)
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"<(script|link|img|iframe)\b|\bsrc=|url\(|@import", html)


@SEEDS
def test_html_is_chinese_with_inline_style_for_a4_print(name, written) -> None:
    html = page(written, name)
    assert '<html lang="zh-CN">' in html and '<meta charset="utf-8">' in html
    assert "<style>" in html and "@page { size: A4;" in html and "@media print" in html


@SEEDS
def test_html_escapes_the_reports_text(name, letters, written) -> None:
    html = page(written, name)
    body = html.split("<body>", 1)[1]
    assert letters[name].identity.jurisdiction in body
    assert '<strong class="verdict' in body
    assert not re.search(r"<(?!/?(h1|h2|h3|p|strong|span|br)\b)", body.replace("</body>", "").replace("</html>", ""))
