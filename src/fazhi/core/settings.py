"""Settings: packaged defaults, then a user TOML file, then FAZHI_* environment variables.

Loaded explicitly by the shells (CLI, web) and passed down; nothing reads
settings at import time. Unknown keys fail with the list of known ones.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fazhi.core.errors import ConfigError

ENV_PREFIX = "FAZHI_"
CONFIG_ENV = "FAZHI_CONFIG"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    data_dir: Path = Field(Path("fazhi-data"), description="数据目录:默认 SQLite 数据库文件所在")
    database_url: str | None = Field(
        None, description="数据库地址;留空则用 data_dir 下的 SQLite 文件,PostgreSQL 用 postgresql+psycopg://…"
    )
    # Every limit is finite (1e400 in TOML and "inf" in the environment are refused):
    # a limit that is not a number cannot be enforced, and int(inf) is a crash.
    max_file_mb: float = Field(50.0, gt=0, le=1e12, allow_inf_nan=False, description="单个文件大小上限(MB)")
    max_unzipped_mb: float = Field(
        200.0, gt=0, le=1e12, allow_inf_nan=False,
        description="DOCX 解压后总大小、PDF 数据流解压后总大小的上限(MB),防止压缩炸弹",
    )
    max_zip_ratio: float = Field(
        200.0, gt=1, le=1e12, allow_inf_nan=False, description="DOCX 内单个部件的最大压缩比"
    )
    max_part_mb: float = Field(
        50.0, gt=0, le=1e12, allow_inf_nan=False,
        description="DOCX 内单个 XML 部件、PDF 内单个数据流解压后的上限(MB);真实报告的正文部件只有几 MB",
    )
    max_text_chars: int = Field(
        2_000_000, gt=0, le=10**10,
        description="读出文字的字数上限;最长的真实报告也只有几十万字,超出的多半不是报告",
    )
    max_seconds_per_file: float = Field(
        120.0, gt=0, le=86_400, allow_inf_nan=False,
        description="单个文件的处理时限(秒);超时的文件记一行错误,其余文件照常处理",
    )
    max_memory_mb: float = Field(
        3072.0, ge=256, le=1e12, allow_inf_nan=False,
        description="处理单个文件的工作进程可用的内存上限(MB)",
    )
    workers: int = Field(0, ge=0, le=1024, description="入库时的工作进程数;0 表示与处理器核数相同")
    rulebook: Path | None = Field(
        None, description="审查规则文件(TOML),如本省的规则;留空则用内置的 2019 年《规定》规则"
    )
    # -- review letters (the review helper's block) --
    letter_office: str | None = Field(
        None, description="审核意见书的落款机关,如 示例市依法治市办;留空则落款处留白,由审核人填写"
    )
    letter_date: date | None = Field(
        None, description="审核意见书的落款日期(YYYY-MM-DD);留空则日期处留白,由审核人填写"
    )
    # fazhi serve
    host: str = Field("127.0.0.1", description="网页服务监听的地址;内网共用时设为 0.0.0.0")
    port: int = Field(8000, ge=1, le=65535, description="网页服务的端口")
    secret_key: str | None = Field(
        None, min_length=16, description="签发表单令牌(CSRF)的密钥;留空则每次启动随机生成,多进程部署时须设置"
    )
    max_upload_files: int = Field(50, ge=1, description="网页一次上传的文件数上限")

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_unzipped_bytes(self) -> int:
        return int(self.max_unzipped_mb * 1024 * 1024)

    @property
    def max_part_bytes(self) -> int:
        return int(self.max_part_mb * 1024 * 1024)

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        # Built with URL.create, not concatenated: a folder named "q?mode=ro"
        # must stay a folder, not become a query string.
        from sqlalchemy.engine import URL

        return URL.create("sqlite", database=str(self.data_dir / "fazhi.sqlite3")).render_as_string()


def read_toml(path: Path, what: str) -> dict:
    """A TOML file's contents, or one Chinese line naming the file and the fix.

    ``what`` names the file's role for the message (设置文件, 审查规则文件...).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{what}不存在", source=str(path), hint="检查路径") from None
    except IsADirectoryError:
        raise ConfigError(f"{what}的路径是一个文件夹", source=str(path), hint="请给出 .toml 文件的路径") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{what}不是 UTF-8 编码", source=str(path), hint="用 UTF-8 编码另存") from None
    except OSError as exc:
        raise ConfigError(f"无法读取{what}: {exc.strerror}", source=str(path), hint="检查文件权限") from None
    return parse_toml(text, what, str(path))


def parse_toml(text: str, what: str, source: str) -> dict:
    """TOML text (a packaged file, a string) as ``read_toml`` reads a file: one Chinese line if it is not TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{what}不是合法的 TOML: {exc}", source=source) from None


# pydantic's own error types in Chinese, for the one line a user reads; the
# `{…}` are filled from the error's ``ctx``.
_PROBLEMS = {
    "missing": "缺少此项",
    "extra_forbidden": "不是已知的键",
    "unexpected_keyword_argument": "不是已知的键",
    "literal_error": "取值应为 {expected}",
    "string_too_short": "至少要有 {min_length} 个字",
    "too_short": "至少要有 {min_length} 项",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "string_pattern_mismatch": "写法不符合 {pattern}",
    "string_type": "应为文字(加引号)",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "finite_number": "应为有限的数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "path_type": "应为路径",
    "list_type": "应为列表 [...]",
    "tuple_type": "应为列表 [...]",
    "dict_type": "应为表 {...}",
    "mapping_type": "应为表 {...}",
    "model_type": "应为表 {...}",
    "model_attributes_type": "应为表 {...}",
    "dataclass_type": "应为表 {...}",
    "dataclass_args_type": "应为表 {...}",
}
_CTX_FIELD = re.compile(r"\{(\w+)\}")


def pydantic_problem(error: Mapping[str, Any]) -> str:
    """What is wrong, by one pydantic error, in Chinese on one line (without where).

    Problems raised by our validators are Chinese already and are kept as they
    are; pydantic's own are said from ``_PROBLEMS``. The settings, the
    structure rules and the rulebook loaders all word their errors with it.
    """
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        problem = str(ctx["error"])
    elif kind in _PROBLEMS:
        # literal_error's `'a', 'b' or 'c'` reads `'a'、'b'、'c'`.
        said = {k: str(v).replace("' or '", "'、'").replace("', '", "'、'") for k, v in ctx.items()}
        problem = _CTX_FIELD.sub(lambda m: said.get(m.group(1), "…"), _PROBLEMS[kind])
    else:
        problem = f"取值无效({kind})"
    shown = error.get("input")
    if kind not in ("missing", "value_error") and isinstance(shown, str | int | float | bool):
        problem += f",现为 {shown!r}"
    return problem


def load_settings(config_file: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Build Settings from defaults, an optional TOML file and the environment."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    path = config_file or (Path(env[CONFIG_ENV]) if env.get(CONFIG_ENV) else None)
    if path is not None:
        values.update(read_toml(path, "设置文件"))
    known = set(Settings.model_fields)
    for key, value in env.items():
        if key.startswith(ENV_PREFIX) and key != CONFIG_ENV:
            name = key[len(ENV_PREFIX) :].lower()
            if name in known:
                values[name] = value
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"未知的设置项 {', '.join(unknown)}",
            source=str(path) if path else None,
            hint=f"可用的设置项: {', '.join(sorted(known))}",
        )
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(整体)"
        raise ConfigError(
            f"设置项的值无效 {where}: {pydantic_problem(first)}",
            source=str(path) if path else None,
        ) from None
