"""Identity on the forms reports take beyond the five seeds."""

from __future__ import annotations

import pytest

from fazhi.core.document import Document, Provenance
from fazhi.identity import identify

_PROV = Provenance("x.txt", "txt", "utf-8", "0" * 64, 0)


def ident(text: str) -> dict:
    return identify(Document(text, _PROV)).to_json()


def where(text: str) -> dict:
    j = ident(text)["jurisdiction"]
    return {k: v for k, v in j.items() if v is not None and k != "evidence"} if j else None


def test_department_is_recorded_with_its_jurisdiction() -> None:
    assert where("鞍山市司法局2023年度法治政府建设情况报告\n2023年,市司法局坚持依法行政。") == {
        "name": "鞍山市司法局", "level": "department", "province": "辽宁省", "city": "鞍山市",
        "parent_code": "210300", "parent": "辽宁省鞍山市",
    }


def test_government_office_is_a_department() -> None:
    assert where("海原县人民政府办公室2023年法治政府建设工作报告\n……。")["level"] == "department"


def test_provincial_department() -> None:
    got = where("辽宁省司法厅2023年度法治政府建设情况报告\n2023年……。")
    assert (got["level"], got["province"], got["parent_code"]) == ("department", "辽宁省", "210000")


def test_party_committee_and_government_are_not_a_department() -> None:
    assert where("中共鞍山市委 鞍山市人民政府关于2023年法治政府建设情况的报告\n……。")["level"] == "city"


def test_township_under_a_county() -> None:
    got = where("孝义市崇文街道办事处2024年法治政府建设情况报告\n2024年……。")
    assert (got["name"], got["level"], got["county"], got["parent_code"]) == ("崇文街道", "township", "孝义市", "141181")


def test_zone_written_with_its_organ_alone() -> None:
    got = where("苏州工业园区管委会2023年度法治政府建设工作报告\n2023年……。")
    assert (got["name"], got["level"]) == ("苏州工业园区", "zone")


def test_zone_that_is_a_real_district_stays_a_district() -> None:
    got = where("上海市浦东新区2023年法治政府建设情况报告\n……。")
    assert (got["name"], got["level"], got["code"]) == ("浦东新区", "district", "310115")


def test_chain_of_divisions_resolves_to_the_most_specific() -> None:
    got = where("宁夏回族自治区中卫市海原县2023年度法治政府建设情况报告\n……。")
    assert (got["name"], got["code"]) == ("海原县", "640522")


def test_district_of_a_direct_controlled_city() -> None:
    got = where("北京市朝阳区人民政府关于2023年法治政府建设情况的报告\n2023年……。")
    assert (got["name"], got["level"], got["province"], got["code"]) == ("朝阳区", "district", "北京市", "110105")
    assert "city" not in got


def test_radical_lookalikes_are_folded_before_lookup() -> None:
    # ⻄ is U+2EC4 CJK RADICAL C-SIMPLIFIED WEST, not 西.
    text = "山⻄省孝义市2024年法治政府建设年度报告\n2024年……。"
    got = ident(text)["jurisdiction"]
    assert (got["name"], got["code"]) == ("孝义市", "141181")
    ev = got["evidence"]
    assert text[ev["offset"] : ev["offset"] + ev["length"]] == "孝义市"


def test_shared_name_is_resolved_by_an_ancestor_in_the_text() -> None:
    got = where("铁东区人民政府2023年法治政府建设年度报告\n2023年,铁东区在鞍山市委领导下……。")
    assert (got["city"], got["code"]) == ("鞍山市", "210302")


def test_shared_name_without_context_keeps_the_code_null() -> None:
    got = where("铁东区人民政府2023年法治政府建设年度报告\n2023年,铁东区坚持……。")
    assert got == {"name": "铁东区", "level": "district"}


def test_unknown_place_stays_null() -> None:
    assert ident("关于2023年度法治政府建设情况的报告\n2023年,我们坚持依法行政。")["jurisdiction"] is None


def test_unlisted_county_is_named_with_its_level_but_no_code() -> None:
    assert where("示例县人民政府关于2023年度法治政府建设情况的报告\n2023年……。") == {
        "name": "示例县", "level": "county",
    }


def test_unlisted_city_needs_evidence_of_its_level() -> None:
    assert where("示例市人民政府2024年度法治政府建设情况报告\n2024年,我市坚持……。") is None
    got = where("示例市人民政府2024年度法治政府建设情况报告\n2024年,全市各县(市、区)坚持……。")
    assert got == {"name": "示例市", "level": "city"}


def test_chinese_numeral_year_in_title() -> None:
    assert ident("二〇二三年度海原县法治政府建设情况报告\n……。")["report_year"] == 2023


def test_year_in_a_cited_title_is_not_the_report_year() -> None:
    text = "根据《法治政府建设实施纲要(2021—2025年)》要求,现将我县2023年法治政府建设情况报告如下。"
    assert ident(text)["report_year"] == 2023


def test_report_year_falls_back_to_the_year_before_spring_publication() -> None:
    import datetime as dt

    from fazhi.core.document import ReaderHints

    doc = Document("我县坚持依法行政,法治政府建设取得成效。", _PROV, hints=ReaderHints(published=dt.date(2025, 3, 1)))
    got = identify(doc).to_json()
    assert (got["report_year"], got["identity_evidence"]["report_year"]["source"]) == (2024, "derived")


def test_document_number_is_read_from_the_head_only() -> None:
    text = "示例县人民政府关于2023年度法治政府建设情况的报告\n示政〔2024〕8号\n2023年,我县印发《示例县规范性文件管理办法》(示政发〔2023〕12号)。"
    assert ident(text)["doc_number"] == "示政〔2024〕8号"
    body_only = "2023年,我县印发《办法》(示政发〔2023〕12号)。"
    assert ident(body_only)["doc_number"] is None


def test_red_header_and_recipient_are_not_the_title() -> None:
    text = "示例县人民政府文件\n示政〔2024〕8号\n示例县人民政府\n关于2023年度法治政府建设情况的报告\n市人民政府:\n2023年,我县……。"
    got = ident(text)
    assert got["title"] == "示例县人民政府关于2023年度法治政府建设情况的报告"
    assert got["issuer"] == "示例县人民政府"


def test_issuer_from_the_signature_when_the_title_names_none() -> None:
    text = "示例县2023年度法治政府建设情况报告\n2023年,我县坚持依法行政。\n示例县人民政府\n2024年3月1日"
    got = ident(text)
    assert (got["issuer"], got["identity_evidence"]["issuer"]["source"]) == ("示例县人民政府", "signature")


def test_place_in_title_is_not_an_issuer() -> None:
    assert ident("海原县2023年度法治政府建设情况报告\n2023年……。")["issuer"] is None


@pytest.mark.parametrize(
    "text",
    [
        "2024年,孝义市坚持以习近平新时代中国特色社会主义思想为指导。",
        "一、主要举措\n2024年,孝义市坚持依法行政。",
    ],
)
def test_no_title_when_the_report_starts_with_its_body(text: str) -> None:
    assert ident(text)["title"] is None


def test_full_width_year_in_title() -> None:
    got = ident("厦门市海沧区人民政府２０２４年度法治政府建设情况报告\n２０２４年，海沧区……。")
    assert (got["report_year"], got["issuer"]) == (2024, "厦门市海沧区人民政府")
    assert got["title"] == "厦门市海沧区人民政府２０２４年度法治政府建设情况报告"


@pytest.mark.parametrize(
    ("bar", "published"),
    [
        ("发布时间:2025-02-26  来源:示例县司法局", "2025-02-26"),
        ("更新时间:2025-06-01  来源:示例县司法局", None),
        ("成文日期:2024-12-30  来源:示例县司法局", None),
        ("成文日期:2024-12-30  发布日期:2025-01-05  来源:示例县司法局", "2025-01-05"),
    ],
)
def test_publication_date_comes_only_from_a_publication_label(bar: str, published: str | None) -> None:
    from fazhi.core.settings import Settings
    from fazhi.ingest import read_bytes

    doc = read_bytes(f"示例县2024年度法治政府建设情况报告\n{bar}\n2024年……。".encode(), "x.txt", Settings())
    assert identify(doc).to_json()["published"] == published
