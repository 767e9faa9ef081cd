"""Identity records. Every value found in the text keeps the span it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.core.levels import LEVELS  # noqa: F401  (re-exported: the levels a Jurisdiction has)
from fazhi.core.spans import Span


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """The place (or department) a report is about.

    ``code`` is the 6-digit GB/T 2260 code of the jurisdiction itself, so it is
    null for zones, departments and townships, which have none; their
    ``parent_code`` is the code of the division they belong to.
    """

    # Official name; None when the level is plain but the unit is named nowhere
    # (自治区人民政府 with no 自治区 named, 我局 of an unnamed bureau).
    name: str | None
    level: str  # one of LEVELS
    province: str | None = None
    city: str | None = None
    county: str | None = None
    code: str | None = None
    parent_code: str | None = None
    # The units above, as one reads them: 河北省石家庄市; 国务院 for a State Council department.
    parent: str | None = None
    span: Span | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "province": self.province,
            "city": self.city,
            "county": self.county,
            "code": self.code,
            "level": self.level,
            "parent_code": self.parent_code,
            "parent": self.parent,
            "evidence": self.span.to_json() if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Found:
    """A value with the span of text it was read from (None when it came from metadata)."""

    value: object
    span: Span | None
    source: str  # "title", "text", "metadata", "signature", "derived"


@dataclass(frozen=True, slots=True)
class Identity:
    title: Found | None = None
    jurisdiction: Jurisdiction | None = None
    report_year: Found | None = None
    published: Found | None = None
    issuer: Found | None = None
    doc_number: Found | None = None

    @staticmethod
    def _value(found: Found | None) -> object:
        if found is None:
            return None
        if isinstance(found.value, dt.date):
            return found.value.isoformat()
        return found.value

    def to_json(self) -> dict[str, object]:
        evidence = {}
        for name in ("title", "report_year", "published", "issuer", "doc_number"):
            found: Found | None = getattr(self, name)
            if found is not None:
                evidence[name] = {
                    "source": found.source,
                    **(found.span.to_json() if found.span else {}),
                }
        if self.jurisdiction is not None and self.jurisdiction.span is not None:
            evidence["jurisdiction"] = {"source": "text", **self.jurisdiction.span.to_json()}
        return {
            "title": self._value(self.title),
            "jurisdiction": self.jurisdiction.to_json() if self.jurisdiction else None,
            "report_year": self._value(self.report_year),
            "published": self._value(self.published),
            "issuer": self._value(self.issuer),
            "doc_number": self._value(self.doc_number),
            "identity_evidence": evidence,
        }
