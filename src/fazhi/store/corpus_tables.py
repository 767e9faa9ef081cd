"""The corpus index tables (migration 0003_corpus), on the store's one MetaData."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, String, Table, Text

from fazhi.store.schema import metadata

# Which reports are indexed, and by which version of the corpus code: a newer
# version re-indexes (chunking or band keys that changed would not compare).
corpus_indexed = Table(
    "corpus_indexed",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id"), primary_key=True),
    Column("version", String(32), nullable=False),
    Column("chars", Integer, nullable=False),
    Column("indexed_at", DateTime(timezone=True), nullable=False),
)

# Figures that map to a catalog indicator, so an indicator table reads a few
# rows by index instead of every report's analysis JSON.
corpus_figures = Table(
    "corpus_figures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=False),
    Column("indicator", String(80), nullable=False),
    Column("value", String(40), nullable=False),
    Column("unit", String(16), nullable=False),
    Column("approx", Boolean, nullable=False),
    Column("compare", String(16)),
    Column("offset", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("label", Text),
    Index("ix_corpus_figures_indicator", "indicator", "report_id"),
)

corpus_chunks = Table(
    "corpus_chunks",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id"), primary_key=True),
    Column("chunk", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("stock", Float, nullable=False),
)

corpus_bands = Table(
    "corpus_bands",
    metadata,
    Column("band_key", BigInteger, nullable=False),
    Column("report_id", Integer, nullable=False),
    Column("chunk", Integer, nullable=False),
    Index("ix_corpus_bands_band_key", "band_key", "report_id", "chunk"),
    Index("ix_corpus_bands_report_id", "report_id"),
)
