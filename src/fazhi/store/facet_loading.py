"""Reading the in-memory list index (fazhi.store.facet_index) and keeping it current.

Every insert, update or delete of a report raises ``store_generation.value`` in
the writer's transaction (migration 0007_generation); updates and deletes also
raise ``rewrites``. Each use reads that one row, and then:

- nothing changed: the index in memory answers;
- only inserts: the reports above the highest id held are read and appended
  (a few milliseconds for an ingest's batch of 16), unless the number of reports
  says some were missed (on PostgreSQL two writers may commit their ids out of
  order); then, as after any update or delete, everything is read again
  (~75 ms at 10,000 reports).

The counters are read before the rows, so an index is never older than the
numbers it is filed under: a report stored by an ingest or by another server
process is in the next page anyone loads.
"""

from __future__ import annotations

import json
import threading
import weakref
from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa

from fazhi.store.db import Store, db_errors
from fazhi.store.facet_index import ROW, FacetIndex, Sorter
from fazhi.store.schema import reports
from fazhi.store.web_tables import report_rules, store_generation


def _state(conn: sa.Connection) -> tuple[int, int]:
    row = conn.execute(sa.select(store_generation.c.value, store_generation.c.rewrites)).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def _packed(conn: sa.Connection, *columns) -> sa.ColumnElement:
    """The rows of ``columns`` as one JSON array built by the database: one row, not thousands.

    Python's sqlite3 releases the GIL at every row it steps to, and a read while other
    requests run would wait for it back thousands of times."""
    if conn.dialect.name == "postgresql":
        return sa.func.json_agg(sa.func.json_build_array(*columns))
    return sa.func.json_group_array(sa.func.json_array(*columns))


def _unpacked(value) -> list:
    """``_packed``'s value as Python lists (psycopg decodes JSON itself; NULL: no rows on PostgreSQL)."""
    return (json.loads(value) if isinstance(value, str) else value) or []


def _rows(conn: sa.Connection, after: int | None) -> tuple[int, list]:
    """The number of all reports and the index rows (``ROW``) of those with an id above ``after``,
    from one statement (one snapshot)."""
    columns = [reports.c[c] for c in ROW]
    if conn.dialect.name != "postgresql":  # its JSON writes 15 digits; quote() writes them all
        columns[ROW.index("score")] = sa.case((reports.c.score.is_(None), None),
                                              else_=sa.func.quote(reports.c.score)).label("score")
    inner = sa.select(*columns)
    if after is not None:
        inner = inner.where(reports.c.id > after)
    inner = inner.subquery()
    total = sa.select(sa.func.count()).select_from(reports).scalar_subquery()
    count, value = conn.execute(sa.select(total, _packed(conn, *inner.c))).one()
    return count, _unpacked(value)


def _failed(conn: sa.Connection, after: int | None) -> dict[str, np.ndarray]:
    """Each rule and the ids of the reports (above ``after``) that failed it.

    Everything: aggregated by rule in the database, 15 rows of id lists instead of 70,000
    rows at 10,000 reports. Above an id: the few new pairs as one JSON array, so the
    database walks the (report_id, rule) key from ``after`` on; grouped by rule it would
    walk the rule index through every row (35 ms instead of 1)."""
    if after is None:
        if conn.dialect.name == "postgresql":
            listed = sa.func.string_agg(sa.cast(report_rules.c.report_id, sa.Text), ",")
        else:
            listed = sa.func.group_concat(report_rules.c.report_id, ",")
        query = sa.select(report_rules.c.rule, listed).group_by(report_rules.c.rule)
        return {rule: np.array(ids.split(","), dtype=np.int64) for rule, ids in conn.execute(query)}
    packed = _packed(conn, report_rules.c.report_id, report_rules.c.rule)
    grouped: dict[str, list[int]] = {}
    for report_id, rule in _unpacked(conn.execute(sa.select(packed).where(report_rules.c.report_id > after)).scalar()):
        grouped.setdefault(rule, []).append(report_id)
    return {rule: np.array(ids, dtype=np.int64) for rule, ids in grouped.items()}


def _sorter(conn: sa.Connection) -> Sorter:
    """How place names are ordered: by the database on PostgreSQL (its collation, which
    Python cannot reproduce); SQLite compares text with BINARY, i.e. by code point, as Python does."""
    if conn.dialect.name != "postgresql":
        return sorted
    query = sa.text("SELECT json_agg(v ORDER BY v) FROM unnest(:values) AS t(v)").bindparams(
        sa.bindparam("values", type_=sa.ARRAY(sa.Text)))

    def by_database(values: list) -> list:
        return (conn.execute(query, {"values": values}).scalar() or []) if values else []

    return by_database


def read(conn: sa.Connection, base: FacetIndex | None = None) -> FacetIndex:
    """The index as of now: ``base`` with the reports stored since, or everything read again."""
    generation, rewrites = _state(conn)
    if base is not None and base.rewrites == rewrites and generation > base.generation:
        after = int(base.ids[-1]) if len(base) else None
        count, rows = _rows(conn, after)
        if count == len(base) + len(rows):
            return base.appended(generation, rewrites, rows, _failed(conn, after), _sorter(conn))
    _count, rows = _rows(conn, None)
    return FacetIndex.empty().appended(generation, rewrites, rows, _failed(conn, None), _sorter(conn))


@dataclass
class _Cache:
    index: FacetIndex | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


_caches: weakref.WeakKeyDictionary[Store, _Cache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def current(store: Store) -> FacetIndex:
    """The store's index as of now: brought up to date if any report changed since it was read."""
    with _caches_lock:
        cache = _caches.setdefault(store, _Cache())
    with db_errors("查询"), store.engine.connect() as conn:
        state = _state(conn)
    index = cache.index
    # Not "newer than": a database restored from a copy counts from its own numbers again.
    if index is not None and (index.generation, index.rewrites) == state:
        return index
    if not cache.lock.acquire(blocking=index is None):
        # Another request is bringing the index up to date for a write that committed while
        # this one was arriving: answer from the index before that write rather than queue
        # behind it (during an ingest a new batch lands every half second).
        return cache.index
    try:
        if cache.index is None or (cache.index.generation, cache.index.rewrites) != state:
            with db_errors("查询"), store.engine.connect() as conn:
                cache.index = read(conn, cache.index)
        return cache.index
    finally:
        cache.lock.release()
