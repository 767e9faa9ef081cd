"""The administrative-division table (GB/T 2260 codes) and name lookup.

The data is the adcode table shipped by the ``cpca`` package (province,
prefecture and county levels, about 3,500 rows). Only its CSV is read: importing
cpca itself would pull in pandas at start-up for nothing.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fazhi.core.errors import ConfigError

# Rows of the table that are grouping placeholders, not places.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县"}
# Real division names that are also ordinary words; they are found only when a
# parent division is written right before them (鞍山市郊区, 阳泉市矿区).
GENERIC_NAMES = {"城区", "郊区", "矿区", "新区", "市中区", "开发区", "东区", "西区"}


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 6-digit GB/T 2260 code
    name: str
    level: str  # province | city | county | district

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    @property
    def city_code(self) -> str:
        return self.code[:4] + "00"


def _level(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    # 市辖区 are districts; 县, 县级市, 旗, 自治县, 特区 and 林区 are county level.
    if name.endswith("区") and not name.endswith(("林区", "特区")):
        return "district"
    return "county"


def _csv_path() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("缺少行政区划数据包 cpca", hint="运行 pip install cpca")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


class DivisionTable:
    def __init__(self, rows: list[tuple[str, str]]):
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = defaultdict(list)
        for code, name in rows:
            if name in _PLACEHOLDERS:
                continue
            division = Division(code, name, _level(code, name))
            self.by_code[code] = division
            self.by_name[name].append(division)
        # Name lengths by first character, longest first: most characters of a
        # report start no division name, so most positions cost one dict miss.
        by_first: dict[str, set[int]] = defaultdict(set)
        for name in self.by_name:
            by_first[name[0]].add(len(name))
        self._by_first = {c: tuple(sorted(ls, reverse=True)) for c, ls in by_first.items()}

    @classmethod
    def from_csv(cls, path: Path) -> DivisionTable:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(handle)]
        return cls(rows)

    def province_of(self, division: Division) -> Division | None:
        return self.by_code.get(division.province_code)

    def city_of(self, division: Division) -> Division | None:
        """The prefecture above a county or district; None under a direct-controlled city."""
        if division.level in ("province", "city"):
            return None
        city = self.by_code.get(division.city_code)
        return city if city is not None and city.level == "city" else None

    def ancestors(self, division: Division) -> list[Division]:
        found = [self.province_of(division), self.city_of(division)]
        return [d for d in found if d is not None and d.code != division.code]

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of every division name in ``text``, longest match first, left to right.

        ``text`` must already be folded (see lookalikes.fold). Generic names
        count only right after another division (阳泉市矿区).
        """
        found: list[tuple[int, int, str]] = []
        by_first = self._by_first
        i = 0
        while i < len(text):
            for length in by_first.get(text[i], ()):
                name = text[i : i + length]
                if len(name) == length and name in self.by_name:
                    if name in GENERIC_NAMES and not (found and found[-1][1] == i):
                        continue
                    found.append((i, i + length, name))
                    i += length
                    break
            else:
                i += 1
        return found


@lru_cache(maxsize=1)
def default_table() -> DivisionTable:
    return DivisionTable.from_csv(_csv_path())
