"""Analyze and ingest throughput on the seed reports, and how ingest grows with the corpus.

    .venv/bin/python bench/bench_analyze.py [--repeat N] [--formats txt,docx,pdf,html]

Prints reports/s and MB/s for `analyze` (the whole pipeline, no database) per
input format, then ingest throughput into a fresh SQLite store at growing
corpus sizes, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))

from fazhi.core.settings import Settings  # noqa: E402
from fazhi.pipeline import analyze_bytes  # noqa: E402


def corpus(fmt: str, folder: Path) -> list[tuple[str, bytes]]:
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    out = []
    for stem, text in texts:
        if fmt == "txt":
            out.append((f"{stem}.txt", text.encode("utf-8")))
        elif fmt == "gbk":
            out.append((f"{stem}.txt", text.encode("gb18030")))
        elif fmt == "html":
            from tests.support.html_page import report_to_html

            out.append((f"{stem}.html", report_to_html(text, title=None, published="2025-03-01")))
        elif fmt == "docx":
            from tests.support.office import text_to_docx

            path = text_to_docx(text, folder / f"{stem}.docx")
            out.append((path.name, path.read_bytes()))
        elif fmt == "pdf":
            from tests.support.fonts import find_cjk_font
            from tests.support.office import text_to_pdf

            path = text_to_pdf(text, folder / f"{stem}.pdf", font=find_cjk_font())
            out.append((path.name, path.read_bytes()))
    return out


def bench_analyze(files: list[tuple[str, bytes]], repeat: int, settings: Settings) -> tuple[float, float, float]:
    for name, data in files:  # warm up: lazy imports, the division table
        analyze_bytes(data, name, settings)
    rates = []
    total_bytes = sum(len(d) for _, d in files)
    for _ in range(repeat):
        start = time.perf_counter()
        for name, data in files:
            analyze_bytes(data, name, settings)
        rates.append(time.perf_counter() - start)
    median = statistics.median(rates)
    return len(files) / median, total_bytes / median / 1e6, median / len(files) * 1000


def bench_ingest(sizes: list[int]) -> list[tuple[int, float, float]]:
    from fazhi.store import open_store
    from fazhi.store.ingest_run import ingest_paths

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for i in range(size):
                # Distinct bytes per file, or the store would dedupe them.
                (folder / f"r{i:05d}.txt").write_text(texts[i % 5] + f"\n(副本 {i})", encoding="utf-8")
            settings = Settings(data_dir=Path(tmp) / "data")
            store = open_store(settings)
            start = time.perf_counter()
            count = sum(1 for _ in ingest_paths([folder], store, settings))
            elapsed = time.perf_counter() - start
            db_mb = (Path(tmp) / "data" / "fazhi.sqlite3").stat().st_size / 1e6
            rows.append((count, count / elapsed, db_mb))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--formats", default="txt,gbk,html,docx,pdf")
    parser.add_argument("--ingest-sizes", default="100,500,2000")
    args = parser.parse_args()
    settings = Settings()
    print(f"analyze (read, identity, outline, figures, review), 5 seed reports, median of {args.repeat} runs")
    print(f"{'format':<8}{'reports/s':>12}{'MB/s':>10}{'ms/report':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            files = corpus(fmt, Path(tmp))
            reports, mbs, ms = bench_analyze(files, args.repeat if fmt not in ("pdf",) else max(3, args.repeat // 5), settings)
            print(f"{fmt:<8}{reports:>12.1f}{mbs:>10.2f}{ms:>12.2f}")
    print("\ningest into SQLite (analyze + store original and analysis), by corpus size")
    print(f"{'files':>8}{'files/s':>10}{'db MB':>10}")
    for count, rate, db_mb in bench_ingest([int(x) for x in args.ingest_sizes.split(",")]):
        print(f"{count:>8}{rate:>10.1f}{db_mb:>10.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
