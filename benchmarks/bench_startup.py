"""Start-up, timed from outside: exec of the command an operator runs to its window on screen.

Each run exec's the command as a fresh process, with HOME and the XDG folders pointing at a home
of its own, and times from just before the exec to
- "mapped": the X server mapping the process's main window (its MapNotify, seen by an X client
  of ours listening on the root window through libX11; no polling), and
- "first paint": the `time.time()` the process wrote at its main window's first Paint event
  (OMNI_DESKTOP_STARTUP_MARK=<file>: a hook in the app, and the same in the baseline).
Then it closes the window with SIGTERM (the app takes it as a window close), waits for the
process and everything it started to exit, and deletes the home.

Sides: `.venv/bin/omni-desktop` (the installed console script), `python -m omni_desktop` (the
same without the wrapper), the frozen build `dist/omni-desktop/omni-desktop` (when built:
`bash packaging/build.sh`), and the baseline `benchmarks/bare_window.py`: a bare qasync +
httpx + platformdirs window with six tabs, run by the same interpreter. The frozen build is
compared with the bare window frozen the same way (the app's spec with the bare script as its
entry: `--build-frozen-bare` builds it into build/bench-startup/, ~1 min) when that exists, else
with the interpreter's bare window, and the output says which.
Homes: "empty" (a new, empty home every run: a first start), and "used" (a fresh copy, every
run, of a home prepared once: a settings file, 1,000 sends with their answers in the history,
and a draft autosaved; `--draft clean` (default) leaves the autosave folder as a normal quit
does, `--draft crash` as a crash does, so the app opens a "Restore draft?" box after its window
is shown). The prepared home is checked unchanged at the end.

Byte code: the interpreter runs get a private PYTHONPYCACHEPREFIX (PYTHONDONTWRITEBYTECODE
unset), written by one unrecorded warm-up run of each side, so modules load from cached byte
code as in an installed app. Then ROUNDS runs of every side in every home, the sides taking turns
(their order rotates every round). Printed: the median (and range) of each side x home x metric,
and its ratio to the baseline's median in the same home. Target: every ratio <= 1.5x.
On Xvfb (started here when DISPLAY is unset; QT_QPA_PLATFORM=xcb). `--importtime` adds five
`python -X importtime` runs of the console script and the baseline, summed by top-level package.

    .venv/bin/python benchmarks/bench_startup.py [--rounds 7] [--draft clean|crash]
        [--sides bare,script,module,frozen] [--build-frozen-bare] [--importtime]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import hashlib
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TARGET = 1.5
ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
FROZEN_APP = ROOT / "dist" / "omni-desktop" / "omni-desktop"
BENCH_BUILD = ROOT / "build" / "bench-startup"
BARE_SCRIPT = ROOT / "benchmarks" / "bare_window.py"
FROZEN_BARE = BENCH_BUILD / "dist" / "bare-window" / "bare-window"
TITLE = "omni-desktop"  # both windows' titles hold it
RUN_TIMEOUT = 60.0  # seconds for one start; a run over it fails the benchmark
SENDS_IN_USED_HOME = 1_000
METRICS = ("mapped", "paint")
IMPORT_RUNS = 5


@dataclass
class Side:
    key: str
    label: str
    command: list[str]
    baseline: str  # the key of the side it is compared with ("" for a baseline)
    runs: dict[tuple[str, str], list[float]] = field(default_factory=dict)


# --- watching the X server for our window ----------------------------------------------------


class _XMapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", _XMapEvent), ("pad", ctypes.c_long * 24)]


_MAP_NOTIFY = 19
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


class MapWatcher:
    """An X client listening for top-level windows being mapped (MapNotify on the root window).

    Blocks in select() on the X connection, so it costs no CPU while the app starts; with no
    window manager (Xvfb), top-level windows are the root's own children.
    """

    def __init__(self) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise SystemExit("libX11 not found: it comes with xdotool and Xvfb (.ci/setup)")
        x = self.x = ctypes.CDLL(name)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        for fn in (x.XFlush, x.XPending, x.XConnectionNumber, x.XCloseDisplay):
            fn.argtypes = [ctypes.c_void_p]
        x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
            ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
        ]  # fmt: skip
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XSetErrorHandler.argtypes = [_ERROR_HANDLER]
        # A window gone before we read its properties is an X error; the default handler would
        # end this process. Ignore it: that window was not the one we wait for.
        self._on_error = _ERROR_HANDLER(lambda _display, _error: 0)
        x.XSetErrorHandler(self._on_error)
        self.display = x.XOpenDisplay(None)
        if not self.display:
            raise SystemExit(f"cannot open the X display {os.environ.get('DISPLAY')!r}")
        x.XSelectInput(self.display, x.XDefaultRootWindow(self.display), _SUBSTRUCTURE_NOTIFY_MASK)
        x.XFlush(self.display)
        self.fd = x.XConnectionNumber(self.display)
        self.atoms = {
            name: x.XInternAtom(self.display, name.encode(), 0)
            for name in ("_NET_WM_PID", "_NET_WM_NAME", "WM_NAME")
        }

    def drain(self) -> None:
        """Forget the events of earlier runs."""
        event = _XEvent()
        while self.x.XPending(self.display):
            self.x.XNextEvent(self.display, ctypes.byref(event))

    def wait_for_window(self, process: subprocess.Popen[bytes], deadline: float) -> float | None:
        """`time.time()` when a window of `process` titled "...omni-desktop..." was mapped."""
        event = _XEvent()
        while time.monotonic() < deadline and process.poll() is None:
            while self.x.XPending(self.display):
                self.x.XNextEvent(self.display, ctypes.byref(event))
                if event.type != _MAP_NOTIFY or event.xmap.override_redirect:
                    continue
                when = time.time()
                window = event.xmap.window
                if self._pid(window) in (process.pid, None) and TITLE in self._name(window):
                    return when
            select.select([self.fd], [], [], 0.1)
        return None

    def _property(self, window: int, atom: str) -> tuple[int, bytes]:
        """(format, data) of a window's property; (0, b"") when it has none."""
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self.x.XGetWindowProperty(
            self.display, window, self.atoms[atom], 0, 1024, 0, 0,  # 0: AnyPropertyType
            ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after),
            ctypes.byref(data),
        )  # fmt: skip
        if status != 0 or not data:
            return 0, b""
        # Xlib hands 32-bit items over as C longs.
        size = {8: 1, 16: ctypes.sizeof(ctypes.c_short), 32: ctypes.sizeof(ctypes.c_long)}
        raw = ctypes.string_at(data, count.value * size.get(fmt.value, 1))
        self.x.XFree(data)
        return fmt.value, raw

    def _pid(self, window: int) -> int | None:
        fmt, raw = self._property(window, "_NET_WM_PID")
        return int.from_bytes(raw[:8], sys.byteorder) if fmt == 32 and raw else None

    def _name(self, window: int) -> str:
        for atom in ("_NET_WM_NAME", "WM_NAME"):
            fmt, raw = self._property(window, atom)
            if fmt == 8 and raw:
                return raw.decode("utf-8", "replace")
        return ""

    def close(self) -> None:
        self.x.XCloseDisplay(self.display)


def start_xvfb() -> subprocess.Popen[bytes] | None:
    """A private Xvfb on a free display number, or None when none can be started."""
    if shutil.which("Xvfb") is None:
        return None
    number = next(n for n in range(170, 260) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            return None
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{number}"
    return server


# --- homes -----------------------------------------------------------------------------------


def home_environment(base: dict[str, str], home: Path) -> dict[str, str]:
    """`base` with HOME and every XDG folder inside `home` (none of the caller's own)."""
    runtime = home / ".runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    return dict(
        base,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
    )


def fill_used_home(sends: int, draft: str) -> None:
    """(In a child whose XDG folders are the home's.) Settings, `sends` answered sends in the
    history, and an autosaved draft left as a normal quit ("clean") or a crash ("crash") does."""
    from datetime import UTC, datetime, timedelta

    from omni_desktop.core.message import from_json, new_ids

    from omni_desktop.storage.autosave import Autosave
    from omni_desktop.storage.outbox import Outbox
    from omni_desktop.storage.paths import AppPaths
    from omni_desktop.storage.settings import Settings, SettingsFile

    paths = AppPaths.default().ensure()
    SettingsFile(paths.settings_file).save(Settings(sandbox_region="CH"))
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    status = {"groupId": 1, "groupName": "PENDING", "id": 7, "name": "PENDING_ENROUTE"}
    clock = [start]
    with Outbox(paths.history_file, clock=lambda: clock[0]) as outbox:
        for n in range(sends):
            clock[0] = start + timedelta(minutes=7 * n)
            count = 1 + n % 5
            bulk_id, *message_ids = new_ids(clock[0], count + 1)
            destinations = [
                {"messageId": m, "to": {"phoneNumber": f"4179{n:04d}{i:03d}"}}
                for i, m in enumerate(message_ids)
            ]
            body: dict[str, Any] = {
                "bulkId": bulk_id,
                "scenarioKey": "SANDBOX-VIBER-SMS",
                "destinations": destinations,
                "viber": {"text": f"Your order {n} is on its way.", "validityPeriod": 1},
                "sms": {"text": f"Your order {n} is on its way."},
            }
            send_id = outbox.record_before_send(None, "http://127.0.0.1:8999", body)
            answer = {
                "bulkId": bulk_id,
                "messages": [
                    {"to": d["to"], "status": status, "messageId": d["messageId"]}
                    for d in destinations
                ],
            }
            outbox.record_answer(send_id, answer)
    autosave = Autosave(paths.autosave_folder)
    autosave.save(
        from_json(
            {
                "destinations": [{"to": {"phoneNumber": "41793026727"}}],
                "viber": {"text": "Draft: the spring sale starts on Monday."},
                "sms": {"text": "Draft: the spring sale starts on Monday."},
            }
        )
    )
    if draft == "clean":
        autosave.mark_clean_exit()


def prepare_used_home(home: Path, env: dict[str, str], draft: str) -> None:
    command = [sys.executable, __file__, "--fill-home", draft]
    done = subprocess.run(command, env=home_environment(env, home), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"preparing the used home failed:\n{done.stdout}\n{done.stderr}")


def fingerprint(folder: Path) -> str:
    """A hash of every file's path and bytes under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# --- one run ---------------------------------------------------------------------------------


class RunFailed(Exception):
    pass


def run_once(
    side: Side, env: dict[str, str], home: Path, watcher: MapWatcher, log: Path
) -> dict[str, float]:
    """Exec `side` in `home`; seconds from just before the exec to its window mapped and to its
    first paint. Closes it (SIGTERM) and waits until it and its children have exited."""
    mark = home.parent / (home.name + ".mark")
    env = dict(home_environment(env, home), OMNI_DESKTOP_STARTUP_MARK=str(mark))
    watcher.drain()
    with open(log, "wb") as output:
        t0 = time.time()
        process = subprocess.Popen(
            side.command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the sandbox child goes with it
        )
        try:
            deadline = time.monotonic() + RUN_TIMEOUT
            mapped = watcher.wait_for_window(process, deadline)
            while not mark.exists() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            if mapped is None or not mark.exists():
                code = process.poll()
                raise RunFailed(
                    f"{side.label}: exited with status {code} before its window was painted"
                    if code is not None
                    else f"{side.label}: no window painted within {RUN_TIMEOUT:.0f} s"
                )
            painted = float(mark.read_text(encoding="utf-8"))
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=30)
            if code != 0:
                raise RunFailed(f"{side.label}: exit status {code} after SIGTERM")
            _wait_group_gone(process.pid, time.monotonic() + 15)
        except (RunFailed, subprocess.TimeoutExpired) as exc:
            _kill_group(process)
            raise RunFailed(
                f"{exc}\n--- its output ---\n{log.read_text(errors='replace')}"
            ) from None
    mark.unlink()
    return {"mapped": mapped - t0, "paint": painted - t0}


def _wait_group_gone(group: int, deadline: float) -> None:
    """Until no process of the group (the app and its sandbox child) is left."""
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
    raise RunFailed("a child process was still running 15 s after the app exited")


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def check_with_xdotool(side: Side, env: dict[str, str], home: Path) -> str:
    """Once per side: the window our X client saw mapped is what xdotool calls visible too."""
    if shutil.which("xdotool") is None:
        return "xdotool not installed"
    process = subprocess.Popen(
        side.command, env=home_environment(env, home), stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        found = subprocess.run(
            [
                "xdotool",
                "search",
                "--sync",
                "--onlyvisible",
                "--pid",
                str(process.pid),
                "--name",
                TITLE,
            ],
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
        ).stdout.split()
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
            _wait_group_gone(process.pid, time.monotonic() + 15)
        except (subprocess.TimeoutExpired, RunFailed):
            _kill_group(process)
    return f"{len(found)} window(s)" if found else "NO visible window"


# --- import time -----------------------------------------------------------------------------


def import_profile(
    side: Side, env: dict[str, str], home: Path, watcher: MapWatcher, log: Path
) -> dict[str, int]:
    """Microseconds of own import time per top-level package, the median of IMPORT_RUNS runs
    with PYTHONPROFILEIMPORTTIME (a garbage collection is charged to the import it lands in)."""
    runs: list[dict[str, int]] = []
    for _ in range(IMPORT_RUNS):
        home.mkdir()
        run_once(side, dict(env, PYTHONPROFILEIMPORTTIME="1"), home, watcher, log)
        shutil.rmtree(home, ignore_errors=True)
        totals: dict[str, int] = {}
        for line in log.read_text(errors="replace").splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, _total, name = line.removeprefix("import time:").split("|", 2)
            package = name.strip().split(".")[0]
            totals[package] = totals.get(package, 0) + int(own)
        runs.append(totals)
    packages = {p for totals in runs for p in totals}
    return {p: int(statistics.median(t.get(p, 0) for t in runs)) for p in packages}


def print_import_profile(profiles: dict[str, dict[str, int]]) -> None:
    names = list(profiles)
    packages = sorted(
        {p for totals in profiles.values() for p in totals},
        key=lambda p: -max(t.get(p, 0) for t in profiles.values()),
    )
    print(
        f"\nimport time by top-level package (own time, ms; median of {IMPORT_RUNS} runs each, "
        "-X importtime, empty home)"
    )
    print(f"  {'package':28}" + "".join(f"{n:>24}" for n in names))
    for package in packages[:22]:
        cells = "".join(f"{profiles[n].get(package, 0) / 1000:24.1f}" for n in names)
        print(f"  {package:28}{cells}")
    totals = "".join(f"{sum(profiles[n].values()) / 1000:24.1f}" for n in names)
    print(f"  {'all imports':28}{totals}")


# --- the frozen baseline ---------------------------------------------------------------------


def build_frozen_bare() -> None:
    """The app's PyInstaller spec with the bare window as its entry: same excludes and plugins."""
    spec = (ROOT / "packaging" / "omni-desktop.spec").read_text(encoding="utf-8")
    for old, new in (
        ("Path(SPECPATH).resolve().parent", f"Path({str(ROOT)!r})"),
        ('[str(ROOT / "packaging" / "launcher.py")]', repr([str(BARE_SCRIPT)])),
        ('_exe("omni-desktop", console=not IS_WIN)', '_exe("bare-window", console=True)'),
        ('    name="omni-desktop",\n)', '    name="bare-window",\n)'),
    ):  # fmt: skip
        if old not in spec:
            raise SystemExit(f"packaging/omni-desktop.spec changed: {old!r} not found")
        spec = spec.replace(old, new)
    BENCH_BUILD.mkdir(parents=True, exist_ok=True)
    (BENCH_BUILD / "bare-window.spec").write_text(spec, encoding="utf-8")
    subprocess.run(
        [
            *(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"),
            *("--distpath", str(BENCH_BUILD / "dist"), "--workpath", str(BENCH_BUILD / "work")),
            str(BENCH_BUILD / "bare-window.spec"),
        ],
        check=True,
    )


# --- the parent ------------------------------------------------------------------------------


def make_sides(wanted: list[str]) -> tuple[list[Side], list[str]]:
    python = sys.executable
    notes = []
    sides = {
        "bare": Side("bare", "bare window", [python, str(BARE_SCRIPT)], ""),
        "script": Side("script", "omni-desktop (script)", [str(VENV_BIN / "omni-desktop")], "bare"),
        "module": Side("module", "python -m omni_desktop", [python, "-m", "omni_desktop"], "bare"),
    }
    if "frozen" in wanted:
        if not FROZEN_APP.exists():
            notes.append(f"frozen: left out, {FROZEN_APP} not built (bash packaging/build.sh)")
        else:
            frozen_baseline = "bare"
            if FROZEN_BARE.exists():
                sides["frozen-bare"] = Side(
                    "frozen-bare", "bare window, frozen", [str(FROZEN_BARE)], ""
                )
                frozen_baseline = "frozen-bare"
            else:
                notes.append(
                    "frozen: compared with the bare window run by the interpreter (the frozen "
                    "bare window is not built: --build-frozen-bare)"
                )
            sides["frozen"] = Side(
                "frozen", "omni-desktop (frozen)", [str(FROZEN_APP)], frozen_baseline
            )
    keep = set(wanted) | {s.baseline for s in sides.values() if s.key in wanted} | {"bare"}
    if "frozen" in keep and "frozen-bare" in sides:
        keep.add("frozen-bare")
    return [s for s in sides.values() if s.key in keep], notes


def platform_info() -> str:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    return (
        f"Python {sys.version.split()[0]}, PySide6 {pyside}, Qt {qVersion()}, {os.cpu_count()} CPUs"
    )


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def print_results(sides: list[Side], homes: list[str], rounds: int) -> bool:
    by_key = {s.key: s for s in sides}
    print(f"\n  {'side':24}{'home':7}{'metric':13}{'median':>9}{'range':>17}{'ratio':>9}  target")
    met = True
    for home in homes:
        for metric in METRICS:
            for side in sides:
                values = side.runs[(home, metric)]
                median = statistics.median(values)
                spread = f"{min(values):.3f}–{max(values):.3f}"
                ratio, verdict = "", ""
                if side.baseline:
                    base = statistics.median(by_key[side.baseline].runs[(home, metric)])
                    ratio = f"{median / base:.2f}x"
                    verdict = "met" if median / base <= TARGET else "OVER"
                    met = met and median / base <= TARGET
                label = {"mapped": "mapped", "paint": "first paint"}[metric]
                print(
                    f"  {side.label:24}{home:7}{label:13}{median:8.3f}s{spread:>17}"
                    f"{ratio:>9}  {verdict}"
                )
            print()
    if "script" in by_key and "module" in by_key:
        for home in homes:
            script = statistics.median(by_key["script"].runs[(home, "paint")])
            module = statistics.median(by_key["module"].runs[(home, "paint")])
            print(
                f"  console script vs python -m, {home} home, first paint: "
                f"{(script - module) * 1000:+.0f} ms ({script / module:.2f}x)"
            )
    print(f"  medians of {rounds} runs each; ratio = median / the baseline's median, same home")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=7, help="runs of each side in each home")
    parser.add_argument("--sides", default="bare,script,module,frozen")
    parser.add_argument("--homes", default="empty,used")
    parser.add_argument("--draft", choices=("clean", "crash"), default="clean")
    parser.add_argument("--build-frozen-bare", action="store_true")
    parser.add_argument("--importtime", action="store_true")
    parser.add_argument("--fill-home", choices=("clean", "crash"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill_home:
        fill_used_home(SENDS_IN_USED_HOME, args.fill_home)
        return
    if args.build_frozen_bare:
        build_frozen_bare()
    homes = [h for h in args.homes.split(",") if h]
    sides, notes = make_sides([s for s in args.sides.split(",") if s])

    xvfb = None
    if os.environ.get("DISPLAY"):
        platform = f"xcb on DISPLAY={os.environ['DISPLAY']}"
    else:
        xvfb = start_xvfb()
        if xvfb is None:
            raise SystemExit("no DISPLAY and no Xvfb: install it (.ci/setup)")
        platform = f"xcb on a private Xvfb ({os.environ['DISPLAY']})"
    scratch = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", PYTHONPYCACHEPREFIX=str(scratch / "pycache"))
    for name in ("PYTHONDONTWRITEBYTECODE", "INFOBIP_BASE_URL", "INFOBIP_API_KEY", "QT_API"):
        env.pop(name, None)  # byte code cached; the sandbox, as on a first start
    used = scratch / "used-home"
    watcher = MapWatcher()
    count = 0

    def run(side: Side, home_kind: str) -> dict[str, float]:
        nonlocal count
        count += 1
        home = scratch / f"run-{count}"
        if home_kind == "used":
            shutil.copytree(used, home, symlinks=True)
        else:
            home.mkdir()
        try:
            return run_once(side, env, home, watcher, scratch / "output.log")
        finally:
            shutil.rmtree(home, ignore_errors=True)

    print(f"start-up from outside: exec to window mapped and to first paint, {args.rounds} runs")
    print(f"  {platform}; {platform_info()}; load average before {load()}")
    try:
        if "used" in homes:
            prepare_used_home(used, env, args.draft)
        before = fingerprint(used) if "used" in homes else ""
        checks = []
        for side in sides:  # warm-up: byte code written, caches filled; not recorded
            run(side, "empty")
            home = scratch / "check-home"
            checks.append(f"{side.key} {check_with_xdotool(side, env, home)}")
            shutil.rmtree(home, ignore_errors=True)
        for side in sides:
            side.runs = {(h, m): [] for h in homes for m in METRICS}
        for round_ in range(args.rounds):
            for home_kind in homes if round_ % 2 == 0 else list(reversed(homes)):
                shift = round_ % len(sides)
                for side in sides[shift:] + sides[:shift]:
                    for metric, seconds in run(side, home_kind).items():
                        side.runs[(home_kind, metric)].append(seconds)
            print(f"  round {round_ + 1}/{args.rounds} done, load average {load()}", flush=True)
        if "used" in homes and fingerprint(used) != before:
            raise SystemExit("the prepared used home changed during the runs")
        profiles = {}
        if args.importtime:
            for side in sides:
                if side.key in ("bare", "script"):
                    profiles[side.label] = import_profile(
                        side, env, scratch / "importtime-home", watcher, scratch / "imports.log"
                    )
    finally:
        watcher.close()
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(scratch, ignore_errors=True)

    for note in notes:
        print(f"  NOTE {note}")
    box = ": a Restore draft? box opens" if args.draft == "crash" else ""
    if "used" in homes:
        print(
            f"  used home: settings, {SENDS_IN_USED_HOME:,} sends in the history, a draft "
            f"autosaved ({args.draft} exit{box}); unchanged after the runs"
        )
    print(f"  xdotool sees the window each side's run mapped: {'; '.join(checks)}")
    met = print_results(sides, homes, args.rounds)
    if profiles:
        print_import_profile(profiles)
    print(f"\n  load average after {load()}")
    print("every case within target" if met else f"OVER TARGET (<= {TARGET}x in every case)")


if __name__ == "__main__":
    main()
