"""The command line: parse, call one library function, format. Errors become one line here.

Commands live in modules by concern (read, stored, review); importing them
registers them on ``app``.
"""

from __future__ import annotations

import sys

from fazhi import __version__
from fazhi.cli import compare, read, review, stored, summary  # noqa: F401  (registers the commands)  # noqa: F401  (corpus commands)
from fazhi.cli.common import app, err, out
from fazhi.core.errors import FazhiError


@app.command()
def version() -> None:
    """显示版本。"""
    out.print(f"fazhi {__version__}")


def main() -> None:
    """Entry point: the one place where fazhi's errors become a message and an exit code."""
    try:
        app()
    except FazhiError as exc:
        err.print(f"[red]错误:[/red] {exc.one_line()}")
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("已中断。已完成的文件都已保存,重新运行同一命令会继续处理其余文件。")
        sys.exit(130)


if __name__ == "__main__":
    main()
