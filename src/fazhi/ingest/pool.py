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
from collections import deque
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
    """One child process and the files queued for it, the first of which it is working on."""

    def __init__(self, context, task: Task, settings: Settings, shared: Any):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(task, settings, shared, child), daemon=True)
        self.process.start()
        child.close()
        self.jobs: deque[tuple[int, Any, str]] = deque()
        self.deadline = 0.0

    def give(self, index: int, item: Any, source: str, seconds: float) -> None:
        if not self.jobs:
            self.deadline = time.monotonic() + seconds
        self.jobs.append((index, item, source))
        self.conn.send((item, source))

    def finish(self, seconds: float) -> tuple[int, Any, str]:
        """The first file's result is in: the next queued file's time starts now."""
        job = self.jobs.popleft()
        self.deadline = time.monotonic() + seconds
        return job

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


# Files queued per worker beyond the one it works on: a worker that finishes
# starts the next file at once instead of waiting for the parent (busy
# storing) to hand it one. Each file still has its own deadline, which starts
# when the file before it in the queue is done.
QUEUE_DEPTH = 4


class _Feed:
    """The files still to hand out: first those queued behind a stopped worker's file, in order."""

    def __init__(self, items: Iterable[Any], source_of: Callable[[Any], str]):
        self.items = iter(enumerate(items))
        self.source_of = source_of
        self.requeued: deque[tuple[int, Any, str]] = deque()
        self.exhausted = False

    def next(self) -> tuple[int, Any, str] | None:
        if self.requeued:
            return self.requeued.popleft()
        if self.exhausted:
            return None
        try:
            index, item = next(self.items)
        except StopIteration:
            self.exhausted = True
            return None
        return index, item, self.source_of(item)


def run_files(
    task: Task, items: Iterable[Any], settings: Settings, *, workers: int, source_of: Callable[[Any], str],
    shared: Any = None, idle_seconds: float | None = None,
) -> Iterator[Done | None]:
    """``task(item, settings, shared)`` for every item in up to ``workers`` processes; results in input order.

    With ``idle_seconds``, a ``None`` is yielded whenever no result has come
    out for that long, so a caller holding results back (to store them
    together) can let them go while a slow file is being worked on.
    """
    context = _context()
    feed = _Feed(items, source_of)
    pool: list[_Worker] = []
    finished: dict[int, Done] = {}
    seconds = settings.max_seconds_per_file
    next_out = 0
    idle_since = time.monotonic()
    try:
        while True:
            _fill(pool, max(1, workers), feed, seconds, lambda: _Worker(context, task, settings, shared))
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
                idle_since = time.monotonic()
            busy = [w for w in pool if w.jobs]
            if not busy:
                return
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            if idle_seconds is not None:
                timeout = min(timeout, max(0.0, idle_since + idle_seconds - time.monotonic()))
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
            if not ready and idle_seconds is not None and time.monotonic() >= idle_since + idle_seconds:
                yield None
                idle_since = time.monotonic()
            for worker in busy:
                failed = _collect(worker, ready, finished, settings)
                if failed:
                    pool.remove(worker)
                    feed.requeued.extendleft(reversed(worker.jobs))
    finally:
        for worker in pool:
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.process.join(timeout=0.5)
            worker.stop()


def _fill(pool: list[_Worker], workers: int, feed: _Feed, seconds: float, start: Callable[[], _Worker]) -> None:
    """Give files to the least loaded workers, up to QUEUE_DEPTH each, starting workers as needed."""
    while len(pool) < workers or any(len(w.jobs) < QUEUE_DEPTH for w in pool):
        job = feed.next()
        if job is None:
            return
        if len(pool) < workers:
            pool.append(start())
        worker = min(pool, key=lambda w: len(w.jobs))
        worker.give(*job, seconds)


def _collect(worker: _Worker, ready: list, finished: dict[int, Done], settings: Settings) -> bool:
    """Take one result from ``worker`` if there is one; True when the worker died or ran out of time.

    A stopped worker's first file gets the error; the files queued behind it
    are left in ``worker.jobs`` for a fresh worker.
    """
    seconds = settings.max_seconds_per_file
    index, item, source = worker.jobs[0]
    if worker.conn in ready:
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            kind, value = "died", None
        if kind != "died":
            worker.finish(seconds)
            finished[index] = Done(item, source, value, None) if kind == "ok" else Done(item, source, None, value)
            return False
    if worker.process.sentinel in ready or worker.conn in ready:
        error = _death(worker, source, settings)
    elif time.monotonic() >= worker.deadline:
        error = TimeLimit(
            f"处理时间超过上限 {seconds:g} 秒,已停止处理此文件",
            source=source,
            hint="确认文件内容;若确是正常报告,可在设置中调高 max_seconds_per_file",
        )
    else:
        return False
    worker.stop()
    worker.jobs.popleft()
    finished[index] = Done(item, source, None, error)
    return True


def _death(worker: _Worker, source: str, settings: Settings) -> FazhiError:
    worker.process.join(timeout=1)
    code = worker.process.exitcode
    if code == -signal.SIGKILL or code is None:  # the kernel's OOM killer, or a cap hit in C code
        return _memory_error(source, settings)
    return InternalError(f"处理此文件的工作进程意外退出(退出码 {code})", source=source)
