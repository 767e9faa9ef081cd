#!/usr/bin/env python3
"""Render pages 1 and 2 of the annual summary of the five seeds to docs/annual-summary-page{1,2}.png.

    .venv/bin/python scripts/render_summary_preview.py

Ingests the seeds into a temporary SQLite store, writes `fazhi summary`'s
DOCX and lays it out with LibreOffice (needs libreoffice-writer-nogui and
poppler-utils' pdftoppm), as scripts/render_letter_preview.py does for a letter.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.letters.summary_support import seed_summary_docx  # noqa: E402

DATE = dt.date(2025, 4, 15)  # fixed, so the pictures change only when the summary does
DPI = "80"


def main() -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None or shutil.which("pdftoppm") is None:
        sys.exit("needs LibreOffice and pdftoppm: apt-get install libreoffice-writer-nogui poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docx = seed_summary_docx(work, DATE)
        subprocess.run([office, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                       check=True, capture_output=True, timeout=240)
        subprocess.run(["pdftoppm", "-png", "-r", DPI, "-f", "1", "-l", "2", str(docx.with_suffix(".pdf")),
                        str(work / "page")], check=True, timeout=120)
        for n in (1, 2):
            out = ROOT / "docs" / f"annual-summary-page{n}.png"
            shutil.copyfile(work / f"page-{n}.png", out)
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
