"""Figures read the folded text (core.fold) and cut their spans from the original."""

from __future__ import annotations

from fazhi.figures import check_consistency, extract_figures
from fazhi.figures.extract import quantities
from tests.figures.helpers import d, figures, only

RADICALS = "制定⾏政规范性⽂件5件。"  # ⾏ U+2F8F, ⽂ U+2F42: Kangxi radicals out of a PDF
PLAIN = "制定行政规范性文件5件。"


def test_radical_look_alikes_map_like_plain_characters() -> None:
    looks, plain = only(RADICALS), only(PLAIN)
    assert plain.indicator is not None
    assert (looks.indicator, looks.variant, looks.value, looks.unit) == (
        plain.indicator, plain.variant, plain.value, plain.unit)
    assert looks.label == plain.label  # labels hold the folded words


def test_surfaces_stay_verbatim() -> None:
    f = only(RADICALS)
    assert f.text == "5件"
    assert f.label_span is not None
    f.label_span.check(RADICALS)
    assert "⾏" in f.label_span.surface and "⽂" in f.label_span.surface


def test_full_width_digits_read_as_ascii() -> None:
    text = "受理行政复议案件６６件,办结６０件。"
    figs = figures(text)
    assert [f.text for f in figs] == ["６６件", "６０件"]
    assert [f.value for f in figs] == [d(66), d(60)]
    assert [f.indicator for f in figs] == [f.indicator for f in figures("受理行政复议案件66件,办结60件。")]


def test_quantities_read_folded_text() -> None:
    assert [(q.start, q.end, q.value) for q in quantities("２０２３年受理案件６６件。")] == [(9, 12, d(66))]


def test_consistency_reads_folded_text() -> None:
    # 增⻓ (U+2EC3 for 长) between the pair and its change still ties them together.
    text = "行政复议案件从100件增加到150件,增⻓40%。"
    figs = extract_figures(text)
    assert [f.compare for f in figs] == ["from", "to", "increase"]
    issues = check_consistency(figs, text)
    assert [i.code for i in issues] == ["change_contradicts_pair"]
    for span in issues[0].evidence:
        span.check(text)
