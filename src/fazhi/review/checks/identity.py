"""Form and timing: the title, the report year, the publication date against the deadline."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field, with_config

from fazhi.core.fold import fold
from fazhi.core.spans import Span
from fazhi.review.checks.base import (
    CheckSpec,
    Outcome,
    Params,
    Pattern,
    StrMap,
    failed,
    frozen_map,
    not_applicable,
    passed,
)
from fazhi.review.context import Context

_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True, kw_only=True)
class TitleRule:
    pattern: Pattern
    label: Annotated[str, Field(min_length=1)]  # says in Chinese what the pattern asks for


@dataclass(frozen=True, slots=True, kw_only=True)
class TitleParams(Params):
    require: tuple[TitleRule, ...] = ()  # every one must match the title
    forbid: tuple[TitleRule, ...] = ()  # none may match
    name_jurisdiction: bool = True  # the title names the place (or body) the report is about


def title_form(ctx: Context, p: TitleParams) -> Outcome:
    identity = ctx.need_identity()
    title = identity.title
    if title is None or not str(title.value).strip():
        # The text read opens with the body (a web page copied without its heading, a
        # file saved from the page's content area): whether the report itself has a
        # title cannot be told from it, and "未找到标题" would be a claim about the copy.
        return not_applicable("所读文本在正文之前没有标题行,也没有网页元数据中的标题,无法核对标题写法",
                              looked_for="报告标题(正文之前的标题行或网页元数据中的标题)",
                              details={"title": "", "problems": ""})
    # `中共鞍山市委 鞍山市人民政府 关于…` reads as one line; `２０２４年` as `2024年`.
    value = fold("".join(str(title.value).split()))
    problems = [r.label for r in p.require if not re.search(r.pattern, value)]
    problems += [r.label for r in p.forbid if re.search(r.pattern, value)]
    jurisdiction = identity.jurisdiction
    if p.name_jurisdiction and jurisdiction is not None and jurisdiction.name and jurisdiction.name not in value:
        problems.append(f"标题应写明报告主体“{jurisdiction.name}”")
    evidence = [title.span] if title.span is not None else []
    looked_for = None if evidence else "正文中的标题行(标题取自网页元数据)"
    details = {"title": str(title.value), "problems": ";".join(problems)}
    if problems:
        return failed(evidence=evidence, looked_for=looked_for, details=details)
    return passed(evidence=evidence, looked_for=looked_for, details=details)


@dataclass(frozen=True, slots=True, kw_only=True)
class YearParams(Params):
    # A year in the text: `2024年`, not part of a range `2021—2025年` or a document number.
    # It runs on folded text, where `２０２４年` reads `2024年`.
    year_pattern: Pattern = r"(?<![\d—\-－~～至到])(20\d{2})\s*年(?![\d—\-－~～至到])"
    min_mentions: Annotated[int, Field(ge=1)] = 3  # below this, the most-mentioned year says nothing


def report_year(ctx: Context, p: YearParams) -> Outcome:
    identity = ctx.need_identity()
    found = identity.report_year
    if found is None:
        return failed(looked_for="报告年度(标题或开头段中的“20XX年”)",
                      details={"year": "", "conflicts": "未找到报告年度"})
    year = int(found.value)
    evidence = [found.span] if found.span is not None else []
    conflicts, spans = _year_conflicts(ctx, p, year)
    details = {"year": year, "conflicts": ";".join(conflicts)}
    if conflicts:
        return failed(evidence=evidence + spans, details=details)
    looked_for = None if evidence else "报告年度在正文中的出处"
    return passed(evidence=evidence, looked_for=looked_for, details=details)


def _year_conflicts(ctx: Context, p: YearParams, year: int) -> tuple[list[str], list[Span]]:
    """Years the text gives that disagree with the report year."""
    conflicts: list[str] = []
    spans: list[Span] = []
    pattern = re.compile(p.year_pattern)
    o = ctx.input.outline
    if o is not None:
        for top in o.top:
            if top.heading is None:
                continue
            named = list(pattern.finditer(ctx.read(top.heading)))
            parts = set(top.parts)
            expected = year + 1 if "plans" in parts else year if "measures" in parts else None
            if not named or expected is None or {"plans", "measures"} <= parts:
                continue
            # `三、2024年存在的不足和2025年工作安排` names both years: the plans' year must be among them.
            if all(int(m.group(1)) != expected for m in named):
                first = named[0]
                conflicts.append(f"标题“{top.heading.surface}”写的是{first.group(1)}年,应为{expected}年")
                spans.append(ctx.span(top.heading.start + first.start(1), top.heading.start + first.end(1)))
        counts: dict[int, list[Span]] = {}
        for top in (s for s in o.top if "measures" in s.parts):
            for m in pattern.finditer(ctx.text, top.span.start, top.span.end):
                counts.setdefault(int(m.group(1)), []).append(ctx.span(m.start(1), m.end(1)))
        if sum(len(v) for v in counts.values()) >= p.min_mentions:
            top_year = max(counts, key=lambda y: len(counts[y]))
            if top_year != year and len(counts[top_year]) > len(counts.get(year, [])):
                conflicts.append(f"工作举措部分提到最多的是{top_year}年({len(counts[top_year])}次)")
                spans += counts[top_year][:3]
    identity = ctx.input.identity
    published = identity.published if identity else None
    if published is not None and published.source != "derived" and published.value.year <= year:
        conflicts.append(f"发布日期{published.value.isoformat()}不晚于报告年度结束")
        spans += [published.span] if published.span else []
    return conflicts, spans


def _month_day(value: str) -> str:
    m = _MONTH_DAY.match(value)
    if not m:
        raise ValueError(f"期限应写作 MM-DD(如 04-01),而不是 {value!r}")
    try:
        dt.date(2000, int(m.group(1)), int(m.group(2)))  # refuses 02-30
    except ValueError:
        raise ValueError(f"期限 {value!r} 不是真实存在的日期") from None
    return value


def _month_days(value: Mapping[str, str]) -> Mapping[str, str]:
    for day in value.values():
        _month_day(day)
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineParams(Params):
    deadline: Annotated[str, AfterValidator(_month_day)] = "04-01"  # month-day in the year after the report year
    # Other deadlines by jurisdiction level (department = 03-01).
    by_level: Annotated[StrMap, AfterValidator(_month_days)] = field(default_factory=frozen_map)
    inclusive: bool = True  # `4月1日之前` read as "on 1 April at the latest"
    first_report_year: int = 2020  # reports for 2016–2019 fell under the earlier rule (2015 纲要)


def publication_deadline(ctx: Context, p: DeadlineParams) -> Outcome:
    identity = ctx.need_identity()
    base = {"published": "", "deadline": "", "days_late": 0}
    published = identity.published
    if published is None or published.source == "derived":
        return not_applicable("发布日期未知", looked_for="发布日期(网页“发布日期”栏或元数据)", details=base)
    if identity.report_year is None:
        return not_applicable("报告年度未知,无法确定期限", looked_for="报告年度", details=base)
    year = int(identity.report_year.value)
    if year < p.first_report_year:
        evidence = [s for s in (identity.report_year.span, published.span) if s is not None]
        return not_applicable(f"{year}年度的报告不适用本期限(自{p.first_report_year}年度起适用)",
                              evidence=evidence, looked_for=None if evidence else "报告年度与发布日期的出处",
                              details=base)
    level = identity.jurisdiction.level if identity.jurisdiction else None
    month, day = map(int, p.by_level.get(level, p.deadline).split("-"))
    deadline = dt.date(year + 1, month, day)
    late = (published.value - deadline).days + (0 if p.inclusive else 1)
    details = {"published": published.value.isoformat(), "deadline": deadline.isoformat(), "days_late": max(late, 0)}
    evidence = [published.span] if published.span is not None else []
    looked_for = None if evidence else "正文中的发布日期(日期取自网页元数据)"
    if late > 0:
        return failed(evidence=evidence, looked_for=looked_for, details=details)
    return passed(evidence=evidence, looked_for=looked_for, details=details)


CHECKS = (
    # 标题是否符合规定的写法
    CheckSpec("title_form", title_form, TitleParams, ("title", "problems")),
    # 报告年度是否写明,且与正文、各部分标题和发布日期一致
    CheckSpec("report_year", report_year, YearParams, ("year", "conflicts")),
    # 发布日期是否在期限之内;发布日期未知时不适用
    CheckSpec("publication_deadline", publication_deadline, DeadlineParams, ("published", "deadline", "days_late")),
)
