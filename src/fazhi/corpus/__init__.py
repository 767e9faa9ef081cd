"""Corpus analytics over stored analyses: indicator tables, series, plan follow-through, text reuse.

Pure functions over ``ReportRecord`` (a stored report's metadata, text and
analysis JSON); the originals are never re-read and the store is never
imported: ``fazhi.store.corpus_index`` persists what these functions compute.
"""

from fazhi.corpus.model import ReportFilter, ReportRecord

__all__ = ["ReportFilter", "ReportRecord"]
