"""The word lists are data: one TOML file, checked by a schema, with a version."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import fazhi.structure as structure
from fazhi.core.errors import ConfigError
from fazhi.structure import AREAS, PARTS, load_rules, outline, parse_rules

PACKAGED = resources.files("fazhi.structure").joinpath("rules.toml").read_text(encoding="utf-8")


def test_packaged_rules_load_with_a_version():
    rules = load_rules()
    assert rules.version and rules.version == structure.RULES_VERSION
    assert tuple(rules.parts) == PARTS
    assert tuple(rules.area_labels) == AREAS


def test_outline_records_the_rules_version():
    assert outline("一、主要举措和成效\n内容。\n").rules_version == structure.RULES_VERSION


def test_a_bad_pattern_is_refused_with_its_place():
    bad = PACKAGED.replace("'原因'", "'原因('", 1)
    with pytest.raises(ConfigError, match="parts.reasons"):
        parse_rules(bad, "bad.toml")


def test_an_unknown_part_is_refused():
    bad = PACKAGED + '\n[parts.extra]\nlabel = "x"\n'
    with pytest.raises(ConfigError, match="extra"):
        parse_rules(bad)


def test_an_unknown_key_is_refused():
    bad = PACKAGED.replace('label = "原因"', 'label = "原因"\nheadings = []', 1)
    with pytest.raises(ConfigError, match="headings"):
        parse_rules(bad)


def test_a_weight_out_of_range_is_refused():
    bad = PACKAGED.replace("{ pattern = '诚信', weight = 3 }", "{ pattern = '诚信', weight = 9 }", 1)
    with pytest.raises(ConfigError, match="weight"):
        parse_rules(bad)


def test_not_toml_is_refused():
    with pytest.raises(ConfigError, match="TOML"):
        parse_rules("version = ")


def test_not_toml_reads_the_same_from_text_and_from_a_file(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text("version = ", encoding="utf-8")
    with pytest.raises(ConfigError) as from_text:
        parse_rules("version = ", str(path))
    with pytest.raises(ConfigError) as from_file:
        load_rules(path)
    assert str(from_text.value) == str(from_file.value)
    assert str(from_file.value).startswith(f"{path}: 结构规则文件不是合法的 TOML: ")


def test_a_bad_pattern_is_named_in_one_chinese_line():
    with pytest.raises(ConfigError) as caught:
        parse_rules(PACKAGED.replace("'原因'", "'原因('", 1), "bad.toml")
    message = str(caught.value)
    assert "不是合法的正则表达式 '原因('" in message and "\n" not in message


def test_missing_file_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="不存在"):
        load_rules(tmp_path / "none.toml")


def test_a_province_can_supply_its_own_lists(tmp_path: Path):
    # A fictional province whose reports call the plans 「工作谋划」.
    own = PACKAGED.replace("  '工作重点',\n]", "  '工作重点',\n  '谋划',\n]", 1).replace(
        'version = "', 'version = "示例省-', 1
    )
    path = tmp_path / "province.toml"
    path.write_text(own, encoding="utf-8")
    text = "一、主要举措和成效\n内容。\n二、存在的问题\n内容。\n三、来年工作谋划\n内容。\n"
    assert outline(text).top[2].parts == ("other",)
    custom = outline(text, load_rules(path))
    assert custom.top[2].parts == ("plans",)
    assert custom.rules_version.startswith("示例省-")


@pytest.mark.parametrize(
    "make, match",
    [
        (lambda p: p.mkdir(), "文件夹"),
        (lambda p: p.write_bytes(PACKAGED.encode("gb18030")), "UTF-8"),
    ],
    ids=["directory", "gbk"],
)
def test_an_unreadable_rules_file_is_a_config_error_naming_it(tmp_path: Path, make, match):
    path = tmp_path / "province.toml"
    make(path)
    with pytest.raises(ConfigError, match=match) as caught:
        load_rules(path)
    assert str(path) in str(caught.value)


def test_a_schema_error_is_one_chinese_line_with_the_place_and_the_value():
    bad = PACKAGED.replace("{ pattern = '诚信', weight = 3 }", "{ pattern = '诚信', weight = 9 }", 1)
    with pytest.raises(ConfigError) as caught:
        parse_rules(bad, "bad.toml")
    message = str(caught.value)
    assert message.startswith("bad.toml: 结构规则文件有误(areas.")
    assert ".weight): 应不大于 5,现为 9" in message
    assert "\n" not in message and "Input should" not in message
