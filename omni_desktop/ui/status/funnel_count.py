"""Counting the funnel from the status rows: at once for a small table, in a worker thread for
a big one (100,000 rows take about half a second, which the window must not wait for)."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from omni_desktop.core.funnel import Funnel, funnel

from omni_desktop.ui.status.rows import StatusRow, funnel_row

THREAD_ROWS = 20_000  # rows from which the count runs in a worker thread


class FunnelCounter(QObject):
    """`count()` the funnel; `counted` brings it (to the GUI thread), the latest count only."""

    counted = Signal(object)  # Funnel
    _done = Signal(int, object)  # generation, Funnel: from the worker, queued to this thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._busy = False
        self._again: tuple[list[str], Sequence[StatusRow]] | None = None
        self._done.connect(self._on_done)

    def count(self, flow: Sequence[str], rows: Sequence[StatusRow]) -> None:
        self._generation += 1
        if len(rows) < THREAD_ROWS:
            self.counted.emit(funnel(flow, map(funnel_row, rows)))
            return
        if self._busy:  # one count at a time; the newest rows are counted next
            self._again = (list(flow), rows)
            return
        self._start(list(flow), rows)

    def _start(self, flow: list[str], rows: Sequence[StatusRow]) -> None:
        self._busy = True
        generation = self._generation
        done = self._done

        def work() -> None:
            # The rows are read while the GUI thread may update them: a count may mix a
            # report's before and after, and the next count (after the reports) is exact.
            done.emit(generation, funnel(flow, map(funnel_row, rows)))

        threading.Thread(target=work, name="funnel-count", daemon=True).start()

    def _on_done(self, generation: int, counted: Funnel) -> None:
        self._busy = False
        if generation == self._generation:
            self.counted.emit(counted)
        again, self._again = self._again, None
        if again is not None:
            self._start(*again)
