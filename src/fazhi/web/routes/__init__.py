"""One router module per page group; each page's JSON twin sits beside it under /api/."""

from fazhi.web.routes import (
    auth,
    meta,
    report,
    reports,
    search,
    season_report,  # the reviewing season (issue 12)
    seasons,
    upload,
    users,
)

ROUTERS = [auth.router, reports.router, report.router, search.router, upload.router, users.router, meta.router,
           seasons.router, season_report.router]
