"""One window per user: the lock on a real file, across threads of one process and processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.instance import AlreadyRunning, InstanceLock


def test_a_second_window_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path)
    first.acquire()
    second = InstanceLock(tmp_path)
    with pytest.raises(AlreadyRunning) as refused:
        second.acquire()
    assert f"already open (process {os.getpid()})" in refused.value.sentence
    assert "one send history" in refused.value.sentence
    assert not second.held
    first.release()
    second.acquire()
    assert second.held
    second.release()


def test_a_killed_window_leaves_no_stale_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from omni_desktop.storage.instance import InstanceLock
                lock = InstanceLock(Path({str(tmp_path)!r}))
                lock.acquire()
                print("held", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning, match=f"process {holder.pid}"):
            InstanceLock(tmp_path).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    lock = InstanceLock(tmp_path)
    lock.acquire()  # the dead process's lock went with it
    lock.release()


def test_an_unwritable_folder_is_a_plain_storage_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.raises(StorageError, match=r"lock file .* could not be opened") as failed:
        InstanceLock(missing).acquire()
    assert not isinstance(failed.value, AlreadyRunning)
