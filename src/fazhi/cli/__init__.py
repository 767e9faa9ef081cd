"""The command line: parse, call one library function, format. Errors become one line here.

Commands live in modules by concern (read, stored, review); importing them
registers them on ``app``.
"""

from __future__ import annotations

import signal
import sys

from fazhi import __version__
from fazhi.cli import (  # noqa: F401  (registers the commands)
    compare,  # noqa: F401  (fazhi compare …)
    read,
    review,
    season,  # noqa: F401  (fazhi season …, fazhi rules stats)
    stored,
    summary,  # noqa: F401  (fazhi summary)
    web,  # noqa: F401  (serve, user add, search)
)
from fazhi.cli.common import app, err, line, out, shown
from fazhi.core.errors import FazhiError


class Interrupted(BaseException):
    """Ctrl-C. Not KeyboardInterrupt: click swallows that into "Aborted!" before main sees it."""


# Ctrl-C raised inside the database library (a pool returning a connection, a
# rollback under way) is caught and logged there with a traceback before it
# reaches us, and can leave a connection half reset. So while the interrupted
# code is in those modules the interrupt is put off and tried again shortly,
# by which time control is back in fazhi's own code.
_DATABASE_MODULES = ("sqlalchemy", "sqlite3", "psycopg", "alembic")
RETRY_SECONDS = 0.05


def _in_database(frame) -> bool:
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.startswith(_DATABASE_MODULES):
            return True
        frame = frame.f_back
    return False


def _interrupt(_signum, frame) -> None:
    if _in_database(frame) and hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _interrupt)
        signal.setitimer(signal.ITIMER_REAL, RETRY_SECONDS)
        return
    raise Interrupted


@app.command()
def version() -> None:
    """显示版本。"""
    out.print(f"fazhi {__version__}")


def main() -> None:
    """Entry point: the one place where fazhi's errors become a message and an exit code."""
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except FazhiError as exc:
        err.print(line(("错误:", "red"), shown(exc.one_line())))
        sys.exit(2)
    except (Interrupted, KeyboardInterrupt):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this line short
        err.print("已中断。已完成的文件都已保存,重新运行同一命令会继续处理其余文件。")
        sys.exit(130)


if __name__ == "__main__":
    main()
