"""The store: open (and migrate) a database, save analyses with their originals, read them back."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from fazhi import __version__
from fazhi.core.errors import StoreError
from fazhi.core.settings import Settings
from fazhi.pipeline import Analysis
from fazhi.store.schema import originals, reports, sightings

_MIGRATIONS = Path(__file__).parent / "migrations"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # pysqlite's own transaction handling never BEGINs before DDL, so each
    # CREATE TABLE of a migration committed on its own and a process killed
    # half-way left half a schema. fazhi issues BEGIN itself (SQLAlchemy's
    # documented recipe): a migration step is then all or nothing.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets `fazhi list` read while an ingest is writing.
    if not cursor.execute("PRAGMA query_only").fetchone()[0]:
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_begin(conn) -> None:
    # A write transaction takes the write lock at BEGIN: a reader that later
    # writes cannot be refused half-way with "database is locked".
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


def migrate(engine: Engine, lock_path: Path | None = None) -> None:
    """Bring the schema to the newest revision under a lock; a no-op when it is already there.

    Concurrent first runs wait for each other (a file lock beside a SQLite
    database, an advisory lock on PostgreSQL); every step is one transaction,
    so a run killed at any point leaves either the old or the new schema.
    A schema half made by an older fazhi is finished (see ``_adopt``).
    """
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with _migration_lock(engine, lock_path):
        if _at_head(engine, config):
            return
        with engine.connect() as connection:
            _adopt(connection, config)
        with engine.execution_options(write=True).connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


# Any fixed number: every fazhi process contending for one PostgreSQL database uses it.
_PG_LOCK_KEY = 0x66617A6869  # "fazhi"


@contextmanager
def _migration_lock(engine: Engine, lock_path: Path | None) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_LOCK_KEY})")
            try:
                yield
            finally:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_LOCK_KEY})")
                conn.commit()
        return
    try:
        import fcntl
    except ImportError:  # Windows: concurrent first runs there are not guarded
        fcntl = None
    if lock_path is None or fcntl is None:
        yield
        return

    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115 - held for the whole block
    except OSError:
        # A read-only folder: nobody can be migrating here; a schema that
        # still needs migrating fails later with its own clear line.
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _at_head(engine: Engine, config: Config) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(config).get_heads())
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads()) == heads


_OURS = ("originals", "reports", "sightings")


def _adopt(connection: sa.Connection, config: Config) -> None:
    """Finish a schema that an older fazhi left half made (tables, but no alembic_version).

    Before migrations were atomic, a run killed while creating the schema left
    some tables and no version, and every later open failed with "table
    originals already exists". Empty leftovers are dropped so the migration
    makes them again; tables holding data are stamped with the revision whose
    tables and columns are all there, so the migration goes on from it.
    """
    inspector = sa.inspect(connection)
    tables = set(inspector.get_table_names())
    if "alembic_version" in tables or not tables & set(_OURS):
        return
    present = [name for name in reversed(_OURS) if name in tables]
    if all(connection.execute(sa.text(f"SELECT COUNT(*) FROM {name}")).scalar_one() == 0 for name in present):
        connection.rollback()
        with connection.begin():
            for name in present:  # sightings, reports, originals: foreign keys first
                connection.execute(sa.text(f"DROP TABLE {name}"))
        return
    columns = {c["name"] for c in inspector.get_columns("reports")} if "reports" in tables else set()
    revision = "0002" if "score" in columns else "0001"
    connection.rollback()
    config.attributes["connection"] = connection
    with connection.begin():
        command.stamp(config, revision)


@contextmanager
def db_errors(action: str) -> Iterator[None]:
    """Database failures (locked file, lost server, full disk) as one StoreError line.

    IntegrityError is left alone: save() turns it into a duplicate.
    """
    try:
        yield
    except IntegrityError:
        raise
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"{action}时数据库出错: {reason}", hint="稍后重试;已保存的内容不受影响") from None


def insert_report(dialect_name: str) -> sa.Insert:
    """The reports insert, its analysis bound as the JSON text ``report_row`` made.

    Encoding the analysis cost the single writer of an ingest more than
    storing it, and sending it as a dict cost as much again to unpickle: a
    worker encodes it (json.dumps with its defaults, as SQLAlchemy would),
    the writer stores the text. PostgreSQL is told it is JSON; SQLite keeps
    JSON as text anyway (a CAST there would turn it into a number).
    """
    text = sa.bindparam("analysis", type_=sa.Text)
    analysis = sa.cast(text, reports.c.analysis.type) if dialect_name == "postgresql" else text
    return reports.insert().values(analysis=analysis)


def report_row(analysis: Analysis) -> dict:
    """The reports row of an analysis: plain values (the analysis as JSON text), cheap to send from a worker."""
    prov = analysis.document.provenance
    identity = analysis.identity
    j = identity.jurisdiction
    return {
        "sha256": prov.sha256,
        "source": prov.source,
        "format": prov.format,
        "encoding": prov.encoding,
        "text": analysis.document.text,
        "title": identity.title.value if identity.title else None,
        "jurisdiction": j.name if j else None,
        "level": j.level if j else None,
        "province": j.province if j else None,
        "city": j.city if j else None,
        "county": j.county if j else None,
        "division_code": j.code if j else None,
        "parent_code": j.parent_code if j else None,
        "report_year": identity.report_year.value if identity.report_year else None,
        "published": identity.published.value if identity.published else None,
        "issuer": identity.issuer.value if identity.issuer else None,
        "doc_number": identity.doc_number.value if identity.doc_number else None,
        "score": analysis.review.score.total,
        "analysis": json.dumps(analysis.to_json()),
        "fazhi_version": __version__,
    }


@dataclass(frozen=True, slots=True)
class Saved:
    report_id: int
    created: bool  # False when the same bytes were already stored


class Store:
    def __init__(self, engine: Engine, read_only: bool = False):
        self.engine = engine
        self.read_only = read_only
        self._writer = engine.execution_options(write=True)
        self._insert_report = insert_report(engine.dialect.name)

    def known_sha256(self) -> frozenset[str]:
        """Every stored report's sha256: workers skip these without analyzing them."""
        with db_errors("查询"), self.engine.connect() as conn:
            return frozenset(conn.execute(sa.select(reports.c.sha256)).scalars())

    # -- writing ---------------------------------------------------------
    def transaction(self) -> AbstractContextManager[sa.Connection]:
        """One write transaction (on SQLite it holds the write lock from its start)."""
        return self._writer.begin()

    def find_report(self, sha256: str) -> int | None:
        with db_errors("查询"), self.engine.connect() as conn:
            return conn.execute(sa.select(reports.c.id).where(reports.c.sha256 == sha256)).scalar()

    def save(self, analysis: Analysis, data: bytes) -> Saved:
        """Store the original bytes and the analysis in one transaction; same bytes twice is a no-op."""
        return self.save_row(report_row(analysis), data)

    def save_row(self, row: dict, data: bytes) -> Saved:
        """``save`` for a row made by ``report_row`` (in a worker process)."""
        sha256, source = row["sha256"], row["source"]
        existing = self.find_report(sha256)
        if existing is not None:
            self.record(source, sha256, "duplicate", existing)
            return Saved(existing, False)
        row = {**row, "ingested_at": _now()}
        try:
            with db_errors("保存报告"), self._writer.begin() as conn:
                has_original = conn.execute(
                    sa.select(originals.c.sha256).where(originals.c.sha256 == sha256)
                ).first()
                if has_original is None:
                    conn.execute(
                        originals.insert().values(
                            sha256=sha256, size=len(data), content=data, stored_at=_now()
                        )
                    )
                report_id = conn.execute(self._insert_report, row).inserted_primary_key[0]
                conn.execute(
                    sightings.insert().values(
                        source=source, sha256=sha256, outcome="stored",
                        report_id=report_id, seen_at=_now(),
                    )
                )
        except IntegrityError:
            # Another process stored the same bytes between our check and insert.
            existing = self.find_report(sha256)
            if existing is None:
                raise
            self.record(source, sha256, "duplicate", existing)
            return Saved(existing, False)
        return Saved(int(report_id), True)

    def record(
        self, source: str, sha256: str | None, outcome: str, report_id: int | None = None,
        error_code: str | None = None, error_message: str | None = None,
    ) -> None:
        with db_errors("记录处理结果"), self._writer.begin() as conn:
            conn.execute(
                sightings.insert().values(
                    source=source, sha256=sha256, outcome=outcome, report_id=report_id,
                    error_code=error_code, error_message=error_message, seen_at=_now(),
                )
            )

    # -- reading ---------------------------------------------------------
    def list_reports(self, limit: int = 100, offset: int = 0) -> list[dict]:
        cols = [reports.c[name] for name in (
            "id", "jurisdiction", "level", "province", "city", "division_code", "report_year",
            "published", "score", "title", "format", "source",
        )]
        query = sa.select(*cols).order_by(reports.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def count_reports(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(reports)).scalar_one()

    def get_report(self, report_id: int) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(reports).where(reports.c.id == report_id)).first()
            return dict(row._mapping) if row else None

    def get_original(self, sha256: str) -> bytes | None:
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(originals.c.content).where(originals.c.sha256 == sha256)
            ).scalar()

    def failures(self) -> list[dict]:
        query = sa.select(sightings).where(sightings.c.outcome == "failed").order_by(sightings.c.id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def open_store(settings: Settings) -> Store:
    """Connect to the configured database and migrate it to the current schema."""
    url = settings.resolved_database_url()
    lock_path = None
    read_only = False
    try:
        parsed = sa.engine.make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            database = Path(parsed.database)
            if database.exists() and not _writable(database):
                parsed = _read_only_url(database)
                read_only = True
            else:
                database.parent.mkdir(parents=True, exist_ok=True)
                lock_path = database.with_name(database.name + ".lock")
        # Several ingests share one SQLite file: a writer waits its turn (up to
        # 30 s for one transaction) rather than failing at once with "locked".
        sqlite = parsed.get_backend_name() == "sqlite"
        engine = sa.create_engine(parsed, connect_args={"timeout": 30} if sqlite else {})
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
            sa.event.listen(engine, "begin", _sqlite_begin)
        migrate(engine, lock_path)
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"缺少数据库驱动 {exc.name}", source=safe_url(url),
            hint="fazhi 支持 SQLite 与 PostgreSQL;PostgreSQL 请安装 pip install 'fazhi[postgres]'",
        ) from None
    except sa.exc.NoSuchModuleError:
        raise StoreError(
            "不支持这种数据库", source=safe_url(url),
            hint="fazhi 支持 SQLite(默认)与 PostgreSQL(postgresql+psycopg://…,需 pip install 'fazhi[postgres]')",
        ) from None
    except (OperationalError, SQLAlchemyError, OSError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"无法打开数据库: {reason}", source=safe_url(url), hint=_open_hint(reason)) from None
    return Store(engine, read_only=read_only)


def _writable(database: Path) -> bool:
    # SQLite writes beside the file too (its -wal and -shm files).
    return os.access(database, os.W_OK) and os.access(database.parent, os.W_OK)


def _read_only_url(database: Path) -> sa.engine.URL:
    """A read-only SQLite file (a read-only mount, a copy on a CD): read as immutable, nothing written.

    In WAL mode even reading needs the -shm file beside the database; an
    immutable open needs nothing, and nobody can be writing where nobody can write.
    """
    from urllib.parse import quote

    return sa.engine.URL.create(
        "sqlite", database=f"file:{quote(str(database.resolve()))}", query={"immutable": "1", "uri": "true"}
    )


def _open_hint(reason: str) -> str:
    if "readonly" in reason or "read-only" in reason or "unable to open" in reason:
        return "数据库文件或其所在文件夹不可写(fazhi 需要写入日志文件);请复制到可写的文件夹,或检查权限"
    if "disk is full" in reason or "No space" in reason:
        return "磁盘已满:请腾出空间后重试"
    return "检查 database_url 设置与数据库服务"


def safe_url(url: str) -> str:
    """The URL without its password, for error messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is shown as the user typed it
        return url
