"""Query parameters shared by the list, search and export routes: the facets, sorting, paging."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from fazhi.store.listing import ReportFilter

PER_PAGE = 50


def report_filter(
    province: Annotated[str | None, Query(description="省份")] = None,
    city: Annotated[str | None, Query(description="地级市")] = None,
    level: Annotated[str | None, Query(description="级别: province, city, county, district, zone, department, township")] = None,
    year: Annotated[str | None, Query(description="报告年度")] = None,
    band: Annotated[str | None, Query(description="得分段: 90, 80, 70, 60, lt60, none")] = None,
    rule: Annotated[str | None, Query(description="未通过的规则编号")] = None,
    sort: Annotated[str, Query(description="排序: id, year, score, jurisdiction, published;前加 - 为降序")] = "-id",
    limit: Annotated[int, Query(ge=1, le=500, description="每页条数")] = PER_PAGE,
    offset: Annotated[int, Query(ge=0, description="从第几条开始")] = 0,
) -> ReportFilter:
    # Empty strings come from the facet form's "all" option.
    return ReportFilter(
        province=province or None, city=city or None, level=level or None,
        year=int(year) if year and year.isdigit() else None, band=band or None, rule=rule or None,
        sort=sort, limit=limit, offset=offset,
    )


def next_link(request, next_offset: int | None) -> str | None:  # noqa: ANN001 - a Request
    if next_offset is None:
        return None
    params = dict(request.query_params)
    params["offset"] = str(next_offset)
    return str(request.url.replace_query_params(**params))


def row_json(row: dict) -> dict:
    return {**row, "published": row["published"].isoformat() if row.get("published") else None}
