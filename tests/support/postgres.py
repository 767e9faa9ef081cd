"""A real PostgreSQL server for the store tests, started in a temporary folder.

FAZHI_TEST_PG_URL, when set, points at a server someone else runs. Otherwise
the fixture runs initdb and pg_ctl from the machine's PostgreSQL (as the
``postgres`` user when the tests run as root, since initdb refuses root) and
stops the server afterwards. No server and no URL is a failure, not a skip:
these tests claim the store works on PostgreSQL.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_database(base_url: str) -> str:
    """The URL of a new, empty database on the server at ``base_url``."""
    import uuid

    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return sa.engine.make_url(base_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    if os.environ.get("FAZHI_TEST_PG_URL"):
        yield os.environ["FAZHI_TEST_PG_URL"]
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.fail("PostgreSQL not found: apt-get install postgresql, or set FAZHI_TEST_PG_URL")
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    base = Path(tempfile.mkdtemp(prefix="fazhi-pg-"))
    data = base / "data"
    os.chmod(base, 0o777)
    if as_root:
        shutil.chown(base, "postgres")
    port = _free_port()
    subprocess.run(
        [*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "fazhi", "-E", "UTF8", "--locale=C"],
        check=True, capture_output=True,
    )
    options = f"-k {base} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        [*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"],
        check=True, capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://fazhi@/postgres?host={base}&port={port}"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
