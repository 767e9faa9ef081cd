"""Wordings met on real report openings: which numbers count and what they count."""

from __future__ import annotations

from tests.figures.helpers import figures, only, texts


def test_a_frequency_under_a_period_counts_even_when_it_is_one() -> None:
    f = only("乡党委每季度听取一次法治建设工作汇报。")
    assert (f.text, f.value, f.unit) == ("一次", 1, "次")


def test_a_lone_one_time_without_a_period_is_still_an_article() -> None:
    assert texts("召开一次专题会议研究法治工作。") == []


def test_comrades_named_after_a_small_chinese_numeral_are_counted() -> None:
    f = only("局系统三名同志获评学习标兵。")
    assert (f.text, f.value, f.unit) == ("三名", 3, "名")


def test_cities_and_counties_are_counted_places() -> None:
    assert texts("对2市4县开展实地督察。") == ["2市", "4县"]


def test_a_city_hotline_is_not_a_count_of_cities() -> None:
    assert texts("12345市长热线受理诉求。") == []


def test_figures_run_together_share_the_words_of_the_last() -> None:
    labels = [f.label for f in figures("对2市4县6个省直单位开展实地督察。")]
    assert labels == ["省直单位开展实地督察"] * 3


def test_a_long_label_keeps_the_words_nearest_the_number() -> None:
    f = only("在市委党校举办的主题班次“生态建设”专题研讨班中设置“生物多样性保护”课程两场次。")
    assert f.label.endswith("课程")


def test_a_second_predicate_after_bing_starts_the_label() -> None:
    f = only("研究制定年度学习计划并组织开展专题讲座12次。")
    assert f.label == "组织开展专题讲座"


def test_a_title_after_the_number_is_not_part_of_the_label() -> None:
    f = only("制定规范性文件1件《关于储备粮管理办法(试行)》。")
    assert f.label == "制定规范性文件"


def test_a_clause_cut_inside_a_title_labels_from_after_the_title() -> None:
    f = only("我局《坚持法治引领,推动生态治理》项目入选全省5个示范项目。")
    assert f.label.startswith("项目入选")


def test_pinyin_annotations_of_a_mirror_are_not_label_words() -> None:
    f = only("組織學(xué)習(xí)培訓(xùn)1.2萬余次。")
    assert "xué" not in f.label and "學習" in f.label


def test_a_frequency_followed_by_its_total_counts() -> None:
    assert texts("组织全区法治专题培训班三期共150人次。") == ["三期", "150人次"]


def test_a_time_of_day_in_chinese_is_not_a_figure() -> None:
    assert texts("发布时间：2023年03月30日 09时24分") == []


def test_a_date_that_lost_its_separators_is_not_a_figure() -> None:
    assert texts("2025730日,该清单在县政府门户网站公布。") == []


def test_figures_explaining_a_quoted_name_are_not_results() -> None:
    assert texts("推行“四个百分百”(案中调解100%、案后释法100%)工作法。") == []


def test_a_round_the_clock_schedule_is_not_a_figure() -> None:
    assert texts("实行7×24小时工作制。") == []


def test_the_legal_minimum_of_two_officers_is_not_a_figure() -> None:
    assert texts("做到执法亮证、两人以上执法。") == []


def test_the_parts_of_the_report_itself_are_not_counted() -> None:
    assert texts("本报告包括主要举措、存在不足、下一步安排三个部分。") == []


def test_a_count_of_times_before_a_plenary_word_is_still_a_count() -> None:
    assert texts("开展4次全体干部学法活动。") == ["4次"]


def test_traditional_lian_xu_counts_a_chinese_numeral() -> None:
    assert texts("連續八年獲評優秀。") == ["八年"]


def test_a_total_after_a_frequency_borrows_its_words() -> None:
    labels = [f.label for f in figures("组织全区法治专题培训班三期共150人次。")]
    assert labels[1] == labels[0] == "组织全区法治专题培训班"


def test_ministries_counted_together_keep_their_unit() -> None:
    f = only("4部委联合印发通知。")
    assert (f.text, f.unit) == ("4部委", "部委")
