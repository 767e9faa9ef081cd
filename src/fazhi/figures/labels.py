"""What each figure counts, in the report's own words.

Chinese reports put the counted thing right before the number (受理行政复议案件66件)
or right after it (组建43个律师团队, 对13起涉企挂案案件调卷审查). The label is
that stretch of the clause with scope and time words peeled off. Clauses that
leave their subject to the figure before them (办结率100%, 保留60支, 立案受理135件)
borrow it, and a figure introduced by 其中/包括 is a part of the figure before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.figures.clauses import CLAUSE_END, SENTENCE_END, clause_start
from fazhi.figures.grammar import Quantity
from fazhi.figures.lexicon import Lexicon
from fazhi.figures.units import unit_family

_SEPARATORS = "、+＋"  # between two figures of one list: 党委11条、政府10条
# 和/及/与 join figures only right next to one (87项和25项); elsewhere they are
# inside words (参与, 及时, 和解).
_CONJUNCTIONS = "和及与"
_TITLES = re.compile(r"(?:《[^《》]{1,60}》)+等")  # 印发《A》《B》等文件10个 -> 印发文件
# Mirrors of reports annotate characters with pinyin (學(xué)習(xí)): not the report's words.
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")
_SHORT_PART = 3  # 包括刑事3016件: a part named in so few characters borrows the whole's label


@dataclass(frozen=True, slots=True)
class Label:
    text: str | None  # for people: at most ``max_length`` characters
    topic: str  # for mapping: the whole label, examples before 等 dropped
    start: int  # where the label's words lie in the source (the figure may sit inside)
    end: int
    part_of: int | None
    subject: str  # what an elliptic label after this one borrows


def label_all(text: str, qs: list[Quantity], compares: list[str | None], lex: Lexicon) -> list[Label]:
    out: list[Label] = []
    for i, q in enumerate(qs):
        prev = qs[i - 1] if i else None
        head_start = clause_start(text, q.start)
        joined = False
        if prev is not None and prev.end > head_start:
            cut = _last_joiner(text, prev.end, q.start, lex)
            joined = cut >= 0
            head_start = cut + 1 if joined else prev.end
        tail_end = _tail_end(text, qs, i, compares[i], lex)
        head = _strip(_own_words(_TITLES.sub("", _PINYIN.sub("", text[head_start : q.start])), lex), lex)
        tail = _clean_tail(_PINYIN.sub("", text[q.end : tail_end]), lex)
        if head and tail.startswith("《"):
            tail = ""  # 制定规范性文件1件《关于…办法》: the title names the one counted
        words = head + tail if head and tail else head or tail
        subject = words
        if prev is not None and out[i - 1].subject and not SENTENCE_END.search(text, prev.end, q.start):
            words, subject = _elliptic(words, out[i - 1], compares[i - 1 : i + 1],
                                       joined or not _strip(text[prev.end : q.start], lex),
                                       unit_family(prev.unit) == unit_family(q.unit), lex)
        part_of = _part_of(text, qs, i, out, lex)
        topic = drop_examples(words, lex)  # a part maps by its own words, never as its whole
        if part_of is not None and len(words) <= _SHORT_PART and out[part_of].subject:
            whole = out[part_of].subject
            words = f"{whole}·{words}" if words else whole
        if len(words) > lex.labels.max_length:
            # Shown to people: keep it short, and keep the words nearest the number.
            words = drop_examples(words, lex)
            words = words[-lex.labels.max_length :] if not tail else words[: lex.labels.max_length]
        out.append(Label(words or None, topic, head_start, max(tail_end, q.end), part_of, subject))
    return _fill_from_next(text, qs, out)


def _fill_from_next(text: str, qs: list[Quantity], out: list[Label]) -> list[Label]:
    """对2市4县6个省直单位开展督察: figures run together with no words of their own share the
    words of the last one (the thing all of them were counted for)."""
    for i in range(len(qs) - 2, -1, -1):
        nxt = out[i + 1]
        if out[i].text is None and nxt.text and qs[i].end == qs[i + 1].start and nxt.part_of == out[i].part_of:
            out[i] = Label(nxt.text, out[i].topic, out[i].start, out[i].end, out[i].part_of, out[i].subject)
    return out


def _own_words(head: str, lex: Lexicon) -> str:
    """The part of a clause head that speaks of this figure.

    A head opening inside a title or quotation (the clause was cut at a comma
    within 《…，…》) starts after its closing mark; 并 before a verb starts a
    second predicate (研究制定计划并组织开展讲座12次: the 讲座 are counted).
    """
    for close, open_ in (("》", "《"), ("”", "“")):
        at = head.rfind(close)
        if at >= 0 and open_ not in head[:at]:
            head = head[at + 1 :]
    at = head.rfind("并")
    while at >= 0:
        if any(head.startswith(v, at + 1) for v in lex.labels.verbs):
            return head[at + 1 :]
        at = head.rfind("并", 0, at)
    return head


def _tail_end(text: str, qs: list[Quantity], i: int, compare: str | None, lex: Lexicon) -> int:
    """Where the words after figure ``i`` stop: clause end, or where the next figure's own words begin."""
    q = qs[i]
    if compare == "from":
        return q.end  # 由3天压缩到0.5天: what follows is the change, not the thing
    m = CLAUSE_END.search(text, q.end)
    end = m.start() if m else len(text)
    if i + 1 < len(qs) and qs[i + 1].start < end:
        end = qs[i + 1].start
        cut = _last_joiner(text, q.end, end, lex)
        end = cut if cut >= 0 else end
    return end


def _last_joiner(text: str, lo: int, hi: int, lex: Lexicon) -> int:
    """Position of the list joiner between two figures at ``lo`` and ``hi``, or -1.

    、 and + anywhere; 和/及/与 only right next to a figure and not inside a word.
    """
    at = max(text.rfind(c, lo, hi) for c in _SEPARATORS)
    if at >= 0 or hi <= lo:
        return at
    for i in (hi - 1, lo):
        if text[i] in _CONJUNCTIONS and not _in_word(text, i, lex):
            return i
    return -1


def _in_word(text: str, i: int, lex: Lexicon) -> bool:
    words = lex.labels.conjunction_words  # two-character words: 参与, 涉及, 和解
    return text[max(0, i - 1) : i + 1] in words or text[i : i + 2] in words


def _elliptic(words: str, prev: Label, pair: list, joined: bool, same_unit: bool,
              lex: Lexicon) -> tuple[str, str]:
    """Fill in what a clause leaves to the figure before it; returns (label, subject)."""
    if pair == ["from", "to"] or (not words and joined):
        return prev.subject, prev.subject  # 由3天压缩到0.5天; 分别为87项和25项
    if words and lex.elliptic_re.match(words):
        return _merge(prev.subject, words), prev.subject  # 受理公开申请124件,办结率100%
    if words in lex.labels.verbs and same_unit:
        verb = _leading_verb(prev.subject, lex)
        if verb and len(prev.subject) > len(verb):
            return words + prev.subject[len(verb) :], words  # 撤销执法队伍26支,保留60支
    return words, words


def _leading_verb(s: str, lex: Lexicon) -> str:
    return max((v for v in lex.labels.verbs if s.startswith(v)), key=len, default="")


def _merge(prev: str, words: str) -> str:
    """Join without repeating the overlap: 法律顾问参与 + 参与率 -> 法律顾问参与率."""
    for k in range(min(len(prev), len(words)), 0, -1):
        if prev.endswith(words[:k]):
            return prev + words[k:]
    return prev + words


def _clean_tail(tail: str, lex: Lexicon) -> str:
    close = tail.find("”")
    if close >= 0 and "“" not in tail[:close]:
        tail = tail[:close]  # the figure sits inside a quotation: “1支应急综合救援队+…”
    cut = len(tail)
    for stop in lex.labels.tail_stops:
        at = tail.find(stop)
        while at > 0 and _protected(tail, at, lex):
            at = tail.find(stop, at + 1)
        if 0 < at < cut:
            cut = at
    return _strip(tail[:cut], lex)


def _protected(s: str, at: int, lex: Lexicon) -> bool:
    return any(s.startswith(p, at) for p in lex.labels.protect)


def _strip(s: str, lex: Lexicon) -> str:
    lead_words, trail_words = lex.peel_lead, lex.peel_trail
    s = s.strip(" \u3000\t、")
    changed = True
    while changed and s:
        changed = False
        m = lex.periods_re.match(s)
        if m and m.end():
            s, changed = s[m.end() :], True
            continue
        for w in lead_words:
            if s.startswith(w) and not _protected(s, 0, lex):
                s, changed = s[len(w) :], True
                break
        for w in trail_words:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)], True
                break
        m = lex.trail_periods_re.search(s)
        if m and m.start() > 0 and m.end() > m.start():
            s, changed = s[: m.start()], True
    return s.strip(" \u3000\t、的")


def drop_examples(s: str, lex: Lexicon) -> str:
    """Drop the examples of an enumeration: 提供咨询论证、合法性审核等法律服务 -> 提供法律服务.

    The examples start after the last verb before the first 、 (or at the start).
    """
    end = s.rfind("等")
    first = s.find("、")
    if end < 0 or first < 0 or first > end or end == len(s) - 1:
        return s
    begin = 0
    for v in lex.labels.verbs:
        at = s.rfind(v, 0, first)
        if at >= 0:
            begin = max(begin, at + len(v))
    return s[:begin] + s[end + 1 :]


def _part_of(text: str, qs: list[Quantity], i: int, out: list[Label], lex: Lexicon) -> int | None:
    """Index of the whole this figure is a part of (其中涉企行政复议案件9件), or None."""
    if i == 0:
        return None
    prev = qs[i - 1]
    between = text[prev.end : qs[i].start]
    if out[i - 1].part_of is not None and not CLAUSE_END.search(between) and len(between) <= 12:
        if _last_joiner(text, prev.end, qs[i].start, lex) >= 0:
            return out[i - 1].part_of  # 包括刑事3016件、民事704件、行政1件
    clause = text[clause_start(text, qs[i].start) : qs[i].start]
    if not any(clause.startswith(m) for m in lex.labels.part_markers):
        return None
    # The whole is the nearest earlier figure of the sentence that counts the same
    # kind of thing (新设立经营主体15236户,同比增长8.9%,其中企业4102户: not the 8.9%).
    for j in range(i - 1, -1, -1):
        if SENTENCE_END.search(text, qs[j].end, qs[i].start):
            return None
        if out[j].part_of is None and unit_family(qs[j].unit) == unit_family(qs[i].unit):
            return j
    return None
