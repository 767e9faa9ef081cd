"""Web-page furniture inside text is marked as noise, never deleted; report text is left alone."""

from __future__ import annotations

import pytest

from fazhi.core.settings import Settings
from fazhi.ingest import read_path
from fazhi.ingest.noise import classify_line, find_noise
from tests.conftest import gold, seed_paths


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_every_gold_noise_line_is_covered(path) -> None:
    doc = read_path(path, Settings())
    for line in gold(path)["noise"]:
        at = doc.text.find(line)
        assert at >= 0
        assert any(n.start <= at and at + len(line) <= n.end for n in doc.noise), line


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_noise_is_only_the_gold_furniture(path) -> None:
    doc = read_path(path, Settings())
    expected = gold(path)["noise"]
    assert [n.span.surface for n in doc.noise] == expected


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_noise_spans_are_grounded_and_text_untouched(path) -> None:
    doc = read_path(path, Settings())
    assert doc.text == path.read_text(encoding="utf-8")
    for noise in doc.noise:
        assert doc.text[noise.start : noise.end] == noise.span.surface


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("您当前的位置: 首页>通知公告", "breadcrumb"),
        ("当前位置:首页 > 政务公开 > 法治政府建设", "breadcrumb"),
        ("首页 > 政务公开", "breadcrumb"),
        ("发布时间:2025-02-26  来源:示例县司法局  浏览次数:", "metadata"),
        ("时间:2024-03-15 42:18来源:法治调研督察科作者:法治调研督察科点击:", "metadata"),
        ("【字体:大 中 小】", "metadata"),
        ("字号:[大] [中] [小]", "metadata"),
        ("来源:示例市司法局", "metadata"),
        ("【打印本页】 【关闭窗口】", "widget"),
        ("分享到:", "widget"),
        ("相关信息", "trailer"),
        ("上一篇:示例县2023年度法治政府建设情况报告", "trailer"),
        ("- 3 -", "page_number"),
        ("第 2 页 共 9 页", "page_number"),
        ("― 7 ―", "page_number"),
        ("Page 3 of 12", "page_number"),
        ("版权所有:示例市人民政府办公室  网站标识码:1234000001", "footer"),
        ("蜀ICP备12345678号  川公网安备 51070002000001号", "footer"),
    ],
)
def test_furniture_lines_are_recognised(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "一、主要举措和成效",
        "(二)严格规范公正文明执法",
        "全面落实行政执法公示制度,信息来源:执法部门按月报送执法数据,确保公开及时准确完整。",
        "时间:2024年全年共开展执法检查12次。",
        "海原县2023年度法治政府建设情况报告",
        "12345",
    ],
)
def test_report_text_is_not_noise(line: str) -> None:
    assert classify_line(line) is None


def test_a_related_links_trailer_takes_the_link_list_with_it() -> None:
    text = "正文最后一段。\n相关信息\n示例县2023年度法治政府建设情况报告\n示例县2022年度法治政府建设情况报告\n"
    noise = find_noise(text)
    assert [n.span.surface for n in noise] == [
        "相关信息", "示例县2023年度法治政府建设情况报告", "示例县2022年度法治政府建设情况报告",
    ]
