"""The start-up benchmark's baseline: a bare qasync + httpx + platformdirs window with six tabs.

What any window of this stack pays before it can show anything: the interpreter, PySide6,
qasync, httpx and platformdirs imported, a `QMainWindow` of the app's size holding a
`QTabWidget` of six tabs, an `httpx.AsyncClient` made as the app makes it for the sandbox (plain
http, so no certificates loaded) and closed on exit. Like the app, it writes the `time.time()`
of its first paint to OMNI_DESKTOP_STARTUP_MARK when set, and SIGTERM/SIGINT close it cleanly.

    .venv/bin/python benchmarks/bare_window.py     (benchmarks/bench_startup.py runs it)
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time

import httpx
import platformdirs

# PySide6 before qasync, which uses the Qt binding already loaded (the app sets QT_API instead).
from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

# isort: split
import qasync

TITLE = "bare window — omni-desktop"


class FirstPaintMarker(QObject):
    """Writes `time.time()` of the window's first Paint event to `path`, as the app does."""

    def __init__(self, path: str, window: QObject) -> None:
        super().__init__(window)
        self.path = path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            when = time.time()
            watched.removeEventFilter(self)
            with open(self.path + ".partial", "w", encoding="utf-8") as file:
                file.write(f"{when!r}\n")
            os.replace(self.path + ".partial", self.path)
        return False


async def run(app: QApplication) -> int:
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    platformdirs.user_config_path("omni-desktop-bare", appauthor=False)  # read, never created
    http = httpx.AsyncClient(timeout=httpx.Timeout(30.0), verify=False)
    window = QMainWindow()
    window.setWindowTitle(TITLE)
    window.resize(QSize(1280, 860))
    tabs = QTabWidget(window)
    for n in range(1, 7):
        tabs.addTab(QLabel(f"Tab {n}", tabs), f"Tab {n}")
    window.setCentralWidget(tabs)
    window.statusBar().showMessage("Ready")

    def close(_signum: int, _frame: object) -> None:
        window.close()

    signal.signal(signal.SIGTERM, close)
    signal.signal(signal.SIGINT, close)
    timer = QTimer(window)  # Python runs signal handlers only when it gets control
    timer.start(250)
    timer.timeout.connect(lambda: None)
    mark = os.environ.get("OMNI_DESKTOP_STARTUP_MARK")
    if mark:
        window.installEventFilter(FirstPaintMarker(mark, window))
    window.show()
    await closed.wait()
    await http.aclose()
    return 0


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("omni-desktop-bare")
    app.setQuitOnLastWindowClosed(False)
    if sys.version_info >= (3, 12):
        return asyncio.run(run(app), loop_factory=qasync.QEventLoop)
    return int(qasync.run(run(app)))


if __name__ == "__main__":
    raise SystemExit(main())
