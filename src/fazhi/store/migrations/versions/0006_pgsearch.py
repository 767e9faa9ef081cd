"""PostgreSQL search: each report's text also as short chunks that stay inline, for the phrase re-check

Revision ID: 0006_pgsearch
Revises: 0005_season

A phrase of three or more characters is found through the bigram index
(0004_web) and then confirmed with ``strpos``. On ``reports.text`` that
confirmation read every candidate's whole text out of TOAST (a text over ~2 KB
is compressed and stored out of line: an index lookup per 2 KB piece and a
decompression), ~130 ms for a common phrase at 10,000 reports. ``search_texts``
holds the same text cut into overlapping chunks of at most 512 characters
(≤ 2 KB even at four bytes a character), stored PLAIN: never compressed, never
out of line, whatever the report's length. The re-check walks one report's
chunks in order and stops at the first that holds the phrase.

Chunk ``i`` is characters ``[448 i, 448 i + 512)`` of the text: consecutive
chunks share 64 characters, so any phrase of up to 65 characters lies whole
in one chunk (fazhi.store.search checks longer ones on ``reports.text``).
A trigger keeps the chunks current on insert and on any update of the text;
deleting a report deletes them (foreign key). SQLite needs none of this: its
FTS5 trigram index is exact for three or more characters.
"""

from alembic import op

revision = "0006_pgsearch"
down_revision = "0005_season"
branch_labels = None
depends_on = None

# fazhi.store.search.CHUNK_STRIDE / CHUNK_OVERLAP say the same; a test checks they agree.
STRIDE, LENGTH = 448, 512


def _chunks(report_id: str, text: str, tables: str = "") -> str:
    """INSERT the chunks of ``text`` (an empty text: one empty chunk); ``tables``: FROM items before the series."""
    return (f"INSERT INTO search_texts(report_id, chunk, body)"
            f" SELECT {report_id}, i, substr({text}, i * {STRIDE} + 1, {LENGTH})"
            f" FROM {tables}generate_series(0, greatest(char_length({text}) - 1, 0) / {STRIDE}) AS i")


_PG_UP = [
    """CREATE TABLE search_texts (
         report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
         chunk integer NOT NULL,
         body text NOT NULL,
         CONSTRAINT pk_search_texts PRIMARY KEY (report_id, chunk)
       )""",
    "ALTER TABLE search_texts ALTER COLUMN body SET STORAGE PLAIN",
    # The text is read into a variable once: substr on NEW.text itself would fetch
    # the TOASTed value again for every chunk.
    f"""CREATE FUNCTION fazhi_search_texts() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE t text := NEW.text;
       BEGIN
         IF TG_OP = 'UPDATE' THEN
           DELETE FROM search_texts WHERE report_id = OLD.id;
         END IF;
         {_chunks("NEW.id", "t")};
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER search_texts_aiu AFTER INSERT OR UPDATE OF text ON reports
         FOR EACH ROW EXECUTE FUNCTION fazhi_search_texts()""",
    _chunks("r.id", "r.text", tables="reports r, "),
    "ANALYZE search_texts",
]
_PG_DOWN = [
    "DROP TRIGGER IF EXISTS search_texts_aiu ON reports",
    "DROP FUNCTION IF EXISTS fazhi_search_texts()",
    "DROP TABLE IF EXISTS search_texts",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_DOWN:
            op.execute(statement)
