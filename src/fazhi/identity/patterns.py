"""Regular expressions shared by the identity readers."""

from __future__ import annotations

import re

from fazhi.ingest import dates

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
# 鞍委〔2024〕17号, 海政办发[2023]5号, 示政(2024)3号: agency abbreviation, bracketed year, serial.
DOC_NUMBER = re.compile(
    rf"[{HAN}]{{1,10}}\s*[〔\[［(（【]\s*((?:19|20)\d{{2}})\s*[〕\]］)）】]\s*\d{{1,4}}\s*号"
)
# Organs that sign a report, longest first so 人民政府办公室 wins over 人民政府.
ORGAN_SUFFIXES = (
    "人民政府办公室", "人民政府", "管理委员会", "街道办事处", "办事处", "管委会", "党工委", "工委",
    "委员会", "党委", "市委", "县委", "区委", "州委", "盟委", "旗委", "省委", "政府",
    "办公室", "局", "厅", "署", "中心", "院",
)
ORGAN_END = re.compile("(?:" + "|".join(ORGAN_SUFFIXES) + r")$")
DATE = re.compile(dates.DATE)  # one date pattern for readers and identity
CN_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
CN_YEAR = re.compile(r"[二][〇零○Ｏ][一二三四五六七八九〇零○Ｏ]{2}(?=年)")
YEAR = re.compile(r"(?<![\d—－\-~～至到])((?:19|20)\d{2})\s*年")
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")
TITLE_WORDS = re.compile(r"报告|情况|总结|年报")
