"""Charts come out as real SVG and PNG files with no browser and no network, Chinese drawn as shapes."""

from __future__ import annotations

from fazhi.letters.charts import bar_chart, cjk_font_file, line_chart


def test_a_cjk_font_is_found_through_fontconfig() -> None:
    assert cjk_font_file(), "no CJK font: apt-get install fonts-noto-cjk"


def test_bar_chart_png_and_svg(tmp_path) -> None:
    args = ("行政机关负责人出庭应诉率", ["孝义市", "鞍山市"], [100.0, 95.0], "%")
    png = bar_chart(tmp_path / "a.png", *args)
    svg = bar_chart(tmp_path / "a.svg", *args)
    assert png.read_bytes().startswith(b"\x89PNG")
    text = svg.read_text(encoding="utf-8")
    # Glyphs as paths: the chart reads the same on a machine without the font.
    assert "<svg" in text and "<text" not in text and "http://www.w3.org" in text


def test_line_chart_of_a_series(tmp_path) -> None:
    png = line_chart(tmp_path / "s.png", "示例甲县 行政复议收案件数", [2023, 2024], [38.0, 47.0], "件")
    assert png.stat().st_size > 5_000
