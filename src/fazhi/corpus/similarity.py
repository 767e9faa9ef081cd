"""Text similarity without models: TF-IDF over character bigrams, cosine.

Chinese has no spaces and no bundled segmenter here; character bigrams carry
most words (两字词) and need nothing downloaded. Punctuation and digits are
dropped so that 2023年 and 2024年 do not make two plans look different.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
# Words every report uses; they would make any two sentences look alike.
_STOP = frozenset(
    "进一步 加强 推进 持续 深入 全面 不断 工作 开展 落实 建设 法治 政府 依法 行政 坚持 严格 提升 完善 健全 强化".split()
)
_STOP_GRAMS = frozenset(w[i:i + 2] for w in _STOP for i in range(len(w) - 1))


def bigrams(text: str) -> list[str]:
    grams: list[str] = []
    for run in _KEEP.findall(text):
        grams.extend(run[i:i + 2] for i in range(len(run) - 1))
    return [g for g in grams if g not in _STOP_GRAMS]


class TfIdf:
    """Vectors for a small set of texts compared with each other (one pair of years)."""

    def __init__(self, texts: Sequence[str]):
        self.grams = [Counter(bigrams(t)) for t in texts]
        df: Counter[str] = Counter()
        for g in self.grams:
            df.update(g.keys())
        n = len(texts)
        self.idf = {g: math.log((1 + n) / (1 + c)) + 1.0 for g, c in df.items()}
        self.vectors = [self._weigh(g) for g in self.grams]

    def _weigh(self, grams: Counter[str]) -> dict[str, float]:
        vec = {g: (1 + math.log(c)) * self.idf[g] for g, c in grams.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items()}

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(g, 0.0) for g, v in a.items())
