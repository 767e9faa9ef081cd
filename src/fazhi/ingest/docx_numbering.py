"""Render Word's automatic list numbering as text.

Drafters often let Word number the headings (一、 (一) 1.), and then the
enumerator is not in the paragraph's text at all but computed from
numbering.xml when the page is drawn. The outline stage finds headings by
their enumerators, so the reader renders them the way Word shows them.
Only what reports use is covered: the common number formats, level
restarts, start values and style-linked numbering; bullets render as nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{W}val"

_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
# After these an enumerator needs no separator before the heading text.
_CLOSING = "、.．)）:："


def chinese_number(n: int) -> str:
    """一, 十, 十一, 二十三, 一百零五 ... as Word's chineseCounting writes them."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append("零")
            zero = False
        # 十一, not 一十一, when the number starts with the tens.
        parts.append(("" if (unit == "十" and digit == 1 and not parts) else _DIGITS[digit]) + unit)
    return "".join(parts)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a..z, aa..zz, aaa...
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


# Word itself accepts list values up to 32767. A file may say anything: a start
# of 10**11 in letters would be a 4 GB string, 10**15 in Roman numerals a
# billion loop turns. Beyond Word's range a number is written in digits.
MAX_LIST_NUMBER = 32767


def format_number(n: int, fmt: str) -> str:
    if not 0 < n <= MAX_LIST_NUMBER and fmt not in ("bullet", "none"):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "chineseLegalSimplified"):
        return chinese_number(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _HEAVENLY_STEMS[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)  # decimal, decimalZero and anything exotic


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str  # lvlText, "%1、"


@dataclass(slots=True)
class Numbering:
    """Level definitions per numId, and the running counters while the body is read."""

    levels: dict[str, dict[int, _Level]]
    starts: dict[str, dict[int, int]]  # lvlOverride/startOverride per numId
    style_numbering: dict[str, tuple[str, int]]  # paragraph style id -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        """The enumerator for the next paragraph of list ``num_id`` at ``ilvl``."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        if ilvl in counts:
            counts[ilvl] += 1
        else:
            counts[ilvl] = self.starts.get(num_id, {}).get(ilvl, levels[ilvl].start)
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts its sub-lists
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""
        text = level.text
        for k in range(8, -1, -1):  # %10 never occurs: Word has nine levels
            token = f"%{k + 1}"
            if token in text:
                value = counts.get(k, levels[k].start if k in levels else 1)
                fmt = levels[k].fmt if k in levels else "decimal"
                text = text.replace(token, format_number(value, fmt))
        if text and text[-1] not in _CLOSING:
            text += " "
        return text


def load_numbering(numbering_xml: etree._Element | None, styles_xml: etree._Element | None) -> Numbering:
    abstract: dict[str, dict[int, _Level]] = {}
    levels: dict[str, dict[int, _Level]] = {}
    starts: dict[str, dict[int, int]] = {}
    if numbering_xml is not None:
        for node in numbering_xml.iterchildren(f"{W}abstractNum"):
            abstract[node.get(f"{W}abstractNumId", "")] = {
                int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in node.iterchildren(f"{W}lvl")
            }
        for num in numbering_xml.iterchildren(f"{W}num"):
            num_id = num.get(f"{W}numId", "")
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            levels[num_id] = dict(abstract.get(ref.get(_VAL, ""), {}))
            for override in num.iterchildren(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    levels[num_id][ilvl] = _level(lvl)
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts.setdefault(num_id, {})[ilvl] = _int(start.get(_VAL), 1)
    return Numbering(levels, starts, _style_numbering(styles_xml))


def _level(lvl: etree._Element) -> _Level:
    def val(tag: str, default: str) -> str:
        node = lvl.find(f"{W}{tag}")
        return default if node is None else node.get(_VAL, default)

    return _Level(start=_int(val("start", "1"), 1), fmt=val("numFmt", "decimal"), text=val("lvlText", ""))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _style_numbering(styles_xml: etree._Element | None) -> dict[str, tuple[str, int]]:
    """Numbering inherited from paragraph styles (标题 1 linked to a 一、 list)."""
    if styles_xml is None:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles_xml.iterchildren(f"{W}style"):
        style_id = style.get(f"{W}styleId", "")
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based_on[style_id] = parent.get(_VAL, "")
        num_pr = style.find(f"{W}pPr/{W}numPr")
        own[style_id] = num_pr_values(num_pr) if num_pr is not None else (None, None)
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in own:
        num_id, ilvl = own[style_id]
        seen = {style_id}
        current = style_id
        # A style based on a numbered style is numbered too, unless it says otherwise.
        while (num_id is None or ilvl is None) and based_on.get(current, "") not in seen | {""}:
            current = based_on[current]
            seen.add(current)
            parent_num, parent_lvl = own.get(current, (None, None))
            num_id = num_id if num_id is not None else parent_num
            ilvl = ilvl if ilvl is not None else parent_lvl
        if num_id and num_id != "0":
            resolved[style_id] = (num_id, ilvl or 0)
    return resolved


def num_pr_values(num_pr: etree._Element) -> tuple[str | None, int | None]:
    num = num_pr.find(f"{W}numId")
    lvl = num_pr.find(f"{W}ilvl")
    num_id = None if num is None else num.get(_VAL)
    ilvl = None if lvl is None else _int(lvl.get(_VAL), 0)
    return num_id, ilvl
