"""Identity evidence on real openings (tests/corpus/openings/dev) points at the text as printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.core.settings import Settings
from fazhi.identity import identify
from fazhi.ingest.registry import read_path

DEV = sorted((Path(__file__).resolve().parents[1] / "corpus" / "openings" / "dev" / "texts").glob("*.txt"))


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem[:3])
def test_every_identity_span_cuts_the_printed_text(path: Path) -> None:
    doc = read_path(path, Settings())
    found = identify(doc)
    spans = [f.span for f in (found.title, found.report_year, found.published, found.issuer, found.doc_number) if f]
    if found.jurisdiction is not None:
        spans.append(found.jurisdiction.span)
    for span in filter(None, spans):
        span.check(doc.text)
        assert span.surface.strip(), f"empty evidence in {path.name}"
    if found.title is not None and found.title.span is not None:
        assert found.title.value == "".join(line.strip() for line in found.title.span.surface.splitlines())
