"""Rules are data: one TOML file, checked by a schema, each rule with an id, a version and a basis."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import pytest

import fazhi.review as review_pkg
from fazhi.core.errors import ConfigError
from fazhi.review import load_rulebook, parse_rulebook
from fazhi.review.checks import REGISTRY

PACKAGED = resources.files("fazhi.review").joinpath("rulebook.toml").read_text(encoding="utf-8")
PROVINCE = Path(__file__).parent / "data" / "province.toml"


def test_the_packaged_rulebook_loads_with_its_version():
    book = load_rulebook()
    assert book.version == review_pkg.RULEBOOK_VERSION
    assert "2019" in book.name


def test_every_rule_has_a_basis_a_weight_and_both_messages():
    for rule in load_rulebook().rules:
        assert rule.basis.instrument.startswith("《") and rule.basis.article
        assert rule.weight > 0 and rule.version
        assert {"passed", "failed"} <= set(rule.messages)
        assert rule.check in REGISTRY


def test_default_weights_make_100_so_points_read_as_they_are():
    assert sum(r.weight for r in load_rulebook().rules) == 100


def test_the_rules_the_issue_asks_for_are_there():
    ids = {r.id for r in load_rulebook().rules}
    assert {
        "parts.measures", "parts.shortcomings", "parts.reasons", "parts.leaders", "parts.plans",
        "leaders.substantive", "plans.specific", "form.title", "form.year", "form.published",
        "coverage.areas", "evidence.figures", "evidence.documents", "evidence.comparisons",
        "language.stock_phrases", "figures.consistent",
    } <= ids


def test_every_check_is_used_by_some_rule():
    assert {r.check for r in load_rulebook().rules} == set(REGISTRY)


def _refused(text: str, match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        parse_rulebook(text, "bad.toml")


def test_an_unknown_check_is_refused_with_the_known_ones():
    _refused(PACKAGED.replace('check = "core_comparisons"', 'check = "compare"', 1), "compare.*part_present")


def test_an_unknown_parameter_is_refused_with_the_rule_id():
    _refused(PACKAGED.replace("min_count = 1", "min_cout = 1", 1), r"id=evidence\.comparisons.*min_cout")


def test_a_bad_regular_expression_is_refused():
    _refused(PACKAGED.replace("'之所以'", "'之所以('", 1), "正则")


def test_a_message_naming_an_unknown_field_is_refused():
    _refused(PACKAGED.replace("{compared}给出了", "{cmp}给出了", 1), "cmp")


def test_a_rule_without_a_failed_message_is_refused():
    bad = PACKAGED.replace('failed = "发现{count}处数字相互矛盾:{issues}。请核对原始数据。"\n', "", 1)
    _refused(bad, "failed")


def test_an_unknown_severity_is_refused():
    _refused(PACKAGED.replace('severity = "info"', 'severity = "fatal"', 1), "severity")


def test_a_malformed_deadline_is_refused():
    _refused(PACKAGED.replace('deadline = "04-01"', 'deadline = "4月1日"', 1), "MM-DD")


def test_duplicate_ids_are_refused():
    _refused(PACKAGED.replace('id = "parts.plans"', 'id = "parts.measures"', 1), "重复")


def test_not_toml_and_a_missing_file_are_config_errors(tmp_path: Path):
    _refused("name = ", "TOML")
    with pytest.raises(ConfigError, match="不存在"):
        load_rulebook(tmp_path / "none.toml")


def test_not_toml_reads_the_same_from_text_and_from_a_file(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text("name = ", encoding="utf-8")
    with pytest.raises(ConfigError) as from_text:
        parse_rulebook("name = ", str(path))
    with pytest.raises(ConfigError) as from_file:
        load_rulebook(path)
    assert str(from_text.value) == str(from_file.value)
    assert str(from_file.value).startswith(f"{path}: 审查规则文件不是合法的 TOML: ")


def test_a_province_file_merges_over_the_default():
    base, book = load_rulebook(), load_rulebook(PROVINCE)
    assert book.version == "shili-2025.1"
    published = book.rule("form.published")
    assert published.params.deadline == "03-01"
    assert published.params.inclusive  # inherited parameter, kept by the key-wise merge
    assert published.messages["passed"] == base.rule("form.published").messages["passed"]
    assert "本省" in published.messages["failed"]
    assert published.basis.instrument == "《示例省法治政府建设年度报告工作办法》"
    ids = [r.id for r in book.rules]
    assert "language.stock_phrases" not in ids and ids[-1] == "parts.other"


def test_a_file_can_extend_another_file(tmp_path: Path):
    (tmp_path / "province.toml").write_text(PROVINCE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "city.toml").write_text(
        'extends = "province.toml"\nname = "示例市"\nversion = "city-1"\n'
        '[[rules]]\nid = "form.published"\nparams = { deadline = "02-20" }\n',
        encoding="utf-8",
    )
    book = load_rulebook(tmp_path / "city.toml")
    assert book.rule("form.published").params.deadline == "02-20"
    assert book.rule("form.title").version == "shili-1"


def test_extends_loops_are_refused(tmp_path: Path):
    (tmp_path / "a.toml").write_text('extends = "b.toml"\nname = "a"\nversion = "1"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\nname = "b"\nversion = "1"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="extends"):
        load_rulebook(tmp_path / "a.toml")


def test_removing_an_unknown_rule_is_refused(tmp_path: Path):
    path = tmp_path / "p.toml"
    path.write_text('extends = "default"\nremove = ["no.such"]\nname = "p"\nversion = "1"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="no.such"):
        load_rulebook(path)


def test_a_new_rule_in_an_override_must_be_complete(tmp_path: Path):
    path = tmp_path / "p.toml"
    path.write_text('extends = "default"\nname = "p"\nversion = "1"\n[[rules]]\nid = "new.rule"\nweight = 3\n',
                    encoding="utf-8")
    with pytest.raises(ConfigError, match="new.rule"):
        load_rulebook(path)


@pytest.mark.parametrize(
    "make, match",
    [
        (lambda p: p.mkdir(), "文件夹"),
        (lambda p: p.write_bytes('name = "示例省"\n'.encode("gbk")), "UTF-8"),
    ],
    ids=["directory", "gbk"],
)
def test_an_unreadable_rule_file_is_a_config_error_naming_it(tmp_path: Path, make, match):
    path = tmp_path / "province.toml"
    make(path)
    with pytest.raises(ConfigError, match=match) as caught:
        load_rulebook(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    "old, new, said",
    [
        ('severity = "info"', 'severity = "fatal"', ".severity): 取值应为 'error'、'warning'、'info',现为 'fatal'"),
        ("min_count = 1", 'min_count = "两次"', "(rules[id=evidence.comparisons].params.min_count): 应为整数"),
        ("min_count = 1", "min_count = 0", ".params.min_count): 应不小于 1,现为 0"),
        ('id = "parts.plans"\nversion', "version", "(rules[第5条].id): 缺少此项"),
    ],
    ids=["literal", "type", "bound", "missing"],
)
def test_schema_errors_are_one_chinese_line_naming_file_rule_and_field(old, new, said):
    assert old in PACKAGED
    with pytest.raises(ConfigError) as caught:
        parse_rulebook(PACKAGED.replace(old, new, 1), "bad.toml")
    message = str(caught.value)
    assert said in message and message.startswith("bad.toml: ")
    assert "\n" not in message and "Input should" not in message and "Field required" not in message


def _plain(value: object) -> bool:
    """Frozen plain data all the way down: no lists, dicts or pydantic models."""
    if isinstance(value, list | dict | set) or hasattr(value, "model_fields"):
        return False
    if isinstance(value, tuple):
        return all(_plain(v) for v in value)
    if isinstance(value, Mapping):
        return all(_plain(v) for v in value.values())
    if dataclasses.is_dataclass(value):
        return value.__dataclass_params__.frozen and all(
            _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
        )
    return True


def test_rule_parameters_are_frozen_plain_data_not_pydantic_models():
    book = load_rulebook(PROVINCE)
    assert all(dataclasses.is_dataclass(r.params) and _plain(r.params) for r in book.rules)
    published = book.rule("form.published").params
    with pytest.raises(dataclasses.FrozenInstanceError):
        published.deadline = "05-01"
    with pytest.raises(TypeError):
        published.by_level["township"] = "05-01"
