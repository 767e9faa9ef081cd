#!/usr/bin/env python3
"""A season on the five seeds, decided and signed, rendered by LibreOffice; first pages to docs/.

    .venv/bin/python scripts/render_season_preview.py

Writes docs/season-signed-letter-page1.png (the signed letter of seed 000,
孝义市, after a reviewer struck one finding, reworded another and signed) and
docs/season-summary-page1.png (the office's report upward for the season).
tests/letters/test_season_pdf.py runs the same steps into a temporary folder.
Needs Debian's libreoffice-writer-nogui and poppler-utils (pdftoppm).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
UNITS = (
    ("孝义市人民政府", "county"), ("鞍山市人民政府", "city"), ("开封市示范区管委会", "zone"),
    ("绵阳市人民政府", "city"), ("海原县人民政府", "county"), ("示例县人民政府", "county"),  # 示例县 never reports
)


@dataclass(frozen=True)
class Rendered:
    letter_docx: Path
    summary_docx: Path
    letter_text: str  # the signed letter's blocks, for the test to read


def build(work: Path) -> Rendered:
    """Store the seeds, run a season on them, decide on seed 000 and sign; write both DOCX files."""
    from fazhi.core.settings import Settings
    from fazhi.letters import build_letter, write_letter
    from fazhi.letters.layout import blocks
    from fazhi.letters.season_summary import render_summary_docx
    from fazhi.pipeline import analyze_path
    from fazhi.store import open_store
    from fazhi.store import seasons as ss
    from fazhi.workflow import Decision, Season, Unit, decided_analysis
    from fazhi.workflow.model import Actor

    settings = Settings(data_dir=work / "data")
    store = open_store(settings)
    admin, wang = Actor("管理员", "admin"), Actor("王审核", "reviewer")
    season = ss.create_season(
        store, Season(None, "2024年度法治政府建设年度报告审核", 2024, dt.date(2025, 3, 1), dt.date(2025, 3, 31)), admin
    )
    ss.import_roster(store, season.id, [Unit(n, level) for n, level in UNITS], admin)
    received = []
    for i, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        saved = store.save(analyze_path(path, settings), path.read_bytes())
        late = i == 4  # 海原县 reports four days late
        received.append(ss.receive(store, season.id, saved.report_id, wang,
                                   received=dt.date(2025, 3, 5) if late else dt.date(2025, 2, 25)))
    now = dt.datetime.now(dt.timezone.utc)
    for got in received:
        for finding in got.analysis["findings"]:
            if finding["status"] == "failed":
                ss.decide(store, got.id, Decision("confirm", "", now, finding["rule"]), wang)
    first = received[0]
    ss.decide(store, first.id, Decision("strike", "", now, "indicators.core", reason="本市核心指标已另表报送"), wang)
    ss.decide(store, first.id, Decision(
        "edit", "", now, "plans.specific",
        message="报告所列2025年工作安排多为原则性表述,请逐项写明完成时限、责任单位和可检验的目标。",
    ), wang)
    ss.decide(store, first.id, Decision("verdict", "", now, verdict="基本合格"), wang)
    for got in received[:3]:
        ss.sign(store, got.id, wang)
    decided = ss.decided(store, first.id)
    letter = build_letter(decided_analysis(first.analysis, decided), first.text, reviewer=decided.signed_by,
                          date=decided.signed_on)
    letter_docx = write_letter(letter, work, "signed-letter")["docx"]
    summary = ss.season_summary(store, season.id, made_on=dt.date.today())
    summary_docx = render_summary_docx(summary, work / "season-summary.docx", signer="王审核")
    return Rendered(letter_docx, summary_docx, "\n".join(b.text for b in blocks(letter)))


def convert(docs: list[Path], out_dir: Path, to: str = "pdf") -> list[Path]:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice is missing: apt-get install libreoffice-writer-nogui"
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = (out_dir / "profile").as_uri()
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to, "--outdir", str(out_dir),
         *map(str, docs)],
        check=True, capture_output=True, timeout=240,
    )
    return [out_dir / f"{d.stem}.{to}" for d in docs]


def first_page(pdf: Path, png: Path, dpi: int = 80) -> Path:
    """Page 1 of the PDF LibreOffice printed (its Writer cannot export a PNG itself in headless mode)."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(png.with_suffix(""))], check=True, timeout=120)
    return png


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = build(work)
        pdfs = convert([made.letter_docx, made.summary_docx], work)
        for pdf, name in zip(pdfs, ("season-signed-letter-page1.png", "season-summary-page1.png"), strict=True):
            png = first_page(pdf, work / name)
            shutil.copyfile(png, ROOT / "docs" / name)
            print(f"docs/{name}: {png.stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
