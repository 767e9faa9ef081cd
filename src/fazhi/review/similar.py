"""How much two stretches of Chinese text say the same thing, without any model.

Character bigrams weighted by TF-IDF over the texts being compared, and their
cosine. Reports repeat a shortcoming's own words in the plan that answers it
(`法制审核` → `加强法制审核队伍建设`), which bigrams catch; no download, no
vocabulary to keep up to date, and the same answer on every machine.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_HAN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+")
# Bigrams every report uses everywhere: they say nothing about what a sentence is about.
_COMMON = frozenset(
    "法治 政府 建设 工作 进一步 一步 推进 加强 持续 深入 全面 不断 提升 推动 "
    "开展 落实 我们 我县 我市 我区 存在 问题 不足 有待 还需 仍需 以及 进行".split()
)


def bigrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for run in _HAN.findall(text):
        for i in range(len(run) - 1):
            gram = run[i : i + 2]
            if gram not in _COMMON:
                grams[gram] += 1
    return grams


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
    """Cosine of TF-IDF bigram vectors, ``left[i]`` against ``right[j]``; IDF over both lists."""
    docs = [bigrams(t) for t in (*left, *right)]
    n = len(docs)
    df: Counter[str] = Counter(g for d in docs for g in d)
    idf = {g: math.log((1 + n) / (1 + c)) + 1 for g, c in df.items()}
    vectors = [{g: c * idf[g] for g, c in d.items()} for d in docs]
    norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]
    out = []
    for i in range(len(left)):
        a, na = vectors[i], norms[i]
        row = []
        for j in range(len(left), n):
            b = vectors[j]
            small, big = (a, b) if len(a) < len(b) else (b, a)
            dot = sum(v * big.get(g, 0.0) for g, v in small.items())
            row.append(dot / (na * norms[j]))
        out.append(row)
    return out


def overlap(a: str, b: str) -> float:
    """Share of ``a``'s bigrams that ``b`` also has: 1.0 when ``a`` is copied from ``b``."""
    ga, gb = bigrams(a), bigrams(b)
    total = sum(ga.values())
    return sum(min(c, gb[g]) for g, c in ga.items()) / total if total else 0.0
