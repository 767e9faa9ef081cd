"""Every search result of a fixed mix of queries, as JSON lines, to show a change to search changed nothing.

    .venv/bin/python bench/search_dump.py --db URL > before.jsonl
    (change search, migrate)
    .venv/bin/python bench/search_dump.py --db URL > after.jsonl && cmp before.jsonl after.jsonl

The mix: two-character words (复议 应诉 …), longer phrases, several words, a
single character, a word no report has, each alone and under facet filters, a
sort and a second page. Each line holds the total, the page's rows, their
snippets and the facet counts, so any difference in matching, counting,
ordering or highlighting shows as a differing byte.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

QUERIES = ("复议", "应诉", "普法", "调解", "行政执法", "法治政府", "营商环境", "行政复议决定", "合法性审查",
           "公平竞争审查", "复议 应诉", "行政执法 普法", "法", "坚持以习近平法治思想为指导", "不存在的词语组合",
           "ISO", "2023年")


def _filters(store) -> list[dict]:
    from fazhi.store.listing import ReportFilter, facet_counts

    facets = facet_counts(store, ReportFilter())
    province = facets["province"][0][0] if facets["province"] else None
    city = facets["city"][0][0] if facets["city"] else None
    rule = facets["rule"][0][0] if facets["rule"] else None
    return [
        {}, {"year": 2023}, {"province": province}, {"band": "70"}, {"band": "none"},
        {"level": "county", "year": 2024}, {"city": city}, {"rule": rule},
        {"rule": rule, "province": province}, {"sort": "-score"}, {"sort": "jurisdiction", "offset": 50},
    ]


def dump(url: str) -> None:
    from fazhi.core.settings import Settings
    from fazhi.store import open_store
    from fazhi.store.listing import ReportFilter
    from fazhi.store.search import search

    store = open_store(Settings(database_url=url))
    for flt_args in _filters(store):
        flt = ReportFilter(**flt_args)
        for query in QUERIES:
            result = search(store, query, flt)
            line = {
                "q": query, "filter": flt_args, "terms": result.terms, "total": result.page.total,
                "rows": [{**row, "published": str(row["published"]),
                          "snippets": [s.to_json() for s in result.snippets.get(row["id"], [])]}
                         for row in result.page.rows],
                "facets": result.facets,
            }
            sys.stdout.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    dump(parser.parse_args().db)


if __name__ == "__main__":
    main()
