"""Qt helpers every screen shares: the model-index type, the sort role, and `TaskKeeper`.

`TaskKeeper` is the one way a presenter or window starts async work: it keeps a reference to
each task until it ends (asyncio keeps only a weak one), and on close waits for the tasks that
must finish (a send) and cancels the rest, so nothing outlives the client it uses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Coroutine
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""Native values for sorting a table's column: timestamps, counts, ranks, folded text."""


class TaskKeeper:
    """Starts named tasks and keeps them until they end; `close()` ends them all in order.

    Tasks named in `awaited` are never cancelled: `close()` waits for them to finish (a send
    whose outcome must be recorded). Every other task is cancelled, then waited for.
    """

    def __init__(self, awaited: Collection[str] = ("send",)) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._awaited = frozenset(awaited)

    def start(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        """Run `coro` as a task called `name` on the current event loop, kept until it ends."""
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def running(self, name: str | None = None) -> list[asyncio.Task[Any]]:
        """The tasks not yet done (only those called `name`, when given)."""
        return [t for t in self._tasks if name is None or t.get_name() == name]

    def cancel(self, name: str) -> None:
        """Cancel the tasks called `name` (an older search a newer one replaces)."""
        for task in self.running(name):
            task.cancel()

    async def close(self, ending: Collection[str] = (), grace: float = 0.0) -> None:
        """Wait for the awaited tasks, cancel the others, and return once none is left.

        The tasks named in `ending`, told to end already (a report poll, whose reports the
        API gives only once), first get up to `grace` seconds to end by themselves. A task
        started meanwhile (a send that ends starts its report polling) is handled the same
        way, so nothing is left running when this returns.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        while self._tasks:
            awaited = [t for t in self._tasks if t.get_name() in self._awaited]
            if awaited:
                await asyncio.wait(awaited)
                deadline = loop.time() + grace
                continue
            told = [t for t in self._tasks if t.get_name() in ending]
            if told and loop.time() < deadline:
                await asyncio.wait(told, timeout=deadline - loop.time())
                continue
            pending = list(self._tasks)
            for task in pending:
                task.cancel()
            await asyncio.wait(pending)


__all__ = ["SORT_ROLE", "AnyIndex", "TaskKeeper"]
