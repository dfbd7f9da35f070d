"""OS file locks: one window per user, and one lock per send in flight.

One window per user: an OS lock on a file in the data folder, held while the window runs.

Two windows would share one send history and one autosaved draft: the second, at its start,
would mark the first one's send in flight as unknown, and each would overwrite the other's
autosave. The lock is the operating system's (`flock`, or `msvcrt.locking` on Windows), so a
window that crashed leaves no stale lock behind. The file holds the owner's process ID, for the
sentence the second window shows.

One lock per send in flight (`SendLocks`): whoever records a send holds `sending/<id>.lock`
until its answer is recorded, so a window starting meanwhile can tell a send another process
(`omni-desktop send`) is still posting from one whose process died.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from omni_desktop.core.i18n import tr

from omni_desktop.storage.errors import StorageError, os_reason

LOCK_FILE = "window.lock"
SENDING_FOLDER = "sending"


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


class SendLocks:
    """The locks of the sends this process has in flight, in `folder`/sending/<id>.lock."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / SENDING_FOLDER
        self._held: dict[int, IO[str]] = {}

    def _path(self, send_id: int) -> Path:
        return self.folder / f"{int(send_id)}.lock"

    def hold(self, send_id: int) -> None:
        """Take the send's lock until `release`; StorageError if it cannot be had."""
        path = self._path(send_id)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a+", encoding="ascii")  # noqa: SIM115 - held until release
        except OSError as exc:
            raise StorageError(
                tr("The send's lock file {path} could not be opened: {reason}.").format(
                    path=path, reason=os_reason(exc)
                )
            ) from None
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise StorageError(
                tr(
                    "Another process holds the lock file {path} of this send; close the other "
                    "omni-desktop and send again."
                ).format(path=path)
            ) from None
        self._held[send_id] = handle

    def release(self, send_id: int) -> None:
        """Let go of the send's lock (its answer or failure is recorded) and remove its file."""
        handle = self._held.pop(send_id, None)
        if handle is not None:
            handle.close()
            _remove(self._path(send_id))

    def release_all(self) -> None:
        for send_id in list(self._held):
            self.release(send_id)

    def is_free(self, send_id: int) -> bool:
        """True when no process holds the send's lock (its sender has ended, maybe crashed)."""
        if send_id in self._held:
            return False
        path = self._path(send_id)
        try:
            handle = open(path, "r+", encoding="ascii")  # noqa: SIM115 - closed below
        except OSError:  # no lock file (or an unreadable one): nobody can be holding it
            return True
        try:
            _lock(handle)
        except OSError:
            return False
        finally:
            handle.close()
        _remove(path)  # a crashed sender's file: the lock was free, so no one needs it
        return True


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # gone already, or (Windows) open in another process
        path.unlink()


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


__all__ = ["LOCK_FILE", "SENDING_FOLDER", "AlreadyRunning", "InstanceLock", "SendLocks"]
