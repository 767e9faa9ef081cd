"""Persistence: originals by sha256, reports and their analyses. SQLite by default, PostgreSQL by URL."""

from fazhi.store import season_schema, web_tables  # noqa: F401  (declare their tables on the one metadata)
from fazhi.store.db import Store, open_store

__all__ = ["Store", "open_store"]
