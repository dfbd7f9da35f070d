"""The start-up benchmark's hook: with OMNI_DESKTOP_STARTUP_MARK=<file> set, the main window's
first paint writes its `time.time()` to that file (`benchmarks/bench_startup.py` times the real
command from outside). `app.py` imports this only when the variable is set: no cost otherwise.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

ENVIRONMENT_VARIABLE = "OMNI_DESKTOP_STARTUP_MARK"

log = logging.getLogger("omni_desktop")


class FirstPaintMarker(QObject):
    """An event filter on the window: notes the first Paint event, then removes itself."""

    def __init__(self, path: Path, window: QObject) -> None:
        super().__init__(window)
        self.path = path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            when = time.time()
            watched.removeEventFilter(self)
            partial = self.path.with_name(self.path.name + ".partial")
            try:  # renamed into place, so a reader never sees half a number
                partial.write_text(f"{when!r}\n", encoding="utf-8")
                os.replace(partial, self.path)
            except OSError as exc:
                log.warning("The start-up mark could not be written to %s: %s", self.path, exc)
        return False


def mark_first_paint(window: QObject, path: str) -> None:
    """Write the time of `window`'s first paint to `path` (see the module's docstring)."""
    window.installEventFilter(FirstPaintMarker(Path(path), window))
