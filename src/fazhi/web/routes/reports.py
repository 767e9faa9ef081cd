"""The report list with facets, sorting, paging, and CSV/XLSX export of the current view."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from fazhi.store.accounts import User
from fazhi.store.listing import ReportFilter, list_page, page_and_facets
from fazhi.web.exports import to_csv, to_xlsx
from fazhi.web.params import next_link, report_filter, row_json
from fazhi.web.render import render
from fazhi.web.security import needs

router = APIRouter()
EXPORT_LIMIT = 10_000
Viewer = Annotated[User, Depends(needs("viewer"))]
Filter = Annotated[ReportFilter, Depends(report_filter)]


@router.get("/", include_in_schema=False)
def home(_: Viewer):
    return RedirectResponse("/reports", status_code=303)


@router.get("/reports", include_in_schema=False)
def reports_page(request: Request, _: Viewer, flt: Filter):
    page, facets = page_and_facets(request.app.state.store, flt)
    return render(request, "reports.html", {"page": page, "facets": facets, "flt": flt})


@router.get("/api/reports", summary="报告列表(筛选、排序、分页)")
def reports_api(request: Request, _: Viewer, flt: Filter) -> dict:
    page, facets = page_and_facets(request.app.state.store, flt)
    return {
        "rows": [row_json(r) for r in page.rows], "total": page.total,
        "next": next_link(request, page.next_offset),
        "facets": {k: [{"value": v, "count": n} for v, n in vs] for k, vs in facets.items()},
    }


@router.get("/reports/export.{fmt}", include_in_schema=False)
@router.get("/api/reports/export.{fmt}", summary="导出当前筛选结果(csv 或 xlsx)")
def export(request: Request, _: Annotated[User, Depends(needs("reviewer"))], flt: Filter, fmt: str) -> Response:
    from fazhi.web.errors import NotFound

    if fmt not in ("csv", "xlsx"):
        raise NotFound(f"不支持的导出格式 {fmt}", hint="可选 csv、xlsx")
    rows = list_page(request.app.state.store, replace(flt, limit=EXPORT_LIMIT, offset=0), max_limit=EXPORT_LIMIT).rows
    body = to_csv(rows) if fmt == "csv" else to_xlsx(rows)
    media = "text/csv; charset=utf-8" if fmt == "csv" else (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return Response(body, media_type=media, headers={
        "Content-Disposition": f"attachment; filename=\"reports.{fmt}\"; filename*=UTF-8''{quote('报告列表')}.{fmt}"})
