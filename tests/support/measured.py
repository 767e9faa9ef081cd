"""Run `fazhi` as users do and measure that one run: exit code, output, seconds, peak memory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FAZHI = str(Path(sys.executable).with_name("fazhi"))


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the child's peak RSS, its worker processes included (they are reaped by it)

    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_fazhi(*args: str | Path, env: dict | None = None, timeout: float = 120,
              interrupt_when: Callable[[], bool] | None = None, cwd: Path | None = None) -> Run:
    """``fazhi ARGS`` in a child; SIGINT (Ctrl-C) is sent once ``interrupt_when()`` is true."""
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    start = time.monotonic()
    proc = subprocess.Popen(
        [FAZHI, *map(str, args)], stdout=out, stderr=err, cwd=cwd,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )
    if interrupt_when is not None:
        def interrupt() -> None:
            while proc.poll() is None and not interrupt_when():
                time.sleep(0.1)
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)

        threading.Thread(target=interrupt, daemon=True).start()
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    # wait4, not RUSAGE_CHILDREN: this child's own peak, not the largest of every child so far.
    _, status, usage = os.wait4(proc.pid, 0)
    killer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    out.seek(0)
    err.seek(0)
    return Run(proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
               seconds, usage.ru_maxrss / 1024)
