"""Decoding undeclared bytes: every encoding Chinese reports come in, and refusing binary."""

from __future__ import annotations

import codecs
import os

import pytest

from fazhi.core.errors import NotText
from fazhi.ingest.encoding import decode_text, normalize_label
from tests.conftest import seed_paths

SAMPLE = "法治政府建设年度报告:2024年受理行政复议案件66件。"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb2312"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16"),
        (SAMPLE.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb2312", "utf16-bom", "utf16le-nobom", "utf16be-nobom"],
)
def test_each_encoding_decodes_to_the_same_text(data: bytes, expected: str) -> None:
    text, encoding = decode_text(data, "x.txt")
    assert text == SAMPLE
    assert encoding == expected


@pytest.mark.parametrize("short", ["一", "鞍山", "一、", "二是", "法治。", "孝义市2024年", "报告"])
def test_short_gbk_texts_are_not_garbled(short: str) -> None:
    assert decode_text(short.encode("gbk"), "x.txt")[0] == short


def test_gb18030_only_characters_survive() -> None:
    # 䶮 and 𠀀 are outside GBK; GB labels are decoded as GB18030 so they survive.
    text = "示例县䶮村法治建设𠀀报告,共计12项。"
    assert decode_text(text.encode("gb18030"), "x.txt")[0] == text


def test_gb_labels_widen_to_gb18030() -> None:
    assert {normalize_label(x) for x in ("GB2312", "gbk", "x-gbk", "GB_2312-80", "cp936")} == {"gb18030"}


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_whole_seed_reports_round_trip(path, encoding: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert decode_text(text.encode(encoding), path.name)[0] == text


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 20, b"\x89PNG\r\n\x1a\n" + bytes(400), b"PK\x03\x04" + os.urandom(2000)],
    ids=["all-bytes", "png", "zip"],
)
def test_binary_bytes_are_refused_with_the_file_named(data: bytes) -> None:
    with pytest.raises(NotText) as info:
        decode_text(data, "报告.txt")
    assert info.value.one_line().startswith("报告.txt: ")
    assert "\n" not in info.value.one_line()


def test_word_line_breaks_and_form_feeds_are_text() -> None:
    text = "一、主要举措\x0b(一)依法决策\x0c二、存在问题" * 3
    assert decode_text(text.encode("utf-8"), "x.txt")[0] == text
