"""Accounts: users with roles, login sessions, and the login rate limit.

Passwords are hashed with Argon2id at OWASP's recommended parameters (19 MiB,
two passes, one lane): argon2-cffi's defaults (64 MiB, four lanes) took 0.75 s
per login on a busy two-core server, and a login that slow invites a weaker
password policy. Parameters are stored inside each hash, so they can be raised
later without invalidating accounts. Session tokens are random and only their
SHA-256 is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from fazhi.core.errors import ConfigError
from fazhi.store.db import Store, db_errors
from fazhi.store.web_tables import ROLES, login_attempts, users, web_sessions

SESSION_HOURS = 12  # one working day; a reviewer logs in again the next morning
LOGIN_WINDOW_MINUTES = 15
LOGIN_MAX_FAILURES = 5  # per user name and per address within the window
MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,64}$")
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    role: str

    def may(self, role: str) -> bool:
        """Whether this user has ``role`` or a higher one."""
        return ROLES.index(self.role) >= ROLES.index(role)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def check_new_user(username: str, password: str, role: str) -> None:
    if role not in ROLES:
        raise ConfigError(f"未知的角色 {role}", hint=f"可选: {'、'.join(ROLES)}")
    if not _USERNAME.match(username):
        raise ConfigError("用户名应为 2–64 个字母、数字、汉字或 _ . -", source=username)
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"密码至少 {MIN_PASSWORD} 位", source=username)


def add_user(store: Store, username: str, password: str, role: str) -> User:
    """Create a user, or set the password and role of an existing one (so a lost admin password can be reset)."""
    check_new_user(username, password, role)
    hashed = _hasher.hash(password)
    with db_errors("保存用户"), store.engine.begin() as conn:
        existing = conn.execute(sa.select(users.c.id).where(users.c.username == username)).scalar()
        if existing is None:
            user_id = conn.execute(users.insert().values(
                username=username, password_hash=hashed, role=role, created_at=_now(),
            )).inserted_primary_key[0]
        else:
            user_id = existing
            conn.execute(users.update().where(users.c.id == existing).values(password_hash=hashed, role=role))
            conn.execute(web_sessions.delete().where(web_sessions.c.user_id == existing))
    return User(int(user_id), username, role)


def list_users(store: Store) -> list[User]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(users.c.id, users.c.username, users.c.role).order_by(users.c.id))
        return [User(r.id, r.username, r.role) for r in rows]


def authenticate(store: Store, username: str, password: str) -> User | None:
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == username)).first()
    if row is None:
        _hasher.hash(password)  # same time whether or not the name exists
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(row.id, row.username, row.role)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(store: Store, user: User) -> str:
    token = secrets.token_urlsafe(32)
    now = _now()
    with store.engine.begin() as conn:
        conn.execute(web_sessions.delete().where(web_sessions.c.expires_at < now))
        conn.execute(web_sessions.insert().values(
            token_hash=_token_hash(token), user_id=user.id, created_at=now,
            expires_at=now + dt.timedelta(hours=SESSION_HOURS),
        ))
    return token


def session_user(store: Store, token: str) -> User | None:
    query = (
        sa.select(users.c.id, users.c.username, users.c.role, web_sessions.c.expires_at)
        .join(web_sessions, web_sessions.c.user_id == users.c.id)
        .where(web_sessions.c.token_hash == _token_hash(token))
    )
    with store.engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None or _aware(row.expires_at) < _now():
        return None
    return User(row.id, row.username, row.role)


def close_session(store: Store, token: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(web_sessions.delete().where(web_sessions.c.token_hash == _token_hash(token)))


def login_blocked(store: Store, username: str, remote: str) -> bool:
    """Too many failed logins for this name or from this address within the window."""
    since = _now() - dt.timedelta(minutes=LOGIN_WINDOW_MINUTES)
    failed = sa.and_(login_attempts.c.ok.is_(False), login_attempts.c.at >= since)
    with store.engine.connect() as conn:
        by_name = conn.execute(sa.select(sa.func.count()).where(failed, login_attempts.c.username == username))
        by_remote = conn.execute(sa.select(sa.func.count()).where(failed, login_attempts.c.remote == remote))
        return by_name.scalar_one() >= LOGIN_MAX_FAILURES or by_remote.scalar_one() >= LOGIN_MAX_FAILURES


def note_login(store: Store, username: str, remote: str, ok: bool) -> None:
    with store.engine.begin() as conn:
        conn.execute(login_attempts.insert().values(username=username[:64], remote=remote[:64], ok=ok, at=_now()))
