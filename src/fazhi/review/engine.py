"""review(input): run every rule of the rulebook, one finding each, then score.

Every rule yields a finding with an explicit status. A check that cannot run
(its input is missing) or that breaks yields status ``error`` with the reason,
and the other rules still run: one bad check must not cost a reviewer the
whole review.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from fazhi.core.errors import FazhiError
from fazhi.core.spans import Span
from fazhi.review.checks import REGISTRY, Outcome
from fazhi.review.context import Context
from fazhi.review.model import Cap, Finding, Review, ReviewInput, Verdict
from fazhi.review.rulebook import Rule, Rulebook, load_rulebook
from fazhi.review.score import score_findings

_DEFAULT_MESSAGES = {
    "not_applicable": "{title}:不适用({reason})。",
    "error": "{title}:未能检查({reason})。",
}
_CREDIT_PLACES = 4  # the JSON carries credit to 4 places; so does the score, to agree with it


def review(inp: ReviewInput, rulebook: Rulebook | None = None) -> Review:
    """Check one report against ``rulebook`` (default: the packaged 2019 规定)."""
    book = rulebook or load_rulebook()
    ctx = Context(inp)
    findings = tuple(_run(ctx, rule) for rule in book.rules)
    score = score_findings(findings)
    score = replace(score, verdict=verdict_of(score.total, findings, book))
    return Review(findings=findings, score=score, rulebook=book.name, rulebook_version=book.version)


def verdict_of(total: float | None, findings: tuple[Finding, ...], book: Rulebook) -> Verdict | None:
    """The band the score reaches, then the lowest cap among the failed rules the rulebook names."""
    if total is None or not book.verdicts:
        return None
    labels = [label for label, _ in book.verdicts]
    by_score = next((label for label, low in book.verdicts if total >= low), labels[-1])
    failed = {f.rule: f for f in findings if f.status == "failed"}
    caps = []
    for cap in book.caps:
        for rule in cap.rules:
            if rule in failed:
                caps.append(Cap(rule, failed[rule].title, cap.verdict, cap.reason))
    caps.sort(key=lambda c: -labels.index(c.label))
    label = by_score
    if caps and labels.index(caps[0].label) > labels.index(by_score):
        label = caps[0].label
    return Verdict(label, by_score, tuple(caps), book.verdicts)


def _run(ctx: Context, rule: Rule) -> Finding:
    spec = REGISTRY[rule.check]
    try:
        outcome = _grounded(ctx, spec.run(ctx, rule.params))
    except FazhiError as exc:
        outcome = Outcome("error", details=MappingProxyType({"reason": exc.message}))
    except Exception as exc:  # noqa: BLE001 - a bug in one check must not hide the other findings
        reason = f"检查程序出错 {type(exc).__name__}: {exc}"
        outcome = Outcome("error", details=MappingProxyType({"reason": reason}))
    return Finding(
        rule=rule.id,
        version=rule.version,
        status=outcome.status,
        severity=rule.severity,
        message=_message(rule, outcome),
        evidence=outcome.evidence,
        looked_for=outcome.looked_for,
        part=rule.part,
        title=rule.title,
        basis=rule.basis,
        weight=rule.weight,
        credit=round(outcome.credit, _CREDIT_PLACES) if outcome.status in ("passed", "failed") else 0.0,
        details=outcome.details,
    )


def _grounded(ctx: Context, outcome: Outcome) -> Outcome:
    """Evidence checked against the text it was cut from, then cut from the source text, once each.

    This is where every finding's evidence comes to quote ``Document.text``.
    The checks cut from it already (``Context.span``); spans of the earlier
    stages may come from the masked text instead (the figures, an outline read
    without ``source``). The two texts differ only inside furniture, so a span
    crossing a page footer still points at the right characters. A span
    matching neither is a bug, and the finding says so (status error).
    """
    spans: dict[tuple[int, int], Span] = {}
    for span in outcome.evidence:
        if ctx.input.text[span.start : span.end] != span.surface:
            span.check(ctx.source)
        # Blanks at either end quote nothing (a date span that took the spaces after it).
        start = span.start + len(span.surface) - len(span.surface.lstrip())
        end = max(start, span.end - (len(span.surface) - len(span.surface.rstrip())))
        spans.setdefault((start, end), Span.of(ctx.source, start, end))
    return replace(outcome, evidence=tuple(spans.values()))


class _Fields(dict):
    """Template fields; a field an outcome does not set reads as empty, never as a crash."""

    def __missing__(self, key: str) -> str:
        return ""


def _message(rule: Rule, outcome: Outcome) -> str:
    keys = ([f"{outcome.status}.{outcome.variant}"] if outcome.variant else []) + [outcome.status]
    template = next((rule.messages[k] for k in keys if k in rule.messages), None)
    template = template or _DEFAULT_MESSAGES[outcome.status]
    fields = _Fields(title=rule.title, basis=str(rule.basis), reason="")
    fields.update(outcome.details)
    try:
        return template.format_map(fields)
    except (ValueError, TypeError, IndexError, KeyError):
        # A format spec that does not fit the value (`{count:.1f}` on a string):
        # say what happened plainly rather than lose the finding.
        return f"{rule.title}:{outcome.status}(消息模板无法套用: {template})"
