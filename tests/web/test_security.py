"""Security: escaping, roles on upload, CSRF, file names, the login limit, cookie flags, the error shape."""

from __future__ import annotations

import re

from fazhi.store.ingest_run import ingest_paths
from fazhi.web.downloads import display_name
from tests.conftest import seed_paths
from tests.web.conftest import csrf_of, login, password_of

HOSTILE = "示例县2024年度法治政府建设情况报告\n\n一、主要举措\n<script>alert('x')</script><b onmouseover=alert(1)>加粗</b> 行政复议\n"


def test_report_text_holding_script_and_html_is_shown_escaped(web, tmp_path) -> None:
    path = tmp_path / "示例县2024年度法治政府建设情况报告.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    report_id = next(ingest_paths([path], web.store, web.settings)).report_id
    client = web.client("viewer")
    for url in (f"/reports/{report_id}", "/search?q=复议"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in client.get(f"/reports/{report_id}").text


def test_a_viewer_cannot_upload(web) -> None:
    client = web.client("viewer")
    seed = seed_paths()[0]
    response = client.post("/api/uploads", files=[("files", (seed.name, seed.read_bytes()))],
                           headers={"X-CSRF-Token": csrf_of(client)})
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert web.store.count_reports() == 0


def test_a_form_without_its_csrf_token_is_refused(web) -> None:
    client = web.client("admin")
    response = client.post("/admin/users", data={"username": "mallory", "password": "x" * 12, "role": "admin"})
    assert response.status_code == 403 and "安全令牌" in response.text
    assert "mallory" not in client.get("/admin/users").text


def test_an_api_call_with_another_sessions_token_is_refused(web) -> None:
    other = web.client("admin")
    client = web.client("admin")
    seed = seed_paths()[0]
    response = client.post("/api/uploads", files=[("files", (seed.name, seed.read_bytes()))],
                           headers={"X-CSRF-Token": csrf_of(other)})
    assert response.status_code == 403 and response.json()["error"]["code"] == "csrf_refused"


def test_an_uploaded_file_name_with_dot_dot_stays_inside(web, tmp_path) -> None:
    client = web.client("reviewer")
    target = tmp_path / "escaped.txt"
    name = "../" * 12 + str(target).lstrip("/")
    seed = seed_paths()[0]
    body = client.post("/api/uploads", files=[("files", (name, seed.read_bytes(), "text/plain"))],
                       headers={"X-CSRF-Token": csrf_of(client)}).json()
    assert not target.exists()
    assert body["rows"][0]["name"] == "escaped.txt" and body["rows"][0]["status"] == "stored"


def test_display_names_never_keep_a_path() -> None:
    assert display_name("..\\..\\windows\\win.ini") == "win.ini"
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("..") == "report"
    assert display_name("\x00.bashrc") == "bashrc"


def test_login_is_rate_limited_after_five_failures(web) -> None:
    client = web.client()
    statuses = [login(client, "viewer", "wrong-password").status_code for _ in range(6)]
    assert statuses[:5] == [401] * 5 and statuses[5] == 429
    # Even the right password waits out the window now.
    assert login(client, "viewer", password_of("viewer")).status_code == 429


def test_the_session_cookie_is_httponly_and_samesite(web) -> None:
    response = login(web.client(), "viewer", password_of("viewer"))
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("fazhi_session="))
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()


def test_logging_out_ends_the_session_on_the_server(web) -> None:
    client = web.client("viewer")
    token = client.cookies.get("fazhi_session")
    client.post("/logout", data={"csrf_token": csrf_of(client)})
    stale = web.client()
    stale.cookies.set("fazhi_session", token)
    assert stale.get("/api/reports").status_code == 401


def test_pages_allow_no_outside_scripts_styles_or_fonts(web) -> None:
    page = web.client("viewer").get("/reports")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text)


def test_every_api_error_has_the_same_shape(web) -> None:
    anonymous, viewer = web.client(), web.client("viewer")
    responses = [
        anonymous.get("/api/reports"),  # 401
        viewer.get("/api/users"),  # 403
        viewer.get("/api/reports/999"),  # 404
        viewer.get("/api/reports", params={"limit": "many"}),  # 422
        viewer.get("/api/no-such-thing"),  # 404 from routing
    ]
    for response in responses:
        body = response.json()
        assert set(body) == {"error"}
        assert set(body["error"]) == {"code", "message", "status"}
        assert body["error"]["status"] == response.status_code
        assert isinstance(body["error"]["code"], str) and body["error"]["message"]
    assert [r.json()["error"]["code"] for r in responses] == [
        "not_authenticated", "forbidden", "not_found", "invalid_request", "not_found"]


def test_an_unknown_page_is_an_html_page_in_chinese(web) -> None:
    response = web.client("viewer").get("/reports/999")
    assert response.status_code == 404 and "没有编号为 999 的报告" in response.text
