"""Where sections start and at what level.

Three kinds of report, told apart by their headings:

- *numbered*: the parts carry 一、 (or 第一部分, or an outer enumerator whose
  headings name parts); every enumerator style gets a level by its rank among
  the styles the report uses (一、 1, (一) 2, 1. 3 …);
- *lines*: no 一、, but unnumbered lines such as `存在的问题` open the parts; they
  are level 1 and any numbered headings are ranked from level 2;
- *implicit*: no heading names a part; parts open at paragraphs (`下一步,` /
  `虽然…但还存在…不足`) and numbered headings, if any, rank from level 2.

In the last two kinds a paragraph opener also starts a new top-level part,
and the body before the first part, once the title lines are skipped, is the
measures (the genre always reports the year's work first).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from fazhi.core.spans import Span
from fazhi.structure.headings import STYLES, Candidate, candidate, check_numbering, starts_with_enumerator
from fazhi.structure.lines import Line
from fazhi.structure.matching import is_part_line, part_hits
from fazhi.structure.rules import StructureRules

# An unnumbered heading line is short and is not a sentence.
_LINE_HEADING_MAX = 30
_SENTENCE_MARKS = re.compile(r"[。，,；;！？!?]")
# Sign-off lines after the last paragraph (issuer, date) belong to no section.
_SIGN_OFF = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[（(]此件[^）)]{0,10}[）)]"
    r"|.{2,30}(?:人民政府|委员会|管委会|工委|办公室|政府|局|委|厅|院))$"
)
# Read on folded text (`２０２４年` is `2024年` there), see outline.py.
YEAR = re.compile(r"(20\d{2})\s*年")
# Parts a paragraph can open without a heading (the measures come first anyway).
OPENING_PARTS = ("leaders", "shortcomings", "plans")


@dataclass(frozen=True, slots=True)
class Draft:
    """A section start before ends and parents are known."""

    level: int
    kind: str  # "numbered" | "unnumbered" | "implicit"
    style: str | None
    start: int
    title_start: int
    heading_end: int | None  # None for an implicit part
    opened_by: tuple[str, Span] | None = None  # the paragraph opener that started an implicit part


@dataclass(frozen=True, slots=True)
class Layout:
    mode: str  # "numbered" | "lines" | "implicit"
    drafts: tuple[Draft, ...]
    content_end: int
    heading_lines: Mapping[int, int]  # start of each line holding a heading -> where the heading ends
    part_lines: tuple[Line, ...]  # unnumbered part lines not used as headings (numbered mode)
    year: int | None  # the year under report, see report_year


def lay_out(text: str, lines: tuple[Line, ...], rules: StructureRules) -> Layout:
    content_end = _content_end(lines)
    year = report_year(text)
    body_lines = tuple(line for line in lines if line.start < content_end)
    candidates = [c for line in body_lines if (c := candidate(text, line)) is not None]
    numbered = check_numbering(candidates)
    part_lines = [
        line for i, line in enumerate(body_lines) if i > 0 and _is_line_heading(line, rules)
    ]
    present = [s for s in STYLES if any(c.style == s for c in numbered)]
    if "part" in present or "cn" in present or _names_parts(text, numbered, present, rules):
        mode, base = "numbered", 1
    elif part_lines:
        mode, base = "lines", 2
        # The part lines are the top level here: each one closes the numbered runs.
        numbered = check_numbering(candidates, tuple(ln.start for ln in part_lines))
        present = [s for s in STYLES if any(c.style == s for c in numbered)]
    else:
        mode, base = "implicit", 2
    level = {style: base + i for i, style in enumerate(present)}
    drafts = [Draft(level[c.style], "numbered", c.style, c.start, c.title_start, c.end) for c in numbered]
    heading_lines = {c.line.start: c.end for c in numbered}
    if mode == "numbered":
        return Layout(mode, tuple(drafts), content_end, MappingProxyType(heading_lines), tuple(part_lines), year)

    drafts += [Draft(1, "unnumbered", None, ln.start, ln.start, ln.end) for ln in part_lines]
    heading_lines.update({ln.start: ln.end for ln in part_lines})
    drafts += _opened_parts(text, body_lines, drafts, heading_lines, rules, year)
    drafts.sort(key=lambda d: d.start)
    drafts = _with_lead(text, body_lines, drafts, heading_lines, rules)
    return Layout(mode, tuple(drafts), content_end, MappingProxyType(heading_lines), (), year)


def _names_parts(text: str, numbered: list[Candidate], present: list[str], rules: StructureRules) -> bool:
    """Whether the outermost numbered headings name the parts (`(一)主要举措…(二)存在的问题`).

    Without 一、, `(一)深化“放管服”改革…` are areas of a measures part that
    has no heading; the parts are then found by their openers.
    """
    if not present:
        return False
    outer = [c for c in numbered if c.style == present[0]]
    return any(
        p != "measures" for c in outer for p, _ in part_hits(text, c.title_start, c.end, rules, "heading")
    )


def _is_line_heading(line: Line, rules: StructureRules) -> bool:
    content = line.content
    return (
        len(content) <= _LINE_HEADING_MAX
        and not _SENTENCE_MARKS.search(content)
        and "报告" not in content  # a title, not a part
        and not starts_with_enumerator(content)
        and is_part_line(content, rules)
    )


def _content_end(lines: tuple[Line, ...]) -> int:
    for line in reversed(lines):
        if not (_SIGN_OFF.match(line.content) and not _SENTENCE_MARKS.search(line.content)):
            return line.end
    return 0


def report_year(text: str) -> int | None:
    """The year the report covers, as the year it names most often (the earlier on a tie).

    `到2035年` in the preamble or `2025年,我们将` in the plans are outnumbered by
    the year under report in every report we have seen.
    """
    counts = Counter(int(y) for y in YEAR.findall(text))
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], -y))


def opener_hits(
    text: str, line: Line, rules: StructureRules, parts: tuple[str, ...], year: int | None
) -> list[tuple[str, Span]]:
    """Parts that ``line`` opens as a paragraph.

    A year-led plan opener (`2025年,我市将继续…`) must name a year after the
    report's own ``year``: in the measures `2024年,我县将…` is "in 2024 we put…",
    not a plan.
    """
    hits = part_hits(text, line.start, line.end, rules, "opener", parts)
    kept = []
    for part, span in hits:
        named = YEAR.match(span.surface)
        if part == "plans" and named and year is not None and int(named.group(1)) <= year:
            continue
        kept.append((part, span))
    return kept


def _opened_parts(
    text: str,
    lines: tuple[Line, ...],
    drafts: list[Draft],
    heading_lines: dict[int, int],
    rules: StructureRules,
    year: int | None,
) -> list[Draft]:
    """Implicit top-level parts opened by paragraphs, where no heading opened them."""
    starts = {d.start: d for d in drafts if d.level == 1}
    current: set[str] = {"measures"}  # the body before any part reports the year's work
    problems = False
    opened: list[Draft] = []
    for line in lines:
        if line.start in starts:
            current = _heading_parts(text, starts[line.start], rules)
            problems = bool(current & {"shortcomings", "reasons"})
            continue
        if line.start in heading_lines:
            continue
        allowed = tuple(p for p in OPENING_PARTS if p not in current and may_open(p, current, problems))
        hits = opener_hits(text, line, rules, allowed, year)
        if hits:
            part, span = hits[0]
            opened.append(Draft(1, "implicit", None, line.start, line.start, None, (part, span)))
            current = {part}
            problems = part == "shortcomings"
    return opened


def _heading_parts(text: str, draft: Draft, rules: StructureRules) -> set[str]:
    end = draft.heading_end if draft.heading_end is not None else draft.title_start
    return {p for p, _ in part_hits(text, draft.title_start, end, rules, "heading")}


def may_open(part: str, current: set[str], problems: bool) -> bool:
    """Whether a paragraph opener for ``part`` can start a part inside ``current``.

    `下一步,…` closing a subsection of the measures is that measure's outlook,
    not the report's plans; once problems have been stated it is the plans.
    """
    if part == "plans":
        return problems or not current & {"measures", "leaders"}
    if part == "leaders":
        return "measures" in current
    return True


def _with_lead(
    text: str,
    lines: tuple[Line, ...],
    drafts: list[Draft],
    heading_lines: dict[int, int],
    rules: StructureRules,
) -> list[Draft]:
    """Add the implicit measures part before the first top-level part, unless that part is the measures."""
    first_top = next((d for d in drafts if d.level == 1), None)
    if first_top is not None and first_top.kind == "unnumbered":
        if "measures" in _heading_parts(text, first_top, rules):
            return drafts
    limit = first_top.start if first_top else len(text)
    # Title, issuer and document-number lines carry no sentence marks; the body starts
    # at the first line that does, or at the first numbered heading.
    lead = next(
        (
            ln
            for ln in lines
            if ln.start < limit and (_SENTENCE_MARKS.search(ln.content) or ln.start in heading_lines)
        ),
        None,
    )
    if lead is None:
        return drafts
    return [Draft(1, "implicit", None, lead.start, lead.start, None)] + drafts
