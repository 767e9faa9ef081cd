"""Figures: every quantitative claim in a report, exact, grounded, mapped to an indicator.

    from fazhi.figures import extract_figures, check_consistency, CATALOG_VERSION
    figs = extract_figures(doc.masked())

``CATALOG_VERSION`` is read from ``catalog/index.toml`` and
``FIGURES_DATA_VERSION`` (the versions of ``lexicon.toml`` and
``exclusions.toml``) from those files, on first access, not at import, so
importing fazhi never touches data files.
"""

from __future__ import annotations

from fazhi.figures.consistency import check_consistency
from fazhi.figures.extract import extract_figures
from fazhi.figures.model import Figure, Issue

__all__ = ["CATALOG_VERSION", "FIGURES_DATA_VERSION", "Figure", "Issue", "check_consistency", "extract_figures"]


def __getattr__(name: str) -> str:
    if name == "CATALOG_VERSION":
        from fazhi.figures.catalog import catalog_version

        return catalog_version()
    if name == "FIGURES_DATA_VERSION":
        from fazhi.figures.lexicon import data_version

        return data_version()
    raise AttributeError(f"module 'fazhi.figures' has no attribute {name!r}")
