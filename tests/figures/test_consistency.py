"""Consistency checks among a report's figures."""

from __future__ import annotations

from fazhi.figures import check_consistency
from tests.figures.helpers import figures


def codes(text: str) -> list[str]:
    issues = check_consistency(figures(text), text)
    for issue in issues:
        for span in issue.evidence:
            span.check(text)
    return [i.code for i in issues]


def test_rate_above_100() -> None:
    assert codes("行政机关负责人出庭应诉率达105%。") == ["rate_above_100"]


def test_growth_above_100_is_fine() -> None:
    assert codes("新收行政复议案件1472件,同比增长146.57%。") == []


def test_part_larger_than_whole() -> None:
    assert codes("受理行政复议案件66件,其中涉企行政复议案件96件。") == ["part_exceeds_whole"]
    assert codes("受理行政复议案件66件,其中涉企行政复议案件9件。") == []


def test_parts_summing_above_whole() -> None:
    text = "受理法律援助案件共3721件,包括刑事3016件、民事804件、行政1件。"
    assert codes(text) == ["parts_exceed_whole"]
    assert codes("受理法律援助案件共3721件,包括刑事3016件、民事704件、行政1件。") == []


def test_rate_contradicting_its_counts() -> None:
    ok = "各行政执法单位474名行政执法人员参加考试,通过353人,通过率74.5%。"
    assert codes(ok) == []
    bad = "各行政执法单位474名行政执法人员参加考试,通过353人,通过率84.5%。"
    assert codes(bad) == ["rate_contradicts_counts"]


def test_truncated_rate_is_tolerated() -> None:
    assert codes("受理各类矛盾纠纷1781起,调解成功1766起,化解成功率99.15%。") == []


def test_rate_without_its_own_numerator_is_not_checked() -> None:
    # 满意率 has no numerator in the text: 152/158 says nothing about it.
    assert codes("办理人大代表建议158件、政协提案152件,办复率、见面率、满意率均为100%。") == []


def test_change_contradicting_its_pair() -> None:
    assert codes("总数从1171户下降至679户,降幅达42%。") == []
    assert codes("总数从1171户下降至679户,降幅达52%。") == ["change_contradicts_pair"]


def test_accepted_split() -> None:
    assert codes("全年收到复议申请138件,立案受理135件,不予受理3件。") == []
    assert codes("全年收到复议申请138件,立案受理130件,不予受理3件。") == ["accepted_split_mismatch"]
    assert codes("受理行政许可22987件,作出行政许可22890件,不予许可97件。") == []


def test_issue_json_shape() -> None:
    text = "出庭应诉率达105%。"
    issue = check_consistency(figures(text), text)[0]
    data = issue.to_json()
    assert set(data) == {"code", "message", "figures", "evidence"}
    assert data["figures"] == [0] and data["evidence"][0]["offset"] == text.index("105%")
