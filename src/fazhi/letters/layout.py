"""A letter's content laid out as a sequence of blocks, the one wording all three formats share.

Every Chinese sentence of the letter is composed here; the Markdown, HTML
and DOCX writers only map block kinds and run styles to their own markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.letters.model import Item, Letter, Quote
from fazhi.letters.typeset import cn_date, display_width, typeset

NUMERALS = "一二三四五六七八九十"
KIND_LABELS = {"failed": "需修改", "partial": "需完善", "unchecked": "无法核对", "error": "未能审核"}
MAX_INSTRUMENTS = 2
VERSION_NAMES = {
    "fazhi": "程序",
    "rulebook": "规则库",
    "indicator_catalog": "指标目录",
    "structure_rules": "结构规则",
    "letters": "意见用语",
    "figures_data": "数字规则",
    "division_table": "区划表",
}


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    style: str = ""  # "" | strong | verdict | quote (the report's own words) | mark (the evidence within a quote)


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # draft | title | addressee | para | heading1 | heading2 | item | detail | signature | date | note | blank
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _b(kind: str, *runs: Run | str) -> Block:
    merged: list[Run] = []
    for run in (r if isinstance(r, Run) else Run(r) for r in runs):
        if not run.text:
            continue
        if merged and merged[-1].style == run.style:
            # One run per style change: Markdown would otherwise show **a****b**.
            merged[-1] = Run(merged[-1].text + run.text, run.style)
        else:
            merged.append(run)
    return Block(kind, tuple(merged))


TITLE_LINE = 20  # characters of 2号 type in the 156 mm text block


def letter_title(letter: Letter) -> str:
    return "".join(title_lines(letter))


def title_lines(letter: Letter) -> tuple[str, ...]:
    """The title, broken where its sense allows when it needs two lines.

    GB/T 9704 wants a multi-line title in a trapezoid or diamond shape with no
    word split across lines; left to itself the layout engine would strand
    「的审核意见」 or split 「情况报告」.
    """
    identity = letter.identity
    year = f"{identity.report_year}年度" if identity.report_year else ""
    head, tail = f"关于{identity.jurisdiction}{year}法治政府建设", "情况报告的审核意见"
    if display_width(head + tail) <= TITLE_LINE:
        return (head + tail,)
    return head, tail


DRAFT = "初审稿(未经人工复核)"


def blocks(letter: Letter) -> tuple[Block, ...]:
    # Until a person signs it off the letter says at its head that it is a draft.
    out = [_b("draft", Run(typeset(DRAFT), "strong"))] if letter.draft else []
    # A line break inside the title block: each format renders "\n" as its own break.
    out += [_b("title", "\n".join(title_lines(letter))), _b("addressee", typeset(f"{letter.addressee}:"))]
    out.append(_b("para", _opening(letter)))
    out += _identity(letter)
    out += _verdict(letter)
    out.append(_b("heading1", "三、具体意见和修改建议"))
    if not letter.groups:
        out.append(_b("para", "无。"))
    for g, group in enumerate(letter.groups):
        out.append(_b("heading2", typeset(f"({NUMERALS[g]}){group.title}") if g < len(NUMERALS) else group.title))
        for n, item in enumerate(group.items, start=1):
            out += _item(n, item)
        if group.passed:
            # GB/T 15834: no 顿号 between quoted items in a series.
            named = "".join(f"“{t}”" for t in group.passed)
            lead = "本部分以下事项未发现问题:" if group.items else "本部分未发现问题,所审核的事项为:"
            out.append(_b("para", typeset(lead + named + "。")))
    out.append(_b("heading1", "四、有关要求"))
    out.append(_b("para", letter.verdict.closing))
    out.append(_b("para", typeset("对上述意见有不同看法的,可与我办沟通说明。")))
    out.append(_b("blank"))
    # Unset office and date: room for the reviewer to write them in.
    if letter.reviewer:
        # A signed letter names the person who signed it off, above the office.
        out.append(_b("signature", typeset(f"审核人:{letter.reviewer}")))
    out.append(_b("signature", typeset(letter.office or "(审核机关)")))
    out.append(_b("date", cn_date(letter.date) if letter.date else "\u3000\u3000年\u3000\u3000月\u3000\u3000日"))
    out.append(_b("note", _note(letter)))
    out += _appendix(letter)
    return tuple(out)


def _opening(letter: Letter) -> str:
    identity = letter.identity
    year = f"{identity.report_year}年度" if identity.report_year else ""
    report = f"《{' '.join(identity.title.split())}》" if identity.title else f"{year}法治政府建设情况报告"
    laws = "".join(letter.instruments[:MAX_INSTRUMENTS]) or "有关规定"
    more = "等" if len(letter.instruments) > MAX_INSTRUMENTS else ""
    return typeset(
        f"我办对{letter.you}{report}(以下简称《报告》)进行了审核。依据{laws}{more},"
        "重点审核了《报告》内容是否完整、具体,数据是否充分、一致,形式和公开是否符合要求。现将审核意见反馈如下。"
    )


def _identity(letter: Letter) -> list[Block]:
    i = letter.identity
    about = [p for p in (i.place, i.level) if p]
    rows = [
        ("报告单位", (i.jurisdiction or "未能识别") + (f"({','.join(about)})" if about else "")),
        ("报告标题", f"《{' '.join(i.title.split())}》" if i.title else "未载明标题"),
        ("报告年度", f"{i.report_year}年" if i.report_year else "未能确定"),
        ("发布日期", cn_date(i.published) if i.published else "未能确定(报告文件未载明)"),
        ("发文字号", i.doc_number or "未标注"),
    ]
    if i.issuer:
        rows.insert(1, ("发文单位", "、".join(i.issuer.split())))
    out = [_b("heading1", "一、报告基本情况")]
    out += [_b("para", Run(typeset(f"{label}:"), "strong"), typeset(value) + "。") for label, value in rows]
    return out


def _verdict(letter: Letter) -> list[Block]:
    v = letter.verdict
    score = ""
    if v.score is not None:
        scale = f",{v.bands}" if v.bands else ""
        score = f"《报告》得分{v.score:.1f}分(满分100分{scale})。"
    capped = ""
    if v.caps:
        # A quotation inside a quotation takes single quotes (GB/T 15834).
        quoted = ";".join(c.replace("“", "‘").replace("”", "’") for c in v.caps)
        held = f"按得分应为“{v.by_score}”," if v.by_score and v.by_score != v.label else ""
        capped = f"{held}依据审核规则“{quoted}”,结论定为“{v.label}”。"
    counts = [f"符合要求{v.passed}项"] + [
        f"{label}{n}项" for label, n in (("需修改", v.failed), ("需完善", v.partial), ("无法核对", v.unchecked)) if n
    ]
    tally = (
        f"本次共审核{v.checked}项要点,其中{','.join(counts)}。具体情况如下。" if v.checked else "本次未能审核具体要点。"
    )
    out = [
        _b("heading1", "二、总体评价"),
        _b("para", Run(typeset("审核结论:"), "strong"), Run(v.label, "verdict"), typeset(f"。{score}{capped}")),
    ]
    if letter.strengths:
        # Strengths first: what to keep is as useful to the author as what to change.
        out.append(_b("para", Run(typeset("主要优点:"), "strong"), typeset("".join(
            # (1) rather than 1.: a strength often opens with a count (`5项不足中`), and `3.5项` misreads.
            f"({k}){s}" for k, s in enumerate(letter.strengths, start=1)))))
    out.append(_b("para", Run(typeset("主要问题:"), "strong"), typeset(v.summary)))
    out.append(_b("para", typeset(tally)))
    return out


def _item(n: int, item: Item) -> list[Block]:
    out = [
        _b("item", Run(typeset(f"{n}.{item.title}({KIND_LABELS[item.kind]})。"), "strong"), item.message),
    ]
    if item.basis and item.basis not in item.message:  # most rule messages already cite their basis
        out.append(_b("detail", Run(typeset("依据:"), "strong"), item.basis + "。"))
    for k, quote in enumerate(item.quotes):
        more = typeset(f"(另有{item.more_quotes}处,从略)") if item.more_quotes and k == len(item.quotes) - 1 else ""
        out.append(_quote_block(quote, more))
    if item.looked_for:
        out.append(_b("detail", Run(typeset("未找到:"), "strong"), item.looked_for + "。"))
    out.append(_b("detail", Run(typeset("修改建议:"), "strong"), item.suggestion))
    return out


def _quote_block(quote: Quote, more: str) -> Block:
    where = typeset(f"(见“{quote.where}”)") if quote.where else ""
    return _b(
        "detail",
        Run(typeset(f"原文{where}:"), "strong"),
        "“",
        Run(("…" if quote.cut_before else "") + quote.before, "quote"),
        # A quote that is all evidence (a long span, a heading) needs no marking within it.
        Run(quote.marked, "mark" if quote.before or quote.after else "quote"),
        Run(quote.after + ("…" if quote.cut_after else ""), "quote"),
        "”" + more,
    )


def _note(letter: Letter) -> str:
    if letter.draft:
        return typeset("(本意见为依据审核要点自动生成的初审稿,未经人工复核;原文引用以所审核文件为准。)")
    return typeset(f"(本意见依据审核要点生成,经审核人{letter.reviewer}复核;原文引用以所审核文件为准。)")


def _appendix(letter: Letter) -> list[Block]:
    """The machinery (file, checksum, code, versions): for the record, out of the letter's body."""
    i = letter.identity
    versions = ",".join(f"{VERSION_NAMES.get(k, k)} {v}" for k, v in letter.versions)
    rows = [
        ("审核文件", i.source or "未记录"),
        ("文件校验", f"SHA-256 前12位 {i.sha_short}" if i.sha256 else "未记录"),
    ]
    if i.code:
        rows.append(("行政区划代码", i.code))
    rows.append(("程序版本", versions or "未记录"))
    return [_b("note", typeset("附:审核记录"))] + [_b("note", typeset(f"{label}:{value}。")) for label, value in rows]
