"""Resolve the jurisdiction a report is about against the division table.

Where to look, in order: the title, the issuer, the opening of the body. The
first division named there decides; a chain written together
(宁夏回族自治区中卫市海原县) resolves to its most specific member. What is
written right after the division name sets the level when it is not a plain
division: a zone (开封市示范区工委), a department (鞍山市司法局), a township
(XX镇人民政府). Names shared by several places (铁东区 in 鞍山 and 四平) are
settled only by an ancestor named elsewhere in the report; otherwise the
code stays null rather than being guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fazhi.core.fold import fold
from fazhi.core.spans import Span
from fazhi.identity.divisions import Division, DivisionTable
from fazhi.identity.patterns import HAN
from fazhi.identity.records import Jurisdiction

_ZONE_SUFFIX = (
    "高新技术产业开发区|经济技术开发区|高新技术产业园区|自由贸易试验区|综合保税区|经济开发区|"
    "产业集聚区|综合试验区|工业园区|产业园区|示范区|开发区|经开区|高新区|试验区|实验区|新区|保税区"
)
_ZONE_AFTER = re.compile(rf"[{HAN}]{{0,10}}?(?:{_ZONE_SUFFIX})")
# A zone named without a division before it must carry its organ to be sure.
_ZONE_ALONE = re.compile(rf"([{HAN}]{{2,12}}?(?:{_ZONE_SUFFIX}))(?=党工委|工委|管委会|管理委员会)")
_NOT_ZONE_MIDDLE = re.compile(r"法治|建设|创建|全国|省级|国家级|示范市|示范县")
_TOWNSHIP_AFTER = re.compile(rf"[{HAN}]{{1,8}}?(?:镇|乡|街道|苏木)(?=人民政府|党委|政府|办事处|$|\s)")
_DEPT_AFTER = re.compile(rf"[{HAN}]{{1,14}}?(?:局|厅|委员会|办公室|署|中心|委)(?![{HAN}]?[会员])")
_NOT_DEPARTMENT = re.compile(
    r"^(?:人民政府|政府|委|市委|县委|区委|州委|党委|工委|党工委|管委会|人大常委会|人民代表大会常务委员会|"
    r"政协|委员会)$|^(?:委|人民代表|全面依法治|法治)"
)


# A division name the table does not hold (created after the dataset, or
# fictional): accepted only in the title/issuer/opening, right before an organ,
# a year or 关于, and only when its level can be read off without guessing.
_UNLISTED = re.compile(
    rf"(?:中共)?([{HAN}]{{2,8}}?(?:自治区|自治州|自治县|省|市|县|旗|盟|区))"
    rf"(?=人民政府|政府|委员会|党委|党工委|工委|管委会|市委|县委|区委|关于|(?:19|20)\d{{2}}|二〇|法治|[{HAN}]{{1,8}}?(?:局|厅|办公室))"
)
_SUFFIX_LEVEL = (
    ("自治区", "province"), ("省", "province"), ("自治州", "city"), ("盟", "city"),
    ("自治县", "county"), ("县", "county"), ("旗", "county"), ("区", "district"),
)
# A 市 is prefecture level when the report speaks of the counties under it.
_HAS_COUNTIES = re.compile(r"县[(（]市、区[)）]|县[(（]区[)）]|各县区|各区县|县市区|区县[(（]市[)）]")
_IS_COUNTY_CITY = re.compile(r"县级市")


def _unlisted_level(name: str, text: str) -> str | None:
    for suffix, level in _SUFFIX_LEVEL:
        if name.endswith(suffix):
            return level
    if name.endswith("市"):
        if _HAS_COUNTIES.search(text):
            return "city"
        if _IS_COUNTY_CITY.search(text):
            return "county"
    return None


def _unlisted(text: str, folded: str, start: int, end: int) -> Jurisdiction | None:
    match = _UNLISTED.search(folded, start, end)
    if match is None:
        return None
    level = _unlisted_level(match.group(1), folded)
    if level is None:
        return None
    span = Span.of(text, match.start(1), match.end(1))
    after = folded[match.end(1) : end]
    zone = _ZONE_AFTER.match(after)
    if zone and not _NOT_ZONE_MIDDLE.search(zone.group(0)):
        span = Span.of(text, match.start(1), match.end(1) + zone.end())
        return Jurisdiction(name=span.surface, level="zone", span=span)
    dept = _DEPT_AFTER.match(after)
    if dept and not _NOT_DEPARTMENT.search(dept.group(0)):
        span = Span.of(text, match.start(1), match.end(1) + dept.end())
        return Jurisdiction(name=span.surface, level="department", span=span)
    fields = {"province": span.surface} if level == "province" else {}
    return Jurisdiction(name=span.surface, level=level, span=span, **fields)


def _chain_end(matches: list[tuple[int, int, str]], table: DivisionTable) -> int:
    """Index of the most specific division in the run of adjacent names starting at 0."""
    end = 0
    for i in range(1, len(matches)):
        if matches[i][0] != matches[i - 1][1]:
            break
        end = i
    return end


def _pick(
    candidates: list[Division], names_in_doc: Callable[[], set[str]], table: DivisionTable
) -> Division | None:
    if len(candidates) == 1:
        return candidates[0]
    names = names_in_doc()  # scanning the whole text is paid only for shared names
    backed = [c for c in candidates if any(a.name in names for a in table.ancestors(c))]
    return backed[0] if len(backed) == 1 else None


def _from_division(division: Division | None, name: str, level: str, table: DivisionTable) -> dict:
    if division is None:
        return {"name": name, "level": level}
    province = table.province_of(division)
    city = table.city_of(division)
    fields = {
        "province": province.name if province else None,
        "city": division.name if division.level == "city" else (city.name if city else None),
        "county": division.name if division.level in ("county", "district") else None,
    }
    if division.level == "province":
        fields["province"] = division.name
    return {"name": name, "level": level, **fields}


def resolve(
    text: str,
    regions: list[tuple[int, int]],
    table: DivisionTable,
    whole_text_names: Callable[[], set[str]],
) -> Jurisdiction | None:
    """The jurisdiction named first in ``regions`` (offset pairs into ``text``), or None."""
    folded = fold(text)
    for start, end in regions:
        region = folded[start:end]
        matches = table.scan(region)
        if not matches:
            zone = _ZONE_ALONE.search(region)
            if zone:
                span = Span.of(text, start + zone.start(1), start + zone.end(1))
                return Jurisdiction(name=span.surface, level="zone", span=span)
            unlisted = _unlisted(text, folded, start, end)
            if unlisted is not None:
                return unlisted
            continue
        idx = _chain_end(matches, table)
        m_start, m_end, name = matches[idx]
        division = _pick(table.by_name[name], whole_text_names, table)
        after = region[m_end:]
        # What follows the name decides zones, townships and departments.
        zone = _ZONE_AFTER.match(after)
        if zone and not _NOT_ZONE_MIDDLE.search(zone.group(0)) and not table.scan(zone.group(0)):
            span = Span.of(text, start + m_start, start + m_end + zone.end())
            fields = _from_division(division, span.surface, "zone", table)
            return Jurisdiction(**fields, parent_code=division.code if division else None, span=span)
        township = _TOWNSHIP_AFTER.match(after)
        if township and division is not None and division.level in ("county", "district"):
            span = Span.of(text, start + m_end, start + m_end + township.end())
            fields = _from_division(division, span.surface, "township", table)
            return Jurisdiction(**fields, parent_code=division.code, span=span)
        dept = _DEPT_AFTER.match(after)
        if dept and not _NOT_DEPARTMENT.search(dept.group(0)):
            span = Span.of(text, start + m_start, start + m_end + dept.end())
            fields = _from_division(division, span.surface, "department", table)
            return Jurisdiction(**fields, parent_code=division.code if division else None, span=span)
        span = Span.of(text, start + m_start, start + m_end)
        candidates = table.by_name[name]
        levels = {c.level for c in candidates}
        level = division.level if division else (levels.pop() if len(levels) == 1 else "county")
        fields = _from_division(division, span.surface, level, table)
        return Jurisdiction(**fields, code=division.code if division else None, span=span)
    return None
