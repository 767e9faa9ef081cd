"""Resolve the jurisdiction a report is about against the division table and the department catalog.

Where to look, in order: the title, the issuer, the opening sentence of the
body, the signature. The first unit named there as the subject decides; a chain
written together (宁夏回族自治区中卫市海原县) resolves to its most specific
member. What is written right after a division name sets the level when it is
not a plain division: a zone (开封市示范区工委), a department (鞍山市司法局),
a township (XX镇人民政府).

A report that names itself only by role (省人民政府, 市公安局, 县司法局, 我局)
gets its place from the page chrome (site name, 主办单位), the signature, or
else the place of that level the text names most often; when none clearly
leads, the place stays null rather than being guessed. Names shared by several
places (铁东区 in 鞍山 and 四平) are settled only by an ancestor named elsewhere.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from fazhi.core.spans import Span
from fazhi.identity.departments import Catalog, Department
from fazhi.identity.divisions import Division, DivisionTable
from fazhi.identity.patterns import HAN
from fazhi.identity.records import Jurisdiction

_ZONE_SUFFIX = (
    "高新技术产业开发区|经济技术开发区|高新技术产业园区|自由贸易试验区|综合保税区|经济开发区|"
    "产业集聚区|综合试验区|工业园区|产业园区|示范区|开发区|经开区|高新区|试验区|实验区|合作区|新片区|新区|综保区|保税区|航空港经济区|旅游度假区|新城"
)
# Short zone names written for the official ones (天津滨海高新区 = 天津滨海高新技术产业开发区).
_ZONE_OFFICIAL = (("高新区", "高新技术产业开发区"), ("经开区", "经济技术开发区"), ("综保区", "综合保税区"))
_ZONE_AFTER = re.compile(rf"[{HAN}]{{0,10}}?(?:{_ZONE_SUFFIX})")
# A zone named without a division before it must carry its organ to be sure.
# What may follow a unit named as the subject of a title or sentence.
_SUBJECT_FOLLOW = (
    r"(?=人民政府|行政公署|政府|党委|党工委|工委|管委会|管理委员会|办事处|关于|\d|二〇|法治|在|坚持|深入|认真|始终|紧紧|全面|"
    r"聚焦|围绕|以|按照|全(?:区|县|市|镇|乡|旗)上下|[,，、(（])"
)
# 广西-东盟经济技术开发区 joins two names with a hyphen; 甘眉工业园区南区 is a part of a zone with its own committee.
_ZONE_ALONE = re.compile(
    rf"((?:中国[(（][{HAN}]{{2,4}}[)）])?(?:[{HAN}]{{2,6}}[-－])?[{HAN}]{{0,12}}?(?:{_ZONE_SUFFIX})(?:[东南西北中]区|[{HAN}]{{1,3}}?片区)?)(?:{_SUBJECT_FOLLOW}|(?=[{HAN}]{{1,5}}?(?:局|办公室|中心)))"
)
# The authority of a zone written by the zone's short name: 前海管理局, 南沙管委会.
_AUTHORITY = re.compile(rf"([{HAN}]{{2,4}}?)(?:管理局|管委会|管理委员会)")
# 中国(上海)自由贸易试验区管理委员会保税区管理局: a bureau of the zone's committee.
_ZONE_BUREAU = re.compile(rf"(?:管理委员会|管委会)[{HAN}]{{2,8}}?局")
_STARTS_CLAUSE = re.compile(_SUBJECT_FOLLOW.replace("(?=", "(?:", 1))
# A zone word with no name of its own (经济开发区2024年度…): the name is elsewhere.
_GENERIC_ZONE = re.compile(rf"^(?:{_ZONE_SUFFIX}|经济{_ZONE_SUFFIX}|高新技术{_ZONE_SUFFIX})$")
_NOT_ZONE_MIDDLE = re.compile(r"法治|建设|创建|全国|省级|国家级|示范市|示范县")
_TOWNSHIP_END = r"(?:镇|乡|街道|苏木)"
_TOWNSHIP_AFTER = re.compile(rf"[{HAN}]{{1,8}}?{_TOWNSHIP_END}(?=人民政府|党委|政府|办事处|党工委|$|\s|\d|关于|法治)")
# A township or street opening a title or sentence by itself (杜城街道2025年…, 古镛镇人民政府).
_TOWNSHIP_ALONE = re.compile(rf"([{HAN}]{{1,6}}?{_TOWNSHIP_END})(?:办事处)?{_SUBJECT_FOLLOW}")
# 鹤龙街坚持…: a street written without 道 as the subject of the opening sentence.
_STREET_SHORT = re.compile(rf"([{HAN}]{{2,4}}?街)(?=坚持|深入|认真|始终|紧紧|全面|聚焦|围绕|按照|在)")
_NOT_TOWNSHIP = re.compile(r"^(?:各|全|我|本|该|乡|镇|街道|城乡|村镇|集镇|小城镇|重点镇|特色小镇|[各全我本该])")
# A department's name is a noun: it never runs over the words a clause opens with (雄安新区管委会在省委…).
_CLAUSE_WORD = r"在|坚持|深入|认真|始终|紧紧|全面|聚焦|围绕|按照|根据|关于|高度|持续|不断|积极"
_DEPT_AFTER = re.compile(rf"(?:(?!{_CLAUSE_WORD})[{HAN}]){{1,14}}?(?:局|厅|委员会|办公室|署|中心|委)(?![{HAN}]?[会员])")
_NOT_DEPARTMENT = re.compile(
    r"^(?:人民政府|行政公署|政府|委|市委|县委|区委|州委|党委|工委|党工委|管委会|人大常委会|人民代表大会常务委员会|"
    r"政协|委员会)$|^(?:委|人民代表|全面依法治|法治)"
)
# What a report's subject sentence may open with before naming itself (a mirror may have cut the
# year's digits: 年,我市…).
_LEAD = re.compile(
    r"^\s*(?:\d{1,2}[、.．]\s*)?(?:(?:(?:19|20)\d{2}|[二][〇零○][一二三四五六七八九〇零○]{2})\s*年(?:度|以来)?|今年以来|一年来|近年来|过去一年|年度?(?=\s*[,，]))?\s*[,，]?\s*"
    r"(?:在[^,，。]{0,60}?(?:下|上|中)\s*[,，]\s*)*"
)
_UNLISTED = re.compile(
    rf"(?:中共)?([{HAN}]{{2,8}}?(?:自治区|自治州|自治县|省|市|县|旗|盟|区))"
    rf"(?=人民政府|政府|委员会|党委|党工委|工委|管委会|市委|县委|区委|关于|(?:19|20)\d{{2}}|二〇|法治|[{HAN}]{{1,8}}?(?:局|厅|办公室))"
)
# Words that open phrases, never place names (现将县…, 在区委依法治区…, 全省…; 经 as in 经研究, not 经开区).
_NOT_PLACE_START = re.compile(r"^(?:现将|现就|在|按照|根据|关于|对|为|我|本|全|各|该|由|经(?!济|开)|向|以|和|与|及|并|省|市|县|区)")
# The level a role word names by itself (市 may be a municipality, a prefecture or a county-level city).
_ROLE_LEVEL = {"自治区": "province", "省": "province", "州": "city", "盟": "city", "县": "county", "旗": "county",
               "区": "district"}
_SUFFIX_LEVEL = (
    ("自治区", "province"), ("省", "province"), ("自治州", "city"), ("盟", "city"),
    ("自治县", "county"), ("县", "county"), ("旗", "county"), ("区", "district"),
)
# A 市 is prefecture level when the report speaks of the counties under it.
_HAS_COUNTIES = re.compile(r"县[(（]市、区[)）]|县[(（]区[)）]|各县区|各区县|县市区|区县[(（]市[)）]")
_IS_COUNTY_CITY = re.compile(r"县级市")
# Naming by role: 省人民政府, 自治区人民政府, 市公安局, 县司法局, 州党委, 我局.
_ROLE = re.compile(r"(?:中共)?(?:我|本)?(自治区|省|市|州|盟|县|区|旗)(?=人民政府|行政公署|政府|党委|委员会|委[、和及]\1?(?:人民)?政府|[\u4e00-\u9fff]{2,12}?(?:局|厅|委员会|委))")
# 县委、县政府 as one subject speaks for the county as much as 县政府 does.
_ROLE_ORGAN = re.compile(r"人民政府|行政公署|政府|党委|委员会(?!办公室)|委(?=[、和及](?:自治区|省|市|州|盟|县|区|旗)?(?:人民)?政府)")
# A report speaking of its own place: 2023年,全区各级人民政府… / 我县…
_SELF_PLACE = re.compile(r"(?:全|我|本)(自治区|省|区|市|州|盟|县|旗)")
# 现将省政府2023年度法治政府建设情况报告如下.
_REPORT_SELF = re.compile(r"现将(?:我|本)?(自治区|省|市|州|盟|县|区|旗)(?=人民政府|政府|[\u4e00-\u9fff]{2,12}?(?:局|厅))")
# 落实省、市、区关于…的部署: the chain of governments ends at the report's own.
_SERIES = re.compile(r"(?:中央|省|市|州)、?(?:省|市|州)?、?(市|州|县|区)(?=关于|的|有关|部署|要求|决策|工作)")
_PRONOUN = re.compile(r"[我本全各该此]|现将")
# A township that speaks of itself (我乡法治政府建设…) and names itself further on.
_SELF_TOWNSHIP = re.compile(r"(?:我|本)(镇|乡|街道)")
_SUB_BUREAU = re.compile(rf"([{HAN}]{{2,4}}?)(?:管理局|分局)")
_SHORT_BRANCH = re.compile(rf"([{HAN}]{{2,3}}?)(公安)?分局")
_CITY_ROLE = re.compile(r"市(?!委|政府|人民)")
_SELF_DEPT = re.compile(r"我局|本局|局党组|局机关|局领导班子|我厅|本厅|厅党组|厅机关|我委(?!员)|本委(?!员)")
_SYSTEM = re.compile(rf"(?:全市|全县|全区|全省|全州)([{HAN}]{{2,6}}?)系统")


def _role_fits(role: str, division: Division) -> bool:
    name, level = division.name, division.level
    if role == "省":
        return level == "province" and name.endswith("省")
    if role == "自治区":
        return level == "province" and name.endswith("自治区")
    if role == "市":
        return name.endswith("市") and (level in ("city", "county") or level == "province")
    if role in ("州", "盟"):
        return level == "city" and name.endswith(role)
    if role == "县":
        return level == "county" and name.endswith("县")
    if role == "旗":
        return level == "county" and name.endswith("旗")
    if role == "区":
        return level == "district"
    return False


@dataclass(frozen=True, slots=True)
class Context:
    text: str  # the clean reading (identity/reading.py); spans are cut from it
    table: DivisionTable
    catalog: Catalog
    chrome: tuple[str, ...]  # cleaned page furniture (site name, 主办单位…)
    signature: tuple[int, int] | None
    whole_text_names: Callable[[], set[str]]
    fallback: list[Jurisdiction]  # units named too generally to decide, used when nothing better comes
    places: dict[str, Division | None]  # _place_for's answers by role
    # Units whose level is plain but whose place is named nowhere (市自然资源和规划局, 自治区人民政府,
    # 我局): returned with a null name only when no region names a unit at all.
    level_only: list[Jurisdiction]


def _chain(division: Division | None, table: DivisionTable, include_self: bool) -> dict:
    if division is None:
        return {}
    province = table.province_of(division)
    city = table.city_of(division)
    fields = {
        "province": province.name if province else None,
        "city": division.name if division.level == "city" else (city.name if city else None),
        "county": division.name if division.level in ("county", "district") else None,
    }
    if division.level == "province":
        fields["province"] = division.name
    names = [d.name for d in table.ancestors(division)]
    if include_self:
        names.append(division.name)
    fields["parent"] = "".join(names) or None
    return fields


def _place_unit(place: Division, ctx: Context, span: Span) -> Jurisdiction:
    """The division itself as the reporting unit, named where ``span`` speaks for it."""
    return Jurisdiction(
        name=place.name, level=place.level, code=place.code, **_chain(place, ctx.table, include_self=False),
        span=span,
    )


def _pick(candidates: list[Division], ctx: Context) -> Division | None:
    if len(candidates) == 1:
        return candidates[0]
    names = ctx.whole_text_names()  # scanning the whole text is paid only for shared names
    backed = [c for c in candidates if any(a.name in names for a in ctx.table.ancestors(c))]
    return backed[0] if len(backed) == 1 else None


def _place_for(role: str, ctx: Context) -> Division | None:
    """The place a report that names itself by role belongs to (see module docstring)."""
    if role not in ctx.places:  # the whole text is scanned at most once per role
        ctx.places[role] = _find_place(role, ctx)
    return ctx.places[role]


def _find_place(role: str, ctx: Context) -> Division | None:
    table = ctx.table
    for chrome in ctx.chrome:
        for _, _, name in table.scan(chrome):
            fits = [d for d in table.by_name[name] if _role_fits(role, d)]
            if len(fits) == 1:
                return fits[0]
    if ctx.signature is not None:
        for _, _, name in table.scan(ctx.text[ctx.signature[0] : ctx.signature[1]]):
            fits = [d for d in table.by_name[name] if _role_fits(role, d)]
            if len(fits) == 1:
                return fits[0]
    media = {i for m in _MEDIA.finditer(ctx.text) for i in range(m.start(), m.end())}
    counts: Counter[str] = Counter()  # mentions by division: any level when the name is unique
    for start, end, name in table.scan(ctx.text):
        if start in media:
            continue
        if len(name) == 2 and name.endswith("县") and ctx.text.startswith("委", end):
            continue  # 要求和县委依法治县办…: 和 + 县委 as easily as 和县 + 委; 和县 counts before 人民政府
        found = table.by_name[name]
        for d in found:
            if len(found) == 1 or _role_fits(role, d):
                counts[d.code] += 1
    state = {i for m in _STATE.finditer(ctx.text) for i in range(m.start(), m.end())}
    for start, _, short in table.scan_short(ctx.text):
        if ctx.catalog.is_field_word(short) or start in state or start in media:  # 公安 of a police report, 共和 of 共和国
            continue
        found = table.by_short[short]
        for d in found:
            # About 2,800 county-level short names include ordinary words (平和, 和平, 长安): a county or
            # district is counted only where named in full; provinces and prefectures by short name too.
            if d.level in ("province", "city") and (len(found) == 1 or _role_fits(role, d)):
                counts[d.code] += 1
    # 其中,赤坎区…;麻章区…;吴川市…: a report that goes through several units of one place alike speaks as
    # that place, so their mentions count for it (a county-level 市 among a prefecture's units, 广州、深圳
    # among a province's). A unit named more than all the others together is the one speaking.
    parts: dict[str, set[str]] = {}
    for code in counts:
        for whole in table.ancestors(table.by_code[code]):
            parts.setdefault(whole.code, set()).add(code)
    for whole_code, members in parts.items():
        named = sorted(counts[c] for c in members)
        if len(members) >= 2 and _role_fits(role, table.by_code[whole_code]) and named[-1] <= sum(named[:-1]):
            counts[whole_code] += sum(counts.pop(code) for code in members if code in counts)
    ranked = Counter({c: n for c, n in counts.items() if _role_fits(role, table.by_code[c])}).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    if ranked[0][1] == 1 and _ONE_OF_ITS_UNITS.search(ctx.text):
        # 我市… 将平度市25个… : one mention of a county-level 市 in a report that speaks of its own local
        # legislation or its districts and counties is a unit under the speaker, not the speaker.
        if table.by_code[ranked[0][0]].level == "county":
            return None
    return table.by_code[ranked[0][0]]


# What only a prefecture-level city says of itself: its own legislation, its districts and counties.
_ONE_OF_ITS_UNITS = re.compile(r"本市地方立法|地方性法规|设区的市|各区县|各县区|各县(?:市|\(市|（市)区|各区\(市|各区（市|县\(市、区|县（市、区|区县")
# The state's own name, cited with every law (中华人民共和国宪法): no short place name inside it.
_STATE = re.compile(r"中华人民共和国|人民共和国|共和国")
# A newspaper, channel or website a report published in (《福建日报》, 甘肃卫视, 中国长安网): the place in its
# name is the medium's, never the reporting unit's.
# A government's own gazette (《…人民政府公报》) is not a medium apart from it.
_MEDIA = re.compile(
    rf"《[^》\n]{{0,16}}?(?:(?<!公)报|杂志|电视台)》|[{HAN}]{{2,10}}?(?:卫视|电视台|广播电视台|人民广播电台|日报社|新闻网|政府网|政务网|门户网站)"
)
_ORGAN_AFTER = re.compile(r"委|人民政府|政府|党委")


def _township_parent(ctx: Context, own: str) -> Division | None:
    """The county or district a township belongs to, only where the page or text names it plainly.

    Short names are not used here (吉水镇 is not in 吉水县, 共和国 is not 共和县), nor names inside the
    township's own name; a two-character county (和县) counts only before its organ (和县人民政府).
    A township whose county is named nowhere keeps a null parent.
    """
    table = ctx.table

    def fits(name: str) -> list[Division]:
        return [d for d in table.by_name[name] if d.level in ("county", "district") and d.name not in own]

    for source in (*ctx.chrome, ctx.text[ctx.signature[0] : ctx.signature[1]] if ctx.signature else ""):
        for _, _, name in table.scan(source):
            if len(found := fits(name)) == 1:
                return found[0]
    counts: Counter[str] = Counter()
    for start, end, name in table.scan(ctx.text):
        if len(name) == 2 and not _ORGAN_AFTER.match(ctx.text, end):
            continue
        if len(found := fits(name)) == 1:
            counts[found[0].code] += 1
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return table.by_code[ranked[0][0]]


def _department(
    dept: Department, national: bool, place: Division | None, span: Span, ctx: Context, written: str | None = None,
    form: str | None = None,
) -> Jurisdiction | None:
    if national:
        return Jurisdiction(name=dept.national or written or span.surface, level="department", parent="国务院", span=span)
    if place is None:  # 市自然资源和规划局 with no city named anywhere: the name stays null
        ctx.level_only.append(Jurisdiction(name=None, level="department", span=span))
        return None
    official = dept.official(place.name, place.level, form)
    sub = _SUB_BUREAU.match(ctx.text, span.end)
    if sub is not None and _within(sub.group(1), place, ctx.table):
        # 市交通运输局龙岗管理局: the city bureau's office for one of its districts reports for itself.
        official += sub.group(0)
        span = Span.of(ctx.text, span.start, sub.end())
    return Jurisdiction(
        name=place.name + official, level="department", parent_code=place.code,
        **_chain(place, ctx.table, include_self=True), span=span,
    )


def _within(name: str, place: Division, table: DivisionTable) -> bool:
    """Whether ``name`` (full or short) is a division under ``place``."""
    found = table.by_name.get(name, []) + table.by_short.get(name, [])
    return any(d.code != place.code and d.code.startswith(place.code[: 2 if place.level == "province" else 4])
               for d in found)


def _zone_name(written: str) -> str:
    for short, official in _ZONE_OFFICIAL:
        if written.endswith(short):
            return written[: -len(short)] + official
    return written


def _subject_start(region: str) -> int:
    lead = _LEAD.match(region)
    start = lead.end() if lead else 0
    return start + 2 if region.startswith("中共", start) else start


def _after_division(division: Division | None, name: str, m_start: int, m_end: int, start: int, end: int,
                    ctx: Context) -> Jurisdiction:
    """What follows a division name decides zones, townships and departments."""
    text, table, catalog = ctx.text, ctx.table, ctx.catalog
    after = text[m_end:end]
    zone = _ZONE_AFTER.match(after)
    if zone and not _NOT_ZONE_MIDDLE.search(zone.group(0)) and not table.scan(zone.group(0)):
        span = Span.of(text, m_start, m_end + zone.end())
        return Jurisdiction(
            name=_zone_name(span.surface), level="zone", parent_code=division.code if division else None,
            **_chain(division, table, include_self=True), span=span,
        )
    skip = len("人民政府") if after.startswith("人民政府") and _TOWNSHIP_AFTER.match(after, 4) else 0
    township = _TOWNSHIP_AFTER.match(after, skip)
    if township and division is not None and division.level in ("county", "district"):
        # 广州市海珠区人民政府滨江街道办事处: the street, under the district's government.
        span = Span.of(text, m_end + skip, m_end + township.end())
        return Jurisdiction(
            name=span.surface, level="township", parent_code=division.code,
            **_chain(division, table, include_self=True), span=span,
        )
    branch = catalog.branch(text, m_end)
    if branch:
        span = Span.of(text, m_start, branch.end())
        district = _district_named(branch.group(1), division, table)
        place = district or division
        return Jurisdiction(
            name=span.surface, level="department", parent_code=place.code if place else None,
            **_chain(place, table, include_self=True), span=span,
        )
    found = catalog.match(text, m_end)
    if found is None and name[-1] in "县市区" and text.startswith(name[-1], m_end):
        found = catalog.match(text, m_end + 1)  # 元谋县县卫生健康局: the level written twice by mistake
    if found is not None and found.end <= end:
        span = Span.of(text, m_start, found.end)
        return _department(found.department, False, division, span, ctx, written=span.surface,
                           form=found.form) if division else \
            Jurisdiction(name=span.surface, level="department", span=span)
    dept = _DEPT_AFTER.match(after)
    if dept and not _NOT_DEPARTMENT.search(dept.group(0)):
        span = Span.of(text, m_start, m_end + dept.end())
        return Jurisdiction(
            name=span.surface, level="department", parent_code=division.code if division else None,
            **_chain(division, table, include_self=True), span=span,
        )
    span = Span.of(text, m_start, m_end)
    candidates = table.by_name[name]
    levels = {c.level for c in candidates}
    if division is not None and division.level == "zone":
        above = table.city_of(division) or table.province_of(division)
        return Jurisdiction(
            name=_with_city(division.name, above, ctx), level="zone", code=division.code,
            **_chain(division, table, include_self=False), span=span,
        )
    if division is None:
        level = levels.pop() if len(levels) == 1 else "county"
        return Jurisdiction(name=span.surface, level=level, span=span)
    return Jurisdiction(
        name=division.name, level=division.level, code=division.code,
        **_chain(division, table, include_self=False), span=span,
    )


def _short_branch(branch: re.Match[str], ctx: Context) -> Jurisdiction | None:
    """龙华公安分局, 龙华分局: a district's branch of a city bureau written by the district's short name.

    The district is the one of that name whose full name or city the text names (深圳市龙华区委); the
    bureau is 公安局 when written so, else the city bureau the text names (在市公安局的领导下). The
    branch gets its official name, 深圳市公安局龙华分局.
    """
    table, short, text = ctx.table, branch.group(1), ctx.text
    dept = "公安局" if branch.group(2) else None
    for role in _CITY_ROLE.finditer(text) if dept is None else ():
        found = ctx.catalog.match(text, role.end())
        if found is not None and not found.national:
            dept = found.department.name
            break
    if dept is None:
        return None
    candidates = [d for d in table.by_name.get(short + "区", []) + table.by_short.get(short, [])
                  if d.level in ("district", "county")]
    district = _pick(list({d.code: d for d in candidates}.values()), ctx) if candidates else None
    if district is None:
        return None
    above = table.city_of(district) or table.province_of(district)
    span = Span.of(ctx.text, branch.start(), branch.end())
    return Jurisdiction(
        name=f"{above.name if above else ''}{dept}{short}分局", level="department", parent_code=district.code,
        **_chain(district, table, include_self=True), span=span,
    )


def _district_named(short: str, city: Division | None, table: DivisionTable) -> Division | None:
    """朝阳 in 北京市公安局朝阳分局: the district 朝阳区 under that city."""
    for d in table.by_name.get(short, []) + table.by_name.get(short + "区", []):
        if city is None or d.code[:4] == city.code[:4] or d.code[:2] == city.code[:2] and city.level == "province":
            return d
    return None


def _named(start: int, end: int, ctx: Context, opening: bool) -> Jurisdiction | None:
    """A unit named with its place in text[start:end] (title, issuer or opening)."""
    text, table = ctx.text, ctx.table
    region = text[start:end]
    matches = table.scan(region)
    if opening:
        # In a body sentence only the subject counts: 2023年,枝江市…, not 在宜昌市委领导下.
        # A chain written together (深圳市南山区) is kept whole: it resolves to its last member below.
        head = _subject_start(region)
        chain = []
        for m in matches:
            if m[0] == (chain[-1][1] if chain else head):
                chain.append(m)
        matches = chain
    elif matches and "《" in region[: matches[0][0]] and "》" not in region[: matches[0][0]]:
        matches = []
    if not matches:
        return None
    idx = 0
    for i in range(1, len(matches)):
        if matches[i][0] != matches[i - 1][1]:
            break
        idx = i
    m_start, m_end, name = matches[idx]
    division = _pick(table.by_name[name], ctx)
    return _after_division(division, name, start + m_start, start + m_end, start, end, ctx)


def _unnamed(start: int, end: int, ctx: Context, opening: bool) -> Jurisdiction | None:
    """A unit named without a listed division: a township, a zone, a department or a role."""
    text, table, catalog = ctx.text, ctx.table, ctx.catalog
    region = text[start:end]
    head = _subject_start(region)
    at = start + head
    # A State Council department (司法部, 国家税务总局关于…).
    found = catalog.match(text, at)
    if found is None and text.startswith("中华人民共和国", at):
        found = catalog.match(text, at + 7)
    if found is not None and found.national:
        return _department(found.department, True, None, Span.of(text, at, found.end), ctx)
    branch = _SHORT_BRANCH.match(text, at, end)
    if branch is not None and (found := _short_branch(branch, ctx)) is not None:
        return found
    township = _TOWNSHIP_ALONE.match(text, at, end) or _STREET_SHORT.match(text, at, end)
    if township and not _NOT_TOWNSHIP.search(township.group(1)) and not table.scan(township.group(1)):
        span = Span.of(text, township.start(1), township.end(1))
        name = span.surface + ("道" if span.surface.endswith("街") else "")
        county = _township_parent(ctx, name)
        return Jurisdiction(
            name=name, level="township", parent_code=county.code if county else None,
            **_chain(county, table, include_self=True), span=span,
        )
    if opening and _SYSTEM.match(text, at, end):
        return _self_department(ctx, (start, end))
    zone = _ZONE_ALONE.match(text, at, end)
    if zone is None and not opening:
        zone = _ZONE_ALONE.search(text, at, end)
    if zone and not _NOT_PLACE_START.search(zone.group(1)):
        found = _zone(Span.of(text, zone.start(1), zone.end(1)), ctx, end)
        if not _GENERIC_ZONE.match(zone.group(1)):
            return found
        # 经济开发区2024年度…, 高新区综治局…: the zone's own name may come in a later region.
        ctx.fallback.append(found)
    role = _ROLE.match(text, at, end)
    if role is not None and ((by_role := _by_role(role, ctx, end)) is not None or not opening):
        return by_role
    if not opening:
        return _unlisted(start, end, ctx)
    authority = _AUTHORITY.match(text, at, end)
    if authority is not None:  # 前海管理局 reports for 前海深港现代服务业合作区, named further on
        zone = re.search(rf"{re.escape(authority.group(1))}[{HAN}]{{0,12}}?(?:{_ZONE_SUFFIX})", text[: start + _BODY_CHARS])
        if zone is not None:
            return _zone(Span.of(text, zone.start(), zone.end()), ctx, zone.end(), prefix=False)
    role = _REPORT_SELF.search(text, start, end)
    if role is not None:
        return _by_role(role, ctx, end)
    if _SELF_BRANCH.match(text, at, end):  # 全区公安机关 speaks for the district's police branch
        return _self_branch(ctx, (start, end))
    own = _SELF_PLACE.match(text, at, end)
    if own is not None:
        word = own.group(1)
        if word == "区" and "自治区" in text[: start + _BODY_CHARS]:
            word = "自治区"
        place = _place_for(word, ctx)
        span = Span.of(text, own.start(), own.end())
        if place is not None:
            return _place_unit(place, ctx, span)
        level = _ROLE_LEVEL.get(word)
        if word == "市" and _ONE_OF_ITS_UNITS.search(text):  # a 市 with local legislation or districts: a prefecture
            level = "city"
        if level:  # 全省… with no province named: a province all the same
            ctx.level_only.append(Jurisdiction(name=None, level=level, span=span))
    return None


def _with_city(name: str, city: Division | None, ctx: Context, written: str | None = None) -> str:
    """A zone named with its city where the text writes it so (重庆两江新区, 珠海高新区 → 珠海高新技术产业开发区).

    A city named only elsewhere (紧紧围绕自治区、南宁市关于…) is not put before the zone's own name: the zone
    is named as it names itself (五象新区), so no name is made up that the text never writes.
    """
    table = ctx.table
    if city is None or name.startswith("中国"):  # 中国(上海)自由贸易试验区 names its place already
        return name
    for found in (table.scan(name), table.scan_short(name)):
        if found and found[0][0] == 0:
            key = found[0][2]
            divisions = table.by_name.get(key) or table.by_short.get(key) or []
            if any(d.level != "zone" for d in divisions):
                return name  # already opens with a place (宁河经济开发区)
    short = table.short_by_code.get(city.code)
    if not short:
        return name
    # The fullest form the text itself writes wins: 《天津港保税区…》 names 保税区 as 天津港保税区, not 天津保税区.
    forms = "|".join(re.escape(f) for f in {name, written or name})
    pattern = re.compile(rf"(?:{re.escape(city.name)}|{re.escape(short)})([{HAN}]{{0,3}}?)(?:{forms})")
    found = next(filter(None, (pattern.search(t) for t in (ctx.text, *ctx.chrome))), None)
    if found is None:
        # 高新区 alone names no zone until its city is put before it (珠海 from the site's name).
        return short + name if _GENERIC_ZONE.match(written or name) else name
    return found.group() if found.group().endswith(name) else found.group()[: found.end(1) - found.start()] + name


def _fullest_written(written: str, name: str, city: Division | None, ctx: Context) -> str:
    """The zone's fullest name as the text writes it elsewhere: 东湖高新区 in the opening, 武汉东湖新技术开发区
    in a cited document; a form longer than the one built from the short name wins."""
    short = next((s for s in _ZONE_SUFFIX.split("|") if written.endswith(s)), None)
    stem = written[: -len(short)] if short else ""
    if len(stem) < 2:
        return name
    places = [re.escape(p) for p in (city.name, ctx.table.short_by_code.get(city.code)) if p] if city else []
    # A free-trade zone's area is named under its zone: 中国(上海)自由贸易试验区临港新片区.
    places.append(rf"中国[(（][{HAN}]{{2,4}}[)）]自由贸易试验区")
    lead = f"(?:{'|'.join(places)})?"
    best = None  # a form the text writes beats one built from the short name (高新区 → 高新技术产业开发区)
    for m in re.finditer(rf"{lead}{re.escape(stem)}[{HAN}]{{0,6}}?(?:{_ZONE_SUFFIX})", ctx.text):
        form = m.group()
        if len(form) > len(best or written) and not _NOT_ZONE_MIDDLE.search(form):
            best = form
    return name if best is None or name.endswith(best) else best  # 天津 + 滨海高新技术产业开发区 keeps its city


def _zone(span: Span, ctx: Context, end: int, prefix: bool = True) -> Jurisdiction:
    """A zone named without a division before it; a department of the zone when one follows."""
    city = _place_for("市", ctx)
    name = _with_city(_zone_name(span.surface), city, ctx, span.surface) if prefix else span.surface
    if prefix:
        name = _fullest_written(span.surface, name, city, ctx)
    chain = _chain(city, ctx.table, include_self=True) if city else {}
    bureau = _ZONE_BUREAU.match(ctx.text, span.end, end)
    dept = bureau or _DEPT_AFTER.match(ctx.text, span.end, min(end, span.end + 8))
    if dept and not _NOT_DEPARTMENT.search(dept.group(0)) and (bureau or not _STARTS_CLAUSE.match(dept.group(0))):
        full = Span.of(ctx.text, span.start, dept.end())
        return Jurisdiction(name=name + dept.group(0), level="department", **chain, span=full)
    return Jurisdiction(name=name, level="zone", parent_code=city.code if city else None, **chain, span=span)


def _by_role(role: re.Match[str], ctx: Context, end: int) -> Jurisdiction | None:
    text, catalog = ctx.text, ctx.catalog
    word = role.group(1)
    found = catalog.match(text, role.end())  # before the organ: 市人民政府办公室 is the office, not 市人民政府
    organ = _ROLE_ORGAN.match(text, role.end(), end) if found is None else None
    if organ is None and found is None:
        return None
    place = _place_for(word, ctx)
    if found is not None:
        span = Span.of(text, role.start(1), found.end)
        return _department(found.department, False, place, span, ctx, written=span.surface, form=found.form)
    span = Span.of(text, role.start(1), role.end(1))
    if place is None:
        if word in _ROLE_LEVEL:  # 自治区人民政府 with no 自治区 named: a province all the same
            ctx.level_only.append(Jurisdiction(name=None, level=_ROLE_LEVEL[word], span=span))
        return None
    return _place_unit(place, ctx, span)


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


def _unlisted(start: int, end: int, ctx: Context) -> Jurisdiction | None:
    """A division name the table does not hold (created after the table, or fictional).

    Accepted only where a title or issuer begins, right before an organ, a
    year or 关于, and only when its level can be read off without guessing.
    """
    text = ctx.text
    lead = _subject_start(text[start:end])
    match = _UNLISTED.match(text, start + lead, end)
    if match is None or _NOT_PLACE_START.search(match.group(1)) or _GENERIC_ZONE.match(match.group(1)):
        return None  # 经济开发区2024年度…: a zone word whose name comes later, not an unlisted 区
    after = text[match.end(1) : end]
    zone = _ZONE_AFTER.match(after)
    if zone and not _NOT_ZONE_MIDDLE.search(zone.group(0)):
        span = Span.of(text, match.start(1), match.end(1) + zone.end())
        return Jurisdiction(name=_zone_name(span.surface), level="zone", span=span)
    level = _unlisted_level(match.group(1), text)
    if level is None:
        return None
    span = Span.of(text, match.start(1), match.end(1))
    dept = _DEPT_AFTER.match(after)
    if dept and not _NOT_DEPARTMENT.search(dept.group(0)):
        span = Span.of(text, match.start(1), match.end(1) + dept.end())
        return Jurisdiction(name=span.surface, level="department", span=span)
    fields = {"province": span.surface} if level == "province" else {}
    return Jurisdiction(name=span.surface, level=level, span=span, **fields)


def _self_department(ctx: Context, opening: tuple[int, int] | None) -> Jurisdiction | None:
    """A department that calls itself 我局 (or speaks for 全市X系统) and is named nowhere else."""
    text = ctx.text
    self_ref = _SELF_DEPT.search(text)
    system = _SYSTEM.search(text, *opening) if opening else None
    if self_ref is None and system is None:
        return None
    dept = None
    if system is not None:
        found = ctx.catalog.match(system.group(1) + "局")
        dept = found.department if found else None
        if dept is None:
            dept = next((d for d in ctx.catalog.departments if system.group(1) in d.cues), None)
    dept = dept or ctx.catalog.by_cues(text)
    anchor = system or self_ref
    span = Span.of(text, anchor.start(), anchor.end())
    for chrome in ctx.chrome:  # 主办单位:汕头市生态环境局 names the department outright
        for _, m_end, name in ctx.table.scan(chrome):
            found = ctx.catalog.match(chrome, m_end)
            place = _pick(ctx.table.by_name[name], ctx)
            if found is not None and place is not None and found.department == (dept or found.department):
                return _department(found.department, False, place, span, ctx, form=found.form)
    own = _named_in_own_documents(ctx, dept, span)
    if own is not None:
        return own
    if dept is None:  # a unit that calls itself 我局 is a department, named nowhere
        return Jurisdiction(name=None, level="department", span=span)
    role = _home_role(text)
    place = _place_for(role, ctx) if role else None
    return _department(dept, False, place, span, ctx, written=None)


def _named_in_own_documents(ctx: Context, dept: Department | None, span: Span) -> Jurisdiction | None:
    """我局 named in full only in the titles of its own documents (审议通过了《龙岩市永定区卫生健康局…》).

    Only a department of the field the text speaks of (``dept``) counts, and only when one place
    and department are so named: a superior's document (《市卫生健康委员会关于…》) names no place here.
    """
    found: dict[tuple[str, str], Jurisdiction] = {}
    for title in re.finditer(r"《([^》\n]{4,60})》", ctx.text):
        for _, m_end, name in ctx.table.scan(title.group(1)):
            match = ctx.catalog.match(title.group(1), m_end)
            place = _pick(ctx.table.by_name[name], ctx)
            if match is None or place is None or match.national or dept is not None and match.department != dept:
                continue
            got = _department(match.department, False, place, span, ctx, form=match.form)
            if got is not None:
                found[(place.code, match.department.name)] = got
    return next(iter(found.values())) if len(found) == 1 else None


def _home_role(text: str) -> str | None:
    """The level a department's report speaks from: the last of 省、市、区 (its own), else 全市/市委 most."""
    series = _SERIES.search(text)
    if series is not None:
        return series.group(1)
    # Otherwise the most local level the text speaks of: a city bureau cites 省委 and 市委.
    for role in ("区", "县", "州", "市", "省"):
        if sum(text.count(role + w) for w in ("委", "政府")) + text.count("全" + role) + text.count("我" + role):
            return role
    return None


def resolve(
    text: str,
    regions: list[tuple[int, int, str]],
    table: DivisionTable,
    catalog: Catalog,
    whole_text_names: Callable[[], set[str]],
    chrome: tuple[str, ...] = (),
    signature: tuple[int, int] | None = None,
) -> Jurisdiction | None:
    """The jurisdiction named first in ``regions`` ((start, end, kind) into ``text``), or None."""
    ctx = Context(text, table, catalog, chrome, signature, whole_text_names, [], {}, [])
    found = _resolve(ctx, regions)
    if found is None or found.name is None and found.level == "department" and ctx.level_only:
        return ctx.level_only[0] if ctx.level_only else found
    return found


def _resolve(ctx: Context, regions: list[tuple[int, int, str]]) -> Jurisdiction | None:
    text = ctx.text
    opening = next(((s, e) for s, e, k in regions if k == "opening"), None)
    for start, end, kind in regions:
        is_opening = kind == "opening"
        found = _named(start, end, ctx, is_opening) or _unnamed(start, end, ctx, is_opening)
        if found is not None:
            return found
    body = opening[0] if opening else 0
    reported = _reported_as(ctx, body)
    if reported is not None:
        return reported
    if ctx.fallback:
        zone = ctx.fallback[0]
        if zone.name and _GENERIC_ZONE.match(zone.name):
            # 经济技术开发区管理委员会关于…, its city named nowhere: a zone, its name unknown (a kind is no name).
            return dataclasses.replace(zone, name=None)
        return zone
    if opening is not None and _SELF_DEPT.search(text, *opening):  # 2023年,我局… speaks for a department
        own = _self_department(ctx, opening)
        if own is not None and own.name is not None:
            return own
        return _role_in_body(ctx, body) or own  # the body may name it (浙江省司法厅…) where 我厅 did not
    return (
        _self_branch(ctx, opening) or _role_in_body(ctx, body) or _self_township(ctx, opening)
        or _self_zone(ctx, opening) or _self_department(ctx, opening) or _organs_spoken_of(ctx)
    )


# 2023年,园区坚持…: a zone speaking of itself by its kind alone.
_ZONE_KIND = re.compile(rf"(园区|新区|开发区|高新区|经开区|综保区|保税区|经济区)(?:{_SUBJECT_FOLLOW[3:-1]}|全区)")


def _self_zone(ctx: Context, opening: tuple[int, int] | None) -> Jurisdiction | None:
    """A zone that calls itself 园区 (新区, 开发区…) and writes its own name once elsewhere: the name
    written most often that ends in that word (《苏州工业园区法治政府建设…》)."""
    if opening is None:
        return None
    kind = _ZONE_KIND.match(ctx.text, opening[0] + _subject_start(ctx.text[opening[0] : opening[1]]))
    if kind is None:
        return None
    word = kind.group(1)
    # Only a name opening a document's title (《苏州工业园区…》) or ending in a longer kind (工业园区 for
    # 园区): 紧扣园区, 召开园区… are verbs before the word, not names.
    longer = "|".join(k for k in _ZONE_SUFFIX.split("|") if k.endswith(word) and k != word)
    pattern = rf"(?<=《)[{HAN}]{{2,8}}?{word}" + (rf"|[{HAN}]{{2,6}}?(?:{longer})" if longer else "")
    names = Counter(
        m.group() for m in re.finditer(pattern, ctx.text)
        if not _GENERIC_ZONE.match(m.group()) and not _NOT_ZONE_MIDDLE.search(m.group())
        and not _NOT_PLACE_START.search(m.group()) and not _PRONOUN.search(m.group()[:1])
    )
    ranked = names.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    at = ctx.text.find(ranked[0][0])
    return _zone(Span.of(ctx.text, at, at + len(ranked[0][0])), ctx, at + len(ranked[0][0]), prefix=False)


# 现将郑东新区2025年度法治政府建设情况报告如下: the sentence that hands the report over names its unit.
_HANDED_OVER = re.compile(rf"现将([{HAN}]{{2,16}}?)(?=(?:19|20)\d{{2}}\s*年|二〇)")


def _reported_as(ctx: Context, body: int) -> Jurisdiction | None:
    """The unit named in the 现将…报告如下 sentence of the first part of the body, if it is one."""
    handed = _HANDED_OVER.search(ctx.text, body, body + _BODY_CHARS)
    if handed is None or _PRONOUN.match(handed.group(1)):
        return None
    start, end = handed.span(1)
    found = _named(start, end + 4, ctx, False) or _unnamed(start, end + 4, ctx, False)
    return found if found is not None and found.name else None


# Organs only a league or an autonomous prefecture has: a report that speaks of them (盟委、行署主要领导…,
# 依法治州) with no subject naming itself is that league's or prefecture's, unless it speaks as much of a
# banner's or county's own organs (a 旗 under the league writes 在盟委、行署的领导下 too).
_OWN_ORGANS = {"盟": re.compile(r"盟委|行署|行政公署|依法治盟|全盟|盟本级"),
               "州": re.compile(r"州委|州人民政府|州政府|依法治州|全州|州本级")}
_BELOW_ORGANS = {"盟": re.compile(r"旗委|旗人民政府|旗政府|依法治旗|全旗|县委|县政府|全县|市委|市政府|全市"),
                 "州": re.compile(r"县委|县人民政府|县政府|依法治县|全县|市委|市政府|全市")}


def _organs_spoken_of(ctx: Context) -> Jurisdiction | None:
    for role, organs in _OWN_ORGANS.items():
        said = list(organs.finditer(ctx.text))
        if len(said) < 2 or len(_BELOW_ORGANS[role].findall(ctx.text)) >= len(said):
            continue
        span = Span.of(ctx.text, said[0].start(), said[0].end())
        place = _place_for(role, ctx)
        if place is None:
            return Jurisdiction(name=None, level="city", span=span)
        return _place_unit(place, ctx, span)
    return None


# A district's branch of a city bureau speaking for itself: 我分局在市局和区委…, 全区公安机关在…市公安局.
_SELF_BRANCH = re.compile(r"(?:我|本)分局|全(区|县)公安机关")


def _self_branch(ctx: Context, opening: tuple[int, int] | None) -> Jurisdiction | None:
    """The branch is named after its district (广州市公安局荔湾区分局), the one district the text names."""
    if opening is None:
        return None
    own = _SELF_BRANCH.search(ctx.text, *opening)
    if own is None:
        return None
    span = Span.of(ctx.text, own.start(), own.end())
    found = ctx.catalog.by_cues(ctx.text) if own.group(1) is None else None
    dept = found.name if found is not None else "公安局" if "公安" in ctx.text else None
    district = _place_for(own.group(1) or "区", ctx)
    city = ctx.table.city_of(district) if district is not None else None
    if dept is None or city is None:
        return Jurisdiction(name=None, level="department", span=span)
    return Jurisdiction(
        name=f"{city.name}{dept}{district.name}分局", level="department", parent_code=district.code,
        **_chain(district, ctx.table, include_self=True), span=span,
    )


def _self_township(ctx: Context, opening: tuple[int, int] | None) -> Jurisdiction | None:
    """我乡/我镇 in the opening, and one township of that kind named in the text (拱市乡)."""
    if opening is None:
        return None
    # 我镇 in the opening; else, when the report opens on a heading, 本镇/我镇 in the first part of the body.
    own = _SELF_TOWNSHIP.search(ctx.text, *opening) or _SELF_TOWNSHIP.search(ctx.text, opening[0], _BODY_CHARS)
    if own is None:
        return None
    kind = own.group(1)
    names = Counter(
        m.group(1) for m in re.finditer(rf"(?<![{HAN}])([{HAN}]{{1,4}}?{kind}){_SUBJECT_FOLLOW}", ctx.text)
        if not _NOT_TOWNSHIP.search(m.group(1)) and not _PRONOUN.search(m.group(1)) and not ctx.table.scan(m.group(1))
    )
    # A name that recurs inside sentences is surer than one found once at a boundary (明确由镇党委… reads 明确由镇).
    names = _township_named_inside(ctx, kind) or names
    ranked = names.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        # 我镇 with no township named: a township all the same, its name unknown.
        ctx.level_only.append(Jurisdiction(name=None, level="township", span=Span.of(ctx.text, own.start(), own.end())))
        return None
    name = ranked[0][0]
    at = ctx.text.find(name)
    county = _township_parent(ctx, name)
    return Jurisdiction(
        name=name, level="township", parent_code=county.code if county else None,
        **_chain(county, ctx.table, include_self=True), span=Span.of(ctx.text, at, at + len(name)),
    )


def _township_named_inside(ctx: Context, kind: str) -> Counter[str]:
    """A township's name written inside sentences (调整蔡家桥镇法治…, 强化伊金霍洛镇法治建设), where no
    boundary shows where the name starts: the name is the longest ending that recurs as often as its
    last two characters do (蔡家桥镇 after 调整, after 。, after 提升), or, written once, the short name of
    a county or banner the text names in full (伊金霍洛镇 in 伊金霍洛旗)."""
    text, table = ctx.text, ctx.table
    ends = [m.start() for m in re.finditer(rf"(?<=[{HAN}]){kind}", text)]
    counts: Counter[str] = Counter()
    for end in ends:
        for size in range(2, 6):
            if end - size < 0 or not re.fullmatch(rf"[{HAN}]+", text[end - size : end]):
                break
            counts[text[end - size : end] + kind] += 1
    best: Counter[str] = Counter()
    whole = ctx.whole_text_names()
    for name, n in counts.items():
        stem = name[: -len(kind)]
        if _NOT_TOWNSHIP.search(name) or _PRONOUN.search(name) or table.scan(name):
            continue
        shorter = name[-len(kind) - 2 :]
        recurs = n >= 2 and n == counts[shorter] and not any(
            counts[c + name] == n for c in {text[e - len(stem) - 1] for e in ends if e - len(stem) - 1 >= 0}
        )
        named_place = any(d.name in whole for d in table.by_short.get(stem, ()) if d.level in ("county", "district"))
        if recurs or named_place:
            best[name] = n
    if not best:
        # Written once after a function word (纳入了东庄镇发展总体规划): the name starts after it.
        after_word = set()
        for end in ends:
            lead = re.search(rf"[{_FUNCTION_CHARS}]((?:(?![{_FUNCTION_CHARS}])[{HAN}]){{2,3}})$", text[max(0, end - 4) : end])
            name = lead.group(1) + kind if lead else ""
            if lead and not table.scan(name) and not _NOT_TOWNSHIP.search(name) and not _PRONOUN.search(name):
                after_word.add(name)
        if len(after_word) == 1:
            best[after_word.pop()] = 1
    return best


# Characters that end the words before a name, never begin one (了, 的, 在, 将, 对 …).
_FUNCTION_CHARS = "了的在将对把和与及为是由向从到按于被给让入"


_BODY_CHARS = 1500
# 2024年是…之年,也是西兴街道…之年。西兴街道始终坚持…: a preamble on the year, then the unit as subject.
# 2023年是法治政府建设重点突破年,在…下,县政府坚持…: the same, closed by a comma.
# 法治是安邦治国的基石,更是…的保证。2022年,全县…: a maxim before the year's first sentence.
_YEAR_PREAMBLE = re.compile(
    r"\s*(?:(?:(?:19|20)\d{2}\s*年|今年)是[^。]{2,120}?之年[^。]{0,80}?。"
    r"|(?:(?:19|20)\d{2}\s*年|今年)是[^。,，]{2,30}?年[,，]"
    r"|[^。\d\n]{6,60}?。(?=\s*(?:19|20)\d{2}\s*年))"
)


def _sentence_subject(start: int, end: int, ctx: Context) -> Jurisdiction | None:
    """The subject of the sentence after a paragraph's preamble on the year."""
    preamble = _YEAR_PREAMBLE.match(ctx.text, start, end)
    if preamble is None:
        return None
    return _named(preamble.end(), end, ctx, opening=True) or _unnamed(preamble.end(), end, ctx, opening=True)


def _role_in_body(ctx: Context, body: int) -> Jurisdiction | None:
    """A paragraph of the first ones whose subject is the unit itself (2023年上海市…, 自治区人民政府把…)."""
    text = ctx.text
    limit = min(len(text), body + _BODY_CHARS)
    for line in re.finditer(r"[^\n]+", text[body:limit]):
        start, end = body + line.start(), body + line.end()
        named = _named(start, end, ctx, opening=True) or _sentence_subject(start, end, ctx)
        if named is not None:
            return named
        at = start + _subject_start(text[start:end])
        role = _ROLE.match(text, at, end)
        if role is not None and _ROLE_ORGAN.match(text, role.end(), end):
            found = _by_role(role, ctx, end)
            if found is not None:
                return found
    return None
