"""Who wrote a report, about where, for which year: identity from text and metadata."""

from fazhi.identity.divisions import table_version as division_table_version
from fazhi.identity.identify import identify
from fazhi.identity.records import Identity, Jurisdiction

__all__ = ["Identity", "Jurisdiction", "division_table_version", "identify"]
