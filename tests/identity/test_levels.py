"""Identity at every level: current divisions, townships, departments, roles, mirrors (issue 8)."""

from __future__ import annotations

from fazhi.core.document import Document, Provenance
from fazhi.core.spans import NoiseSpan, Span
from fazhi.identity import division_table_version, identify

_PROV = Provenance("x.txt", "txt", "utf-8", "0" * 64, 0)


def ident(text: str, noise: tuple[NoiseSpan, ...] = ()) -> dict:
    got = identify(Document(text, _PROV, noise=noise)).to_json()
    where = got["jurisdiction"]
    if where is not None:
        ev = where["evidence"]
        assert text[ev["offset"] : ev["offset"] + ev["length"]], "evidence must cover text"
    return got


def where(text: str, noise: tuple[NoiseSpan, ...] = ()) -> dict | None:
    j = ident(text, noise)["jurisdiction"]
    return {k: v for k, v in j.items() if v is not None and k != "evidence"} if j else None


def test_division_table_is_current_and_dated() -> None:
    assert "2025-12-31" in division_table_version()


def test_district_created_from_a_former_city() -> None:
    got = where("济南市莱芜区人民政府关于2023年度法治政府建设情况的报告\n2023年,全区……。")
    assert (got["name"], got["level"], got["city"], got["code"]) == ("莱芜区", "district", "济南市", "370116")


def test_county_level_city_created_recently() -> None:
    got = where("四川省会理市人民政府2023年法治政府建设年度报告\n……。")
    assert (got["name"], got["level"], got["code"]) == ("会理市", "county", "513402")


def test_districts_that_were_cities_before() -> None:
    assert where("即墨区2023年法治政府建设情况报告\n……。")["code"] == "370215"
    assert where("蓬莱区2023年法治政府建设情况报告\n……。")["code"] == "370614"


def test_street_alone_resolves_to_its_county_from_the_text() -> None:
    text = "西城街道2024年法治政府建设工作总结\n2024年,西城街道在潼关县委、县政府领导下……潼关县……。"
    got = where(text)
    assert (got["name"], got["level"], got["county"], got["parent_code"]) == ("西城街道", "township", "潼关县", "610522")


def test_township_whose_county_is_named_nowhere_keeps_a_null_parent() -> None:
    got = where("东关镇人民政府关于2024年度法治政府建设工作的报告\n2024年,东关镇坚持……。")
    assert got == {"name": "东关镇", "level": "township"}


def test_state_council_department_has_the_state_council_as_parent() -> None:
    got = where("司法部2023年法治政府建设年度报告\n2023年,司法部坚持……。")
    assert (got["name"], got["level"], got["parent"]) == ("司法部", "department", "国务院")


def test_department_named_by_role_gets_the_place_the_text_names() -> None:
    text = "2022年,县司法局紧紧围绕县委、县政府中心工作,为我县发展提供保障。\n一、主要工作\n潼关县公共法律服务……潼关县……。"
    got = where(text)
    assert (got["name"], got["level"], got["parent_code"]) == ("潼关县司法局", "department", "610522")


def test_short_department_name_is_read_as_the_official_one() -> None:
    got = where("莆田市市场监管局2022年法治政府建设工作报告\n2022年……。")
    assert (got["name"], got["level"]) == ("莆田市市场监督管理局", "department")


def test_department_of_a_city_that_calls_itself_our_bureau_takes_the_site_name() -> None:
    text = "主办单位:汕头市生态环境局\n2023年,我局坚持生态环境法治,污染防治攻坚,生态环境执法,生态环境质量改善。\n"
    noise = (NoiseSpan(Span.of(text, 0, 13), "footer"),)
    got = where(text, noise)
    assert (got["name"], got["level"]) == ("汕头市生态环境局", "department")


def test_district_police_branch_belongs_to_its_district() -> None:
    got = where("北京市公安局朝阳分局2023年法治政府建设情况报告\n2023年……。")
    assert (got["level"], got["county"], got["parent_code"]) == ("department", "朝阳区", "110105")


def test_province_named_only_by_role_resolves_from_the_text() -> None:
    text = "省人民政府关于2020年度推进法治政府建设情况的报告\n2020年是湖北极不平凡的一年,湖北全省……。"
    got = where(text)
    assert (got["name"], got["level"], got["code"]) == ("湖北省", "province", "420000")


def test_role_with_no_place_anywhere_keeps_its_level_and_a_null_name() -> None:
    got = where("省人民政府关于2020年度法治政府建设情况的报告\n2020年,省政府坚持依法行政。")
    assert (got.get("name"), got["level"], got.get("code")) == (None, "province", None)


def test_city_role_with_no_place_anywhere_stays_null() -> None:
    # 市 may be a municipality, a prefecture or a county-level city: not even the level is known.
    assert ident("市人民政府关于2020年度法治政府建设情况的报告\n2020年,市政府坚持依法行政。")["jurisdiction"] is None


def test_bureau_that_calls_itself_ours_and_is_named_nowhere_is_a_nameless_department() -> None:
    got = where("2024年,我局深入贯彻法治政府建设要求,落实县委、县政府部署。现将我局法治政府建设情况报告如下:")
    assert (got.get("name"), got["level"]) == (None, "department")


def test_field_word_of_a_department_is_not_a_county_short_name() -> None:
    # 公安 is the short name of 公安县 and the field of every police bureau; 共和 sits in 中华人民共和国.
    text = ("2024年,我局深入贯彻《中华人民共和国宪法》,落实县委、县政府部署,全面推进公安法治建设,"
            "提升公安机关依法行政水平和公安队伍素质,维护全县治安稳定。现将我局情况报告如下:")
    assert where(text).get("name") is None


def test_prefecture_speaking_of_several_of_its_units_is_the_prefecture() -> None:
    text = ("2025年,市政府坚持依法行政,推进法治湛江建设。现将有关情况报告如下。\n"
            "其中,赤坎区推进人民调解;麻章区建设学习阵地;吴川市整合调解力量;吴川市法院支持。")
    got = where(text)
    assert (got["name"], got["level"]) == ("湛江市", "city")


def test_autonomous_prefecture_written_short_is_a_city() -> None:
    got = where("凉山州人民政府2023年法治政府建设年度报告\n2023年……。")
    assert (got["name"], got["level"], got["code"]) == ("凉山彝族自治州", "city", "513400")


def test_league_is_a_city_and_banner_a_county() -> None:
    assert where("锡林郭勒盟2023年法治政府建设情况报告\n……。")["level"] == "city"
    assert where("杭锦旗人民政府2022年法治政府建设情况报告\n……。")["level"] == "county"


def test_autonomous_county_written_short_gets_its_official_name() -> None:
    got = where("紫云自治县2024年度法治政府建设工作报告\n2024年……。")
    assert (got["name"], got["level"]) == ("紫云苗族布依族自治县", "county")


def test_phrases_of_the_preamble_are_never_places() -> None:
    assert ident("现将县2023年法治政府建设情况报告如下。\n……")["jurisdiction"] is None
    assert ident("在区委依法治区委员会的领导下,2023年法治政府建设取得成效。")["jurisdiction"] is None


def test_site_clock_never_sets_the_report_year() -> None:
    assert ident("今天是2019年12月3日 星期二\n2023年,我县坚持依法行政,现将有关情况报告如下。")["report_year"] == 2023


def test_report_year_from_a_paragraph_after_a_title_without_one() -> None:
    text = "市人民政府关于法治政府建设情况的报告\n市人大常委会:\n现就法治政府建设情况报告如下。\n2023年,全市坚持依法行政。"
    assert ident(text)["report_year"] == 2023


def test_traditional_mirror_is_read_as_simplified_with_evidence_as_printed() -> None:
    text = "陸渡街道辦事處2023年度法治政府建設年度報告\n2023年,陸渡街道堅持依法行政,推進法治政府建設,現將有關情況報告如下。"
    got = ident(text)
    ev = got["jurisdiction"]["evidence"]
    assert (got["jurisdiction"]["name"], text[ev["offset"] : ev["offset"] + ev["length"]]) == ("陆渡街道", "陸渡街道")


def test_pinyin_annotations_of_a_mirror_are_read_through() -> None:
    text = "內(nèi)蒙古自治區(qū)人民政府關(guān)于2021年度法治政府建設(shè)情況的報(bào)告\n2021年,自治區(qū)人民政府堅持依法行政。"
    got = ident(text)
    ev = got["jurisdiction"]["evidence"]
    assert got["jurisdiction"]["name"] == "内蒙古自治区"
    assert text[ev["offset"] : ev["offset"] + ev["length"]] == "內(nèi)蒙古自治區(qū)"
    assert got["title"] == text.splitlines()[0]


def test_jurisdiction_evidence_is_listed_with_the_other_fields() -> None:
    got = ident("赵县人民政府2022年度法治政府建设情况报告\n2022年……。")
    ev = got["identity_evidence"]["jurisdiction"]
    assert (ev["offset"], ev["length"]) == (0, 2)


def test_township_that_says_our_township_is_named_from_the_text() -> None:
    text = "2024年,我乡法治政府建设工作在县委、县政府领导下推进。\n一、主要工作\n开展送法下乡5场次;石门乡法治副校长进校园。"
    got = where(text)
    assert (got["name"], got["level"]) == ("石门乡", "township")


def test_department_speaking_from_a_district_takes_the_district() -> None:
    text = (
        "2023年,我局全面贯彻落实省、市、区关于法治政府建设的部署,推进人社法治,社会保险、劳动保障、就业服务、"
        "劳动仲裁、人社执法全面加强。\n上城区人社系统……。"
    )
    got = where(text)
    assert (got["name"], got["level"]) == ("上城区人力资源和社会保障局", "department")


def test_department_of_a_municipality_is_a_bureau_not_a_provincial_office() -> None:
    assert where("天津市人社局2022年法治政府建设情况报告\n……。")["name"] == "天津市人力资源和社会保障局"


def test_cover_letter_names_the_unit_in_the_report_title_it_sends() -> None:
    text = (
        "中共示例委:\n根据有关规定,区政府应当向市政府报告上一年度法治政府建设情况。\n"
        "根据要求,区司法局提请将《2023年长宁区法治政府建设情况报告》报送市委、市政府。\n以上请示妥否,请批示。"
    )
    got = where(text)
    assert (got["name"], got["level"], got["code"]) == ("长宁区", "district", "310105")


def test_unit_named_as_the_subject_of_an_early_paragraph() -> None:
    text = "《某报告.docx》由会员分享,可在线阅读。\n1、2023年上海市法治政府建设情况报告2023年,在市委、市政府的坚强领导下,全市……。"
    got = where(text)
    assert (got["name"], got["level"]) == ("上海市", "province")


def test_analysis_keeps_the_division_table_version() -> None:
    from fazhi.core.settings import Settings
    from fazhi.pipeline import analyze_path
    from tests.conftest import seed_paths

    versions = analyze_path(seed_paths()[0], Settings()).to_json()["versions"]
    assert versions["division_table"] == division_table_version()


def test_township_is_not_put_under_the_county_its_own_name_shortens() -> None:
    got = where("吉水镇2024年法治政府建设年度报告\n2024年,在市委、市政府和镇党委的领导下,吉水镇坚持依法行政。")
    assert (got["name"], got["level"], "parent_code" in got) == ("吉水镇", "township", False)


def test_police_branch_named_with_its_full_district_name() -> None:
    got = where("广州市公安局增城区分局2024年法治政府建设情况报告\n2024年……。")
    assert (got["level"], got["county"], got["parent"]) == ("department", "增城区", "广东省广州市增城区")


def test_mirror_that_cut_the_year_reads_subject_and_the_years_work_plan() -> None:
    got = ident("年,我市坚持依法行政,认真贯彻市委部署。现将工作情况报告如下。\n"
                "一是印发《赣州市法治政府建设实施方案(2022—2025年)》和《赣州市2022年法治政府建设工作要点》。")
    assert (got["jurisdiction"]["name"], got["jurisdiction"]["level"], got["report_year"]) == ("赣州市", "city", 2022)


def test_bonded_zone_written_short_takes_its_official_name_but_no_city_it_is_not_written_with() -> None:
    # 天津 appears only in a cited document's title: the zone is named as it names itself (corpus README, "Zone names").
    got = where("2024年,东疆综保区坚持依法行政,严格落实《天津市法治政府建设实施纲要(2021-2025)》。")
    assert (got["name"], got["level"], got["province"]) == ("东疆综合保税区", "zone", "天津市")


def test_police_branch_written_by_its_district_short_name() -> None:
    got = where("2024年,龙华公安分局在区委区政府和市公安局的领导下依法履职。根据《中共深圳市龙华区委…通知》,现报告如下:")
    assert (got["name"], got["level"], got["county"]) == ("深圳市公安局龙华分局", "department", "龙华区")


def test_city_bureau_office_for_a_district_keeps_its_own_name() -> None:
    got = where("2025年度,市交通运输局龙岗管理局深入贯彻落实深圳市交通运输局、龙岗区委区政府决策部署。")
    assert (got["name"], got["level"]) == ("深圳市交通运输局龙岗管理局", "department")


def test_branch_of_a_city_bureau_written_without_its_bureau_takes_the_bureau_the_text_names() -> None:
    got = where("2024年,龙华分局在区委区政府和市公安局的坚强领导下依法履职。根据《中共深圳市龙华区委…通知》,现报告如下:")
    assert (got["name"], got["county"]) == ("深圳市公安局龙华分局", "龙华区")


def test_county_level_city_named_far_more_than_its_neighbour_is_the_one_speaking() -> None:
    text = ("2023年,市政府坚持依法行政,贯彻温州市委部署。瑞安市推进调解,瑞安市法院,瑞安市检察院,"
            "瑞安市各镇街。与乐清市联动。现将有关情况报告如下。")
    assert where(text)["name"] == "瑞安市"


def test_province_speaking_of_several_of_its_cities_is_the_province() -> None:
    got = where("2024年,省政府坚持依法行政。广州、深圳、珠海等市推进调解。现将有关情况报告如下。")
    assert (got["name"], got["level"]) == ("广东省", "province")


_TAIL = ",坚持以习近平新时代中国特色社会主义思想为指导,推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n"


def test_economic_development_zone_written_short_is_a_zone() -> None:
    got = where("2024年,经开区管委会坚持依法行政" + _TAIL + "合肥经开区推进调解。\n")
    assert (got["name"], got["level"]) == ("合肥经济技术开发区", "zone")


def test_league_administrative_office_speaks_for_the_league() -> None:
    got = where("2023年,锡林郭勒盟行政公署坚持依法行政" + _TAIL)
    assert (got["name"], got["level"]) == ("锡林郭勒盟", "city")


def test_joint_party_and_government_subject_speaks_for_the_county() -> None:
    got = where("2023年以来,县委、县政府高度重视法治政府建设" + _TAIL + "寿县推进调解,寿县各乡镇。\n")
    assert (got["name"], got["level"]) == ("寿县", "county")


def test_city_government_office_named_by_role_is_the_office() -> None:
    got = where("2024年,市人民政府办公室在市委、市政府的领导下" + _TAIL + "泉州市推进调解,泉州市各县。\n")
    assert (got["name"], got["level"]) == ("泉州市人民政府办公室", "department")


def test_provincial_department_that_says_our_party_group_is_named_from_the_body() -> None:
    got = where("2023年,厅党组坚持依法行政,在省委、省政府的领导下" + _TAIL + "浙江省司法厅推进。\n")
    assert (got["name"], got["level"]) == ("浙江省司法厅", "department")


def test_chain_of_divisions_opening_the_body_resolves_to_its_last_member() -> None:
    got = where("2023年,深圳市南山区持续推进法治政府建设" + _TAIL)
    assert (got["name"], got["level"]) == ("南山区", "district")


def test_clause_after_a_unit_is_never_read_as_a_department() -> None:
    got = where("2023年,神农架林区在省委、省政府的领导下" + _TAIL)
    assert (got["name"], got["level"]) == ("神农架林区", "county")


def test_township_that_says_our_town_and_is_named_nowhere_is_a_nameless_township() -> None:
    got = where("2023年,在县委、县政府的正确领导下,我镇深入推进依法行政" + _TAIL)
    assert (got.get("name"), got["level"]) == (None, "township")


def test_district_the_package_table_drops_is_read() -> None:
    found = where("重庆市渝北区人民政府关于2023年度法治政府建设情况的报告\n2023年,我区坚持依法行政。")
    assert (found["name"], found["level"], found["code"]) == ("渝北区", "district", "500112")


def test_part_of_a_zone_with_its_own_committee_is_the_zone() -> None:
    found = where("某某工业园区南区管理委员会2023年度法治政府建设工作报告\n2023年,园区坚持依法行政。")
    assert (found["name"], found["level"]) == ("某某工业园区南区", "zone")


def test_zone_name_joined_by_a_hyphen() -> None:
    found = where("2024年,广西-东盟经济技术开发区(以下简称“经开区”)深入推进法治政府建设。")
    assert (found["name"], found["level"]) == ("广西-东盟经济技术开发区", "zone")


def test_place_in_a_newspaper_or_channel_name_is_never_the_unit() -> None:
    text = "2023年,全省法治政府建设取得新成效。\n在《甘肃日报》刊发文章30篇;在甘肃卫视播出节目。"
    found = where(text)
    assert (found.get("name"), found["level"]) == (None, "province")


def test_column_heading_above_the_title_gives_way_to_the_title() -> None:
    text = "2024法治政府建设情况报告公示\n兴化市陶庄镇人民政府2024年度法治政府建设情况报告\n我镇坚持依法行政。"
    found = where(text)
    assert (found["name"], found["level"], found["county"]) == ("陶庄镇", "township", "兴化市")


def test_subject_after_a_preamble_on_the_year() -> None:
    text = "2024年是深入实施规划的攻坚之年,也是西兴街道发展的重要之年。西兴街道始终坚持依法行政。"
    found = where(text)
    assert (found["name"], found["level"]) == ("西兴街道", "township")


def test_police_branch_speaking_for_itself_is_named_after_its_district() -> None:
    text = "2024年,我分局在市局和区委、区政府的坚强领导下,全力提升法治公安能力水平,被评为荔湾区优秀单位。"
    found = where(text)
    assert (found["name"], found["level"]) == ("广州市公安局荔湾区分局", "department")


def test_district_police_with_no_district_named_is_a_department() -> None:
    found = where("2023年,全区公安机关在区委、区政府和市公安局的坚强领导下,维护社会稳定。")
    assert (found.get("name"), found["level"]) == (None, "department")


def test_league_organs_spoken_of_make_a_league_report() -> None:
    text = "一、工作开展情况\n(一)坚持党的领导。盟委、行署主要领导同志履行职责,召开依法治盟委员会会议。制发《兴安盟诚信建设方案》。"
    found = where(text)
    assert (found["name"], found["level"]) == ("兴安盟", "city")


def test_year_from_the_first_heading_when_the_opening_has_none() -> None:
    got = ident("今年以来,全州各级政府坚持依法行政。现将工作情况报告如下:\n一、2024年工作回顾\n(一)坚持党的领导。")
    assert got["report_year"] == 2024


def test_banner_that_speaks_of_its_league_organs_is_not_the_league() -> None:
    text = "一、工作开展情况\n(一)在盟委、行署的领导下,旗委、旗政府把法治建设摆在全局。全旗各部门依法履职。《兴安盟诚信建设方案》。"
    assert where(text) is None  # no banner is named: unknown stays null


# Cases met in holdout3 (measured once, then fixed); the texts below are written for the tests.


def test_a_water_bureau_keeps_its_own_official_name() -> None:
    text = "武汉市水务局2025年度法治政府建设情况报告\n2025年,我局深入学习贯彻……。"
    assert where(text)["name"] == "武汉市水务局"


def test_a_page_dateline_is_not_part_of_the_title() -> None:
    text = "2026-01-20 17:01  |  武汉市水务局\n\n市水务局2025年度法治政府建设情况报告\n\n2025年,我局……。"
    assert ident(text)["title"] == "市水务局2025年度法治政府建设情况报告"


def test_a_news_lede_about_the_report_is_not_its_opening() -> None:
    text = "本站讯 近日,水利部发布2021年法治政府建设年度报告,全面总结……成效。\n2021年,水利部坚持以习近平新时代中国特色社会主义思想为指导……。"
    got = where(text)
    assert (got["name"], got["level"], got["parent"]) == ("水利部", "department", "国务院")


def test_a_township_named_only_inside_sentences() -> None:
    text = ("一、2023年度法治政府建设的主要举措和成效\n一是加强组织领导。及时调整蔡家桥镇法治政府建设领导小组,明确由镇党委书记为组长,"
            "切实加强党对本镇法治政府建设工作的领导。二是普法。蔡家桥镇“机关集中学法”……;提升蔡家桥镇法治政府建设水平。")
    got = where(text)
    assert (got["name"], got["level"]) == ("蔡家桥镇", "township")


def test_a_township_named_once_after_its_banner() -> None:
    text = "2023年,我镇根据伊金霍洛旗法治政府建设的有关要求……。现将本镇2023年度工作报告如下:\n……强化伊金霍洛镇法治建设。"
    got = where(text)
    assert (got["name"], got["county"]) == ("伊金霍洛镇", "伊金霍洛旗")


def test_a_county_level_city_named_once_is_not_the_prefecture_speaking() -> None:
    text = "2017年,我市认真贯彻……。清理本市地方立法21项审批事项。在全省率先……将平度市25个政务服务事项下放。"
    got = ident(text)["jurisdiction"]
    assert (got["name"], got["level"]) == (None, "city")


def test_a_zone_gets_the_fullest_name_its_text_writes() -> None:
    text = ("2022年东湖高新区全区上下坚持以习近平法治思想为指导……。现将东湖高新区2022年法治政府建设工作报告如下:\n"
            "……备案1件(《武汉东湖新技术开发区管委会关于……》)。")
    got = where(text)
    assert (got["name"], got["level"], got["city"]) == ("武汉东湖新技术开发区", "zone", "武汉市")


def test_a_zone_named_with_a_port_keeps_the_port() -> None:
    text = "2024年,保税区坚持……深入贯彻习近平总书记视察天津重要讲话精神……。现将保税区2024年度法治政府建设情况报告如下:\n制定《天津港保税区……办法》。"
    assert where(text)["name"] == "天津港保税区"


def test_a_free_trade_zone_area_is_a_zone_under_its_full_name() -> None:
    text = "中国(上海)自由贸易试验区临港新片区管理委员会\n\n临港新片区2022年度法治工作情况报告\n\n中国(上海)自由贸易试验区临港新片区管理委员会在市委……。"
    got = where(text)
    assert (got["name"], got["level"]) == ("中国(上海)自由贸易试验区临港新片区", "zone")


# Cases met in holdout4 (measured once, then fixed); the texts below are written for the tests.


def test_a_county_health_bureau_keeps_its_own_official_name() -> None:
    assert where("紫金县卫生健康局2025年法治政府建设年度报告\n2025年,紫金县卫生健康局……。")["name"] == "紫金县卫生健康局"


def test_a_page_metadata_block_is_not_the_title() -> None:
    text = ("索引号 001008003001008/2025-52138\n组配分类 计划总结 发布机构 区公安分局\n生成日期 2025-02-07 公开方式 主动公开\n\n"
            "温州市公安局鹿城区分局2024年法治政府建设年度报告\n\n2024年,鹿城公安深入贯彻……。")
    got = ident(text)
    assert got["title"] == "温州市公安局鹿城区分局2024年法治政府建设年度报告"
    assert got["jurisdiction"]["name"] == "温州市公安局鹿城区分局"


def test_he_county_is_not_read_out_of_and_county_committee() -> None:
    text = "根据《法治政府建设实施纲要》等文件要求和县委依法治县办公室有关工作安排,我局认真总结我局2024年法治政府建设工作,现将相关情况报告如下。"
    assert ident(text)["jurisdiction"]["name"] is None


def test_the_unit_named_where_the_report_is_handed_over() -> None:
    text = "2025年,在市政府的正确领导下,我区深入学习贯彻……,现将郑东新区2025年度法治政府建设情况报告如下:\n一、……"
    got = where(text)
    assert (got["name"], got["level"]) == ("郑东新区", "zone")


def test_a_township_named_once_after_a_function_word() -> None:
    text = "区委、区政府:\n2024年,在区委、区政府的坚强领导下,我镇以习近平……为指导。现将我镇2024年工作情况汇报如下:\n……将法治建设纳入了东庄镇发展总体规划……。"
    assert where(text)["name"] == "东庄镇"


def test_a_department_named_only_in_its_own_documents_titles() -> None:
    text = ("2025年,在区委、区政府的坚强领导和区委依法治区办的有力指导下,我局全面履行卫生健康领域法治建设职责,医疗机构、公共卫生……。"
            "……审议通过了《龙岩市永定区卫生健康局行政执法公示办法》,加强医疗卫生监管,卫生健康……")
    got = where(text)
    assert (got["name"], got["city"]) == ("永定区卫生健康局", "龙岩市")


def test_a_zone_calling_itself_yuanqu_is_named_from_its_own_documents() -> None:
    text = "2023年,园区坚持以习近平新时代中国特色社会主义思想为指导,紧扣园区发展主题……。召开园区……,制定出台的《苏州工业园区法治政府建设实施方案》……"
    got = where(text)
    assert (got["name"], got["level"]) == ("苏州工业园区", "zone")


def test_an_airport_economic_zone_is_a_zone() -> None:
    text = "贵州双龙航空港经济区2023年度法治政府建设工作情况报告\n2023年,贵州双龙航空港经济区(以下简称经济区)坚持……。"
    got = where(text)
    assert (got["name"], got["level"]) == ("贵州双龙航空港经济区", "zone")


def test_a_zone_is_not_given_a_city_the_text_names_only_elsewhere() -> None:
    text = "五象新区2025年度法治政府建设工作情况的报告\n2025年,五象新区坚持……,紧紧围绕自治区、南宁市关于法治建设的决策部署……。"
    assert where(text)["name"] == "五象新区"


# Cases met in holdout5 (measured once, then fixed); the texts below are written for the tests.


def test_a_level_written_twice_by_mistake() -> None:
    got = where("2022年,元谋县县卫生健康局在县委、县政府的坚强领导下,紧紧围绕卫生健康中心工作……。")
    assert (got["name"], got["level"]) == ("元谋县卫生健康局", "department")


def test_a_zone_kind_alone_is_no_name() -> None:
    text = "经济技术开发区管理委员会关于 2022年法治政府建设情况报告\n2022年,经开区坚持以习近平……,紧紧围绕法治中国、法治云南……。"
    got = ident(text)["jurisdiction"]
    assert (got["name"], got["level"]) == (None, "zone")


def test_a_site_column_line_does_not_join_the_title() -> None:
    text = "左贡县人民政府\n\n政府信息公开\n\n碧土乡2024年法治政府建设情况报告\n\n2024年,在县委、县政府的坚强领导下,碧土乡坚持……。"
    got = ident(text)
    assert got["title"] == "碧土乡2024年法治政府建设情况报告"
    assert (got["jurisdiction"]["name"], got["jurisdiction"]["county"]) == ("碧土乡", "左贡县")


def test_new_towns_and_resort_zones_are_zones() -> None:
    assert where("泾河新城2022年度法治政府建设工作报告\n2022年,泾河新城深入贯彻……。")["level"] == "zone"
    text = "2025年,湄洲岛国家旅游度假区党工委、管委会坚持以习近平……为指导……。"
    assert (where(text)["name"], where(text)["level"]) == ("湄洲岛国家旅游度假区", "zone")


def test_the_subject_after_a_year_motto_closed_by_a_comma() -> None:
    text = ("县人民代表大会常务委员:\n2023年是法治政府建设重点突破年,在市委、市政府和县委的正确领导下,在县人大的监督支持下,县政府坚持以习近平……。"
            "……先后出台《蒙城县党政主要负责人履行推进法治建设第一责任人职责清单》……蒙城县“5+N”……")
    assert where(text)["name"] == "蒙城县"


def test_the_subject_after_a_maxim() -> None:
    text = ("法治是安邦治国的基石,更是实现经济社会高质量发展的保证。2022年,在市委、市政府和县委的坚强领导下,全县法治政府建设工作以习近平法治思想为指引……。"
            "制定下发了《高台县法治政府建设工作要点》……《2022年高台县法治政府建设考核办法》")
    assert where(text)["name"] == "高台县"
