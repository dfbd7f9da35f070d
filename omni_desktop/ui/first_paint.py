"""The main window's first paint: the moment start-up is over for the operator.

The app waits for it before it starts what the operator does not see yet (the sandbox's
process, the scenario list, the garbage collector), and with OMNI_DESKTOP_STARTUP_MARK=<file>
set it writes the paint's `time.time()` to that file (`benchmarks/bench_startup.py` times the
real command from outside).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

ENVIRONMENT_VARIABLE = "OMNI_DESKTOP_STARTUP_MARK"

log = logging.getLogger("omni_desktop")


class FirstPaintFilter(QObject):
    """An event filter on the window: calls `painted(time.time())` at its first Paint event,
    then removes itself."""

    def __init__(self, window: QObject, painted: Callable[[float], None]) -> None:
        super().__init__(window)
        self._painted = painted
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._painted(time.time())
        return False


def first_paint(window: QObject) -> asyncio.Future[float]:
    """A future that gets the time of `window`'s first paint (the mark is written then too)."""
    done: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    mark = os.environ.get(ENVIRONMENT_VARIABLE)

    def painted(when: float) -> None:
        if mark:
            _write_mark(Path(mark), when)
        if not done.done():
            done.set_result(when)

    FirstPaintFilter(window, painted)
    return done


def _write_mark(path: Path, when: float) -> None:
    partial = path.with_name(path.name + ".partial")
    try:  # renamed into place, so a reader never sees half a number
        partial.write_text(f"{when!r}\n", encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        log.warning("The start-up mark could not be written to %s: %s", path, exc)
