from __future__ import annotations

import pytest

from fazhi.core.settings import Settings
from tests.support.postgres import new_database


@pytest.fixture(params=["sqlite", "postgres"])
def db_settings(request, tmp_path) -> Settings:
    """Settings for a fresh, empty database of each backend."""
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path / "data")
    return Settings(data_dir=tmp_path / "data", database_url=new_database(request.getfixturevalue("pg_url")))
