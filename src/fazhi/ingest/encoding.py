"""Decoding report bytes whose encoding nobody declared.

Chinese government text comes as UTF-8 (with or without BOM), GBK/GB2312
(always decoded as GB18030, its superset, so that rare characters survive),
or UTF-16 from Windows tools. Statistical detectors misjudge short GBK texts
(a 20-character GBK line is often called Big5 or Latin-1), so the order is
deterministic: BOMs, then strict UTF-8, then UTF-16 by its NUL pattern, then
the GB18030 or UTF-16 reading that looks most like Chinese prose, and only then
charset-normalizer for the rest.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from fazhi.core.errors import NotText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# Labels that mean "some GB encoding": decode all of them as GB18030.
GB_LABELS = {"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc-cn", "x-gbk", "hz-gb-2312", "gb_2312-80"}
_GB_KEYS = {re.sub(r"[^a-z0-9]", "", label) for label in GB_LABELS}
# \x0b (Word's manual line break) and \x0c (form feed) occur in real reports.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def normalize_label(label: str) -> str:
    """An encoding label as Python knows it, with every GB label widened to gb18030."""
    low = label.strip().lower()
    if re.sub(r"[^a-z0-9]", "", low) in _GB_KEYS:
        return "gb18030"
    try:
        return codecs.lookup(low).name
    except LookupError:
        return low


def _looks_textual(text: str) -> bool:
    if not text:
        return False
    controls = len(_CONTROL.findall(text))
    return controls / len(text) < 0.001


_MIN_PLAUSIBLE = 0.8


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """ASCII, CJK punctuation and full-width forms, and the 3,755 level-1 hanzi of GB2312.

    Level-1 hanzi cover over 99% of running Chinese text; a wrong decoding
    scatters characters over the whole CJK block and private-use area instead.
    """
    level1 = bytes(b for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
    chars = set(level1.decode("gb2312", errors="ignore"))
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update(chr(c) for c in range(0x3000, 0x3040))
    chars.update(chr(c) for c in range(0xFF00, 0xFFF0))
    # Whitespace is never counted: _plausibility drops it first.
    chars.update("\u2014\u2026\u201c\u201d\u2018\u2019\u00b7")
    return frozenset(chars)


def _plausibility(text: str) -> float:
    sample = "".join(text[:8000].split())
    if not sample:
        return 0.0
    common = _common_chars()
    return sum(c in common for c in sample) / len(sample)


def decode_text(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to str; returns (text, encoding name as reported to users).

    ``declared`` is an encoding named by the container (an HTML meta charset);
    it is tried first but not trusted blindly, since pages often lie.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                break
    if declared:
        codec = normalize_label(declared)
        try:
            text = data.decode(codec)
        except (UnicodeError, LookupError):  # Python's "undefined" codec raises a bare UnicodeError
            text = ""
        if _looks_textual(text) and _plausibility(text) >= _MIN_PLAUSIBLE:
            return text, codec
    # Valid UTF-8 rarely happens by accident, but two-byte GBK sometimes is
    # valid UTF-8 (一 = D2 BB reads as Cyrillic). GB18030 and BOM-less UTF-16
    # decode almost anything. So every reading is scored by how much it looks
    # like ordinary Chinese prose; ties go to the earlier (UTF-8 first).
    scored = []
    for rank, codec in enumerate(("utf-8", "gb18030", "utf-16-le", "utf-16-be")):
        if codec.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = _decode(data, codec)
        except UnicodeDecodeError:
            continue
        if _looks_textual(text):
            scored.append((_plausibility(text), -rank, codec, text))
    if scored:
        score, _, codec, text = max(scored)
        if score >= _MIN_PLAUSIBLE:
            return text, ("utf-16" if codec.startswith("utf-16") else codec)
    guess = _detect(data)
    if guess is not None:
        return guess
    raise NotText(
        "不是可识别的文本文件(可能是二进制文件,或编码无法识别)",
        source=source,
        hint="确认文件内容;若为 Word/PDF 请使用对应的扩展名,文本请另存为 UTF-8",
    )


def _decode(data: bytes, codec: str) -> str:
    """``data`` decoded; a UTF-8 file cut inside its last character loses only that character.

    A download or copy that stops one byte short is still the report: refusing
    it whole as "not text" would lose it for one character.
    """
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec != "utf-8" or exc.reason != "unexpected end of data" or exc.start < len(data) - 3:
            raise
        return data[: exc.start].decode(codec)


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    name = normalize_label(best.encoding)
    try:
        text = data.decode(name)
    except (UnicodeError, LookupError):
        return None
    if not _looks_textual(text):
        return None
    return text, name
