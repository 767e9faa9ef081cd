"""What every command shares: the app, consoles, settings, options, tables, and Chinese names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from fazhi.core.levels import LEVEL_NAMES
from fazhi.core.settings import Settings, load_settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="fazhi:法治政府建设年度报告的阅读、核查与比较工具。",
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

STATUS_NAMES = {"stored": "新入库", "duplicate": "已存在", "failed": "失败", "skipped": "跳过"}

ConfigOption = Annotated[
    Optional[Path], typer.Option("--config", help="设置文件(TOML);也可用环境变量 FAZHI_CONFIG")
]
DbOption = Annotated[
    Optional[str], typer.Option("--db", help="数据库地址,覆盖设置中的 database_url")
]


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
        name = Path(row["source"]).name
        if row.get("error"):
            table.add_row(name, "[red]读取失败[/red]", "", "", "", f"[red]{row['error']['message']}[/red]")
            continue
        table.add_row(
            name, j.get("name") or "—", level_name(j.get("level")), str(row["report_year"] or "—"),
            row["published"] or "—", row["title"] or "(无标题)",
        )
    return table


