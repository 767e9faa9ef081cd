"""What every command shares: the app, consoles, settings, options, tables, and Chinese names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from fazhi.core.errors import FazhiError
from fazhi.core.levels import LEVEL_NAMES
from fazhi.core.settings import Settings, load_settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="fazhi:法治政府建设年度报告的阅读、核查与比较工具。",
)
out = Console(highlight=False)
# soft_wrap: an error line stays one line in a log file (rich wraps at 80
# columns when stderr is not a terminal), so grep finds the whole of it.
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Control characters (C0, DEL, C1) shown as \xNN: an ESC in a file name must
# not reach the terminal, and a name must stay visibly the name it is.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}


def shown(text: object, style: str = "") -> Text:
    """User-controlled text (file names, messages quoting them) as a rich Text: never read as markup.

    rich's markup ``escape`` misses some cases (``a\\[b`` loses its backslash), so
    user text never goes through markup at all; only control characters are
    rewritten.
    """
    return Text(str(text).translate(_CONTROLS), style=style)


def clean_text(text: str) -> str:
    """A user's option value without control characters (they break XML, HTML and terminals)."""
    return "".join(c for c in text if c in "\t\n" or not (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0))


# SQLite and PostgreSQL keep IDs in 64 bits: a larger number names no report.
MAX_ID = 2**63 - 1


def line(*parts: str | tuple[str, str] | Text) -> Text:
    """One output line from our own words (plain or (text, style)) and ``shown`` user text."""
    return Text.assemble(*parts)


def error_line(exc: FazhiError, label: str = "✗", console: Console | None = None) -> None:
    """A failed file's one line on stderr; a bug's traceback before it, so it can be reported."""
    console = console or err
    trace = getattr(exc, "trace", "")
    if trace:
        console.print(shown(trace.rstrip()))
    console.print(line((label, "red"), " ", shown(exc.one_line())))

STATUS_NAMES = {"stored": "新入库", "duplicate": "已存在", "failed": "失败", "skipped": "跳过"}

ConfigOption = Annotated[
    Optional[Path], typer.Option("--config", help="设置文件(TOML);也可用环境变量 FAZHI_CONFIG")
]
DbOption = Annotated[
    Optional[str], typer.Option("--db", help="数据库地址,覆盖设置中的 database_url")
]

WorkersOption = Annotated[
    Optional[int], typer.Option("--workers", min=1, max=1024, help="工作进程数;默认与处理器核数相同")
]
# Exit codes: 1 some files failed (their lines say why), 2 the command could
# not run, 3 a file met a bug in fazhi (its traceback is shown).
EXIT_FAILED, EXIT_BUG = 1, 3


def exit_for(rows: list[dict]) -> None:
    """Exit 3 if any file met a bug, 1 if any failed; the rows are analysis/failure JSON objects."""
    codes = {(r.get("error") or {}).get("code") for r in rows if r.get("error")}
    if "internal_error" in codes:
        raise typer.Exit(EXIT_BUG)
    if codes:
        raise typer.Exit(EXIT_FAILED)


def settings_from(config: Path | None, db: str | None = None) -> Settings:
    settings = load_settings(config)
    if db:
        settings = settings.model_copy(update={"database_url": db})
    return settings


def level_name(level: str | None) -> str:
    return LEVEL_NAMES.get(level or "", level or "")


def make_table(title: str, columns: list[tuple[str, int]]) -> Table:
    """A table that stays readable in an 80-column terminal.

    Short columns (year, level, code) never shrink below their width; the one
    with width 0 (the title) gives way first and ends in an ellipsis.
    """
    table = Table(title=title, box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    # The flexible column is capped at what the others leave: a table wider
    # than the terminal makes rich drop narrow columns altogether.
    rest = max(10, out.width - sum(w + 1 for _, w in columns if w) - 2)
    for name, width in columns:
        size = width or rest
        table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=min(size, width or 10), max_width=size)
    return table




def analysis_table(rows: list[dict]) -> Table:
    table = make_table("报告识别结果", [("文件", 14), ("地区", 12), ("级别", 6), ("年度", 4),
                                 ("发布日期", 10), ("标题", 0)])
    for row in rows:
        j = row.get("jurisdiction") or {}
        name = shown(Path(row["source"]).name)
        if row.get("error"):
            table.add_row(name, "[red]读取失败[/red]", "", "", "", shown(row["error"]["message"], "red"))
            continue
        table.add_row(
            name, shown(j.get("name") or "—"), level_name(j.get("level")), str(row["report_year"] or "—"),
            row["published"] or "—", shown(row["title"] or "(无标题)"),
        )
    return table


