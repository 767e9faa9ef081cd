"""Chinese typography for the letter's own sentences.

Rule messages and the data files are written with ASCII punctuation (as the
corpus is, after normalization), but an official letter sets full-width
marks next to Chinese. Quotes of the report are never passed through here:
they must stay exactly as the source has them.
"""

from __future__ import annotations

import datetime as dt
import re

# Written as escapes: full-width and ASCII marks look alike in most editors.
_FULL = {
    ",": "\uff0c",
    ";": "\uff1b",
    ":": "\uff1a",
    "?": "\uff1f",
    "!": "\uff01",
    "(": "\uff08",
    ")": "\uff09",
}
# Chinese characters, CJK marks, full-width forms, Chinese quotes, ellipsis, dashes.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e\u201c\u201d\u2018\u2019\u2026\u2014"
_HAS_CJK = re.compile(f"[{_CJK}]")
_NEXT_TO_CJK = re.compile(f"(?<=[{_CJK}])[,;:?!]|[,;:?!](?=[{_CJK}])")
# An innermost ASCII bracket pair with one character of context on each side.
_PAIR = re.compile(r"(.?)\(([^()]*)\)(.?)", re.S)
_HALF_WIDTH = re.compile(r"[\x20-\x7e]")


def typeset(text: str) -> str:
    """Full-width punctuation wherever an ASCII mark touches Chinese text."""
    text = _brackets(text)
    return _NEXT_TO_CJK.sub(lambda m: _FULL[m.group()], text)


def _brackets(text: str) -> str:
    # By pairs, innermost first, so that "a.txt(TXT格式)" does not end up half and half.
    # Each pass rewrites one pair out of ASCII, so this ends; the outer pair matches once its inner one is gone.
    while (m := _PAIR.search(text)) is not None:
        before, inside, after = m.groups()
        full = bool(_HAS_CJK.search(before + inside + after))
        left, right = (_FULL["("], _FULL[")"]) if full else ("\x00", "\x01")
        text = text[: m.start()] + before + left + inside + right + after + text[m.end() :]
    for half, placeholder in (("(", "\x00"), (")", "\x01")):
        text = text.replace(placeholder, half)
    return text


def display_width(text: str) -> float:
    """Width in Chinese characters (ASCII counts half), for placing the signature."""
    half = len(_HALF_WIDTH.findall(text))
    return (len(text) - half) + half / 2


def cn_date(day: dt.date) -> str:
    """GB/T 9704-2012 writes dates in Arabic numerals without leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"
