"""Stock political language: which characters of a text are 套话 from the bundled list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fazhi.core.errors import ConfigError
from fazhi.core.settings import read_toml


class _StockFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    phrases: list[str] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class StockPhrases:
    version: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def stock_phrases() -> StockPhrases:
    path = Path(str(resources.files("fazhi.corpus").joinpath("stock.toml")))
    try:
        data = _StockFile.model_validate(read_toml(path, "数据文件 corpus/stock.toml "))
    except ValidationError as exc:
        raise ConfigError(f"corpus/stock.toml 不符合格式: {exc.errors()[0]['msg']}", source=str(path),
                          hint="version 为字符串,phrases 为非空的字符串列表") from None
    # Longest first, so the regex takes the whole phrase rather than its head.
    ordered = sorted({p for p in data.phrases if p}, key=len, reverse=True)
    return StockPhrases(data.version, re.compile("|".join(map(re.escape, ordered))))


def stock_chars(text: str) -> int:
    """How many non-blank characters of ``text`` lie inside stock phrases."""
    return sum(len(m.group()) for m in stock_phrases().pattern.finditer(text))


def stock_share(text: str) -> float:
    solid = sum(1 for ch in text if not ch.isspace() and ch not in ",、。;:,;:")
    if not solid:
        return 0.0
    return min(1.0, stock_chars(text) / solid)
