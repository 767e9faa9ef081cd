"""Regular expressions read from data files (word lists, rule files): refused at load if they do not compile."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

_S = TypeVar("_S", bound=Sequence[str])


def check_patterns(patterns: _S) -> _S:
    """``patterns`` unchanged, or ValueError naming the first that does not compile.

    Meant as a pydantic validator: the loader words the ValueError with
    ``fazhi.core.settings.pydantic_problem``.
    """
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"不是合法的正则表达式 {pattern!r}: {exc}") from None
    return patterns


def check_pattern(pattern: str) -> str:
    """One pattern, as ``check_patterns``."""
    check_patterns((pattern,))
    return pattern
