"""Run one task per file in worker processes that a bad file cannot take down with it.

Each file is handled in a child process with a memory cap (``RLIMIT_AS``, set
in the child) and a wall-clock deadline kept by the parent. A parser stuck in
C code or eating memory cannot be stopped from inside the process, but a child
can be killed: the file gets its one line, a fresh worker takes the place of
the old one, and the batch goes on. One worker and N workers are the same
code; results come back in the order the files were given, so output is
repeatable whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from fazhi.core.errors import FazhiError, InternalError, MemoryLimit, TimeLimit
from fazhi.core.settings import Settings

# A task gets one item, the settings and the run's shared data (sent once per
# worker: what is already stored, say); it returns a picklable result or
# raises FazhiError. It must be a module-level function (it is sent by name).
Task = Callable[[Any, Settings, Any], Any]


@dataclass(frozen=True, slots=True)
class Done:
    item: Any
    source: str
    result: Any = None
    error: FazhiError | None = None  # TimeLimit, MemoryLimit, InternalError or the task's own


def _serve(task: Task, settings: Settings, shared: Any, conn: Connection) -> None:
    # Ctrl-C reaches the whole process group: the parent decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import resource
    except ImportError:  # not on Windows: there only the time limit holds
        resource = None
    if resource is not None:
        cap = int(settings.max_memory_mb * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        item, source = message
        try:
            reply = ("ok", task(item, settings, shared))
        except FazhiError as exc:
            reply = ("error", exc)
        except MemoryError:
            reply = ("error", _memory_error(source, settings))
        except Exception as exc:  # noqa: BLE001 - a bug: reported for this file, the batch goes on
            trace = "".join(traceback.format_exception(exc))
            reply = ("error", InternalError(f"处理时出现内部错误 {type(exc).__name__}", source=source, trace=trace))
        try:
            conn.send(reply)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result is a bug too
            conn.send(("error", InternalError(f"无法传回结果: {exc}", source=source)))


def _memory_error(source: str, settings: Settings) -> MemoryLimit:
    return MemoryLimit(
        f"处理时所需内存超过上限 {settings.max_memory_mb:g} MB,已停止处理此文件",
        source=source,
        hint="确认文件内容;若确是正常报告,可在设置中调高 max_memory_mb",
    )


def _context() -> multiprocessing.context.BaseContext:
    # spawn: workers start from a clean process (not a copy of a parent holding
    # database connections and a progress-bar thread), on every OS, and as
    # direct children whose resource use (peak memory) is counted in ours.
    return multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self, context, task: Task, settings: Settings, shared: Any):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(task, settings, shared, child), daemon=True)
        self.process.start()
        child.close()
        self.job: tuple[int, Any, str] | None = None
        self.deadline = 0.0

    def give(self, index: int, item: Any, source: str, seconds: float) -> None:
        self.job = (index, item, source)
        self.deadline = time.monotonic() + seconds
        self.conn.send((item, source))

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def run_files(
    task: Task, items: Iterable[Any], settings: Settings, *, workers: int, source_of: Callable[[Any], str],
    shared: Any = None,
) -> Iterator[Done]:
    """``task(item, settings, shared)`` for every item in up to ``workers`` processes; results in input order."""
    context = _context()
    pending = iter(enumerate(items))
    pool: list[_Worker] = []
    finished: dict[int, Done] = {}
    next_out = 0
    exhausted = False
    try:
        while True:
            # Keep every worker busy with exactly one file, so a deadline is one file's.
            while not exhausted and sum(w.job is not None for w in pool) < max(1, workers):
                idle = next((w for w in pool if w.job is None), None)
                try:
                    index, item = next(pending)
                except StopIteration:
                    exhausted = True
                    break
                if idle is None:
                    idle = _Worker(context, task, settings, shared)
                    pool.append(idle)
                idle.give(index, item, source_of(item), settings.max_seconds_per_file)
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
            busy = [w for w in pool if w.job is not None]
            if not busy:
                if exhausted:
                    return
                continue
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
            for worker in list(busy):
                index, item, source = worker.job
                if worker.conn in ready:
                    try:
                        kind, value = worker.conn.recv()
                    except (EOFError, OSError):
                        kind, value = "died", None
                    if kind != "died":
                        worker.job = None
                        finished[index] = Done(item, source, value, None) if kind == "ok" else Done(
                            item, source, None, value
                        )
                        continue
                if worker.process.sentinel in ready or worker.conn in ready:
                    error = _death(worker, source, settings)
                elif time.monotonic() >= worker.deadline:
                    error = TimeLimit(
                        f"处理时间超过上限 {settings.max_seconds_per_file:g} 秒,已停止处理此文件",
                        source=source,
                        hint="确认文件内容;若确是正常报告,可在设置中调高 max_seconds_per_file",
                    )
                else:
                    continue
                worker.stop()
                pool.remove(worker)
                finished[index] = Done(item, source, None, error)
    finally:
        for worker in pool:
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.process.join(timeout=0.5)
            worker.stop()


def _death(worker: _Worker, source: str, settings: Settings) -> FazhiError:
    worker.process.join(timeout=1)
    code = worker.process.exitcode
    if code == -signal.SIGKILL or code is None:  # the kernel's OOM killer, or a cap hit in C code
        return _memory_error(source, settings)
    return InternalError(f"处理此文件的工作进程意外退出(退出码 {code})", source=source)
