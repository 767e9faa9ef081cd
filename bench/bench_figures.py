"""Figure extraction throughput over the seed reports.

    .venv/bin/python bench/bench_figures.py [--repeat N]

Prints figures/second, reports/second and MB/s (UTF-8 bytes of text) for
``extract_figures`` and ``check_consistency`` over the seed corpus repeated N
times, the peak memory of one pass (tracemalloc), and, when the pipeline is
installed, ``analyze`` throughput for comparison. Data files are loaded before
timing: the first call pays for reading the catalog once per process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from fazhi.figures import check_consistency, extract_figures  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def load_corpus() -> list[tuple[Path, str]]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        sys.exit(f"no seed reports in {SEEDS}")
    return [(p, p.read_text(encoding="utf-8")) for p in files]


def one_pass(texts: list[str]) -> int:
    n = 0
    for text in texts:
        figs = extract_figures(text)
        check_consistency(figs, text)
        n += len(figs)
    return n


def timed(texts: list[str], repeat: int, rounds: int = 5) -> tuple[float, int]:
    """Best-of-rounds seconds for ``repeat`` passes over the corpus, and figures per pass."""
    per_pass = one_pass(texts)  # warm-up: loads the lexicon and the catalog
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            one_pass(texts)
        times.append(time.perf_counter() - start)
    return min(times), per_pass


def cold_start(text: str) -> tuple[float, float]:
    """Seconds and peak MB of the first call in a process (reads and validates the data files)."""
    from fazhi.figures import catalog, lexicon, mapping

    lexicon.lexicon.cache_clear()
    lexicon.exclusions.cache_clear()
    catalog.catalog.cache_clear()
    mapping._INDEXES.clear()
    tracemalloc.start()
    start = time.perf_counter()
    extract_figures(text)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1e6


def bench_analyze(paths: list[Path]) -> str:
    from fazhi.core.settings import Settings
    from fazhi.pipeline import analyze_path

    settings = Settings()
    analyze_path(paths[0], settings)
    start = time.perf_counter()
    for p in paths:
        analyze_path(p, settings)
    seconds = time.perf_counter() - start
    return f"analyze: {len(paths) / seconds:,.1f} reports/s (whole pipeline, from files)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus per round")
    args = parser.parse_args()
    corpus = load_corpus()
    texts = [t for _, t in corpus]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    seconds, per_pass = timed(texts, args.repeat)
    reports = len(texts) * args.repeat
    print(f"corpus: {len(texts)} reports, {sum(map(len, texts)):,} characters, {mb:.3f} MB, "
          f"{per_pass} figures per pass; {args.repeat} passes per round, best of 5 rounds")
    print(f"figures: {per_pass * args.repeat / seconds:,.0f} figures/s")
    print(f"reports: {reports / seconds:,.1f} reports/s")
    print(f"bytes:   {mb * args.repeat / seconds:,.3f} MB/s")
    per_report = [len(extract_figures(t)) for t in texts]
    print(f"figures per report: median {statistics.median(per_report)}, max {max(per_report)}")
    tracemalloc.start()
    one_pass(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory of one pass: {peak / 1e6:.2f} MB (tracemalloc)")
    seconds, mb_peak = cold_start(texts[0])
    print(f"first call in a process (loads lexicon, exclusions, catalog): {seconds * 1000:.0f} ms, "
          f"peak {mb_peak:.2f} MB")
    print(bench_analyze([p for p, _ in corpus]))


if __name__ == "__main__":
    main()
