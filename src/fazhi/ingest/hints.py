"""Decide whether a title from file metadata says anything.

Shared by the DOCX and PDF readers; the metadata title is usually left over
from a template: "Microsoft Word - 文档1.docx", "Administrator", "无标题".
"""

from __future__ import annotations

import re

_PRODUCER_PREFIX = re.compile(
    r"^(?:Microsoft\s+(?:Word|PowerPoint|Excel)\s*-\s*|WPS\s*(?:文字|Office)?\s*-\s*)", re.I
)
_EXTENSION = re.compile(r"\.(?:docx?|wps|pdf|txt|html?|ofd)$", re.I)
_PLACEHOLDER = re.compile(
    r"^(?:无标题|未命名|新建\s*(?:DOCX|DOC|Microsoft Word)?\s*文档|文档\s*\d*|标题|"
    r"(?:Microsoft\s+)?Word\s*文档|Document\s*\d*|Untitled.*|Title)$",
    re.I,
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def meaningful_title(value: object) -> str | None:
    """The title, cleaned, or None when it is a placeholder or not Chinese at all."""
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    title = _EXTENSION.sub("", _PRODUCER_PREFIX.sub("", title)).strip()
    if not title or _PLACEHOLDER.match(title):
        return None
    # A report's title is Chinese; an all-Latin one is a user or template name.
    if len(_CJK.findall(title)) < 2:
        return None
    return title
