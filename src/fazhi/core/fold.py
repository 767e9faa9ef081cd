"""Fold look-alike code points onto the characters they imitate, one for one.

Full-width digits (２０２３年) are folded to ASCII so that every year, date and
number pattern written with ASCII digits also reads them.

Text copied out of PDFs often carries CJK *radical* code points (U+2E80–U+2FDF)
in place of ideographs: ⻄ (U+2EC4) for 西, ⻓ for 长, ⽅ (U+2F45) for 方. They
look identical and defeat every lookup. Kangxi radicals have compatibility
decompositions (NFKC handles them); the Radicals Supplement mostly has none,
so those come from the table below. The mapping is one character to one
character, so offsets into the folded string equal offsets into the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# CJK Radicals Supplement forms that appear in Chinese PDFs, with no NFKC mapping.
_SUPPLEMENT = {
    "⺁": "厂", "⺇": "几", "⺌": "小", "⺍": "小", "⺎": "兀", "⺏": "尢", "⺐": "尣",
    "⺑": "尢", "⺒": "巳", "⺓": "幺", "⺔": "彐", "⺖": "忄", "⺘": "扌", "⺙": "攵",
    "⺛": "旡", "⺟": "母", "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫",
    "⺥": "爫", "⺦": "丬", "⺧": "牛", "⺨": "犭", "⺩": "王", "⺪": "疋", "⺫": "罒",
    "⺬": "示", "⺭": "礻", "⺮": "竹", "⺯": "糸", "⺰": "纟", "⺲": "罒", "⺳": "网",
    "⺶": "羊", "⺷": "羊", "⺹": "耂", "⺻": "聿", "⺼": "肉", "⺽": "臼", "⺾": "艹",
    "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "覀", "⻄": "西", "⻅": "见",
    "⻆": "角", "⻇": "角", "⻈": "讠", "⻉": "贝", "⻋": "车", "⻌": "辶", "⻍": "辶",
    "⻎": "辶", "⻏": "阝", "⻐": "钅", "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门",
    "⻖": "阝", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞",
    "⻝": "食", "⻞": "食", "⻟": "食", "⻠": "饣", "⻢": "马", "⻣": "骨", "⻤": "鬼",
    "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "斉",
    "⻬": "齐", "⻭": "歯", "⻮": "齿", "⻯": "竜", "⻰": "龙", "⻱": "龜", "⻲": "亀",
    "⻳": "龟",
}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SUPPLEMENT:
        return _SUPPLEMENT[char]
    if "\uff10" <= char <= "\uff19":
        return chr(ord(char) - 0xFF10 + 0x30)
    if "\u2f00" <= char <= "\u2fdf" or "\uf900" <= char <= "\ufaff":
        folded = unicodedata.normalize("NFKC", char)
        if len(folded) == 1:
            return folded
    return char


_SUSPECTS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19]")


def fold(text: str) -> str:
    """``text`` with look-alikes replaced; same length, same offsets."""
    if not _SUSPECTS.search(text):
        return text
    return _SUSPECTS.sub(lambda m: _fold_char(m.group()), text)
