"""The store: open (and migrate) a database, save analyses with their originals, read them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
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
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets `fazhi list` read while an ingest is writing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is already there)."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


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


@dataclass(frozen=True, slots=True)
class Saved:
    report_id: int
    created: bool  # False when the same bytes were already stored


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    # -- writing ---------------------------------------------------------
    def find_report(self, sha256: str) -> int | None:
        with db_errors("查询"), self.engine.connect() as conn:
            return conn.execute(sa.select(reports.c.id).where(reports.c.sha256 == sha256)).scalar()

    def save(self, analysis: Analysis, data: bytes) -> Saved:
        """Store the original bytes and the analysis in one transaction; same bytes twice is a no-op."""
        prov = analysis.document.provenance
        existing = self.find_report(prov.sha256)
        if existing is not None:
            self.record(prov.source, prov.sha256, "duplicate", existing)
            return Saved(existing, False)
        identity = analysis.identity
        j = identity.jurisdiction
        row = {
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
            "analysis": analysis.to_json(),
            "fazhi_version": __version__,
            "ingested_at": _now(),
        }
        try:
            with db_errors("保存报告"), self.engine.begin() as conn:
                has_original = conn.execute(
                    sa.select(originals.c.sha256).where(originals.c.sha256 == prov.sha256)
                ).first()
                if has_original is None:
                    conn.execute(
                        originals.insert().values(
                            sha256=prov.sha256, size=len(data), content=data, stored_at=_now()
                        )
                    )
                report_id = conn.execute(reports.insert().values(**row)).inserted_primary_key[0]
                conn.execute(
                    sightings.insert().values(
                        source=prov.source, sha256=prov.sha256, outcome="stored",
                        report_id=report_id, seen_at=_now(),
                    )
                )
        except IntegrityError:
            # Another process stored the same bytes between our check and insert.
            existing = self.find_report(prov.sha256)
            if existing is None:
                raise
            self.record(prov.source, prov.sha256, "duplicate", existing)
            return Saved(existing, False)
        return Saved(int(report_id), True)

    def record(
        self, source: str, sha256: str | None, outcome: str, report_id: int | None = None,
        error_code: str | None = None, error_message: str | None = None,
    ) -> None:
        with db_errors("记录处理结果"), self.engine.begin() as conn:
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
    try:
        parsed = sa.engine.make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed)
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine)
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"缺少数据库驱动 {exc.name}", source=safe_url(url), hint="PostgreSQL 请安装 pip install 'fazhi[postgres]'"
        ) from None
    except (OperationalError, SQLAlchemyError, OSError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"无法打开数据库: {reason}", source=safe_url(url), hint="检查 database_url 设置与数据库服务") from None
    return Store(engine)


def safe_url(url: str) -> str:
    """The URL without its password, for error messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is shown as the user typed it
        return url
