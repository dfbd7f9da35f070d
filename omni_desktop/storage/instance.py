"""One window per user: an OS lock on a file in the data folder, held while the window runs.

Two windows would share one send history and one autosaved draft: the second, at its start,
would mark the first one's send in flight as unknown, and each would overwrite the other's
autosave. The lock is the operating system's (`flock`, or `msvcrt.locking` on Windows), so a
window that crashed leaves no stale lock behind. The file holds the owner's process ID, for the
sentence the second window shows.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from omni_desktop.core.i18n import tr

from omni_desktop.storage.errors import StorageError, os_reason

LOCK_FILE = "window.lock"


class AlreadyRunning(StorageError):
    """Another window holds the lock; str() is the sentence to show."""


class InstanceLock:
    """`acquire()` once at start; `release()` at the end (or the OS does, when the process ends)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Hold the lock, or AlreadyRunning if another window holds it (StorageError when the
        file cannot be opened at all)."""
        try:
            handle = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - held until release
        except OSError as exc:
            raise StorageError(
                tr("The app's lock file {path} could not be opened: {reason}.").format(
                    path=self.path, reason=os_reason(exc)
                )
            ) from None
        try:
            _lock(handle)
        except OSError:
            holder = _read_pid(handle)
            handle.close()
            who = tr(" (process {pid})").format(pid=holder) if holder else ""
            raise AlreadyRunning(
                tr(
                    "omni-desktop is already open{who}. Use that window: two windows would share "
                    "one send history and one autosaved draft."
                ).format(who=who)
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing the file lets go of its lock
            self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None


def _read_pid(handle: IO[str]) -> int | None:
    try:
        handle.seek(0)
        text = handle.read(32).strip()
    except OSError:  # Windows: the locked byte cannot be read by others
        return None
    return int(text) if text.isdigit() else None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


__all__ = ["LOCK_FILE", "AlreadyRunning", "InstanceLock"]
