"""A reviewer's decisions, applied to fazhi's findings.

Decisions are events in an append-only log: the state of a finding is the
last decision on it. Each decision carries the fingerprint of the finding it
was made on (rule, status, message), so after a re-analysis a decision applies
only while the finding it judged still stands; a changed finding is listed
and waits for a new decision. Nothing is ever deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

FINDING_ACTIONS = ("confirm", "strike", "edit")
ACTIONS = (*FINDING_ACTIONS, "add", "verdict", "sign", "send")
ACTION_NAMES = {
    "confirm": "确认", "strike": "删除", "edit": "修改措辞", "add": "补充意见",
    "verdict": "审核结论", "sign": "签发", "send": "送达",
}
VERDICTS = ("合格", "基本合格", "需修改")
OWN_PREFIX = "own-"  # keys of findings a reviewer added, never a rule id


@dataclass(frozen=True, slots=True)
class Decision:
    action: str  # one of ACTIONS
    actor: str  # the reviewer's name as signed
    at: dt.datetime
    finding: str | None = None  # the finding's key (its rule id, or own-N)
    fingerprint: str | None = None  # of the finding as it was when decided
    reason: str | None = None  # why a finding was struck
    message: str | None = None  # an edited message, or an own finding's message
    rule: str | None = None  # an own finding's rule (or None for free text)
    start: int | None = None  # an own finding's anchor in the report text
    end: int | None = None
    verdict: str | None = None
    id: int | None = None


def finding_key(finding: Mapping[str, Any]) -> str:
    return str(finding.get("key") or finding.get("rule"))


def fingerprint(finding: Mapping[str, Any]) -> str:
    """What a decision was made about: the rule, its outcome and what it said."""
    raw = "\x1f".join(str(finding.get(k) or "") for k in ("rule", "status", "message"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def decidable(finding: Mapping[str, Any]) -> bool:
    """Findings a reviewer must decide on: the ones a letter would raise."""
    status = finding.get("status")
    credit = finding.get("credit")
    return status in ("failed", "error") or (status == "passed" and credit is not None and float(credit) < 1)


@dataclass(frozen=True, slots=True)
class Decided:
    """Findings after decisions, and what the letter needs besides them."""

    findings: tuple[dict, ...]  # struck ones left out, edited ones edited, own ones added
    states: Mapping[str, str]  # finding key -> confirm | strike | edit (only decided ones)
    verdict: str | None
    signed_by: str | None
    signed_on: dt.date | None
    sent_on: dt.date | None
    pending: tuple[str, ...]  # keys of findings the letter raises that nobody has decided on

    @property
    def signed(self) -> bool:
        return self.signed_by is not None


def apply_decisions(findings: Sequence[Mapping[str, Any]], decisions: Sequence[Decision], text: str = "") -> Decided:
    by_key = {finding_key(f): f for f in findings}
    last: dict[str, Decision] = {}
    own: dict[str, Decision] = {}
    verdict = signed = sent = None
    last_change = None  # time of the last decision that changes the letter
    for d in sorted(decisions, key=lambda d: (d.at, d.id or 0)):
        if d.action in FINDING_ACTIONS and d.finding:
            target = by_key.get(d.finding)
            if d.finding.startswith(OWN_PREFIX) or (target is not None and fingerprint(target) == d.fingerprint):
                last[d.finding] = d
                last_change = d.at
        elif d.action == "add" and d.finding:
            own[d.finding] = d
            last_change = d.at
        elif d.action == "verdict":
            verdict, last_change = d.verdict, d.at
        elif d.action == "sign":
            signed = d
        elif d.action == "send":
            sent = d
    # A decision after the signature reopens the letter: what was signed is no longer what it says.
    if signed is not None and last_change is not None and last_change > signed.at:
        signed = None
    out: list[dict] = []
    for f in findings:
        key = finding_key(f)
        d = last.get(key)
        if d is not None and d.action == "strike":
            continue
        item = dict(f)
        if d is not None and d.action == "edit" and d.message:
            item["message"] = d.message
            item["edited_by"] = d.actor
        out.append(item)
    for key, d in own.items():
        state = last.get(key)
        if state is not None and state.action == "strike":
            continue
        message = state.message if state is not None and state.action == "edit" and state.message else d.message
        out.append(own_finding(key, d, message or "", text))
    pending = tuple(finding_key(f) for f in findings if decidable(f) and finding_key(f) not in last)
    return Decided(
        findings=tuple(out),
        states={k: d.action for k, d in last.items()},
        verdict=verdict,
        signed_by=signed.actor if signed else None,
        signed_on=signed.at.date() if signed else None,
        sent_on=sent.at.date() if sent and signed else None,
        pending=pending,
    )


def own_finding(key: str, d: Decision, message: str, text: str) -> dict:
    """A reviewer's own finding in the shape of fazhi's, anchored to the passage they selected."""
    evidence = []
    if d.start is not None and d.end is not None and 0 <= d.start < d.end <= len(text):
        evidence.append({"offset": d.start, "length": d.end - d.start})
    return {
        "key": key,
        "rule": d.rule or "reviewer",
        "title": "审核人意见",
        "status": "failed",
        "severity": "warning",
        "message": message,
        "basis": "",
        "evidence": evidence,
        "origin": "reviewer",
        "added_by": d.actor,
    }


def decided_analysis(analysis: Mapping[str, Any], decided: Decided) -> dict:
    """The analysis JSON a letter is built from after decisions.

    This is the one input the letters package takes from a season: the same
    JSON contract as ``fazhi analyze --json``, with ``findings`` replaced by the
    findings after decisions and ``verdict`` holding the reviewer's verdict
    (absent: the letter keeps the band the score gives). Signer and date go to
    ``build_letter(reviewer=..., date=...)``: no signer, a draft.
    """
    out = dict(analysis)
    out["findings"] = [dict(f) for f in decided.findings]
    if decided.verdict:
        out["verdict"] = decided.verdict
    return out


@dataclass(frozen=True, slots=True)
class Change:
    """A finding that is not what it was when the reviewer decided on it."""

    key: str
    title: str
    before: str | None  # status before the re-analysis (None: the finding is new)
    after: str | None  # status now (None: the rule no longer reports it)
    message_before: str | None
    message_after: str | None
    decision: str | None  # the decision that no longer applies (confirm | strike | edit), if any


@dataclass(frozen=True, slots=True)
class Carry:
    kept: tuple[Decision, ...]  # decisions still applying to a finding that stands
    changed: tuple[Change, ...]


def carry_over(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]], decisions: Sequence[Decision]
) -> Carry:
    """What a re-analysis does to the decisions: which still apply, which findings changed."""
    old_by = {finding_key(f): f for f in old}
    new_by = {finding_key(f): f for f in new}
    latest: dict[str, Decision] = {}
    for d in sorted(decisions, key=lambda d: (d.at, d.id or 0)):
        if d.action in FINDING_ACTIONS and d.finding and not d.finding.startswith(OWN_PREFIX):
            latest[d.finding] = d
    kept = tuple(
        d for d in decisions
        if d.action not in FINDING_ACTIONS or not d.finding or d.finding.startswith(OWN_PREFIX)
        or (d.finding in new_by and fingerprint(new_by[d.finding]) == d.fingerprint)
    )
    changed = []
    for key in dict.fromkeys([*old_by, *new_by]):
        before, after = old_by.get(key), new_by.get(key)
        if before is not None and after is not None and fingerprint(before) == fingerprint(after):
            continue
        decision = latest.get(key)
        changed.append(Change(
            key=key,
            title=str((after or before or {}).get("title") or key),
            before=before.get("status") if before else None,
            after=after.get("status") if after else None,
            message_before=before.get("message") if before else None,
            message_after=after.get("message") if after else None,
            decision=decision.action if decision else None,
        ))
    return Carry(kept, tuple(changed))
