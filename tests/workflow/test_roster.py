"""A roster file: good rows become units, bad rows are named by line and the rest are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.core.errors import InputError
from fazhi.workflow import read_roster

GOOD = "单位名称,层级,上级单位,联系人\n海原县人民政府,县级,中卫市,张三\n绵阳市人民政府,地级市,四川省,李四\n"


def test_a_good_csv_gives_every_unit_with_its_level(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(GOOD, encoding="utf-8-sig")
    roster = read_roster(path)
    assert [(u.name, u.level, u.parent, u.contact) for u in roster.units] == [
        ("海原县人民政府", "county", "中卫市", "张三"), ("绵阳市人民政府", "city", "四川省", "李四"),
    ]
    assert roster.problems == ()


def test_bad_rows_are_reported_by_line_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    text = GOOD + ",县级,,\n海原县人民政府,县级,,\n示例区,火星级,,\n示例县,,,\n"
    path.write_bytes(text.encode("gb18030"))  # as Excel on Chinese Windows saves it
    roster = read_roster(path)
    assert [u.name for u in roster.units] == ["海原县人民政府", "绵阳市人民政府", "示例县"]
    assert [p.line for p in roster.problems] == [4, 5, 6]
    assert roster.problems[0].message == "单位名称为空"
    assert roster.problems[2].message.startswith("层级“火星级”无法识别")
    assert "第5行" in roster.problems[1].one_line("roster.csv") and "第2行重复" in roster.problems[1].message


def test_an_xlsx_roster_reads_like_the_csv(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    for row in [line.split(",") for line in GOOD.strip().splitlines()]:
        book.active.append(row)
    book.save(tmp_path / "roster.xlsx")
    assert [u.name for u in read_roster(tmp_path / "roster.xlsx").units] == ["海原县人民政府", "绵阳市人民政府"]


def test_a_file_that_is_not_a_table_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(InputError, match="roster.xlsx.*无法打开 XLSX 名单"):
        read_roster(path)


def test_a_header_without_the_unit_column_is_line_one(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("地区,联系人\n海原县,张三\n", encoding="utf-8")
    roster = read_roster(path)
    assert roster.units == () and roster.problems[0].line == 1
