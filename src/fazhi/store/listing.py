"""The report list: filters (the facets), sorting, paging and facet counts, for the web and exports."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from fazhi.store.db import Store
from fazhi.store.facet_index import BANDS, FACETS, FacetIndex
from fazhi.store.facet_loading import current

MAX_LIMIT = 500
__all__ = ["BANDS", "FACETS", "Page", "ReportFilter", "facet_counts", "list_page", "page_and_facets"]


@dataclass(frozen=True, slots=True)
class ReportFilter:
    province: str | None = None
    city: str | None = None  # the prefecture
    level: str | None = None
    year: int | None = None
    band: str | None = None
    rule: str | None = None  # a rule the report failed
    sort: str = "-id"  # id, year, score, jurisdiction or published; "-" in front for descending
    limit: int = 50
    offset: int = 0

    def without(self, facet: str) -> ReportFilter:
        return replace(self, **{facet: None})


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[dict]
    total: int
    filter: ReportFilter

    @property
    def next_offset(self) -> int | None:
        end = self.filter.offset + len(self.rows)
        return end if end < self.total else None


def list_page(
    store: Store, flt: ReportFilter, max_limit: int = MAX_LIMIT, index: FacetIndex | None = None,
    within: np.ndarray | None = None,
) -> Page:
    """One page of reports matching the filter, with the total.

    Everything comes from the in-memory index (fazhi.store.facet_index, kept current by
    fazhi.store.facet_loading): in SQLite a row's title lies after its text, on overflow pages.
    ``index``: the caller already holds a current one; ``within``: a mask of it (a search's matches)."""
    index = index or current(store)
    ids, total = index.page(flt, within, max(1, min(flt.limit, max_limit)), flt.offset)
    return Page(index.rows(ids), total, flt)


def facet_counts(
    store: Store, flt: ReportFilter, index: FacetIndex | None = None, within: np.ndarray | None = None,
) -> dict[str, list[tuple]]:
    """For each facet, its values and how many reports have each under the other filters (most first)."""
    return (index or current(store)).counts(flt, within)


def page_and_facets(store: Store, flt: ReportFilter) -> tuple[Page, dict[str, list[tuple]]]:
    """The list page and its facet counts from one look at the index (one read of the store's counter)."""
    index = current(store)
    return list_page(store, flt, index=index), facet_counts(store, flt, index=index)
