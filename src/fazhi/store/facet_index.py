"""Every report's facet values and sort keys in memory, for the list and search.

Why. At 10,000 reports the facet counts were most of a list or search request
(a GROUP BY over the matches: SQLite 20-65 ms, PostgreSQL 30-75 ms, each search
also shipping its 10,000 matching ids back to the database), and sorting a
search's matches took another 5-30 ms. What they need is small: five facet
values, the failed rules and four sort keys, a few dozen bytes a report. Each
process keeps them as numpy arrays and counts, filters and sorts there in a
millisecond or two; the database is then asked only for the 50 rows shown.

Staying current. Every insert, update or delete of a report raises
``store_generation.value`` in the same transaction (migration 0007_generation).
Each use reads that one row first and reloads when it changed (~0.1 s at
10,000 reports), so a report stored by an ingest or by another server process
is in the next page anyone loads. The value is read before the rows, so the
arrays are never older than the number they are filed under.

Orders stay the database's: text and date keys are held as ranks the database
computes (``dense_rank() OVER (ORDER BY key)``), so a PostgreSQL collation
orders the list exactly as its own ORDER BY would.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa

from fazhi.store.db import Store, db_errors
from fazhi.store.schema import reports
from fazhi.store.web_tables import report_rules, store_generation

# Score bands as [low, high); "none" is a report nothing could be scored on. Highest first:
# a score falls in the first band whose lower bound it reaches.
BANDS = {"90": (90, None), "80": (80, 90), "70": (70, 80), "60": (60, 70), "lt60": (None, 60)}
COLUMN_FACETS = {"province": "province", "city": "city", "level": "level", "year": "report_year"}
FACETS = ("province", "city", "level", "year", "band", "rule")
RANKED_KEYS = ("jurisdiction", "published")  # ordered by the database's comparison, held as ranks


@dataclass(frozen=True, slots=True)
class Category:
    """One facet: its distinct values and each report's code into them."""

    values: tuple
    codes: np.ndarray  # int32, one per report
    lookup: dict = field(repr=False)  # value -> code

    @staticmethod
    def of(column: list) -> Category:
        lookup: dict = {}
        codes = np.fromiter((lookup.setdefault(v, len(lookup)) for v in column), dtype=np.int32, count=len(column))
        return Category(tuple(lookup), codes, lookup)

    def counts(self, mask: np.ndarray) -> list[tuple]:
        n = np.bincount(self.codes[mask], minlength=len(self.values))
        return _ranked((v, int(c)) for v, c in zip(self.values, n) if c and v is not None)


def _ranked(pairs) -> list[tuple]:
    """Most first, then by value (code point order for text, as Python compares str)."""
    return sorted(pairs, key=lambda item: (-item[1], item[0]))


def band_of(score: float | None) -> str:
    if score is None:
        return "none"
    return next((name for name, (low, _) in BANDS.items() if low is not None and score >= low), "lt60")


@dataclass(frozen=True, slots=True)
class FacetIndex:
    generation: int
    ids: np.ndarray  # int64, ascending; position i is report ids[i] in every array below
    facets: dict[str, Category]  # province, city, level, year, band
    rules: tuple[str, ...]
    failed: np.ndarray  # bool, reports x rules: the report failed the rule
    keys: dict[str, np.ndarray]  # sort key -> float64, NaN where the report has none
    _orders: dict[str, np.ndarray] = field(default_factory=dict, repr=False)  # sort -> positions in order

    def __len__(self) -> int:
        return len(self.ids)

    # -- filtering ---------------------------------------------------------
    def within(self, report_ids) -> np.ndarray:
        """A mask of the positions of ``report_ids`` (ids not in the index are left out)."""
        pos = _exact(self.ids, np.asarray(report_ids, dtype=np.int64))
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[pos] = True
        return mask

    def passes(self, flt, facet: str) -> np.ndarray | None:
        """The mask of reports the filter's ``facet`` lets through; None when the filter does not set it.

        Mirrors what a filter means everywhere: an empty text is unset, an unknown band is no band."""
        if facet == "rule":
            if not flt.rule:
                return None
            if flt.rule not in self.rules:
                return np.zeros(len(self.ids), dtype=bool)
            return self.failed[:, self.rules.index(flt.rule)]
        value = flt.year if facet == "year" else getattr(flt, facet)
        if facet == "year" and value is None or facet != "year" and not value:
            return None
        if facet == "band" and value != "none" and value not in BANDS:
            return None
        category = self.facets[facet]
        code = category.lookup.get(value)
        if code is None:
            return np.zeros(len(self.ids), dtype=bool)
        return category.codes == code

    def mask(self, flt, within: np.ndarray | None = None, skip: str | None = None) -> np.ndarray:
        """Reports passing every facet of the filter except ``skip``, among ``within``."""
        mask = np.ones(len(self.ids), dtype=bool) if within is None else within.copy()
        for facet in FACETS:
            if facet != skip and (ok := self.passes(flt, facet)) is not None:
                mask &= ok
        return mask

    # -- answers -------------------------------------------------------------
    def counts(self, flt, within: np.ndarray | None = None) -> dict[str, list[tuple]]:
        """For each facet, its values and how many reports have each under the other filters (most first)."""
        whole = self.mask(flt, within)
        out: dict[str, list[tuple]] = {}
        for facet in FACETS:
            mask = whole if self.passes(flt, facet) is None else self.mask(flt, within, skip=facet)
            if facet == "rule":
                n = self.failed[mask].sum(axis=0)
                out[facet] = _ranked((r, int(c)) for r, c in zip(self.rules, n) if c)
            else:
                out[facet] = self.facets[facet].counts(mask)
        return out

    def page(self, flt, within: np.ndarray | None, limit: int, offset: int) -> tuple[list[int], int]:
        """The ids of one page of the reports passing the filter, in the filter's order, and their total."""
        mask = self.mask(flt, within)
        order = self._order(flt.sort)
        chosen = order[mask[order]]
        offset = max(0, offset)
        return [int(i) for i in self.ids[chosen[offset:offset + limit]]], int(len(chosen))

    def _order(self, sort: str) -> np.ndarray:
        """Every position in the order of ``sort`` ("-" in front: descending), missing values last,
        ties by id descending. Computed once per sort and index."""
        if sort not in self._orders:
            key = sort.lstrip("-")
            values = self.keys.get(key, self.keys["id"])
            missing = np.isnan(values)
            primary = np.where(missing, 0.0, -values if sort.startswith("-") else values)
            # lexsort: the last key sorts first.
            self._orders[sort] = np.lexsort((-self.ids, primary, missing))
        return self._orders[sort]


def _exact(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The positions in ``ids`` (ascending) of those ``wanted`` that are there."""
    pos = np.searchsorted(ids, wanted)
    ok = pos < len(ids)
    pos, wanted = pos[ok], wanted[ok]
    return pos[ids[pos] == wanted]


def load(conn: sa.Connection) -> FacetIndex:
    """Read the index from the database; the generation first, so the rows are at least as new."""
    generation = conn.execute(sa.select(store_generation.c.value)).scalar() or 0
    ranks = [sa.func.dense_rank().over(order_by=reports.c[k]).label(k) for k in RANKED_KEYS]
    query = sa.select(reports.c.id, *(reports.c[c] for c in COLUMN_FACETS.values()), reports.c.score,
                      *(reports.c[k].is_(None).label(k + "_missing") for k in RANKED_KEYS), *ranks)
    rows = conn.execute(query.order_by(reports.c.id)).all()
    ids = np.fromiter((r.id for r in rows), dtype=np.int64, count=len(rows))
    scores = [r.score for r in rows]
    facets = {facet: Category.of([r._mapping[column] for r in rows]) for facet, column in COLUMN_FACETS.items()}
    facets["band"] = Category.of([band_of(s) for s in scores])
    keys = {"id": ids.astype(np.float64), "score": _floats(scores), "year": _floats([r.report_year for r in rows])}
    for k in RANKED_KEYS:
        keys[k] = _floats([None if r._mapping[k + "_missing"] else r._mapping[k] for r in rows])
    rules, failed = _failed_rules(conn, ids)
    return FacetIndex(int(generation), ids, facets, rules, failed, keys)


def _floats(values: list) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def _failed_rules(conn: sa.Connection, ids: np.ndarray) -> tuple[tuple[str, ...], np.ndarray]:
    """Each rule with the reports that failed it, aggregated in the database: 15 rows of id lists
    instead of 70,000 rows at 10,000 reports."""
    if conn.dialect.name == "postgresql":
        listed = sa.func.string_agg(sa.cast(report_rules.c.report_id, sa.Text), ",")
    else:
        listed = sa.func.group_concat(report_rules.c.report_id, ",")
    rows = conn.execute(sa.select(report_rules.c.rule, listed).group_by(report_rules.c.rule)
                        .order_by(report_rules.c.rule)).all()
    failed = np.zeros((len(ids), len(rows)), dtype=bool)
    for j, (_rule, listed_ids) in enumerate(rows):
        members = np.array(listed_ids.split(","), dtype=np.int64)
        failed[_exact(ids, members), j] = True  # a report stored after the id list was read is left out
    return tuple(r[0] for r in rows), failed


@dataclass
class _Cache:
    index: FacetIndex | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


_caches: weakref.WeakKeyDictionary[Store, _Cache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def current(store: Store) -> FacetIndex:
    """The store's index as of now: reloaded if any report changed since it was read."""
    with _caches_lock:
        cache = _caches.setdefault(store, _Cache())
    with db_errors("查询"), store.engine.connect() as conn:
        generation = conn.execute(sa.select(store_generation.c.value)).scalar() or 0
        index = cache.index
        if index is not None and index.generation == generation:
            return index
    # Not "newer than": a database restored from a copy counts from its own number again.
    with cache.lock:  # one reload at a time; the others wait for it and use it
        if cache.index is None or cache.index.generation != generation:
            with db_errors("查询"), store.engine.connect() as conn:
                cache.index = load(conn)
        return cache.index
