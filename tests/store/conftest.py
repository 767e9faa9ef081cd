from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from fazhi.core.settings import Settings


@pytest.fixture(params=["sqlite", "postgres"])
def db_settings(request, tmp_path) -> Settings:
    """Settings for a fresh, empty database of each backend."""
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path / "data")
    base_url = request.getfixturevalue("pg_url")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = sa.engine.make_url(base_url).set(database=name).render_as_string(hide_password=False)
    return Settings(data_dir=tmp_path / "data", database_url=url)
