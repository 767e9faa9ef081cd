"""Stage order: read -> identity (-> structure, figures, review as they land).

``analyze_path`` is the one function the CLI, the store and the web call.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fazhi import __version__
from fazhi.core.document import Document
from fazhi.core.errors import FazhiError
from fazhi.core.settings import Settings
from fazhi.identity import Identity, identify
from fazhi.ingest import read_bytes, read_path


@dataclass(frozen=True, slots=True)
class Analysis:
    document: Document
    identity: Identity

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
            "fazhi_version": __version__,
            "error": None,
        }


def failure_json(source: str, error: FazhiError, sha256: str | None = None) -> dict[str, object]:
    """The JSON object for a file that could not be analyzed: same keys, values null."""
    return {
        "source": source,
        "sha256": sha256,
        "format": None,
        "encoding": None,
        "title": None,
        "jurisdiction": None,
        "report_year": None,
        "published": None,
        "issuer": None,
        "doc_number": None,
        "noise": [],
        "fazhi_version": __version__,
        "error": error.to_json(),
    }


def analyze_document(document: Document) -> Analysis:
    return Analysis(document=document, identity=identify(document))


def analyze_path(path: str | Path, settings: Settings) -> Analysis:
    return analyze_document(read_path(path, settings))


def analyze_bytes(data: bytes, source: str, settings: Settings) -> Analysis:
    return analyze_document(read_bytes(data, source, settings))
