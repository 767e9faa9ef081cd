"""Full-text search with highlighted snippets and the list's facets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from fazhi.store.accounts import User
from fazhi.store.listing import ReportFilter
from fazhi.store.search import search
from fazhi.web.params import next_link, report_filter, row_json
from fazhi.web.render import render
from fazhi.web.security import needs

router = APIRouter()
Viewer = Annotated[User, Depends(needs("viewer"))]
Q = Annotated[str, Query(max_length=200, description="检索词;多个词用空格分开,须全部出现")]


@router.get("/search", include_in_schema=False)
def search_page(request: Request, _: Viewer, flt: Annotated[ReportFilter, Depends(report_filter)], q: Q = ""):
    result = search(request.app.state.store, q, flt)
    return render(request, "search.html", {"q": q, "result": result, "flt": flt})


@router.get("/api/search", summary="全文检索(两个字的词也能检出)")
def search_api(request: Request, _: Viewer, flt: Annotated[ReportFilter, Depends(report_filter)], q: Q) -> dict:
    result = search(request.app.state.store, q, flt)
    return {
        "terms": list(result.terms), "total": result.page.total,
        "rows": [{**row_json(r), "snippets": [s.to_json() for s in result.snippets.get(r["id"], [])]}
                 for r in result.page.rows],
        "next": next_link(request, result.page.next_offset),
        "facets": {k: [{"value": v, "count": n} for v, n in vs] for k, vs in result.facets.items()},
    }
