"""Tasks for the worker pool's own tests: each misbehaves the way a parser can.

Module-level, so that worker processes can import them by name.
"""

from __future__ import annotations

import time


def echo(item, settings, shared):
    return (item, shared)


def misbehave(item, settings, shared):
    if item == "bug":
        raise ValueError("a bug in a reader")
    if item.startswith("slow"):  # a file that takes its time, well within the limit
        time.sleep(0.8)
    if item == "hang":
        while True:  # a parser stuck in a loop
            time.sleep(0.01)
    if item == "hog":
        hoard = []
        while True:  # a parser eating memory
            hoard.append(bytearray(16 * 1024 * 1024))
    return item
