"""The levels of jurisdiction a report can belong to, and how users read them."""

from __future__ import annotations

LEVELS = ("province", "city", "county", "district", "zone", "department", "township")

# What officials call each level (CLI tables, letters, summary sheets).
LEVEL_NAMES = {
    "province": "省级",
    "city": "地级市",
    "county": "县级",
    "district": "市辖区",
    "zone": "功能区",
    "department": "部门",
    "township": "乡镇",
}
