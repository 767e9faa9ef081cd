"""The report list: filters (the facets), sorting, paging and facet counts, for the web and exports."""

from __future__ import annotations

from dataclasses import dataclass, replace

import sqlalchemy as sa

from fazhi.store.db import Store
from fazhi.store.schema import reports
from fazhi.store.web_tables import report_rules

LIST_COLUMNS = ("id", "jurisdiction", "level", "province", "city", "report_year", "published", "score",
                "title", "source", "format")
SORTS = {
    "id": reports.c.id, "year": reports.c.report_year, "score": reports.c.score,
    "jurisdiction": reports.c.jurisdiction, "published": reports.c.published,
}
# Score bands as lower bounds; "none" is a report nothing could be scored on.
BANDS = {"90": (90, None), "80": (80, 90), "70": (70, 80), "60": (60, 70), "lt60": (None, 60)}
FACETS = ("province", "city", "level", "year", "band", "rule")
MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class ReportFilter:
    province: str | None = None
    city: str | None = None  # the prefecture
    level: str | None = None
    year: int | None = None
    band: str | None = None
    rule: str | None = None  # a rule the report failed
    sort: str = "-id"  # a key of SORTS, "-" in front for descending
    limit: int = 50
    offset: int = 0

    def conditions(self) -> list[sa.ColumnElement]:
        conds: list[sa.ColumnElement] = []
        for name in ("province", "city", "level"):
            value = getattr(self, name)
            if value:
                conds.append(reports.c[name] == value)
        if self.year is not None:
            conds.append(reports.c.report_year == self.year)
        if self.band == "none":
            conds.append(reports.c.score.is_(None))
        elif self.band in BANDS:
            low, high = BANDS[self.band]
            if low is not None:
                conds.append(reports.c.score >= low)
            if high is not None:
                conds.append(reports.c.score < high)
        if self.rule:
            failed = sa.select(report_rules.c.report_id).where(report_rules.c.rule == self.rule)
            conds.append(reports.c.id.in_(failed))
        return conds

    def order(self, by_index: bool = False) -> list[sa.ColumnElement]:
        """ORDER BY terms. ``by_index``: written as ``id + 0`` so SQLite cannot walk the table in id
        order (reading every row's text on the way) and sorts the covering index's entries instead."""
        key = self.sort.lstrip("-")
        row_id = reports.c.id + 0 if by_index else reports.c.id
        column = row_id if key == "id" or key not in SORTS else SORTS[key]
        if by_index and key == "jurisdiction":
            column = column + ""  # likewise keeps SQLite off ix_reports_jurisdiction and the rows behind it
        primary = column.desc().nulls_last() if self.sort.startswith("-") else column.asc().nulls_last()
        return [primary, row_id.desc()]

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


def _band_expr() -> sa.ColumnElement:
    whens = [(reports.c.score.is_(None), "none")]
    for name, (low, _high) in BANDS.items():
        if low is not None:
            whens.append((reports.c.score >= low, name))
    return sa.case(*whens, else_="lt60")


def list_page(
    store: Store, flt: ReportFilter, within: sa.ColumnElement | None = None, max_limit: int = MAX_LIMIT,
    total: int | None = None,
) -> Page:
    """One page of reports matching the filter (and ``within``, e.g. a search's matches), with the total.

    ``total``: the caller already knows it (a search with no facet filter: its number of matches)."""
    conds = flt.conditions() + ([within] if within is not None else [])
    limit = max(1, min(flt.limit, max_limit))
    # The page's ids first, from the covering facet index (which holds every sort key), then
    # only those rows: sorting the table itself would read every report's text in SQLite.
    page_ids = (sa.select(reports.c.id).where(*conds).order_by(*flt.order(by_index=True))
                .limit(limit).offset(max(0, flt.offset)))
    query = sa.select(*(reports.c[c] for c in LIST_COLUMNS)).where(reports.c.id.in_(page_ids)).order_by(*flt.order())
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
        if total is None:
            total = conn.execute(sa.select(sa.func.count()).select_from(reports).where(*conds)).scalar_one()
    return Page(rows, total, flt)


def _facet_key(facet: str) -> sa.ColumnElement:
    return {"year": reports.c.report_year, "band": _band_expr()}.get(facet, reports.c.get(facet))


def _combined_facet_counts(conn: sa.Connection, facets: list[str], conds: list) -> dict[str, list[tuple]]:
    """SQLite: the counts of several column facets under the same conditions from one GROUP BY.

    SQLite has no GROUPING SETS; grouping by all the facets at once gives each
    combination's count (a few thousand at most), and each facet's counts are
    their sums. One pass over a search's matches instead of one per facet, each
    of which re-read the id list (25-35 ms each for a common word at 10,000 reports).
    """
    keys = [_facet_key(f).label(f) for f in facets]
    query = sa.select(*keys, sa.func.count().label("n")).where(*conds).group_by(*(sa.literal_column(f) for f in facets))
    sums: dict[str, dict] = {f: {} for f in facets}
    for row in conn.execute(query):
        for f in facets:
            value = row._mapping[f]
            if value is not None:
                sums[f][value] = sums[f].get(value, 0) + row._mapping["n"]
    # Most first, then by value, as ORDER BY count(*) DESC, value: SQLite compares text as
    # UTF-8 bytes, which is code point order, as Python compares str.
    return {f: sorted(counts.items(), key=lambda item: (-item[1], item[0])) for f, counts in sums.items()}


def _shared_facet_counts(conn: sa.Connection, facets: list[str], conds: list) -> dict[str, list[tuple]]:
    """PostgreSQL: the counts of several column facets under the same conditions in one scan.

    Every facet the filter leaves unset is counted under the same conditions (the
    whole filter), so one GROUPING SETS query replaces a query each: with a search's
    10,000 matches each separate query re-read the rows and re-planned the id list.
    """
    inner = sa.select(*(_facet_key(f).label(f) for f in facets)).where(*conds).subquery()
    cols = [inner.c[f] for f in facets]
    flags = [sa.func.grouping(c).label("g_" + f) for f, c in zip(facets, cols)]
    query = (sa.select(*flags, *cols, sa.func.count().label("n")).select_from(inner)
             .group_by(sa.func.grouping_sets(*(sa.tuple_(c) for c in cols)))
             # Within each grouping set the other columns are all NULL, so this orders
             # each facet by count, then value, as the one-query-per-facet form did.
             .order_by(sa.func.count().desc(), *cols))
    out: dict[str, list[tuple]] = {f: [] for f in facets}
    for row in conn.execute(query):
        for f in facets:
            if row._mapping["g_" + f] == 0:  # 0: this row groups by f
                if row._mapping[f] is not None:
                    out[f].append((row._mapping[f], row._mapping["n"]))
                break
    return out


def facet_counts(
    store: Store, flt: ReportFilter, within: sa.ColumnElement | None = None,
    rules_within: sa.ColumnElement | None = None,
) -> dict[str, list[tuple]]:
    """For each facet, its values and how many reports each has under the other filters (most first).

    ``rules_within``: ``within`` said of ``report_rules`` rows (a search's ids), so that with no other
    filter the rule facet reads only ``report_rules`` instead of joining it to the matches."""
    extra = [within] if within is not None else []
    result: dict[str, list[tuple]] = {}
    with store.engine.connect() as conn:
        shared: list[str] = []
        shared = [f for f in FACETS if f != "rule" and flt.without(f) == flt]
        if len(shared) > 1:
            count = _shared_facet_counts if store.engine.dialect.name == "postgresql" else _combined_facet_counts
            result.update(count(conn, shared, flt.conditions() + extra))
        else:
            shared = []
        for facet in FACETS:
            if facet in shared:
                continue
            conds = flt.without(facet).conditions() + extra
            if facet == "rule":
                # A subquery, not a join: with no filter it is not run at all, and with one
                # it reads only the facet index, not a reports row per failed rule.
                key = report_rules.c.rule
                query = sa.select(key, sa.func.count()).select_from(report_rules)
                if rules_within is not None and not flt.without(facet).conditions():
                    query = query.where(rules_within)
                elif conds:
                    query = query.where(report_rules.c.report_id.in_(sa.select(reports.c.id).where(*conds)))
            else:
                key = _facet_key(facet)
                query = sa.select(key.label("value"), sa.func.count()).select_from(reports).where(*conds)
            query = query.group_by(key).order_by(sa.func.count().desc(), key)
            result[facet] = [(value, count) for value, count in conn.execute(query) if value is not None]
    return {f: result[f] for f in FACETS}
