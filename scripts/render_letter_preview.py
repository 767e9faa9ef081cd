#!/usr/bin/env python3
"""Render page 1 of the review letter of seed 004 (海原县) to docs/review-letter-page1.png.

    .venv/bin/python scripts/render_letter_preview.py

The picture shows what a reviewer gets from `write_letter`: the DOCX as
LibreOffice lays it out. Needs Debian's libreoffice-writer-nogui and
poppler-utils (pdftoppm); the fonts are whatever the letter picks on this
machine (fonts-noto-cjk and fonts-arphic-ukai give Song, Hei and Kai faces).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fazhi.core.settings import Settings
from fazhi.letters import build_letter, write_letter
from fazhi.pipeline import analyze_path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "004_5e9a88d8f644b03d.txt"
OUT = ROOT / "docs" / "review-letter-page1.png"
DATE = dt.date(2025, 3, 20)  # fixed, so the picture changes only when the letter does
DPI = "80"


def main() -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None or shutil.which("pdftoppm") is None:
        sys.exit("needs LibreOffice and pdftoppm: apt-get install libreoffice-writer-nogui poppler-utils")
    analysis = analyze_path(SEED, Settings())
    letter = build_letter(analysis.to_json(), analysis.document.text, date=DATE)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docx = write_letter(letter, work, "letter")["docx"]
        profile = (work / "profile").as_uri()
        subprocess.run(
            [
                office,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                DPI,
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(work / "letter.pdf"),
                str(work / "page"),
            ],
            check=True,
            timeout=120,
        )
        OUT.parent.mkdir(exist_ok=True)
        shutil.copyfile(work / "page.png", OUT)
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
