from __future__ import annotations

import pytest
import sqlalchemy as sa

from fazhi.core.settings import Settings
from tests.support.postgres import new_database


@pytest.fixture(params=["sqlite", "postgres"])
def db_settings(request, tmp_path) -> Settings:
    """Settings for a fresh, empty database of each backend."""
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path / "data")
    return Settings(data_dir=tmp_path / "data", database_url=new_database(request.getfixturevalue("pg_url")))


def _config():
    from alembic.config import Config

    from fazhi.store.db import _MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest migration's revision, which a freshly opened store is at."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def engine_at(settings: Settings, revision: str) -> sa.Engine:
    """An engine on ``settings``' database migrated only as far as ``revision`` (an older store)."""
    from alembic import command

    engine = sa.create_engine(settings.resolved_database_url())
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return engine
