"""Commands of the web workspace: serve, user add, search."""

from __future__ import annotations

import secrets
import sys
from typing import Annotated, Optional

import typer

from fazhi.cli.common import ConfigOption, DbOption, app, err, level_name, make_table, out, settings_from

user_app = typer.Typer(help="账号管理。", no_args_is_help=True)
app.add_typer(user_app, name="user")


@app.command()
def serve(
    host: Annotated[Optional[str], typer.Option(help="监听地址,覆盖设置中的 host")] = None,
    port: Annotated[Optional[int], typer.Option(help="端口,覆盖设置中的 port")] = None,
    workers: Annotated[int, typer.Option(min=1, help="工作进程数;多人同时使用时可设为 CPU 核数")] = 1,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """启动网页工作台(报告列表、上传、全文检索、审查结论),供内网多人同时使用。"""
    import os

    import uvicorn

    from fazhi.store.accounts import list_users
    from fazhi.web import create_app

    settings = settings_from(config, db)
    settings = settings.model_copy(update={k: v for k, v in (("host", host), ("port", port)) if v is not None})
    web_app = create_app(settings)
    shown = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host
    out.print(f"网页工作台已启动: http://{shown}:{settings.port}/  (按 Ctrl+C 停止)")
    if not list_users(web_app.state.store):
        err.print("还没有任何账号:先运行 fazhi user add 用户名 --role admin 建立管理员,再登录")
    if workers == 1:
        uvicorn.run(web_app, host=settings.host, port=settings.port, log_level="warning")
        return
    # Worker processes build their own app from the environment: hand them these
    # settings, and one form-signing key for all of them.
    if config is not None:
        os.environ["FAZHI_CONFIG"] = str(config)
    os.environ["FAZHI_DATABASE_URL"] = settings.resolved_database_url()
    os.environ.setdefault("FAZHI_SECRET_KEY", settings.secret_key or secrets.token_hex(32))
    uvicorn.run("fazhi.web.app:app_from_environment", factory=True, host=settings.host, port=settings.port,
                workers=workers, log_level="warning")


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="用户名")],
    role: Annotated[str, typer.Option(help="角色: admin(管理员)、reviewer(审查员)、viewer(查看员)")] = "viewer",
    password: Annotated[Optional[str], typer.Option(help="密码;不给则交互输入,或用 --generate 生成")] = None,
    generate: Annotated[bool, typer.Option("--generate", help="生成随机密码并显示一次")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """新建账号(已存在则重设密码和角色)。第一个管理员用它建立:fazhi user add 用户名 --role admin"""
    from fazhi.store import open_store
    from fazhi.store.accounts import add_user

    if generate:
        password = secrets.token_urlsafe(12)
    elif password is None:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt=True)
    user = add_user(open_store(settings_from(config, db)), username, password, role)
    out.print(f"已保存账号 {user.username}(角色 {user.role})")
    if generate:
        out.print(f"密码: {password}  (只显示这一次)")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="检索词;多个词用空格分开,须全部出现")],
    limit: Annotated[int, typer.Option(help="最多显示多少份")] = 20,
    province: Annotated[Optional[str], typer.Option(help="只看某省")] = None,
    year: Annotated[Optional[int], typer.Option(help="只看某年度")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="每份一行 JSON")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """全文检索已入库的报告(两个字的词如“复议”也能检出),显示命中的上下文。"""
    import json

    from rich.markup import escape

    from fazhi.store import open_store
    from fazhi.store.listing import ReportFilter
    from fazhi.store.search import search as run_search

    store = open_store(settings_from(config, db))
    result = run_search(store, query, ReportFilter(province=province, year=year, limit=limit), with_facets=False)
    if as_json:
        for row in result.page.rows:
            shown = {**row, "published": str(row["published"]) if row["published"] else None,
                     "snippets": [s.to_json() for s in result.snippets.get(row["id"], [])]}
            sys.stdout.write(json.dumps(shown, ensure_ascii=False) + "\n")
        return
    table = make_table(f"检索“{' '.join(result.terms)}”:共 {result.page.total} 份", [("编号", 4), ("地区", 12),
                       ("级别", 6), ("年度", 4), ("命中的上下文", 0)])
    for row in result.page.rows:
        found = result.snippets.get(row["id"], [])
        pieces = found[0].segments() if found else []
        if pieces and not pieces[0][1]:
            pieces[0] = (pieces[0][0][-12:], False)  # a short lead-in, so the match fits a terminal line
        context = "".join(f"[bold red]{escape(t)}[/bold red]" if hit else escape(t) for t, hit in pieces)
        table.add_row(str(row["id"]), row["jurisdiction"] or "—", level_name(row["level"]),
                      str(row["report_year"] or "—"), context.replace("\n", " "))
    out.print(table)
    if result.page.total > len(result.page.rows):
        err.print(f"只显示了前 {len(result.page.rows)} 份,用 --limit 显示更多")
