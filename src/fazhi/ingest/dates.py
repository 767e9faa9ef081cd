"""Dates as government pages print them, and which one is the publication date.

Shared by the HTML reader (the bar it removes from the text) and identity
(the bar that stays in a text file as noise), so both read the same labels.
"""

from __future__ import annotations

import datetime as dt
import re

from fazhi.core.fold import fold

DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?"
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?!\d)")
# A 发布日期 label is the publication date; a bare 时间/日期 label counts only
# when no 发布 label is present. 成文日期/更新时间 are other dates: never used.
_BAR_SPECIFIC = re.compile(r"(?:发布|发表|发稿|刊发|公开|上传|发文)(?:日期|时间)\s*[:：]?\s*[\[【(（]?\s*" + DATE)
_BAR_GENERIC = re.compile(r"(?<![\u4e00-\u9fff])(?:日期|时间)\s*[:：]\s*[\[【(（]?\s*" + DATE)


def make_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value if 1990 <= value.year <= 2100 else None


def parse_date(value: str) -> dt.date | None:
    """The date at the start of a meta value ("2024-03-15 10:20", "2024年3月15日", "20240315")."""
    value = fold(value.strip())
    match = re.match(DATE, value) or _COMPACT_DATE.match(value)
    return make_date(*match.groups()[:3]) if match else None


def publication_date(bars: list[str]) -> tuple[int, dt.date, int, int] | None:
    """(bar index, date, start, end of the date in that bar) from metadata-bar lines, or None.

    Specific labels (发布日期) win over generic ones (时间) across all bars.
    """
    for pattern in (_BAR_SPECIFIC, _BAR_GENERIC):
        for index, bar in enumerate(bars):
            for match in pattern.finditer(fold(bar)):
                found = make_date(*match.groups()[:3])
                if found is not None:
                    return index, found, match.start(1), match.end()
    return None
