"""The annual summary of the five seeds, written from a real SQLite store (for the test and the preview)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fazhi.core.settings import Settings
from fazhi.corpus.model import ReportFilter
from fazhi.figures.catalog import catalog
from fazhi.letters.annual_summary import FollowUp, SummaryInput, chart_blocks
from fazhi.letters.annual_summary_docx import render_summary_docx
from fazhi.store import open_store
from fazhi.store.corpus_index import index_pending, summary_material
from fazhi.store.ingest_run import ingest_paths
from tests.conftest import seed_paths


def seed_summary_input(work: Path, date: dt.date) -> SummaryInput:
    settings = Settings(data_dir=work / "data")
    store = open_store(settings)
    list(ingest_paths(seed_paths(), store, settings))
    index_pending(store)
    material = summary_material(store, ReportFilter())
    names = {i.id: i.name for i in catalog().indicators}
    return SummaryInput(
        reports=material.reports, tables=[(material.table, names)],
        charts=chart_blocks(material.table, names, work / "charts"),
        followups=[FollowUp(a, b, tuple(c)) for a, b, c in material.followups],
        copies=material.copies, date=date, issuer="示例市依法治市办",
    )


def seed_summary_docx(work: Path, date: dt.date) -> Path:
    return render_summary_docx(seed_summary_input(work, date), work / "annual-summary.docx")
