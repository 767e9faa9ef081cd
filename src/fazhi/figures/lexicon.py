"""Loading the grammar's word lists (``lexicon.toml``) and exclusions (``exclusions.toml``).

Pydantic validates the files once, at first use (never at import); the rest of
the package sees frozen dataclasses and compiled patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, field_validator

from fazhi.figures.validation import Strict, load_data_file

_T = TypeVar("_T")


def _compiled(value: str) -> str:
    """A regex that compiles (re.error is no ValueError: pydantic would let it escape raw)."""
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"正则表达式无法编译: {exc}") from exc
    return value


class _Units(Strict):
    count: list[str]
    measure: list[str]
    time: list[str]
    percent: list[str]
    bracket_open: list[str]
    bracket_close: list[str]
    false_friends: list[str]
    word_units: list[str]
    aliases: list[tuple[str, str]]


class _Qualifiers(Strict):
    approx_before: list[str]
    lower_before: list[str]
    upper_before: list[str]
    approx_after: list[str]
    lower_after: list[str]
    upper_after: list[str]
    scoped_lower: list[str]
    scoped_upper: list[str]


class _Traditional(Strict):
    chars: list[tuple[str, str]]

    @field_validator("chars")
    @classmethod
    def _one_for_one(cls, value: list[tuple[str, str]]) -> list[tuple[str, str]]:
        bad = [f"{a}->{b}" for a, b in value if len(a) != 1 or len(b) != 1]
        if bad:
            raise ValueError(f"每项须是一个字对一个字（偏移量不能变）: {', '.join(bad)}")
        return value


class _Ranges(Strict):
    joiners: list[str]


class _Compare(Strict):
    increase: list[str]
    decrease: list[str]
    needs_base: list[str]
    verb_nouns: list[str]
    base: list[str]
    from_markers: list[str]
    to_markers: list[str]
    fillers: list[str]


class _Labels(Strict):
    lead: list[str]
    prepositions: list[str]
    trail: list[str]
    trail_periods: str
    protect: list[str]
    periods: str
    tail_stops: list[str]
    conjunction_words: list[str]
    part_markers: list[str]
    max_length: int
    elliptic: str
    verbs: list[str]

    @field_validator("periods", "elliptic", "trail_periods")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return _compiled(value)


class _LexiconFile(Strict):
    version: str
    units: _Units
    qualifiers: _Qualifiers
    traditional: _Traditional
    ranges: _Ranges
    compare: _Compare
    labels: _Labels


class _Pattern(Strict):
    name: str
    regex: str

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return _compiled(value)


class _Quotes(Strict):
    pairs: list[tuple[str, str]]
    max_length: int
    titles: list[tuple[str, str]]
    glosses: list[tuple[str, str]]
    gloss_after: list[str]


class _Chinese(Strict):
    count_after: list[str]
    enumeration_separators: list[str]
    count_after_verbs: list[str]
    count_units_closing: list[str]
    closing_words: list[str]
    per_period: list[str]
    count_before: list[str]
    always_from: int


class _ExclusionsFile(Strict):
    version: str
    slogans: list[str]
    before: list[str]
    before_chinese_only: list[str]
    after: list[str]
    patterns: list[_Pattern]
    quotes: _Quotes
    chinese: _Chinese


@dataclass(frozen=True, slots=True)
class Qualifiers:
    approx_before: tuple[str, ...]
    lower_before: tuple[str, ...]
    upper_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    lower_after: tuple[str, ...]
    upper_after: tuple[str, ...]
    scoped_lower: tuple[str, ...]
    scoped_upper: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CompareWords:
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    needs_base: tuple[str, ...]
    verb_nouns: tuple[str, ...]
    base: tuple[str, ...]
    from_markers: tuple[str, ...]
    to_markers: tuple[str, ...]
    fillers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LabelWords:
    lead: tuple[str, ...]
    prepositions: tuple[str, ...]
    trail: tuple[str, ...]
    trail_periods: str
    protect: tuple[str, ...]
    periods: str
    tail_stops: tuple[str, ...]
    conjunction_words: tuple[str, ...]
    part_markers: tuple[str, ...]
    max_length: int
    elliptic: str
    verbs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChineseRules:
    count_after: tuple[str, ...]
    enumeration_separators: tuple[str, ...]
    count_after_verbs: tuple[str, ...]
    count_units_closing: tuple[str, ...]
    closing_words: tuple[str, ...]
    per_period: tuple[str, ...]
    count_before: tuple[str, ...]
    always_from: int


def _frozen(cls: type[_T], model: BaseModel) -> _T:
    """A validated section as a frozen dataclass: lists become tuples."""
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in model.model_dump().items()}
    return cls(**values)


def _whole_numbers(slogan: str) -> str:
    """A slogan pattern whose digits never match inside a longer number (12348 in 0.012348)."""
    pattern = re.escape(slogan)
    if slogan[0].isdigit():
        pattern = r"(?<![0-9０-９.．])" + pattern
    if slogan[-1].isdigit():
        pattern += r"(?![0-9０-９]|[.．][0-9０-９])"
    return pattern


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation that tries longer words first (longest match wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Lexicon:
    version: str
    count_units: frozenset[str]
    measure_units: frozenset[str]
    time_units: frozenset[str]
    percent_units: frozenset[str]
    unit_re: re.Pattern[str]
    bracket_unit_re: re.Pattern[str]
    false_friends: dict[str, tuple[str, ...]]  # unit -> longer words that start with it
    word_units: frozenset[str]
    unit_aliases: dict[str, str]
    traditional: dict[int, str]  # str.translate table: 萬 -> 万, one character for one
    qualifiers: Qualifiers
    joiner_re: re.Pattern[str]
    compare: CompareWords
    labels: LabelWords
    periods_re: re.Pattern[str]
    elliptic_re: re.Pattern[str]
    trail_periods_re: re.Pattern[str]
    peel_lead: tuple[str, ...]  # label lead words and prepositions, longest first
    peel_trail: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Exclusions:
    version: str
    slogans: tuple[str, ...]
    slogan_re: re.Pattern[str] | None  # all slogans in one alternation, longest first
    before: tuple[str, ...]
    before_chinese_only: tuple[str, ...]
    after: tuple[str, ...]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    quote_pairs: tuple[tuple[str, str], ...]
    quote_max: int
    titles: tuple[tuple[str, str], ...]
    glosses: tuple[tuple[str, str], ...]
    gloss_after: tuple[str, ...]
    chinese: ChineseRules


def _validate(model: type[BaseModel], name: str) -> BaseModel:
    return load_data_file(model, name, hint="对照 figures/lexicon.py 中的字段")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _validate(_LexiconFile, "lexicon.toml")
    u = data.units
    all_units = u.count + u.measure + u.time + u.percent
    brackets = f"(?:{_alternation(u.bracket_open)})(?:{_alternation(u.count)})(?:{_alternation(u.bracket_close)})"
    return Lexicon(
        version=data.version,
        count_units=frozenset(u.count),
        measure_units=frozenset(u.measure),
        time_units=frozenset(u.time),
        percent_units=frozenset(u.percent),
        unit_re=re.compile(_alternation(all_units)),
        bracket_unit_re=re.compile(brackets),
        false_friends={
            unit: tuple(ff for ff in u.false_friends if ff.startswith(unit) and ff != unit)
            for unit in all_units
        },
        word_units=frozenset(u.word_units),
        unit_aliases=dict(u.aliases),
        traditional=str.maketrans(dict(data.traditional.chars)),
        qualifiers=_frozen(Qualifiers, data.qualifiers),
        joiner_re=re.compile(_alternation(data.ranges.joiners)),
        compare=_frozen(CompareWords, data.compare),
        labels=_frozen(LabelWords, data.labels),
        periods_re=re.compile(data.labels.periods),
        elliptic_re=re.compile(data.labels.elliptic),
        trail_periods_re=re.compile(data.labels.trail_periods),
        peel_lead=tuple(sorted(data.labels.lead + data.labels.prepositions, key=len, reverse=True)),
        peel_trail=tuple(sorted(data.labels.trail, key=len, reverse=True)),
    )


@lru_cache(maxsize=1)
def exclusions() -> Exclusions:
    data = _validate(_ExclusionsFile, "exclusions.toml")
    return Exclusions(
        version=data.version,
        slogans=tuple(data.slogans),
        slogan_re=re.compile("|".join(_whole_numbers(w) for w in sorted(set(data.slogans), key=len, reverse=True)))
        if data.slogans else None,
        before=tuple(sorted(data.before, key=len, reverse=True)),
        before_chinese_only=tuple(data.before_chinese_only),
        after=tuple(data.after),
        patterns=tuple((p.name, re.compile(p.regex)) for p in data.patterns),
        quote_pairs=tuple(data.quotes.pairs),
        quote_max=data.quotes.max_length,
        titles=tuple(data.quotes.titles),
        glosses=tuple(data.quotes.glosses),
        gloss_after=tuple(data.quotes.gloss_after),
        chinese=_frozen(ChineseRules, data.chinese),
    )


def data_version() -> str:
    """The versions of both grammar data files, e.g. ``lexicon-2025.1+exclusions-2025.2``.

    Stored with every result next to the catalog version: a figure found or
    dropped depends on these two files as much as on the code.
    """
    return f"lexicon-{lexicon().version}+exclusions-{exclusions().version}"
