"""The content of a review letter, as frozen records; the renderers only lay it out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Identity:
    """Who wrote the report and which file was reviewed."""

    jurisdiction: str
    level: str  # in Chinese (县级, 地级市 …), "" when unknown
    place: str  # the province/city above the jurisdiction, "" when unknown
    code: str | None
    report_year: int | None
    title: str | None
    published: dt.date | None
    doc_number: str | None
    issuer: str | None
    source: str  # the file name as reviewed
    sha256: str

    @property
    def sha_short(self) -> str:
        return self.sha256[:12]


@dataclass(frozen=True, slots=True)
class Quote:
    """The source text at one evidence span, with a little context on each side.

    ``marked`` is the evidence itself (shortened with … when long); ``before``
    and ``after`` are context from the same line, and ``cut_before``/``cut_after``
    say whether the line went on past them. ``where`` names the section.
    """

    before: str
    marked: str
    after: str
    cut_before: bool
    cut_after: bool
    where: str | None


@dataclass(frozen=True, slots=True)
class Item:
    """One finding the author must act on (or could not be checked)."""

    rule: str
    title: str
    basis: str
    kind: str  # failed | partial | unchecked | error
    severity: str
    message: str
    quotes: tuple[Quote, ...]
    more_quotes: int  # evidence spans left out of the letter
    looked_for: str | None  # shown as 未找到:… when set
    suggestion: str


@dataclass(frozen=True, slots=True)
class Group:
    title: str
    items: tuple[Item, ...]
    passed: tuple[str, ...]  # titles of the rules of this group that passed in full


@dataclass(frozen=True, slots=True)
class Verdict:
    label: str
    score: float | None
    summary: str
    closing: str
    checked: int  # rules that ran and were scored or reported
    passed: int
    failed: int
    partial: int
    unchecked: int  # not applicable or could not run


@dataclass(frozen=True, slots=True)
class Letter:
    identity: Identity
    verdict: Verdict
    groups: tuple[Group, ...]
    addressee: str
    instruments: tuple[str, ...]  # the laws the findings cite, for the opening sentence
    reviewer: str | None
    date: dt.date
    versions: tuple[tuple[str, str], ...]  # rulebook, catalog, fazhi, letters: stored with the letter
    # A season's letter before sign-off carries the 初审稿 mark; a signed one, or a
    # letter from `fazhi review` (no season, no sign-off), does not.
    draft: bool = False

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for group in self.groups for item in group.items)
