"""Smoke test of a frozen omni-desktop: `--version`, `send` against its own sandbox, the window.

    python packaging/smoke_test.py dist/omni-desktop/omni-desktop
    python packaging/smoke_test.py --root /srv/deb12 /usr/bin/omni-desktop   # inside a chroot

Every check runs the frozen program as a separate process, as an operator would:
1. `APP --version` prints `omni-desktop VERSION (Qt ..., PySide6 ..., Python ...,
   rphonenumbers ... with phonenumbers ...)`, with VERSION from omni_desktop/__init__.py;
2. `APP sandbox --port N` in the background; its printed URL and key, a draft with one
   destination (41793026727) and an SMS text, and `APP send DRAFT` with INFOBIP_BASE_URL and
   INFOBIP_API_KEY must exit 0 and print the PENDING row; then `send --recipients --region RU
   --dry-run` of a number with two readings must warn naming both countries;
3. the window: under Xvfb (`--gui xvfb`; found with xdotool, then SIGTERM, which closes it as
   Ctrl+Q does) and/or on Qt's offscreen platform (`--gui offscreen`); either way it must stay
   up for a few seconds, print nothing, and exit 0;
4. with --keyring: the key of a profile stored in a GNOME keyring (a real Secret Service in a
   private D-Bus session), and `APP send --profile` must find it through keyring's entry points.
With --root, APP runs through `chroot ROOT` and its files (draft, HOME) live under ROOT/tmp; for
the Xvfb check the caller makes /tmp/.X11-unix visible inside ROOT (verify-deb-debian12.sh does).
Ends with `smoke: N passed, M failed`; the exit status is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
VERSION = re.search(
    r'^__version__ = "([^"]+)"', (ROOT / "omni_desktop" / "__init__.py").read_text(), re.M
)
# What Qt's offscreen platform says it cannot do for a window manager (as pyproject's pytest
# settings ignore too): nothing a user ever sees.
HARMLESS = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)
POSIX = os.name == "posix"


class CheckFailed(Exception):
    """One smoke check did not pass; the message says what was seen."""


class Runner:
    """Runs the app, directly or through chroot, with a private HOME and config folders."""

    def __init__(self, app: str, cli: str | None, root: Path | None) -> None:
        self.app, self.cli, self.root = app, cli or app, root
        base = (root / "tmp") if root else None
        self.scratch = Path(tempfile.mkdtemp(prefix="omni-smoke-", dir=base))
        home = self.inside(self.scratch / "home")
        (self.scratch / "home").mkdir()
        # Inside a chroot, a clean environment as a login there would have: the host's
        # variables (SSL_CERT_FILE and the like) name files the bare root does not have.
        base_env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"} if root else {}
        self.env = {
            **(base_env or os.environ),
            "HOME": home,
            "XDG_CONFIG_HOME": f"{home}/.config",
            "XDG_DATA_HOME": f"{home}/.local/share",
            "XDG_STATE_HOME": f"{home}/.local/state",
            "XDG_CACHE_HOME": f"{home}/.cache",
            # Keep the smoke test away from the machine's keyring and any real account.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        for name in ("INFOBIP_BASE_URL", "INFOBIP_API_KEY", "QT_QPA_PLATFORM", "DISPLAY"):
            self.env.pop(name, None)

    def inside(self, path: Path) -> str:
        """`path` as the app sees it (inside the chroot when there is one)."""
        return "/" + str(path.relative_to(self.root)) if self.root else str(path)

    def command(self, *args: str, gui: bool = False) -> list[str]:
        program = self.app if gui else self.cli
        chroot = shutil.which("chroot") or "/usr/sbin/chroot"  # found on the host's PATH
        return ([chroot, str(self.root)] if self.root else []) + [program, *args]

    def run(self, *args: str, env: dict[str, str] | None = None, timeout: float = 60):
        return subprocess.run(
            self.command(*args),
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def cleanup(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(process: subprocess.Popen[str], timeout: float = 20) -> tuple[int, str]:
    """SIGTERM (the app closes its window on it); kill only if it outlives `timeout`."""
    if process.poll() is None:
        process.terminate()
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        raise CheckFailed(
            f"did not exit within {timeout:.0f} s of SIGTERM; output: {output!r}"
        ) from None
    return process.returncode, output or ""


def check_version(runner: Runner) -> str:
    result = runner.run("--version")
    expected = VERSION.group(1) if VERSION else r"\S+"
    pattern = (
        rf"omni-desktop {re.escape(expected)} "
        r"\(Qt 6\.\d+\.\d+, PySide6 6\.\d+\.\d+, Python 3\.\d+\.\d+, "
        # the fast number engine made it into the build (core/phone_engine.py)
        r"rphonenumbers \d+\.\d+\.\d+ with phonenumbers \d+\.\d+\.\d+\)"
    )
    if result.returncode != 0 or not re.fullmatch(pattern, result.stdout.strip()) or result.stderr:
        raise CheckFailed(
            f"exit {result.returncode}, stdout {result.stdout!r}, stderr {result.stderr!r}"
        )
    return result.stdout.strip()


def _lines(stream: IO[str], sink: queue.Queue[str]) -> None:
    for line in stream:
        sink.put(line)


@contextmanager
def sandbox(runner: Runner) -> Iterator[tuple[str, str]]:
    """`APP sandbox --port N` in the background: its printed URL and API key."""
    port = free_port()
    process = subprocess.Popen(
        runner.command("sandbox", "--port", str(port)),
        env=runner.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        url = key = ""
        seen: list[str] = []
        deadline = time.monotonic() + 30
        while not (url and key):
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise CheckFailed(f"the sandbox printed no URL and key in 30 s: {seen}") from None
            seen.append(line.rstrip())
            if found := re.search(r"listening on (http://\S+)", line):
                url = found.group(1)
            if found := re.match(r"API key: (\S+)", line):
                key = found.group(1)
        yield url, key
    finally:
        stop(process)


def write_draft(runner: Runner) -> Path:
    draft = runner.scratch / "smoke.omni.json"
    draft.write_text(
        json.dumps(
            {
                "destinations": [{"to": {"phoneNumber": "41793026727"}}],
                "sms": {"text": "Smoke test of the frozen build."},
            }
        ),
        encoding="utf-8",
    )
    return draft


def pending_row(result: subprocess.CompletedProcess[str]) -> str:
    """The PENDING row `send` printed for 41793026727; CheckFailed without it or exit 0."""
    row = re.search(r"^41793026727\s+m-\S+\s+PENDING/\S+", result.stdout, re.M)
    if result.returncode != 0 or not row or "Traceback" in result.stderr:
        raise CheckFailed(
            f"exit {result.returncode}, stdout {result.stdout!r}, stderr {result.stderr!r}"
        )
    return row.group(0)


def check_send(runner: Runner) -> str:
    with sandbox(runner) as (url, key):
        draft = write_draft(runner)
        result = runner.run(
            "send",
            runner.inside(draft),
            env={"INFOBIP_BASE_URL": url, "INFOBIP_API_KEY": key},
        )
        return f"{url}: {pending_row(result)}"


def check_numbers(runner: Runner) -> str:
    """A spreadsheet's number with two readings: the frozen build names both countries (its
    country names are not the geocoder's, which the build leaves out)."""
    with sandbox(runner) as (url, key):
        draft = write_draft(runner)
        sheet = runner.scratch / "two-readings.csv"
        sheet.write_text("Phone\n84912345678\n", encoding="utf-8")
        result = runner.run(
            "send", runner.inside(draft), "--recipients", runner.inside(sheet),
            "--region", "RU", "--dry-run",
            env={"INFOBIP_BASE_URL": url, "INFOBIP_API_KEY": key},
        )  # fmt: skip
        note = next((line for line in result.stderr.splitlines() if "Read as" in line), "")
        if result.returncode != 0 or "(Vietnam)" not in note or "in Russia" not in note:
            raise CheckFailed(
                f"exit {result.returncode}, stdout {result.stdout!r}, stderr {result.stderr!r}"
            )
        return note.split(": ", 2)[-1]


# Run by the keyring check inside its own D-Bus session: unlock a GNOME keyring (a Secret
# Service) in the scratch HOME, store the sandbox's key and a profile pointing at the sandbox
# with this (the venv's) Python, then `APP send --profile` must find the key on its own.
KEYRING_SESSION = """
set -eu
eval "$(printf smoke | gnome-keyring-daemon --unlock --components=secrets)"
"$PYTHON" - "$URL" "$KEY" <<'PY'
import sys
import keyring
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.settings import SettingsFile
url, key = sys.argv[1:]
keyring.set_password("omni-desktop", "Smoke keyring", key)
settings = SettingsFile(AppPaths.default().settings_file)
settings.save(settings.load().settings.with_profile(Profile(name="Smoke keyring", base_url=url)))
PY
exec "$@"
"""


def check_keyring(runner: Runner) -> str:
    if runner.root:
        raise CheckFailed("runs on the host only (the D-Bus session is not in the chroot)")
    with sandbox(runner) as (url, key):
        draft = write_draft(runner)
        env = {k: v for k, v in runner.env.items() if k != "PYTHON_KEYRING_BACKEND"}
        session = ["dbus-run-session", "--", "sh", "-c", KEYRING_SESSION, "keyring-session"]
        result = subprocess.run(
            [*session, *runner.command("send", "--profile", "Smoke keyring", str(draft))],
            env={**env, "PYTHON": sys.executable, "URL": url, "KEY": key},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        # dbus-daemon may complain that it cannot raise its file limit: not the app's output.
        result.stderr = "\n".join(
            line for line in result.stderr.splitlines() if not line.startswith("dbus-daemon")
        )
        return f"the key came from the Secret Service: {pending_row(result)}"


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X display on Xvfb, for the length of the block (Xvfb picks a free number)."""
    read_end, write_end = os.pipe()
    # -noreset: no server reset when the last client leaves, which a next client would hit.
    command = ["Xvfb", "-displayfd", str(write_end), "-noreset", "-nolisten", "tcp"]
    server = subprocess.Popen(
        [*command, "-screen", "0", "1400x950x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            ready: queue.Queue[str] = queue.Queue()
            threading.Thread(target=lambda: ready.put(pipe.readline()), daemon=True).start()
            try:
                number = ready.get(timeout=10).strip()
            except queue.Empty:
                number = ""
        if not number:
            raise CheckFailed("Xvfb did not start within 10 s")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _gui(
    runner: Runner, env: dict[str, str], wait_for_window: Callable[[subprocess.Popen[str]], str]
) -> str:
    app = subprocess.Popen(
        runner.command(gui=True),
        env={**runner.env, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        seen = wait_for_window(app)
        time.sleep(3)  # a few seconds up: the sandbox, scenarios and timers all get going
        if app.poll() is not None:
            raise CheckFailed(f"exited early with {app.returncode}: {app.communicate()[0]!r}")
    except BaseException:
        stop(app)
        raise
    code, output = stop(app)
    noise = [line for line in output.splitlines() if line.strip() and line not in HARMLESS]
    if not POSIX:  # Windows has no SIGTERM: terminate() ends it, so only the output counts
        code = 0
    if code != 0 or noise:
        raise CheckFailed(f"exit {code}, output {noise!r}")
    return seen


def find_window(display: str, app: subprocess.Popen[str], timeout: float = 60) -> float:
    """Seconds until an omni-desktop window is visible on `display` (polled every 20 ms)."""
    started = time.monotonic()
    env = {**os.environ, "DISPLAY": display}
    search = ["xdotool", "search", "--onlyvisible", "--name", "omni-desktop"]
    while True:
        found = subprocess.run(search, env=env, capture_output=True, text=True, check=False)
        if found.stdout.split():
            return time.monotonic() - started
        if app.poll() is not None:
            output = app.communicate()[0]
            raise CheckFailed(f"exited with {app.returncode} before a window showed: {output!r}")
        if time.monotonic() - started > timeout:
            raise CheckFailed(f"no omni-desktop window within {timeout:.0f} s")
        time.sleep(0.02)


def check_gui_xvfb(runner: Runner) -> str:
    with xvfb() as display:

        def window(app: subprocess.Popen[str]) -> str:
            after = find_window(display, app)
            ids = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "omni-desktop"],
                env={**os.environ, "DISPLAY": display},
                capture_output=True,
                text=True,
                check=False,
            ).stdout.split()
            name = subprocess.run(
                ["xdotool", "getwindowname", ids[0]],
                env={**os.environ, "DISPLAY": display},
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            ).stdout.strip()
            return f"window {name!r} after {after:.2f} s"

        return _gui(runner, {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}, window)


def check_gui_offscreen(runner: Runner) -> str:
    def up(app: subprocess.Popen[str]) -> str:
        return "up"

    return _gui(runner, {"QT_QPA_PLATFORM": "offscreen"}, up)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("app", help="the frozen executable (inside ROOT with --root)")
    parser.add_argument("--cli", help="the console executable for the commands (Windows)")
    parser.add_argument("--root", type=Path, help="run the app in this chroot")
    parser.add_argument(
        "--gui",
        default="auto",
        help="xvfb, offscreen, both or none; auto: xvfb when Xvfb and xdotool are here, "
        "else offscreen",
    )
    parser.add_argument(
        "--keyring",
        action="store_true",
        help="also send with a key from a GNOME keyring (needs gnome-keyring and dbus-run-session; "
        "run with the venv's Python)",
    )
    args = parser.parse_args(argv)
    if args.gui == "auto":
        args.gui = "xvfb" if shutil.which("Xvfb") and shutil.which("xdotool") else "offscreen"
    gui = {"both": ["xvfb", "offscreen"], "none": []}.get(args.gui, [args.gui])
    checks: list[tuple[str, Callable[[Runner], str]]] = [
        ("--version", check_version),
        ("send against the sandbox", check_send),
        ("a number with two readings", check_numbers),
    ]
    if "xvfb" in gui:
        checks.append(("window under Xvfb (xcb)", check_gui_xvfb))
    if "offscreen" in gui:
        checks.append(("window on the offscreen platform", check_gui_offscreen))
    if args.keyring:
        checks.append(("send --profile with its key in the system keyring", check_keyring))

    runner = Runner(args.app, args.cli, args.root.resolve() if args.root else None)
    passed = failed = 0
    try:
        for name, check in checks:
            started = time.monotonic()
            try:
                detail = check(runner)
            except (CheckFailed, OSError, subprocess.TimeoutExpired) as exc:
                failed += 1
                print(f"FAIL {name} ({time.monotonic() - started:.1f} s): {exc}", flush=True)
            else:
                passed += 1
                print(f"ok   {name} ({time.monotonic() - started:.1f} s): {detail}", flush=True)
    finally:
        runner.cleanup()
    print(f"smoke: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
