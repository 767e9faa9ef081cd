"""The letters' data file: a suggestion for every rule, validated at load."""

from __future__ import annotations

from importlib import resources

import pytest

from fazhi.core.errors import ConfigError
from fazhi.letters.data import packaged_letter_data, parse_letter_data
from fazhi.review import load_rulebook


def packaged_text() -> str:
    return resources.files("fazhi.letters").joinpath("suggestions.toml").read_text(encoding="utf-8")


def test_every_rule_of_the_packaged_rulebook_has_a_suggestion() -> None:
    data = packaged_letter_data()
    missing = [rule.id for rule in load_rulebook().rules if rule.id not in data.rules]
    assert not missing, f"add these rules to src/fazhi/letters/suggestions.toml: {missing}"


def test_a_rule_without_a_suggestion_falls_back_to_the_default() -> None:
    data = packaged_letter_data()
    assert data.advice("province.only") is data.default


def test_rules_are_grouped_by_statutory_part_or_id_prefix() -> None:
    data = packaged_letter_data()
    titles = {rule.id: data.groups[data.group_of(rule.id, rule.part)].title for rule in load_rulebook().rules}
    assert titles["parts.leaders"] == "党政主要负责人履行第一责任人职责"
    assert titles["form.published"] == "形式与时限"
    assert titles["evidence.figures"] == "数据与表述"
    assert titles["coverage.areas"] == "主要举措和成效"


def test_a_misspelt_field_fails_at_load_with_its_path() -> None:
    broken = packaged_text().replace('[rules."parts.plans"]\nfailed', '[rules."parts.plans"]\nfailde', 1)
    with pytest.raises(ConfigError, match=r"rules\.parts\.plans"):
        parse_letter_data(broken)


def test_a_last_verdict_that_does_not_take_every_report_is_refused() -> None:
    text = packaged_text().replace('label = "需修改"\nmin_score = 0', 'label = "需修改"\nmin_score = 10', 1)
    with pytest.raises(ConfigError, match="min_score = 0"):
        parse_letter_data(text)
