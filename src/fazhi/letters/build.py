"""Analysis JSON + source text -> the content of a review letter.

Reads only the JSON contract of ``fazhi analyze --json`` (the same dict the
store keeps), so a letter can be written for a report loaded from the
database as well as for one just analysed.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from fazhi.core.levels import LEVEL_NAMES, LEVELS
from fazhi.letters.data import LetterData, packaged_letter_data
from fazhi.letters.model import Group, Identity, Item, Letter, Verdict
from fazhi.letters.quotes import quote_spans
from fazhi.letters.typeset import typeset
from fazhi.letters.verdict import UNRATED, band_of, score_of, summary_of

MAX_QUOTES = 3  # per finding: enough to find the place, short enough to read
# Who a letter is addressed to when the report names no issuer.
# Places (not zones or departments) are addressed through their 人民政府.
_GOVERNMENT_LEVELS = set(LEVELS) - {"zone", "department"}
_ORDER = {"failed": 0, "partial": 1, "unchecked": 2, "error": 3}
_INSTRUMENT = re.compile(r"《[^》]+》")


def build_letter(
    analysis: Mapping[str, Any],
    text: str,
    reviewer: str | None = None,
    date: dt.date | None = None,
    *,
    data: LetterData | None = None,
    office: str | None = None,
) -> Letter:
    """The letter for one analysis.

    ``reviewer`` is the person who read the letter and signs it off: without one
    the letter is a draft (初审稿,未经人工复核). ``office`` and ``date`` are the
    signature and its date; unset, they are left blank for the reviewer.
    """
    data = data or packaged_letter_data()
    identity = _identity(analysis)
    findings = list(analysis.get("findings") or [])
    fields = {
        "jurisdiction": identity.jurisdiction,
        "year": identity.report_year or "",
        "next_year": identity.report_year + 1 if identity.report_year else "",
    }
    items: list[list[Item]] = [[] for _ in data.groups]
    passed: list[list[str]] = [[] for _ in data.groups]
    for finding in findings:
        group = data.group_of(str(finding.get("rule")), finding.get("part"))
        item = _item(finding, text, analysis.get("sections") or [], data, fields)
        if item is not None:
            items[group].append(item)
        elif finding.get("status") == "passed":
            passed[group].append(typeset(str(finding.get("title") or finding.get("rule"))))
    groups = tuple(
        Group(spec.title, tuple(sorted(its, key=lambda i: (_ORDER[i.kind], i.severity != "error"))), tuple(ps))
        for spec, its, ps in zip(data.groups, items, passed, strict=True)
        if its or ps
    )
    return Letter(
        identity=identity,
        verdict=_verdict(analysis, findings, data),
        groups=groups,
        addressee=_addressee(analysis, identity),
        instruments=tuple(dict.fromkeys(m for f in findings for m in _INSTRUMENT.findall(str(f.get("basis") or "")))),
        reviewer=reviewer or None,
        date=date,
        office=office or None,
        you=_you(analysis),
        strengths=_strengths(findings),
        versions=tuple((str(k), str(v)) for k, v in (analysis.get("versions") or {}).items())
        + (("letters", data.version),),
    )


def _identity(analysis: Mapping[str, Any]) -> Identity:
    place = analysis.get("jurisdiction") or {}
    name = place.get("name") or ""
    above = [p for p in (place.get("province"), place.get("city")) if p and p != name]
    return Identity(
        jurisdiction=name,
        level=LEVEL_NAMES.get(place.get("level") or "", ""),
        place="".join(dict.fromkeys(above)),
        code=place.get("code"),
        report_year=analysis.get("report_year"),
        title=analysis.get("title"),
        published=_date(analysis.get("published")),
        doc_number=analysis.get("doc_number"),
        issuer=analysis.get("issuer"),
        source=PurePath(str(analysis.get("source") or "")).name,
        sha256=str(analysis.get("sha256") or ""),
    )


def _item(
    finding: Mapping[str, Any], text: str, sections: list, data: LetterData, fields: Mapping[str, Any]
) -> Item | None:
    rule = str(finding.get("rule"))
    advice = data.advice(rule)
    status = finding.get("status")
    credit = finding.get("credit")
    if status == "failed":
        kind, template = "failed", advice.failed
    elif status == "passed" and credit is not None and float(credit) < 1:
        kind, template = "partial", advice.partial
    elif status == "not_applicable" and advice.not_applicable:
        kind, template = "unchecked", advice.not_applicable
    elif status == "error":
        kind, template = "error", advice.error
    else:
        return None
    title = str(finding.get("title") or rule)
    basis = str(finding.get("basis") or "")
    quotes, more = ((), 0)
    if advice.quote and kind in ("failed", "partial"):
        quotes, more = quote_spans(text, finding.get("evidence") or [], sections, MAX_QUOTES)
    return Item(
        rule=rule,
        title=typeset(title),
        basis=typeset(basis),
        kind=kind,
        severity=str(finding.get("severity") or ""),
        message=typeset(str(finding.get("message") or "")),
        quotes=quotes,
        more_quotes=more,
        looked_for=typeset(finding["looked_for"]) if finding.get("looked_for") else None,
        suggestion=typeset(
            _fill(template, {**(finding.get("details") or {}), **fields, "title": title, "basis": basis})
        ),
    )


def _verdict(analysis: Mapping[str, Any], findings: list, data: LetterData) -> Verdict:
    band = band_of(analysis, data)
    ruled = (analysis.get("score") or {}).get("verdict") or {}
    # A reviewer's verdict (a season's decided analysis carries it) overrides the score's band,
    # and then the rulebook's caps no longer explain the verdict.
    chosen = analysis.get("verdict")
    if chosen:
        band = next((b for b in data.verdicts if b.label == chosen), band)
        ruled = {"bands": ruled.get("bands") or []}
    statuses = [f.get("status") for f in findings]
    partial = sum(
        1 for f in findings if f.get("status") == "passed" and f.get("credit") is not None and float(f["credit"]) < 1
    )
    return Verdict(
        label=band.label if band else UNRATED,
        score=score_of(analysis),
        summary=summary_of(analysis, band) if band else _unrated(analysis),
        closing=typeset(band.closing) if band else "请核对报告文件后重新报送。",
        checked=len(findings),
        passed=statuses.count("passed") - partial,
        failed=statuses.count("failed"),
        partial=partial,
        unchecked=statuses.count("not_applicable") + statuses.count("error"),
        caps=tuple(dict.fromkeys(typeset(c["reason"]) for c in ruled.get("caps") or [] if c.get("reason"))),
        bands=_bands(ruled.get("bands") or []),
        by_score=str(ruled.get("by_score") or ""),
    )


def _bands(bands: list) -> str:
    """`85分以上为合格,70分以上为基本合格,其余为需修改`: the scale the verdict was read from."""
    parts = [f"{b['min_score']:g}分以上为{b['label']}" for b in bands[:-1]]
    if bands:
        parts.append(f"其余为{bands[-1]['label']}")
    return ",".join(parts)


# Rules whose passing says something about the report's substance, in the order a reader values.
_STRENGTH_RULES = (
    "shortcomings.specific", "plans.specific", "plans.answer", "indicators.core", "measures.results",
    "leaders.substantive", "parts.reasons", "evidence.comparisons", "coverage.areas", "evidence.figures",
    "evidence.documents", "figures.consistent",
)
MAX_STRENGTHS = 4


def _strengths(findings: list) -> tuple[str, ...]:
    """The messages of fully passed substance rules: what the author should keep doing."""
    passed = {str(f.get("rule")): f for f in findings
              if f.get("status") == "passed" and float(f.get("credit") or 0) >= 1}
    picked = [typeset(str(passed[r].get("message") or "")) for r in _STRENGTH_RULES if r in passed]
    return tuple(m for m in picked if m)[:MAX_STRENGTHS]


# How an office addresses the author (你市, 你县 …): by the jurisdiction's last character where it is
# a place or an office, else by its level.
_YOU_SUFFIX = ("省", "市", "县", "区", "旗", "州", "盟", "镇", "乡", "街道", "厅", "局", "委", "办")
_YOU_LEVEL = {"province": "你省", "city": "你市", "county": "你县", "district": "你区", "zone": "你区",
              "department": "你单位", "township": "你镇"}


def _you(analysis: Mapping[str, Any]) -> str:
    place = analysis.get("jurisdiction") or {}
    name = str(place.get("name") or "")
    for suffix in _YOU_SUFFIX:
        if name.endswith(suffix):
            return "你" + ("街道" if suffix == "街道" else suffix)
    if name.endswith(("管委会", "管理委员会")):
        return "你委"
    return _YOU_LEVEL.get(str(place.get("level") or ""), "你单位")


def _unrated(analysis: Mapping[str, Any]) -> str:
    error = analysis.get("error")
    reason = error.get("message") if isinstance(error, Mapping) else None
    return typeset(f"报告未能完成分析({reason}),无法评定。" if reason else "报告未能完成分析,无法评定。")


def _addressee(analysis: Mapping[str, Any], identity: Identity) -> str:
    if identity.issuer:
        return "、".join(identity.issuer.split())
    name, level = identity.jurisdiction, (analysis.get("jurisdiction") or {}).get("level")
    if not name:
        return "报告单位"
    if level in _GOVERNMENT_LEVELS and not name.endswith("人民政府"):
        return f"{name}人民政府"
    if level == "zone":
        return f"{name}管委会"
    return name


class _Blank(dict):
    """A field a finding lacks is left empty rather than breaking the letter."""

    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, fields: Mapping[str, Any]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Blank(fields))
    except (AttributeError, IndexError, KeyError, ValueError, TypeError):
        return re.sub(r"\{[^{}]*\}", "", template)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
