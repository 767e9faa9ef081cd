"""Passage reuse across reports: MinHash/LSH candidates, verified by exact alignment.

Each report is cut into sentence-aligned chunks (text.chunks); each chunk gets
a MinHash of its character 4-grams and BANDS band keys. Two chunks that share
a band key are candidates; LSH alone gives false positives, so every
candidate pair is aligned exactly (difflib's matching blocks) and only the
shared characters count. A shared passage made mostly of 套话 (stock.toml) or
found in very many reports (a band key in at least ``stock_min`` reports) is
stock language; otherwise, when long enough, it is a copy.

The store keeps the band keys in an indexed table, so finding a new report's
copies is a lookup of its keys, not a scan of the corpus.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np
from datasketch import MinHash

from fazhi.corpus.model import ReportRecord
from fazhi.corpus.stock import stock_phrases, stock_share
from fazhi.corpus.text import chunks

# Bump when chunking, shingles or band keys change: stored keys of another version do not compare.
INDEX_VERSION = "corpus-1"
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS  # 4 rows a band: chunks of Jaccard 0.5 meet with p≈0.64, of 0.7 with p≈0.99
SHINGLE = 4
MIN_BLOCK = 8  # exact matches shorter than this are chance (common words)
MAX_GAP = 12  # matches this close in both texts belong to one shared passage (a changed name or number)
MIN_SHARED = 30  # characters in common before a shared passage is reported at all
MIN_COPY = 100  # …and before a passage that is not stock language counts as copied
STOCK_SHARE = 0.5  # a shared passage this much made of stock phrases is stock language
_SOLID = re.compile(r"[\s,。、;:!?,.;:!?“”‘’\"'()()《》]+")
_MASK63 = (1 << 63) - 1
# One fixed permutation set for every process and every run: stored keys must stay comparable.
_SCHEME = "affine32"
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=20261202, scheme=_SCHEME)


@dataclass(frozen=True, slots=True)
class Passage:
    no: int
    start: int
    end: int
    keys: tuple[int, ...]  # one per band; BigInteger-safe (63 bits)
    stock: float  # share of its characters inside stock phrases


def _shingles(text: str) -> list[bytes]:
    solid = _SOLID.sub("", text)
    if len(solid) <= SHINGLE:
        return [solid.encode("utf-8")] if solid else []
    return list({solid[i:i + SHINGLE].encode("utf-8") for i in range(len(solid) - SHINGLE + 1)})


def band_keys(text: str) -> tuple[int, ...]:
    grams = _shingles(text)
    if not grams:
        return ()
    # crc32: stable across processes like the default sha1, and several times faster.
    m = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations, scheme=_SCHEME, hashfunc=zlib.crc32)
    m.update_batch(grams)
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8, person=bytes([b]))
        keys.append(int.from_bytes(digest.digest(), "big") & _MASK63)
    return tuple(keys)


KEYED_MIN = 50  # solid characters: headings and short tails get no band keys (too short to be a copy)


def fingerprint(text: str) -> list[Passage]:
    return [
        Passage(i, c.start, c.end, band_keys(c.text) if len(_SOLID.sub("", c.text)) >= KEYED_MIN else (),
                stock_share(c.text))
        for i, c in enumerate(chunks(text))
    ]


@dataclass(frozen=True, slots=True)
class Shared:
    kind: str  # copy | stock
    report: int  # the report asked about
    start: int
    end: int
    other: int  # the report it shares the passage with
    other_start: int
    other_end: int
    chars: int  # characters matched exactly
    text: str  # the passage in the report asked about

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "report": self.report, "offset": self.start, "length": self.end - self.start,
                "other": self.other, "other_offset": self.other_start,
                "other_length": self.other_end - self.other_start, "chars": self.chars, "text": self.text}


def align(a: str, a0: int, a1: int, b: str, b0: int, b1: int) -> list[tuple[int, int, int, int, int]]:
    """Exactly shared stretches of a[a0:a1] and b[b0:b1]: (a_start, a_end, b_start, b_end, matched)."""
    matcher = SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size >= MIN_BLOCK]
    out: list[list[int]] = []
    for m in blocks:
        sa, sb = a0 + m.a, b0 + m.b
        last = out[-1] if out else None
        if last and 0 <= sa - last[1] <= MAX_GAP and 0 <= sb - last[3] <= MAX_GAP:
            last[1], last[3], last[4] = sa + m.size, sb + m.size, last[4] + m.size
        else:
            out.append([sa, sa + m.size, sb, sb + m.size, m.size])
    return [_trim(a, b, *x) for x in out if x[4] >= MIN_SHARED]


_EDGE = set(" \t\r\n\u3000,。、;:,.;:!?!?")


def _trim(a: str, b: str, s0: int, s1: int, t0: int, t1: int, n: int) -> tuple[int, int, int, int, int]:
    """A shared stretch starts and ends on words: the line breaks and stops it caught on its edges go."""
    while s0 < s1 and a[s0] in _EDGE and a[s0] == b[t0]:
        s0, t0, n = s0 + 1, t0 + 1, n - 1
    while s1 > s0 and a[s1 - 1] in _EDGE - {"。", "!", "?", "!", "?"} and a[s1 - 1] == b[t1 - 1]:
        s1, t1, n = s1 - 1, t1 - 1, n - 1
    return s0, s1, t0, t1, n


def _runs(indices: Iterable[int], count: int) -> list[tuple[int, int]]:
    """Consecutive chunk numbers, widened by one on each side (a copy may straddle a chunk edge)."""
    runs: list[list[int]] = []
    for i in sorted(set(indices)):
        lo, hi = max(0, i - 1), min(count - 1, i + 1)
        if runs and lo <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], hi)
        else:
            runs.append([lo, hi])
    return [(lo, hi) for lo, hi in runs]


GRAM = 8
# 8-grams two chunks must share before a copy is looked for: a copy of MIN_COPY characters lies
# over at most two chunks (chunks are >= CHUNK_MIN long) or wholly inside a third, so one pair of
# chunks shares >= 50 consecutive characters of it, i.e. >= 43 8-grams.
COPY_GRAMS = 40


def _grams(text: str) -> set[str]:
    return {text[i:i + GRAM] for i in range(len(text) - GRAM + 1)}


def verify(
    a: ReportRecord, pa: Sequence[Passage], b: ReportRecord, pb: Sequence[Passage],
    pairs: Iterable[tuple[int, int]], min_grams: int = 0,
) -> list[Shared]:
    """Align the candidate chunk pairs of two reports; return what they really share, from a's side.

    ``min_grams`` drops candidate pairs that share fewer exact 8-grams before
    the (slower) alignment: corpus-wide copy search passes COPY_GRAMS.
    """
    pairs = list(pairs)
    if min_grams:
        pairs = [(i, j) for i, j in pairs
                 if len(_grams(a.text[pa[i].start:pa[i].end]) & _grams(b.text[pb[j].start:pb[j].end])) >= min_grams]
    if not pairs or not pa or not pb:
        return []
    runs_a, runs_b = _runs((i for i, _ in pairs), len(pa)), _runs((j for _, j in pairs), len(pb))
    which = {(ra, rb) for i, j in pairs for ra in runs_a if ra[0] <= i <= ra[1] for rb in runs_b if rb[0] <= j <= rb[1]}
    found: list[Shared] = []
    for (ia, ja), (ib, jb) in sorted(which):
        for s0, s1, t0, t1, n in align(a.text, pa[ia].start, pa[ja].end, b.text, pb[ib].start, pb[jb].end):
            surface = a.text[s0:s1]
            kind = "stock" if stock_share(surface) >= STOCK_SHARE else "copy" if n >= MIN_COPY else ""
            if kind:
                found.append(Shared(kind, a.id, s0, s1, b.id, t0, t1, n, surface))
    return _distinct(found)


def _distinct(found: list[Shared]) -> list[Shared]:
    """One entry per stretch: overlapping finds (from neighbouring runs) keep the longest."""
    found.sort(key=lambda s: (-s.chars, s.start))
    kept: list[Shared] = []
    for s in found:
        if not any(k.other == s.other and k.start < s.end and s.start < k.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.other))


@dataclass(frozen=True, slots=True)
class ReuseReport:
    report: int
    chars: int  # non-blank characters of the report
    stock_chars: int  # …inside stock phrases or stock passages
    previous: int | None  # the same jurisdiction's previous-year report, when stored
    previous_chars: int  # characters shared with it
    shared: tuple[Shared, ...]

    @property
    def boilerplate_share(self) -> float:
        return self.stock_chars / self.chars if self.chars else 0.0

    @property
    def previous_share(self) -> float:
        return self.previous_chars / self.chars if self.chars else 0.0

    @property
    def copies(self) -> tuple[Shared, ...]:
        return tuple(s for s in self.shared if s.kind == "copy" and s.other != self.previous)


def _covered(intervals: Iterable[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(intervals):
        if e > end:
            total += e - max(s, end)
            end = e
    return total


def reuse_report(
    record: ReportRecord,
    passages: Sequence[Passage],
    others: Mapping[int, tuple[ReportRecord, Sequence[Passage]]],
    hits: Iterable[tuple[int, int, int]],  # (my chunk, other report, its chunk)
    frequent: frozenset[int] = frozenset(),
) -> ReuseReport:
    """The reuse of one report against the candidate reports its band keys found."""
    by_other: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for mine, other, theirs in hits:
        if other != record.id and other in others:
            by_other[other].append((mine, theirs))
    shared: list[Shared] = []
    for other, pairs in sorted(by_other.items()):
        rec, pb = others[other]
        shared += verify(record, passages, rec, pb, pairs)
    # Passages whose band keys most reports share are stock language without alignment.
    common = [(p.start, p.end) for p in passages if p.keys and sum(k in frequent for k in p.keys) * 2 >= len(p.keys)]
    phrases = [m.span() for m in stock_phrases().pattern.finditer(record.text)]
    stock_spans = [(s.start, s.end) for s in shared if s.kind == "stock"] + common + phrases
    previous = _previous(record, [rec for rec, _ in others.values()])
    prev_spans = [(s.start, s.end) for s in shared if previous is not None and s.other == previous]
    solid = sum(1 for ch in record.text if not ch.isspace())
    return ReuseReport(
        record.id, solid, min(solid, _covered(stock_spans)), previous, _covered(prev_spans), tuple(shared)
    )


def _previous(record: ReportRecord, others: Iterable[ReportRecord]) -> int | None:
    if record.jurisdiction is None or record.report_year is None:
        return None
    for o in others:
        if o.jurisdiction == record.jurisdiction and o.report_year == record.report_year - 1:
            return o.id
    return None


def candidate_pairs(
    rows: Iterable[tuple[int, int, int]], stock_min: int, min_bands: int = 2
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Corpus-wide candidates from (band key, report, chunk) rows sorted by key.

    A key held by ``stock_min`` reports or more is stock language and yields no
    pairs; a chunk pair must share ``min_bands`` band keys (a copied paragraph
    shares nearly all 16, two chunks that merely share a clause rarely two).
    Both keep the pairs to verify near-linear in the corpus size.
    """
    counts: dict[tuple[int, int, int, int], int] = defaultdict(int)
    group: list[tuple[int, int]] = []
    current = None
    for key, report, chunk in [*rows, (None, 0, 0)]:
        if key != current:
            if 1 < len(group) and len({r for r, _ in group}) < stock_min:
                for x in range(len(group)):
                    for y in range(x + 1, len(group)):
                        (ra, ca), (rb, cb) = group[x], group[y]
                        if ra < rb:
                            counts[(ra, rb, ca, cb)] += 1
                        elif rb < ra:
                            counts[(rb, ra, cb, ca)] += 1
            group, current = [], key
        group.append((report, chunk))
    out: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for (ra, rb, ca, cb), n in sorted(counts.items()):
        if n >= min_bands:
            out[(ra, rb)].append((ca, cb))
    return out
