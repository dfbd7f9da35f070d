"""`omni-desktop` started as a real process on a real X server (Xvfb), seen, then quit cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

NEEDED = ("Xvfb", "xdotool")


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb display for this test."""
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: run .ci/setup")
    for number in range(90, 130):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            break
    name = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", "1400x950x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline:
            server.kill()
            pytest.fail("Xvfb did not start within 10 s")
        time.sleep(0.05)
    try:
        yield name
    finally:
        server.terminate()
        server.wait(timeout=10)


def _xdotool(display: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_window_appears_and_quits_cleanly(display: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "omni_desktop"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        found = _xdotool(display, "search", "--sync", "--onlyvisible", "--name", "omni-desktop")
        window_ids = found.stdout.split()
        assert window_ids, f"no omni-desktop window appeared: {found.stderr}"
        name = _xdotool(display, "getwindowname", window_ids[0]).stdout.strip()
        assert name == "Untitled — omni-desktop"
        # Quit as a user would: focus the window and press Ctrl+Q.
        _xdotool(display, "windowfocus", "--sync", window_ids[0])
        _xdotool(display, "key", "--clearmodifiers", "ctrl+q")
        output, _ = app.communicate(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, output
    assert "Traceback" not in output and "Error" not in output, output
