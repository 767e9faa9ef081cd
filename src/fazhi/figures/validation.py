"""Turning a pydantic validation error in a data file into one Chinese line.

The people who edit ``lexicon.toml``, ``exclusions.toml`` and the catalog read
Chinese and need the file, the item and what is wrong with it, not pydantic's
multi-line English dump.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from fazhi.core.errors import ConfigError
from fazhi.core.settings import read_toml

_M = TypeVar("_M", bound=BaseModel)


class Strict(BaseModel):
    """Base of every data-file schema: unknown keys are errors (typos), values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def load_data_file(model: type[_M], *parts: str, hint: str) -> _M:
    """A packaged data file (figures/<parts...>) read and validated, or one Chinese ConfigError line."""
    path = Path(str(resources.files("fazhi.figures").joinpath(*parts)))
    name = "/".join(parts)
    data = read_toml(path, f"数据文件 {name} ")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{name} 不符合格式: {describe(exc, data)}", source=str(path), hint=hint) from None

_PROBLEMS = {
    "missing": "缺少这一项",
    "extra_forbidden": "不是已知的字段(拼写错误?)",
    "string_type": "应为字符串",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "model_type": "应为表(table)",
    "dict_type": "应为表(table)",
    "too_short": "项数太少",
    "too_long": "项数太多",
}


def describe(exc: ValidationError, data: Any) -> str:
    """``indicators[0].kind(rules.x): 取值 'speed' 不在允许范围(…)``, on one line.

    ``data`` is what was validated: it names the item (its ``id`` or ``name``)
    the way the file's author knows it.
    """
    errors = exc.errors()
    first = errors[0]
    loc = tuple(first["loc"])
    where = _path(loc) or "顶层"
    item = _item(data, loc)
    line = f"{where}{f'({item})' if item else ''}: {_problem(first)}"
    if len(errors) > 1:
        line += f";另有 {len(errors) - 1} 处问题"
    return " ".join(line.split())  # never more than one line, whatever the input held


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _item(data: Any, loc: tuple) -> str:
    """The innermost named item on the way to the error: ``指标 rules.x``, ``模式 date``."""
    named = ""
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            name = node.get("id") or node.get("name")
            if isinstance(name, str):
                named = name
    return named


def _problem(error: dict) -> str:
    kind = error["type"]
    if kind == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", "")).replace(" or ", ", ")
        return f"取值 {error.get('input')!r} 不在允许范围({expected})"
    if kind in ("value_error", "assertion_error"):
        reason = (error.get("ctx") or {}).get("error")
        return str(reason) if reason else error["msg"]
    if kind in _PROBLEMS:
        return _PROBLEMS[kind]
    return f"格式不对({kind})"
