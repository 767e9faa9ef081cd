"""A synthetic corpus for the corpus benchmarks: every file says it is synthetic.

    .venv/bin/python bench/synth_corpus.py OUT_DIR --reports 1000 [--seed 7]

Paragraphs are recombined from the seeds' and examples' clauses (split at
,;) under invented jurisdictions, two consecutive years each, so that no
long passage repeats by chance. Into this it plants what the benchmark then
looks for, and writes it to OUT_DIR/manifest.json:

- copies: a whole paragraph (>= 150 characters) of one report pasted into
  another jurisdiction's report, with both spans;
- follow-through: year N's plan items, and which of them year N+1 carries out
  (a measure sentence that restates the plan item) and which it drops.

Every report opens with the same stock preamble (坚持以习近平…), which must be
classed as stock language, not as copying.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(ROOT / "src"))

MARK = "【合成样本:由 fazhi bench/synth_corpus.py 生成,非真实报告,仅供测试】"
NAMES = ("孝义市", "鞍山市", "开封市示范区", "示范区", "绵阳市", "海原县", "示例市司法局", "示例县", "示例市", "示例区",
         "孝义", "鞍山", "开封", "绵阳", "海原", "吕梁", "山西", "辽宁", "河南", "四川", "宁夏", "中卫")
SYLLABLES = "云岭青溪石岚松河金泉桐柳枫梧竹雁湖兰杏桃栗楠槐荷梅芷萍蓬莲菱芦苇"
SUFFIXES = ("县", "市", "区")
HEADINGS = ("依法全面履行政府职能", "完善依法行政制度体系", "严格规范公正文明执法", "健全行政决策制度体系",
            "预防调处化解社会矛盾纠纷", "强化行政权力制约和监督", "加快推进数字法治政府建设", "深化法治宣传教育")
PLANS = ("持续深入学习贯彻法治思想", "持续优化法治化营商环境", "持续强化行政执法规范化建设", "持续推进全民普法宣传工作",
         "健全重大行政决策合法性审查机制", "深化行政复议体制改革", "加强行政执法人员培训考核", "推进政务公开标准化规范化",
         "提升矛盾纠纷多元化解水平", "完善规范性文件备案审查制度", "推进基层综合行政执法改革", "加强法治督察和考核评价")
PREAMBLE = ("{year}年,{name}坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,"
            "全面贯彻党的二十大精神,认真落实关于法治政府建设的决策部署,各项工作取得积极成效。现将有关情况报告如下:")


def _source_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    try:
        from fazhi.core.settings import Settings
        from fazhi.ingest import read_path

        texts += [read_path(p, Settings()).masked() for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    except Exception:  # noqa: BLE001 - the seeds alone make a usable pool
        pass
    return texts


def clause_pool(texts: list[str]) -> list[str]:
    pool = set()
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if len(line) < 40 or re.match(r"^[一二三四五六七八九十]+、|^[((][一二三四五六七八九十]+[))]", line):
                continue
            for name in NAMES:
                line = line.replace(name, "")
            for clause in re.split(r"[,;。,;]", line):
                clause = clause.strip()
                # At most 40 characters: two clauses drawn together by chance stay under the 100
                # characters a copy needs, so only planted paragraphs are long shared passages.
                if 6 <= len(clause) <= 40 and not re.search(r"20\d\d年", clause):
                    pool.add(clause)
    return sorted(pool)


def _mutate(clause: str, rng: random.Random) -> str:
    # Numbers redrawn: two reports never print the same figure by construction.
    return re.sub(r"\d+(\.\d+)?", lambda m: str(rng.randint(2, 999)), clause)


def _sentence(pool: list[str], rng: random.Random) -> str:
    return ",".join(_mutate(rng.choice(pool), rng) for _ in range(rng.randint(2, 4))) + "。"


def _paragraph(pool: list[str], rng: random.Random, sentences: int) -> str:
    return "".join(_sentence(pool, rng) for _ in range(sentences))


def _names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.sample(SYLLABLES, rng.choice((2, 2, 3)))) + rng.choice(SUFFIXES))
    return sorted(names)


def _figures(rng: random.Random) -> str:
    return (f"全年办理行政复议案件{rng.randint(10, 900)}件,行政机关负责人出庭应诉率达到{rng.randint(60, 100)}%,"
            f"办结行政复议案件{rng.randint(5, 800)}件。")


def build_report(name: str, year: int, pool: list[str], rng: random.Random, done_plans: list[str]) -> tuple[str, list[str]]:
    """The text of one report and its plan items."""
    lines = [f"{name}{year}年度法治政府建设情况报告", MARK, PREAMBLE.format(year=year, name=name),
             "一、推进法治政府建设的主要措施和成效"]
    headings = rng.sample(HEADINGS, 5)
    numerals = "一二三四五六七八"
    for i, heading in enumerate(headings):
        lines.append(f"({numerals[i]}){heading}。")
        body = _paragraph(pool, rng, rng.randint(3, 5))
        if i == 0:
            # The plan items of last year that this report carries out, restated as done.
            body += "".join(f"围绕{p},{_mutate(rng.choice(pool), rng)},{p[2:]}取得明显成效。" for p in done_plans)
        lines.append(body)
        if i == 3:  # a line of its own: the same wording in every report, like a table's row labels
            lines.append(_figures(rng))
    lines.append("二、党政主要负责人履行推进法治建设第一责任人职责情况")
    lines.append(_paragraph(pool, rng, 3))
    lines.append("三、存在的不足和原因")
    lines.append(_paragraph(pool, rng, 2))
    lines.append(f"四、{year + 1}年工作安排")
    plans = rng.sample(PLANS, 4)
    for i, plan in enumerate(plans):
        lines.append(f"({numerals[i]}){plan}。{_sentence(pool, rng)}")
    return "\n".join(lines) + "\n", plans


def generate(out: Path, reports: int, seed: int = 7, copy_share: float = 0.05) -> dict:
    rng = random.Random(seed)
    pool = clause_pool(_source_texts())
    out.mkdir(parents=True, exist_ok=True)
    names = _names((reports + 1) // 2, rng)
    texts: dict[str, str] = {}
    followups = []
    for name in names:
        if len(texts) >= reports:
            break
        first, plans = build_report(name, 2023, pool, rng, [])
        texts[f"{name}-2023.txt"] = first
        if len(texts) >= reports:
            break
        done = [p for p in plans if rng.random() < 0.5]
        second, _ = build_report(name, 2024, pool, rng, done)
        texts[f"{name}-2024.txt"] = second
        followups.append({"earlier": f"{name}-2023.txt", "later": f"{name}-2024.txt",
                          "plans": {p: p in done for p in plans}})
    files = sorted(texts)
    original = dict(texts)  # copies are taken from what was generated, never from another copy
    copies = []
    for target in rng.sample(files, int(len(files) * copy_share)):
        source = rng.choice([f for f in files if f.split("-")[0] != target.split("-")[0]])
        paras = [p for p in original[source].split("\n") if len(p) >= 150 and not p.startswith(("【", "20"))]
        paragraph = rng.choice(paras)
        lines = texts[target].split("\n")
        at = rng.choice([i for i, line in enumerate(lines) if line.startswith("(") and i + 1 < len(lines)]) + 2
        lines.insert(at, paragraph)
        texts[target] = "\n".join(lines)
        copies.append({"target": target, "source": source, "text": paragraph})
    for copy in copies:  # spans after all insertions, in the final texts
        copy["target_offset"] = texts[copy["target"]].index(copy["text"])
        copy["source_offset"] = texts[copy["source"]].index(copy["text"])
        copy["length"] = len(copy.pop("text"))
    for fname, text in texts.items():
        (out / fname).write_text(text, encoding="utf-8")
    manifest = {"synthetic": True, "reports": len(texts), "seed": seed, "copies": copies, "followups": followups}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    m = generate(args.out, args.reports, args.seed)
    print(f"{m['reports']} synthetic reports, {len(m['copies'])} planted copies, "
          f"{len(m['followups'])} year pairs -> {args.out}")


if __name__ == "__main__":
    main()
