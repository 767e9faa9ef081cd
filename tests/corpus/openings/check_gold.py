"""Check the hand labels of the development corpus of report openings.

Run with plain python3 (no fazhi, no third-party packages):
    python3 tests/corpus/openings/check_gold.py            # schema + offsets, exit 1 on any error
    python3 tests/corpus/openings/check_gold.py --numerals # also list numerals outside labelled figures

Checks: every gold file has the full schema, its text file exists, every figure's
`text[offset:offset+len(surface)] == surface`, figures are in order and do not overlap,
levels and compare values are from the allowed sets. With --numerals it prints, per file,
each run of digits or Chinese numerals that is not inside a labelled figure, with a little
context, so each exclusion (years, dates, ordinals, slogans, doc numbers...) can be checked by eye.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ("file", "source_url", "title", "jurisdiction", "parent", "level", "report_year",
        "published", "issuer", "doc_number", "constructed", "figures")
FIG_KEYS = ("text", "offset", "what", "value", "unit", "approx", "compare")
LEVELS = {"province", "city", "county", "district", "zone", "department", "township"}
COMPARE = {None, "from", "to", "increase", "decrease"}
# Arabic (half/full width) and Chinese numerals, incl. traditional and financial forms.
NUMERAL = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check(gold_path: Path) -> list[str]:
    errs = []
    g = json.loads(gold_path.read_text(encoding="utf-8"))
    for k in KEYS:
        if k not in g:
            errs.append(f"missing key {k}")
    txt_path = gold_path.parent.parent / "texts" / g.get("file", "")
    if not txt_path.is_file():
        return errs + [f"no text file {txt_path.name}"]
    if txt_path.stem != gold_path.stem:
        errs.append("text and gold names differ")
    text = txt_path.read_text(encoding="utf-8")
    if g.get("level") not in LEVELS:
        errs.append(f"bad level {g.get('level')!r}")
    ry = g.get("report_year")
    if ry is not None and not (isinstance(ry, int) and 2000 <= ry <= 2030):
        errs.append(f"bad report_year {ry!r}")
    if g.get("published") is not None and not DATE.match(g["published"]):
        errs.append(f"bad published {g['published']!r}")
    if not isinstance(g.get("constructed"), bool):
        errs.append("constructed must be a bool")
    if not str(g.get("source_url", "")).startswith(("http://", "https://")):
        errs.append("source_url must be an address")
    end = 0
    for i, f in enumerate(g.get("figures", [])):
        for k in FIG_KEYS:
            if k not in f:
                errs.append(f"figure {i} missing {k}")
        s, o = f.get("text", ""), f.get("offset", -1)
        if not s or text[o:o + len(s)] != s:
            errs.append(f"figure {i} {s!r}: offset {o} holds {text[o:o + len(s)]!r}")
        if o < end:
            errs.append(f"figure {i} {s!r} out of order or overlapping")
        end = o + len(s)
        if f.get("compare") not in COMPARE:
            errs.append(f"figure {i} bad compare {f.get('compare')!r}")
        if not isinstance(f.get("approx"), bool):
            errs.append(f"figure {i} approx must be a bool")
        if not isinstance(f.get("value"), (int, float)):
            errs.append(f"figure {i} value must be a number")
        if ("low" in f) != ("high" in f):
            errs.append(f"figure {i} range needs both low and high")
    return errs


def _obvious(text, m) -> bool:
    """Numerals that are plainly not figures, hidden to keep the listing readable:
    four-digit years, enumerators (一、 (二) 三是), and a lone 一 (进一步, 一体, 统一)."""
    s, before, after = m.group(), text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
    if re.fullmatch(r"(19|20)\d\d", s) and after in "年-—－/":
        return True
    if len(s) <= 2 and not s.isdigit() and (after in ("、", "是") or before in "(（"):
        return True
    return s in ("一", "陸")


def unlabelled(gold_path: Path):
    g = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent.parent / "texts" / g["file"]).read_text(encoding="utf-8")
    spans = [(f["offset"], f["offset"] + len(f["text"])) for f in g["figures"]]
    for m in NUMERAL.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        if _obvious(text, m):
            continue
        ctx = text[max(0, m.start() - 8):m.end() + 6].replace("\n", "⏎")
        yield m.group(), ctx


def main(argv):
    golds = sorted(HERE.glob("*/gold/*.json"))
    bad = 0
    nfig = 0
    for p in golds:
        errs = check(p)
        nfig += len(json.loads(p.read_text(encoding="utf-8")).get("figures", []))
        for e in errs:
            print(f"{p.parent.parent.name}/{p.name}: {e}")
        bad += bool(errs)
        if "--numerals" in argv and not errs:
            rows = list(unlabelled(p))
            if rows:
                print(f"== {p.parent.parent.name}/{p.stem}")
                for num, ctx in rows:
                    print(f"   {num:>8}  {ctx}")
    texts = sorted(HERE.glob("*/texts/*.txt"))
    orphans = {t.stem for t in texts} - {p.stem for p in golds}
    for o in sorted(orphans):
        print(f"text without gold: {o}")
    print(f"{len(golds)} gold files, {nfig} figures, {bad} with errors, {len(orphans)} orphan texts")
    return 1 if bad or orphans else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
