"""Stage order: read -> identity -> outline -> figures -> consistency -> review.

``analyze_path`` is the one function the CLI, the store and the web call.
Every stage reads ``Document.masked()`` (noise blanked, offsets unchanged), so
every span in the result indexes ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fazhi import __version__
from fazhi.core.document import Document
from fazhi.core.errors import FazhiError
from fazhi.core.settings import Settings
from fazhi.figures import Figure, Issue, check_consistency, extract_figures
from fazhi.identity import Identity, identify
from fazhi.ingest import read_bytes, read_document, read_path
from fazhi.ingest.base import RawFile
from fazhi.review import Review, ReviewInput, Rulebook, load_rulebook, review
from fazhi.structure import Outline, outline

# Every key of an analysis object, in order; failure_json gives the same ones.
RESULT_KEYS = (
    "source", "sha256", "format", "encoding", "size", "title", "jurisdiction", "report_year", "published",
    "issuer", "doc_number", "identity_evidence", "noise", "pages", "chars", "sections", "coverage", "figures",
    "consistency", "findings", "score", "versions", "fazhi_version", "error",
)


@dataclass(frozen=True, slots=True)
class Analysis:
    document: Document
    identity: Identity
    outline: Outline
    figures: tuple[Figure, ...]
    consistency: tuple[Issue, ...]
    review: Review

    def versions(self) -> dict[str, str]:
        """Versions of everything that decided this result, stored with it."""
        from fazhi.figures import CATALOG_VERSION, FIGURES_DATA_VERSION
        from fazhi.identity import division_table_version

        return {
            "fazhi": __version__,
            "indicator_catalog": CATALOG_VERSION,
            "figures_data": FIGURES_DATA_VERSION,
            "structure_rules": self.outline.rules_version,
            "rulebook": f"{self.review.rulebook} {self.review.rulebook_version}",
            "division_table": division_table_version(),
        }

    def to_json(self) -> dict[str, object]:
        """The `fazhi analyze --json` object: stable names, extra fields allowed."""
        prov = self.document.provenance
        return {
            "source": prov.source,
            "sha256": prov.sha256,
            "format": prov.format,
            "encoding": prov.encoding,
            "size": prov.size,
            **self.identity.to_json(),
            "noise": [n.to_json() for n in self.document.noise],
            "pages": [p.to_json() for p in self.document.pages],
            "chars": len(self.document.text),
            "sections": self.outline.to_json(),
            "coverage": self.outline.coverage([f.span.start for f in self.figures]),
            "figures": [f.to_json() for f in self.figures],
            "consistency": [i.to_json() for i in self.consistency],
            "findings": [f.to_json() for f in self.review.findings],
            "score": self.review.score.to_json(),
            "versions": self.versions(),
            "fazhi_version": __version__,
            "error": None,
        }


def failure_json(source: str, error: FazhiError, sha256: str | None = None) -> dict[str, object]:
    """The JSON object for a file that could not be analyzed: the same keys, values empty."""
    empty_lists = ("noise", "pages", "sections", "figures", "consistency", "findings")
    row: dict[str, object] = dict.fromkeys(RESULT_KEYS)
    row.update({key: [] for key in empty_lists})
    row.update(source=source, sha256=sha256, identity_evidence={}, coverage={}, fazhi_version=__version__,
               error=error.to_json())
    return row


def rulebook_for(settings: Settings) -> Rulebook:
    """The rulebook the settings name (a province's file), else the packaged default."""
    if settings.rulebook is None:
        return load_rulebook()
    path = Path(settings.rulebook)
    stat = path.stat() if path.exists() else None
    return _rulebook_file(str(path), stat.st_mtime_ns if stat else 0)


@lru_cache(maxsize=8)
def _rulebook_file(path: str, mtime_ns: int) -> Rulebook:
    # Keyed by mtime so a batch reads the file once and an edited file is re-read.
    return load_rulebook(path)


def analyze_document(document: Document, rulebook: Rulebook | None = None) -> Analysis:
    text = document.masked()
    identity = identify(document, masked=text)
    structure = outline(text, source=document.text)
    figures = extract_figures(text)
    consistency = check_consistency(figures, text)
    result = review(
        ReviewInput(
            text=text, raw_text=document.text, identity=identity, outline=structure,
            figures=figures, consistency=consistency,
        ),
        rulebook,
    )
    return Analysis(document, identity, structure, figures, consistency, result)


def analyze_path(path: str | Path, settings: Settings) -> Analysis:
    return analyze_document(read_path(path, settings), rulebook_for(settings))


def analyze_bytes(data: bytes, source: str, settings: Settings) -> Analysis:
    return analyze_document(read_bytes(data, source, settings), rulebook_for(settings))


def analyze_raw(raw: RawFile, settings: Settings) -> Analysis:
    """Analyze bytes already read (and hashed) by the caller."""
    return analyze_document(read_document(raw, settings), rulebook_for(settings))
