"""Every report's facet values and sort keys in memory, for the list and search.

Why. At 10,000 reports the facet counts were most of a list or search request
(a GROUP BY over the matches: SQLite 20-65 ms, PostgreSQL 30-75 ms, each search
also shipping its 10,000 matching ids back to the database), and sorting a
search's matches took another 5-30 ms. What they need is small: five facet
values, the failed rules, four sort keys and the few columns a list row shows,
a couple of hundred bytes a report. Each process keeps them (numpy arrays for
what is counted and sorted) and counts, filters, sorts and fills a page there
in a millisecond or two. The list's rows are held too because in SQLite a
row's title lies after its text, on overflow pages: fifty rows meant reading
some 250 pages, from disk when the file had left the page cache.

An index is never changed once made: a newer one is made beside it
(``FacetIndex.appended``), so a request holding the old one finishes on it.
fazhi.store.facet_loading reads it and keeps it current.

Orders stay the database's: text sort keys are held as each value's place among
the distinct values, put in order by a function the loader gives (on PostgreSQL
the database sorts them, so its collation orders the list as its ORDER BY
would); dates sort as their ISO text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

# Score bands as [low, high); "none" is a report nothing could be scored on. Highest first:
# a score falls in the first band whose lower bound it reaches.
BANDS = {"90": (90, None), "80": (80, 90), "70": (70, 80), "60": (60, 70), "lt60": (None, 60)}
FACETS = ("province", "city", "level", "year", "band", "rule")
COLUMN_FACETS = ("province", "city", "level", "year", "band")  # the facets held as a Category
# The columns each index row holds, in this order (fazhi.store.facet_loading reads them so).
ROW = ("id", "province", "city", "level", "report_year", "score", "jurisdiction", "published", "title", "source",
       "format")
SHOWN = ("title", "source", "format")  # held only to be shown in the list
ORDERED = ("jurisdiction", "published")  # sort keys held as places among their distinct values
Sorter = Callable[[list], list]  # distinct non-null values -> the same values in the database's order


@dataclass(frozen=True, slots=True)
class Category:
    """One facet: its distinct values and each report's code into them."""

    values: tuple
    codes: np.ndarray  # int32, one per report
    lookup: dict = field(repr=False)  # value -> code

    @staticmethod
    def of(column: Sequence) -> Category:
        return Category((), np.zeros(0, dtype=np.int32), {}).extended(column)

    def extended(self, column: Sequence) -> Category:
        """This category with more reports at the end (new values get new codes)."""
        lookup = dict(self.lookup)
        for value in dict.fromkeys(column):  # the distinct values, in first-seen order
            if value not in lookup:
                lookup[value] = len(lookup)
        codes = np.fromiter(map(lookup.__getitem__, column), dtype=np.int32, count=len(column))
        return Category(tuple(lookup), np.concatenate([self.codes, codes]), lookup)

    def value(self, position: int):
        return self.values[self.codes[position]]

    def places(self, sorter: Sorter) -> np.ndarray:
        """Each report's place among the distinct values in order (NaN where it has none)."""
        ordered = sorter([v for v in self.values if v is not None])
        place = {v: float(i) for i, v in enumerate(ordered)}
        return np.array([place.get(v, np.nan) for v in self.values], dtype=np.float64)[self.codes]

    def counts(self, mask: np.ndarray) -> list[tuple]:
        n = np.bincount(self.codes[mask], minlength=len(self.values))
        return _ranked((v, int(c)) for v, c in zip(self.values, n) if c and v is not None)


def _ranked(pairs) -> list[tuple]:
    """Most first, then by value (code point order for text, as Python compares str)."""
    return sorted(pairs, key=lambda item: (-item[1], item[0]))


def bands_of(scores: np.ndarray) -> list[str]:
    """Each score's band (NaN: "none"): the first band, from the top, whose lower bound it reaches."""
    bands = np.full(len(scores), "lt60", dtype=object)
    for name, (low, _high) in reversed(BANDS.items()):  # lowest bound first, so higher ones overwrite
        if low is not None:
            bands[scores >= low] = name
    bands[np.isnan(scores)] = "none"
    return bands.tolist()


@dataclass(frozen=True, slots=True)
class FacetIndex:
    generation: int  # store_generation.value it was read at
    rewrites: int  # store_generation.rewrites: updates and deletes it has seen
    ids: np.ndarray  # int64, ascending; position i is report ids[i] in every array below
    facets: dict[str, Category]  # province, city, level, year, band
    ordered: dict[str, Category]  # jurisdiction, published: the values of the ordered sort keys
    rules: tuple[str, ...]
    failed: np.ndarray  # bool, reports x rules: the report failed the rule
    keys: dict[str, np.ndarray]  # sort key -> float64, NaN where the report has none
    shown: dict[str, list]  # title, source, format of each report
    _orders: dict[str, np.ndarray] = field(default_factory=dict, repr=False)  # sort -> positions in order

    @staticmethod
    def empty() -> FacetIndex:
        none = Category.of(())
        return FacetIndex(0, 0, np.zeros(0, dtype=np.int64), dict.fromkeys(COLUMN_FACETS, none),
                          dict.fromkeys(ORDERED, none), (), np.zeros((0, 0), dtype=bool),
                          {k: _floats(()) for k in ("id", "score", "year", *ORDERED)}, {k: [] for k in SHOWN})

    def appended(self, generation: int, rewrites: int, rows: list[Sequence], failed: dict[str, np.ndarray],
                 sorter: Sorter) -> FacetIndex:
        """A new index: this one's reports and ``rows`` (columns as ``ROW``, ids above this index's).

        ``failed``: each rule and the ids among ``rows`` that failed it."""
        rows = sorted(rows, key=lambda r: r[0])
        cols = dict(zip(ROW, zip(*rows))) if rows else {c: () for c in ROW}
        new_ids = np.array(cols["id"], dtype=np.int64)
        ids = np.concatenate([self.ids, new_ids])
        # SQLite sends scores as text at full precision (its JSON writes 15 digits).
        scores = _floats([None if v is None else float(v) for v in cols["score"]])
        years = _floats(cols["report_year"])
        columns = {"province": cols["province"], "city": cols["city"], "level": cols["level"],
                   "year": cols["report_year"], "band": bands_of(scores)}
        facets = {f: self.facets[f].extended(column) for f, column in columns.items()}
        ordered = {k: self.ordered[k].extended(cols[k]) for k in ORDERED}
        rules = self.rules + tuple(r for r in sorted(failed) if r not in self.rules)
        matrix = np.zeros((len(ids), len(rules)), dtype=bool)
        matrix[: len(self.ids), : len(self.rules)] = self.failed
        for rule, members in failed.items():
            matrix[len(self.ids) + _exact(new_ids, members), rules.index(rule)] = True
        keys = {"id": ids.astype(np.float64),
                "score": np.concatenate([self.keys["score"], scores]),
                "year": np.concatenate([self.keys["year"], years]),
                "jurisdiction": ordered["jurisdiction"].places(sorter),
                "published": ordered["published"].places(sorted)}  # ISO dates sort as the dates do
        shown = {k: self.shown[k] + list(cols[k]) for k in SHOWN}
        return FacetIndex(generation, rewrites, ids, facets, ordered, rules, matrix, keys, shown)

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self, report_ids: list[int]) -> list[dict]:
        """The list's columns of these reports, in the order given, as the database would give them."""
        out = []
        for i in _exact(self.ids, np.asarray(report_ids, dtype=np.int64)).tolist():
            score, published = self.keys["score"][i], self.ordered["published"].value(i)
            out.append({
                "id": int(self.ids[i]), "jurisdiction": self.ordered["jurisdiction"].value(i),
                "level": self.facets["level"].value(i), "province": self.facets["province"].value(i),
                "city": self.facets["city"].value(i), "report_year": self.facets["year"].value(i),
                "published": dt.date.fromisoformat(published) if published else None,
                "score": None if np.isnan(score) else float(score),
                **{k: self.shown[k][i] for k in SHOWN},
            })
        return out

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
        key = sort.lstrip("-")
        if key not in self.keys:  # any other sort is by id; one cache entry, whatever was asked
            sort, key = ("-id" if sort.startswith("-") else "id"), "id"
        if sort not in self._orders:
            values = self.keys[key]
            missing = np.isnan(values)
            primary = np.where(missing, 0.0, -values if sort.startswith("-") else values)
            # lexsort: the last key sorts first.
            self._orders[sort] = np.lexsort((-self.ids, primary, missing))
        return self._orders[sort]


def _floats(values: Sequence) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def _exact(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The positions in ``ids`` (ascending) of those ``wanted`` that are there."""
    pos = np.searchsorted(ids, wanted)
    ok = pos < len(ids)
    pos, wanted = pos[ok], wanted[ok]
    return pos[ids[pos] == wanted]
