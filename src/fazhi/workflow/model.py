"""The records of a season, frozen; the store maps its rows onto them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.core.errors import FazhiError

# Who may do what in a season. Roles are the web app's (admin, reviewer, viewer);
# deciding and signing are a reviewer's acts (an admin manages, and may review too).
DECIDING_ROLES = frozenset({"reviewer", "admin"})


def can_decide(role: str | None) -> bool:
    return role in DECIDING_ROLES


@dataclass(frozen=True, slots=True)
class Season:
    """审核批次: one report year, its two deadlines and the rulebook the reports are read under."""

    id: int | None
    name: str
    report_year: int
    submit_by: dt.date  # 报送截止日期
    publish_by: dt.date  # 公开截止日期
    rulebook: str | None = None  # a province's rule file (path as given) or None for the built-in one


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit on the roster: expected to report this season."""

    name: str
    level: str | None = None  # one of core.levels.LEVELS
    parent: str | None = None  # the unit above it, as the office writes it
    contact: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: the signed-in user. Decisions and signatures carry this name, never one typed in."""

    name: str
    role: str


class NotAllowed(FazhiError):
    """A user tried what their role does not allow (a viewer deciding, anyone signing for another)."""

    code = "not_allowed"


def require_decider(actor: Actor) -> None:
    if not can_decide(actor.role):
        raise NotAllowed(f"{actor.name}的角色({actor.role})只能查看,不能审定或签发", hint="请由审核人操作")
