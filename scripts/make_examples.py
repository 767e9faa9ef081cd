#!/usr/bin/env python3
"""Render the fictional example reports in scripts/example_sources/ into examples/, one per format.

    .venv/bin/python scripts/make_examples.py

The outputs are committed (small), so the demo needs no font or converter;
re-run this after editing a source. The PDF needs a CJK font on this machine
(Debian: fonts-wqy-zenhei). The converters are the ones the tests use.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.fonts import find_cjk_font  # noqa: E402
from tests.support.html_page import report_to_html  # noqa: E402
from tests.support.office import text_to_docx, text_to_pdf  # noqa: E402

SOURCES = ROOT / "scripts" / "example_sources"
OUT = ROOT / "examples"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    county = (SOURCES / "county.txt").read_text(encoding="utf-8")
    # A county's report copied from its website into a GBK text file, furniture and all.
    (OUT / "示例县2024年度法治政府建设情况报告.txt").write_bytes(county.encode("gbk"))

    city = (SOURCES / "city.txt").read_text(encoding="utf-8")
    title, body = city.split("\n", 1)
    page = report_to_html(body, title=title, published="2025-03-21 09:30:00", style="trs")
    (OUT / "示例市2024年度法治政府建设情况报告.html").write_bytes(page)

    dept = (SOURCES / "dept.txt").read_text(encoding="utf-8")
    text_to_docx(dept, OUT / "示例市司法局2024年法治政府建设年度报告.docx", with_table=False)

    district = (SOURCES / "district.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        # No running header: a one-page PDF cannot show by repetition that a header is one.
        pdf = text_to_pdf(district, Path(tmp) / "d.pdf", font=find_cjk_font(), header=None)
        (OUT / "示例区2023年度法治政府建设情况报告.pdf").write_bytes(pdf.read_bytes())
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
