"""Labels in the report's own words, and 其中 parts."""

from __future__ import annotations

import pytest

from tests.figures.helpers import figures, only


def labels(text: str) -> list[str | None]:
    return [f.label for f in figures(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年累计受理行政复议案件66件。", ["受理行政复议案件"]),
        ("组建43个律师团队。", ["组建律师团队"]),
        ("对13起涉企挂案案件调卷审查。", ["涉企挂案案件调卷审查"]),
        ("2023年全县印发行政规范性文件5件。", ["印发行政规范性文件"]),
        ("印发《工作要点》《责任清单》等法治建设工作文件10个。", ["印发法治建设工作文件"]),
        ("明确党委11条、政府10条主要职责。", ["明确党委", "政府主要职责"]),
        ("办理人大代表建议158件、政协提案152件。", ["办理人大代表建议", "政协提案"]),
        ("行政机关负责人出庭应诉率达到95%以上。", ["行政机关负责人出庭应诉率"]),
    ],
)
def test_label_is_the_clause_words(sentence: str, expected: list[str]) -> None:
    assert labels(sentence) == expected


def test_rate_borrows_its_subject() -> None:
    assert labels("受理公开申请124件,办结率100%。") == ["受理公开申请", "受理公开申请办结率"]
    assert labels("法律顾问参与117次,参与率100%。")[1] == "法律顾问参与率"


def test_lone_verb_borrows_the_object() -> None:
    assert labels("撤销执法队伍26支,保留60支。") == ["撤销执法队伍", "保留执法队伍"]


def test_from_and_to_share_a_label() -> None:
    assert labels("企业开办平均办结时限由原来的3天压缩到0.5天。") == ["企业开办平均办结时限"] * 2


def test_second_measure_of_the_same_thing() -> None:
    assert labels("出让“标准地”12宗1629.73亩。") == ["出让“标准地”"] * 2


def test_list_members_share_a_label() -> None:
    assert labels("乡镇权力清单事项分别为87项和25项。") == ["乡镇权力清单事项"] * 2


def test_part_of_a_whole() -> None:
    figs = figures("全年受理行政复议案件66件,其中涉企行政复议案件9件。")
    assert figs[1].part_of == 0 and figs[0].part_of is None
    assert figs[1].label == "涉企行政复议案件"


def test_short_parts_name_their_whole() -> None:
    figs = figures("全市受理法律援助案件共3721件,包括刑事3016件、民事704件、行政1件。")
    assert [f.part_of for f in figs] == [None, 0, 0, 0]
    assert [f.label for f in figs[1:]] == ["受理法律援助案件·刑事", "受理法律援助案件·民事",
                                             "受理法律援助案件·行政"]


def test_part_of_needs_the_same_sentence() -> None:
    figs = figures("受理案件66件。其中涉企案件9件。")
    assert figs[1].part_of is None


def test_label_span_covers_the_label_words() -> None:
    text = "全年累计受理行政复议案件66件。"
    f = figures(text)[0]
    assert f.label_span is not None
    assert "受理行政复议案件" in f.label_span.surface


def test_the_whole_counts_the_same_kind_of_thing() -> None:
    figs = figures("新设立经营主体15236户,同比增长8.9%,其中企业4102户、个体工商户11134户。")
    assert [f.part_of for f in figs] == [None, None, 0, 0]


def test_government_system_scope_is_peeled_at_every_level() -> None:
    plain = only("制定行政规范性文件5件。").label
    for scope in ("省政府系统", "市政府系统", "县政府系统", "区政府系统", "政府系统"):
        assert only(f"{scope}制定行政规范性文件5件。").label == plain, scope
