"""Decisions on findings: struck ones leave the letter, edited ones read as edited, re-analysis keeps what stands."""

from __future__ import annotations

import datetime as dt

from fazhi.letters import build_letter
from fazhi.letters.layout import blocks
from fazhi.letters.typeset import typeset
from fazhi.workflow import Decision, apply_decisions, carry_over, decided_analysis
from fazhi.workflow.decisions import finding_key, fingerprint
from fazhi.workflow.stats import rule_stats

T0 = dt.datetime(2025, 3, 10, 9, tzinfo=dt.timezone.utc)


def _at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def _failed(analysis: dict) -> list[dict]:
    return [f for f in analysis["findings"] if f["status"] == "failed"]


def _letter_text(analysis: dict, text: str, decisions: list[Decision]) -> str:
    decided = apply_decisions(analysis["findings"], decisions, text)
    letter = build_letter(decided_analysis(analysis, decided), text, reviewer=decided.signed_by,
                          date=decided.signed_on)
    return "\n".join(b.text for b in blocks(letter))


def test_a_struck_finding_never_appears_in_the_letter(analyses) -> None:
    analysis, text = analyses[0]
    target = _failed(analysis)[0]
    before = _letter_text(analysis, text, [])
    strike = Decision("strike", "王审核", _at(1), finding_key(target), fingerprint(target), reason="原文第三部分已写明")
    after = _letter_text(analysis, text, [strike])
    message = typeset(target["message"])
    assert message in before and message not in after


def test_an_edited_finding_appears_as_edited(analyses) -> None:
    analysis, text = analyses[0]
    target = _failed(analysis)[1]
    edit = Decision("edit", "王审核", _at(1), finding_key(target), fingerprint(target), message="请补充下一年度工作的时间表。")
    after = _letter_text(analysis, text, [edit])
    assert "请补充下一年度工作的时间表。" in after and typeset(target["message"]) not in after


def test_an_own_finding_is_anchored_to_the_selected_passage(analyses) -> None:
    analysis, text = analyses[0]
    start = text.index("法治")
    add = Decision("add", "王审核", _at(1), "own-1", message="此处表述过于笼统。", start=start, end=start + 10)
    decided = apply_decisions(analysis["findings"], [add], text)
    own = decided.findings[-1]
    assert own["message"] == "此处表述过于笼统。" and own["origin"] == "reviewer"
    span = own["evidence"][0]
    assert text[span["offset"]:span["offset"] + span["length"]] == text[start:start + 10]


def test_the_reviewers_verdict_replaces_the_scores_band(analyses) -> None:
    analysis, text = analyses[0]
    verdict = Decision("verdict", "王审核", _at(1), verdict="需修改")
    assert typeset("审核结论:需修改") in _letter_text(analysis, text, [verdict])


def test_sign_off_removes_the_draft_mark_and_names_the_signer(analyses) -> None:
    analysis, text = analyses[0]
    draft = _letter_text(analysis, text, [])
    signed = _letter_text(analysis, text, [Decision("sign", "王审核", _at(5))])
    assert draft.startswith("初审稿") and "王审核" not in draft
    assert not signed.startswith("初审稿") and "经审核人王审核复核" in signed and "2025年3月10日" in signed


def test_a_decision_after_sign_off_reopens_the_letter(analyses) -> None:
    analysis, text = analyses[0]
    target = _failed(analysis)[0]
    decisions = [
        Decision("sign", "王审核", _at(5)),
        Decision("strike", "王审核", _at(6), finding_key(target), fingerprint(target), reason="误判"),
    ]
    assert not apply_decisions(analysis["findings"], decisions, text).signed


def test_reanalysis_keeps_decisions_on_findings_that_stand_and_lists_changed_ones(analyses) -> None:
    analysis, _ = analyses[0]
    stands, changes = _failed(analysis)[0], _failed(analysis)[1]
    decisions = [
        Decision("confirm", "王审核", _at(1), finding_key(stands), fingerprint(stands)),
        Decision("strike", "王审核", _at(2), finding_key(changes), fingerprint(changes), reason="误判"),
    ]
    new = [dict(f, message="新的规则说法。") if f is changes else f for f in analysis["findings"]]
    carry = carry_over(analysis["findings"], new, decisions)
    assert [d.action for d in carry.kept] == ["confirm"]
    assert [(c.key, c.decision, c.message_after) for c in carry.changed] == [(finding_key(changes), "strike", "新的规则说法。")]
    assert apply_decisions(new, decisions).states == {finding_key(stands): "confirm"}


def test_rule_stats_count_confirms_and_strikes_per_rule(analyses) -> None:
    decided = []
    for analysis, text in analyses:
        failed = _failed(analysis)
        decisions = [Decision("confirm", "王", _at(i), finding_key(f), fingerprint(f)) for i, f in enumerate(failed)]
        plans = next((f for f in failed if f["rule"] == "plans.specific"), None)
        if plans is not None:
            decisions.append(Decision("strike", "王", _at(30), "plans.specific", fingerprint(plans), reason="误判"))
        decided.append(apply_decisions(analysis["findings"], decisions, text))
    stats = {s.rule: s for s in rule_stats(decided)}
    assert stats["plans.specific"].struck == 4 and stats["plans.specific"].strike_rate == 1.0
    assert stats["parts.reasons"].confirmed == 3 and stats["parts.reasons"].struck == 0
    assert rule_stats(decided)[0].rule == "plans.specific"
