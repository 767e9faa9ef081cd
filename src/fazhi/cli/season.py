"""`fazhi season …` and `fazhi rules stats`: a reviewing season from the command line.

The command line runs on the office's own machine with direct access to the
database, so it acts as an administrator under the name given by --user.
"""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path
from typing import Annotated, Optional

import typer

from fazhi.cli.common import ConfigOption, DbOption, app, err, make_table, out, settings_from
from fazhi.core.errors import FazhiError

season_app = typer.Typer(no_args_is_help=True, help="审核批次:新建、导入名单、登记报告、查看进度、生成汇总报告。")
rules_app = typer.Typer(no_args_is_help=True, help="审核规则的统计。")
app.add_typer(season_app, name="season")
app.add_typer(rules_app, name="rules")

UserOption = Annotated[Optional[str], typer.Option("--user", help="操作人姓名(记入审核记录),默认为系统用户名")]
SeasonArg = Annotated[str, typer.Argument(help="审核批次的名称或编号")]


def _actor(user: str | None):  # noqa: ANN202
    from fazhi.workflow.model import Actor

    return Actor(user or getpass.getuser(), "admin")


def _store(config: Path | None, db: str | None):  # noqa: ANN202
    from fazhi.store import open_store

    return open_store(settings_from(config, db))


def _date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FazhiError(f"{what}“{text}”不是日期", hint="写作 2025-03-01") from None


@season_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="批次名称,如 2024年度法治政府建设报告审核")],
    year: Annotated[int, typer.Option("--year", help="报告年度")],
    submit_by: Annotated[str, typer.Option("--submit-by", help="报送截止日期 YYYY-MM-DD")],
    publish_by: Annotated[str, typer.Option("--publish-by", help="公开截止日期 YYYY-MM-DD")],
    rulebook: Annotated[Optional[Path], typer.Option("--rulebook", help="本省的审核规则文件(默认用内置规则)")] = None,
    user: UserOption = None, config: ConfigOption = None, db: DbOption = None,
) -> None:
    """新建审核批次。"""
    from fazhi.store import seasons as ss
    from fazhi.workflow import Season

    if rulebook is not None and not rulebook.exists():
        raise FazhiError("规则文件不存在", source=str(rulebook), hint="检查路径,或不指定以使用内置规则")
    season = Season(None, name, year, _date(submit_by, "报送截止日期"), _date(publish_by, "公开截止日期"),
                    str(rulebook) if rulebook else None)
    made = ss.create_season(_store(config, db), season, _actor(user))
    out.print(f"已新建审核批次 {made.id}「{made.name}」:{made.report_year}年度,报送截止 {made.submit_by},公开截止 {made.publish_by}")


@season_app.command("list")
def list_(config: ConfigOption = None, db: DbOption = None) -> None:
    """列出审核批次。"""
    from fazhi.store import seasons as ss

    table = make_table("审核批次", [("编号", 4), ("年度", 4), ("报送截止", 10), ("公开截止", 10), ("名称", 0)])
    for s in ss.list_seasons(_store(config, db)):
        table.add_row(str(s.id), str(s.report_year), str(s.submit_by), str(s.publish_by), s.name)
    out.print(table)


@season_app.command("roster")
def roster(
    season: SeasonArg,
    file: Annotated[Path, typer.Argument(help="名单文件(CSV 或 XLSX):单位名称、层级、上级单位、联系人")],
    user: UserOption = None, config: ConfigOption = None, db: DbOption = None,
) -> None:
    """导入名单;有问题的行逐行列出,其余照常导入。"""
    from fazhi.store import seasons as ss
    from fazhi.workflow import read_roster

    store = _store(config, db)
    target = ss.get_season(store, season)
    parsed = read_roster(file)
    for problem in parsed.problems:
        err.print(f"[red]✗[/red] {problem.one_line(str(file))}")
    done = ss.import_roster(store, target.id, parsed.units, _actor(user))
    skipped = f",已在名单中 {len(done.skipped)} 个" if done.skipped else ""
    out.print(f"导入 {done.added} 个单位{skipped};有问题的行 {len(parsed.problems)} 行。")
    if parsed.problems:
        raise typer.Exit(1)


@season_app.command("add")
def add(
    season: SeasonArg,
    report_ids: Annotated[list[int], typer.Argument(help="已入库报告的编号(fazhi list 可查)")],
    received: Annotated[Optional[str], typer.Option("--received", help="收到日期 YYYY-MM-DD,默认今天")] = None,
    user: UserOption = None, config: ConfigOption = None, db: DbOption = None,
) -> None:
    """把已入库的报告登记到批次,并按报告单位与名单匹配。"""
    from fazhi.store import seasons as ss

    store = _store(config, db)
    target = ss.get_season(store, season)
    day = _date(received, "收到日期") if received else None
    for report_id in report_ids:
        try:
            got = ss.receive(store, target.id, report_id, _actor(user), received=day)
        except FazhiError as exc:
            err.print(f"[red]✗[/red] 报告 {report_id}: {exc.one_line()}")
            continue
        mark = {"sure": "✓", "chosen": "✓", "unsure": "?", "off_roster": "!"}[got.match]
        out.print(f"{mark} 报告 {report_id}: {got.match_reason}")


@season_app.command("status")
def status(
    season: SeasonArg,
    export: Annotated[Optional[Path], typer.Option("--export", help="把进度表写入 .csv 或 .xlsx 文件")] = None,
    config: ConfigOption = None, db: DbOption = None,
) -> None:
    """各单位进度:报送率、公开率、未报送和逾期的单位、得分分布。"""
    from fazhi.letters.season_layout import status_grid
    from fazhi.letters.season_summary import write_grid
    from fazhi.store import seasons as ss
    from fazhi.workflow.status import score_bands, season_rates

    store = _store(config, db)
    view = ss.season_view(store, ss.get_season(store, season).id)
    grid = status_grid(view.statuses)
    table = make_table(f"「{view.season.name}」各单位进度",
                       [("单位", 0), ("层级", 6), ("报送", 6), ("公开", 8), ("得分", 5), ("进度", 10)])
    for row in grid.rows:
        table.add_row(*row)
    out.print(table)
    r = season_rates(view.statuses)
    out.print(f"报送率 {r.received}/{r.units}(按时 {r.received_on_time});公开率 {r.published}/{r.units}(按时 {r.published_on_time})")
    missing = [s.unit.name for s in view.statuses if s.received is None]
    late = [s.unit.name for s in view.statuses if s.received == "late"]
    out.print(f"未报送:{'、'.join(missing) or '无'}")
    out.print(f"逾期报送:{'、'.join(late) or '无'}")
    out.print("得分分布:" + ",".join(f"{band} {n}" for band, n in score_bands(view.statuses)))
    for r in view.unsure:
        out.print(f"? 报告 {r.report_id} 待指定单位:{r.match_reason}")
    for r in view.off_roster:
        out.print(f"! 报告 {r.report_id} 不在名单内:{r.match_reason}")
    if export is not None:
        out.print(f"进度表已写入 {write_grid(grid, export)}")


@season_app.command("reanalyse")
def reanalyse(
    season: SeasonArg,
    user: UserOption = None, config: ConfigOption = None, db: DbOption = None,
) -> None:
    """按批次的规则文件重新审查全部报告;仍然成立的要点保留原审定,变化的要点逐条列出。"""
    from fazhi.store import seasons as ss

    settings = settings_from(config, db)
    store = _store(config, db)
    target = ss.get_season(store, season)
    for got in ss.received_reports(store, target.id):
        carry = ss.reanalyse_under(store, got.id, settings, _actor(user))
        name = got.unit.name if got.unit else f"报告 {got.report_id}"
        out.print(f"{name}: 保留审定 {sum(1 for d in carry.kept if d.finding)} 条,变化的要点 {len(carry.changed)} 条")
        for c in carry.changed:
            was = f"(原审定:{_ACTION_NAMES.get(c.decision, c.decision)},需重新审定)" if c.decision else ""
            out.print(f"  · {c.title}: {_STATUS.get(c.before, '无')} → {_STATUS.get(c.after, '无')}{was}")


_STATUS = {"passed": "通过", "failed": "未通过", "not_applicable": "不适用", "error": "未能检查"}
_ACTION_NAMES = {"confirm": "确认", "strike": "删除", "edit": "修改措辞"}


@season_app.command("summary")
def summary(
    season: SeasonArg,
    out_dir: Annotated[Path, typer.Option("--out", help="输出目录")] = Path("season-summary"),
    signer: Annotated[Optional[str], typer.Option("--signer", help="报告落款")] = None,
    config: ConfigOption = None, db: DbOption = None,
) -> None:
    """生成向上级报送的审核情况报告(Word 公文格式与网页)。"""
    from fazhi.letters.season_summary import render_summary_docx, render_summary_html
    from fazhi.store import seasons as ss

    store = _store(config, db)
    target = ss.get_season(store, season)
    made = ss.season_summary(store, target.id, made_on=dt.date.today())
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        docx_path = render_summary_docx(made, out_dir / "审核情况报告.docx", signer)
        html_path = out_dir / "审核情况报告.html"
        html_path.write_text(render_summary_html(made, signer), encoding="utf-8")
    except OSError as exc:
        raise FazhiError(f"无法写入汇总报告: {exc.strerror}", source=str(out_dir), hint="用 --out 指定一个可写的文件夹") from None
    out.print(f"审核情况报告:{docx_path}  {html_path}")


@rules_app.command("stats")
def stats(
    season: Annotated[Optional[str], typer.Option("--season", help="只统计一个批次(名称或编号)")] = None,
    config: ConfigOption = None, db: DbOption = None,
) -> None:
    """每条规则被审核人确认、改写、删除的次数:机器初审在哪里出错。"""
    from fazhi.store import seasons as ss

    store = _store(config, db)
    season_id = ss.get_season(store, season).id if season else None
    rows = ss.season_rule_stats(store, season_id)
    table = make_table("规则审定统计", [("规则", 0), ("确认", 4), ("改写", 4), ("删除", 4), ("删除率", 6)])
    for s in rows:
        table.add_row(s.rule, str(s.confirmed), str(s.edited), str(s.struck), f"{s.strike_rate:.0%}")
    out.print(table)
    if not rows:
        out.print("尚无审定记录。")
