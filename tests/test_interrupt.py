"""Ctrl-C is put off while the database library is running, then delivered in fazhi's code.

An interrupt raised inside SQLAlchemy's pool (returning a connection, rolling
back) is logged there with a traceback: the user saw one after 已中断 when a
Ctrl-C landed in that window (seen under load in tests/test_hostile.py).
"""

from __future__ import annotations

import signal
import sys
import time

import pytest

from fazhi import cli


def _frame_in(module_name: str):
    namespace = {"__name__": module_name, "sys": sys}
    exec("def here():\n    return sys._getframe()\n", namespace)
    return namespace["here"]()


def test_a_frame_of_the_database_library_is_recognised() -> None:
    assert cli._in_database(_frame_in("sqlalchemy.pool.base"))
    assert cli._in_database(_frame_in("psycopg.connection"))
    assert not cli._in_database(_frame_in("fazhi.store.writing"))
    assert not cli._in_database(sys._getframe())


def test_ctrl_c_inside_the_database_library_is_delivered_once_it_returns() -> None:
    old_alarm = signal.getsignal(signal.SIGALRM)
    try:
        cli._interrupt(signal.SIGINT, _frame_in("sqlalchemy.engine.base"))  # put off: no raise here
        with pytest.raises(cli.Interrupted):
            time.sleep(1)  # the retry fires in our own code and raises
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_alarm)


def test_ctrl_c_in_fazhi_code_raises_at_once() -> None:
    with pytest.raises(cli.Interrupted):
        cli._interrupt(signal.SIGINT, sys._getframe())
