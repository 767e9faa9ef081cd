"""The five seed reports run through every stage once per test session, with their gold labels."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from fazhi.core.settings import Settings
from fazhi.figures import check_consistency, extract_figures
from fazhi.identity import identify
from fazhi.ingest import read_path
from fazhi.review import Review, ReviewInput, load_rulebook, review
from fazhi.structure import outline

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
GOLD = SEEDS / "gold"
NAMES = sorted(p.stem for p in GOLD.glob("*.json")) if GOLD.is_dir() else []
PROVINCE = Path(__file__).parent / "data" / "province.toml"


def short(name: str) -> str:
    return name.split("_")[0]


@lru_cache(maxsize=None)
def gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def seed_input(name: str) -> ReviewInput:
    doc = read_path(SEEDS / gold(name)["file"], Settings())
    text = doc.masked()
    figs = extract_figures(text)
    return ReviewInput(
        text=text,
        raw_text=doc.text,
        identity=identify(doc),
        outline=outline(text, source=doc.text),
        figures=figs,
        consistency=check_consistency(figs, text),
    )


@lru_cache(maxsize=None)
def seed_review(name: str, province: bool = False) -> Review:
    return review(seed_input(name), load_rulebook(PROVINCE) if province else None)


def status(name: str, rule: str, province: bool = False) -> str:
    return next(f.status for f in seed_review(name, province).findings if f.rule == rule)


def gold_has_part(name: str, part: str) -> bool:
    for section in gold(name)["sections"]:
        if section["level"] == 1:
            parts = section["part"] if isinstance(section["part"], list) else [section["part"]]
            if part in parts:
                return True
    return False
