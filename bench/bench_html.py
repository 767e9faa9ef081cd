"""Compare the HTML reader with trafilatura alone on government-style pages.

Each seed report in ../shared/seeds is wrapped by tests/support/html_page.py
in every page style, in UTF-8 and GBK. For each extractor it prints: report
lines recovered (exactly, and ignoring whitespace), furniture markers leaked,
lines added that are not report text, and the time per page.

    .venv/bin/python bench/bench_html.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from fazhi.core.settings import Settings  # noqa: E402
from fazhi.ingest import read_bytes  # noqa: E402
from tests.support.html_page import FURNITURE, STYLES, report_to_html  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
ENCODINGS = ("utf-8", "gbk")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _reader(page: bytes) -> str:
    return read_bytes(page, "x.html", Settings()).masked()


def _trafilatura(page: bytes) -> str:
    return trafilatura.extract(page, include_tables=True) or ""


def _trafilatura_recall(page: bytes) -> str:
    return trafilatura.extract(page, include_tables=True, favor_recall=True) or ""


EXTRACTORS = {"trafilatura": _trafilatura, "trafilatura(recall)": _trafilatura_recall, "fazhi reader": _reader}


def main() -> None:
    names = sorted(p.stem for p in SEEDS.glob("*.txt"))
    if not names:
        sys.exit(f"no seed reports in {SEEDS}")
    cases = []
    for name in names:
        text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((SEEDS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        lines = [x.strip() for x in text.splitlines() if x.strip() and x.strip() not in gold["noise"]]
        markers = [m for m in FURNITURE if m not in text]
        for style in STYLES:
            for encoding in ENCODINGS:
                page = report_to_html(
                    text, title=gold["title"], published=gold["published"], style=style, encoding=encoding
                )
                cases.append((name, style, lines, gold["title"], markers, page))
    print(f"{len(cases)} pages ({len(names)} reports x {len(STYLES)} styles x {len(ENCODINGS)} encodings)\n")
    header = f"{'extractor':<22}{'lines exact':>14}{'ignoring ws':>14}{'leaked':>8}{'added':>8}{'ms/page':>9}"
    print(header)
    print("-" * len(header))
    for label, extract in EXTRACTORS.items():
        exact = loose = total = leaked = added = 0
        by_style: dict[str, list[int]] = {s: [0, 0] for s in STYLES}
        started = time.perf_counter()
        for _name, style, lines, title, markers, page in cases:
            out = extract(page)
            out_lines = {x.strip() for x in out.splitlines() if x.strip()}
            squashed = _squash(out)
            total += len(lines)
            hit = sum(line in out_lines for line in lines)
            exact += hit
            by_style[style][0] += hit
            by_style[style][1] += len(lines)
            loose += sum(_squash(line) in squashed for line in lines)
            leaked += sum(m in out for m in markers)
            allowed = set(lines) | {title}
            added += sum(x not in allowed for x in out_lines)
        elapsed = (time.perf_counter() - started) / len(cases) * 1000
        print(f"{label:<22}{exact:>8}/{total:<5}{loose:>8}/{total:<5}{leaked:>8}{added:>8}{elapsed:>9.1f}")
        print(" " * 4 + "  ".join(f"{s}: {h}/{t}" for s, (h, t) in by_style.items()))


if __name__ == "__main__":
    main()
