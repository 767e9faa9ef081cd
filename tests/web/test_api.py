"""The JSON API on real databases: lists with next links, facets, search, report, exports, upload."""

from __future__ import annotations

import io

from tests.conftest import seed_paths
from tests.web.conftest import csrf_of


def test_report_list_returns_rows_and_a_next_link_that_continues(seeded) -> None:
    client = seeded.client("viewer")
    first = client.get("/api/reports", params={"limit": 2, "sort": "id"}).json()
    assert first["total"] == 5 and len(first["rows"]) == 2
    second = client.get(first["next"]).json()
    assert [r["id"] for r in second["rows"]] == [first["rows"][1]["id"] + 1, first["rows"][1]["id"] + 2]
    last = client.get(client.get(second["next"]).json()["next"] or "/api/reports?offset=99").json()
    assert last["next"] is None


def test_facets_count_and_filter_the_list(seeded) -> None:
    client = seeded.client("viewer")
    body = client.get("/api/reports").json()
    years = {f["value"]: f["count"] for f in body["facets"]["year"]}
    assert years == {2024: 3, 2023: 2}
    only = client.get("/api/reports", params={"year": 2023}).json()
    assert {r["jurisdiction"] for r in only["rows"]} == {"鞍山市", "海原县"}


def test_failed_rule_facet_lists_reports_that_failed_that_rule(seeded) -> None:
    client = seeded.client("viewer")
    rules = client.get("/api/reports").json()["facets"]["rule"]
    assert rules, "the seeds fail some rules"
    rule, count = rules[0]["value"], rules[0]["count"]
    rows = client.get("/api/reports", params={"rule": rule}).json()["rows"]
    assert len(rows) == count
    for row in rows:
        findings = client.get(f"/api/reports/{row['id']}").json()["findings"]
        assert any(f["rule"] == rule and f["status"] == "failed" for f in findings)


def test_sorting_by_score_orders_the_rows(seeded) -> None:
    rows = seeded.client("viewer").get("/api/reports", params={"sort": "-score"}).json()["rows"]
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_search_finds_a_two_character_word_in_every_report_that_has_it(seeded) -> None:
    body = seeded.client("viewer").get("/api/search", params={"q": "复议"}).json()
    having = {p.read_text(encoding="utf-8").count("复议") > 0 for p in seed_paths()}
    assert having == {True}
    assert body["total"] == 5
    for row in body["rows"]:
        assert row["snippets"] and all(m["length"] == 2 for s in row["snippets"] for m in s["matches"])


def test_search_snippet_offsets_index_the_stored_text(seeded) -> None:
    client = seeded.client("viewer")
    row = client.get("/api/search", params={"q": "行政应诉"}).json()["rows"][0]
    text = client.get(f"/api/reports/{row['id']}").json()["text"]
    for s in row["snippets"]:
        assert text[s["offset"]:s["offset"] + s["length"]] == s["text"]
        for m in s["matches"]:
            assert text[m["offset"]:m["offset"] + m["length"]] == "行政应诉"


def test_search_of_several_words_needs_all_of_them(seeded) -> None:
    client = seeded.client("viewer")
    both = client.get("/api/search", params={"q": "复议 海原县"}).json()
    assert [r["jurisdiction"] for r in both["rows"]] == ["海原县"]


def test_search_finds_a_word_at_the_very_end_of_a_text_and_a_single_character(web, tmp_path) -> None:
    path = tmp_path / "示例县2024年度法治政府建设情况报告.txt"
    path.write_text("示例县2024年度法治政府建设情况报告\n\n一、主要举措\n依法办理行政应诉", encoding="utf-8")
    list(__import__("fazhi.store.ingest_run", fromlist=["x"]).ingest_paths([path], web.store, web.settings))
    client = web.client("viewer")
    assert client.get("/api/search", params={"q": "应诉"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "诉"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "复议"}).json()["total"] == 0


def test_report_api_gives_the_analysis_and_the_text(seeded) -> None:
    body = seeded.client("viewer").get("/api/reports/1").json()
    assert body["id"] == 1 and body["text"] and body["findings"]
    for figure in body["figures"]:
        assert body["text"][figure["offset"]:figure["offset"] + len(figure["text"])] == figure["text"]


def test_original_download_is_the_stored_bytes(seeded) -> None:
    response = seeded.client("viewer").get("/api/reports/1/original")
    assert response.content == seed_paths()[0].read_bytes()
    assert response.headers["content-disposition"].startswith("attachment;")


def test_letter_downloads_in_three_formats(seeded) -> None:
    from docx import Document

    client = seeded.client("viewer")
    docx = client.get("/api/reports/1/letter.docx")
    assert "孝义市" in "".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "<html" in client.get("/api/reports/1/letter.html").text.lower()
    assert "\n# 关于孝义市" in client.get("/api/reports/1/letter.md").text


def test_xlsx_export_holds_the_current_view(seeded) -> None:
    from openpyxl import load_workbook

    response = seeded.client("reviewer").get("/api/reports/export.xlsx", params={"year": 2024, "sort": "id"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("编号", "地区", "级别")
    assert sorted(r[1] for r in rows[1:]) == sorted(["孝义市", "开封市示范区", "绵阳市"])


def test_csv_export_opens_as_utf8_in_excel(seeded) -> None:
    body = seeded.client("reviewer").get("/api/reports/export.csv").content
    assert body.startswith("\ufeff".encode()) and "海原县" in body.decode("utf-8-sig")


def test_upload_reports_one_outcome_per_file_and_goes_on_after_a_bad_one(web) -> None:
    client = web.client("reviewer")
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in seed_paths()[:2]]
    files.append(("files", ("坏文件.docx", b"not a zip at all", "application/octet-stream")))
    body = client.post("/api/uploads", files=files, headers={"X-CSRF-Token": csrf_of(client)}).json()
    assert [r["status"] for r in body["rows"]] == ["stored", "stored", "failed"]
    bad = body["rows"][2]
    assert bad["error"]["code"] == "corrupt_file" and bad["error"]["message"].startswith("坏文件.docx: ")
    assert web.store.count_reports() == 2


def test_uploading_the_same_file_again_says_it_is_already_stored(web) -> None:
    client = web.client("reviewer")
    seed = seed_paths()[0]
    headers = {"X-CSRF-Token": csrf_of(client)}
    client.post("/api/uploads", files=[("files", (seed.name, seed.read_bytes()))], headers=headers)
    again = client.post("/api/uploads", files=[("files", ("copy.txt", seed.read_bytes()))], headers=headers).json()
    assert again["rows"][0]["status"] == "duplicate"


def test_the_openapi_schema_documents_every_api_route(seeded) -> None:
    from tests.web.test_routes import all_routes

    schema = seeded.client("viewer").get("/api/openapi.json").json()
    documented = {path for path in schema["paths"]}
    api_paths = {r.path for r in all_routes(seeded.app.routes)
                 if getattr(r, "path", "").startswith("/api/") and getattr(r, "include_in_schema", False)}
    assert api_paths <= documented and "/api/search" in documented
