"""A count larger than the total it belongs to, across sentences.

`全市160个乡镇(街道)全覆盖制定…` states how many 乡镇(街道) the city has; a later
`166个乡镇(街道)公共法律服务工作站` then counts one more thing per township than
there are townships. The figures stage only ties a part to its whole inside one
sentence (其中); this reads the whole report, read-only over its figure records.

Conservative on purpose, because a false alarm costs a reviewer more than a miss:
the whole must be stated as the jurisdiction's total (全市/全县… before it, and
全覆盖/全部/均/辖/共有 saying it is all of them), not approximate, and the part
must count the same unit of the same thing (the same noun right after the unit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.figures import Figure, Issue

# The jurisdiction-wide total: `全市`, `全县共有`, `全区辖`, `全镇现有`.
_WHOLE_BEFORE = re.compile(r"全[省市县区州盟旗镇乡](?:域)?(?:共有|现有|下辖|辖|共)?$")
_ALL_BEFORE = re.compile(r"(?:共有|现有|下辖|辖)$")
_ALL_AFTER = re.compile(r"^[^,，。;；:：]{0,4}(?:全覆盖|全部|均|都|所有)")
# The counted thing: Han characters, with at most one bracketed alternative (`乡镇(街道)`).
_NOUN = re.compile(r"[\u4e00-\u9fff]{2,}(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_NOUN = 2  # Han characters the two counts must share right after the unit


@dataclass(frozen=True, slots=True)
class _Whole:
    index: int
    noun: str  # what follows the unit, up to the total word (`乡镇(街道)`)
    marker: str  # what says it is the total (`全市`, `全县共有`)


def totals_exceeded(figs: tuple[Figure, ...] | list[Figure], text: str) -> list[Issue]:
    """``Issue`` ``count_exceeds_total`` for each count above a stated total of the same thing."""
    figs = list(figs)
    wholes = [w for w in (_whole(i, f, text) for i, f in enumerate(figs)) if w is not None]
    issues = []
    for w in wholes:
        whole = figs[w.index]
        for i, f in enumerate(figs):
            if i == w.index or f.unit != whole.unit or f.compare is not None:
                continue
            shared = _shared_noun(w.noun, text[f.span.end : f.span.end + len(w.noun) + 1])
            if shared and f.value > whole.value:
                issues.append(Issue(
                    "count_exceeds_total",
                    f"“{f.text}{shared}…”多于“{w.marker}{whole.text}{shared}”的总数",
                    (w.index, i),
                    (whole.span, f.span),
                ))
    return issues


def _whole(index: int, f: Figure, text: str) -> _Whole | None:
    if f.approx or f.compare is not None or not f.unit or f.unit == "%":
        return None
    before = text[max(0, f.span.start - 6) : f.span.start]
    marker = _WHOLE_BEFORE.search(before)
    if marker is None:
        return None
    m = _NOUN.match(text, f.span.end)
    if m is None:
        return None
    noun = m.group(0)
    # The noun runs into the verb (`乡镇(街道)全覆盖`): cut it at the total word.
    cut = re.search(r"全覆盖|全部|均|都|所有", noun)
    after = text[f.span.end + (cut.start() if cut else len(noun)) :]
    noun = noun[: cut.start()] if cut else noun
    if len(_HAN.findall(noun)) < MIN_NOUN:
        return None
    if not (_ALL_AFTER.search(after) or _ALL_BEFORE.search(before)):
        return None
    return _Whole(index, noun, marker.group(0))


def _shared_noun(noun: str, following: str) -> str:
    """``noun`` when the text after another count starts with it whole, else ''."""
    return noun if following.startswith(noun) else ""
