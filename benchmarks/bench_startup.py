"""Start-up: process start to the first painted main window, against a minimal qasync + httpx app.

Each run spawns a fresh interpreter that builds one window and prints how long after the
parent's `time.time()` at spawn (so interpreter start and every import are included) the main
window received its first `QEvent.Paint` ("first paint"), and when that first frame had been
painted in full and the loop was free again ("frame done": a zero timer queued from the paint).

- ours: the real path of `omni_desktop.app`: a `QApplication` set up as `run_gui` does, a qasync
  loop, `build_parser()`, `Services().open(args)` (storage and logging set up, the sandbox
  thread started, the client, presenter and `MainWindow` built), `install_error_hooks`,
  `window.show()`, `presenter.refresh_scenarios()`. When the scenarios arrived is printed too
  (not in the ratio).
- baseline: PySide6, qasync and httpx imported, a `QMainWindow` of the same size with a `QLabel`,
  an `httpx.AsyncClient` created, shown on a qasync loop.

The children share private XDG_CONFIG/DATA/STATE/CACHE folders (the app's settings, history and
logs: none of the user's own). Byte code: they run with PYTHONPYCACHEPREFIX set to a private
folder (and PYTHONDONTWRITEBYTECODE unset), so after the unrecorded warm-up run of each side every
module loads from cached byte code, as in an installed app; `--no-bytecode` keeps the caller's
setting instead. Then ROUNDS runs of each, alternating; the ratio is taken on the best run of
each side (the median is printed beside it). `--breakdown` then runs each side ROUNDS times more
with marks between its phases (imports one layer at a time, each step of `Services.open`).
Target: ours <= 1.5x the baseline, first paint. It runs on a real X server (Xvfb, started here
when DISPLAY is unset) with QT_QPA_PLATFORM=xcb; without Xvfb it falls back to offscreen and
says so.

    .venv/bin/python benchmarks/bench_startup.py [--rounds 5] [--breakdown] [--offscreen]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5
SIDES = ("baseline", "ours")


# --- the child: one window, timed ------------------------------------------------------------


def child(side: str, t0: float, breakdown: bool) -> None:
    """Build one window; print `name=seconds` marks since `t0` (the parent's spawn time)."""
    marks: dict[str, float] = {"interpreter": time.time() - t0}
    import asyncio

    # PySide6 before qasync: qasync picks its Qt binding from what is already loaded.
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    # isort: split
    import qasync

    marks["import Qt, qasync"] = time.time() - t0
    done = asyncio.Event()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in marks:
                marks["paint"] = time.time() - t0
                QTimer.singleShot(0, self._frame_done)
            return False

        def _frame_done(self) -> None:
            marks["frame"] = time.time() - t0
            done.set()

    spy = FirstPaint()

    def mark(name: str) -> None:
        if breakdown:
            marks[name] = time.time() - t0

    async def baseline() -> None:
        import httpx

        from PySide6.QtWidgets import QLabel, QMainWindow

        mark("import httpx")
        window = QMainWindow()
        window.setCentralWidget(QLabel("Hello", window))
        window.resize(1280, 860)
        http = httpx.AsyncClient()
        mark("window built")
        window.installEventFilter(spy)
        window.show()
        mark("show()")
        await done.wait()
        await http.aclose()
        window.close()

    async def ours() -> None:
        if breakdown:
            _time_phases(mark)
        from omni_desktop.ui.errors import install_error_hooks

        from omni_desktop.app import Services, build_parser

        args = build_parser().parse_args([])
        mark("import app, build_parser()")
        services = Services()
        mark("Services()")
        window = await services.open(args)
        mark("rest of Services.open")
        install_error_hooks(asyncio.get_running_loop(), window)
        window.installEventFilter(spy)
        window.show()
        mark("show()")
        presenter = services.presenter
        presenter.scenarios_loaded.connect(
            lambda _s: marks.setdefault("scenarios", time.time() - t0)
        )
        await services.start()
        await done.wait()
        presenter.set_dirty(False)
        window.close()
        await services.close()

    app = QApplication.instance() or QApplication(sys.argv)
    if side == "ours":
        from omni_desktop import __version__

        app.setApplicationName("omni-desktop")
        app.setOrganizationName("omni-desktop")
        app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)
    mark("QApplication")
    run = ours if side == "ours" else baseline
    if sys.version_info >= (3, 12):
        asyncio.run(run(), loop_factory=qasync.QEventLoop)
    else:
        qasync.run(run())
    print(json.dumps(marks), flush=True)


def _time_phases(mark: object) -> None:
    """Breakdown only: import the app's dependencies one layer at a time up front, then mark
    the end of each step of `Services.open` by wrapping it (the order of the imports changes,
    their sum does not). A step the app no longer has is left out."""
    import importlib
    from collections.abc import Callable
    from typing import Any

    assert callable(mark)
    for module, label in (
        ("httpx", "import httpx (as the baseline)"),
        ("omni_desktop.core.validation", "import core"),
        ("omni_desktop.api.client", "import api"),
        ("omni_desktop.storage.outbox", "import storage (outbox)"),
        ("omni_desktop.storage.autosave", "import storage (the rest)"),
        ("omni_desktop.ui.status_table", "import ui.status_table"),
        ("omni_desktop.ui.presenter", "import ui.presenter"),
        ("omni_desktop.ui.main_window", "import ui.main_window and the rest of ui"),
    ):
        importlib.import_module(module)
        mark(label)

    def timed(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            mark(name)
            return result

        return wrapper

    for module, owner, name, label in (
        ("omni_desktop.storage.logging_setup", None, "configure_logging", "logging set up"),
        ("omni_desktop.storage.outbox", "Outbox", "__init__", "outbox opened (SQLite)"),
        ("omni_desktop.storage.outbox", "Outbox", "recover_unanswered", "outbox recovered"),
        ("omni_desktop.sandbox.process", "SandboxProcess", "spawn", "sandbox process spawned"),
        ("omni_desktop.ui.presenter", "ComposerPresenter", "__init__", "client, presenter"),
        ("omni_desktop.ui.main_window", "MainWindow", "__init__", "MainWindow() built"),
    ):
        try:
            target = importlib.import_module(module)
        except ImportError:
            continue
        if owner is not None:
            target = getattr(target, owner, None)
        if target is not None and hasattr(target, name):
            setattr(target, name, timed(label, getattr(target, name)))


# --- the parent: spawn, collect, compare -----------------------------------------------------


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


def spawn(side: str, env: dict[str, str], breakdown: bool = False) -> dict[str, float]:
    t0 = time.time()
    command = [sys.executable, __file__, "--child", side, "--t0", repr(t0)]
    out = subprocess.run(
        command + (["--breakdown"] if breakdown else []),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{side} child failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    marks: dict[str, float] = json.loads(lines[-1])
    return marks


def platform_info() -> str:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"Python {sys.version.split()[0]}, PySide6 {pyside}, Qt {qVersion()}, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )


def print_breakdown(side: str, runs: list[dict[str, float]]) -> None:
    """Median time of each phase (from the previous mark), in the order the child made them."""
    print(f"  {side}: phases, median of {len(runs)} runs (ms, each from the previous mark)")
    previous = 0.0
    medians = {
        name: statistics.median(run[name] for run in runs if name in run) for name in runs[0]
    }
    for name, at in sorted(medians.items(), key=lambda item: item[1]):
        if name == "scenarios":
            continue
        label = {"paint": "first paint event", "frame": "first frame done"}.get(name, name)
        print(f"    {label:46}{(at - previous) * 1000:7.0f}  (ends at {at * 1000:4.0f})")
        previous = at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--breakdown", action="store_true", help="also time the phases")
    parser.add_argument("--offscreen", action="store_true", help="use QT_QPA_PLATFORM=offscreen")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="keep the caller's byte-code cache setting"
    )
    parser.add_argument("--child", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--t0", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.t0, args.breakdown)
        return

    xvfb = None
    note = ""
    if args.offscreen:
        platform = "offscreen"
    elif os.environ.get("DISPLAY"):
        platform = f"xcb on DISPLAY={os.environ['DISPLAY']}"
    else:
        xvfb = start_xvfb()
        if xvfb is not None:
            platform = f"xcb on a private Xvfb ({os.environ['DISPLAY']})"
        else:
            platform = "offscreen"
            note = "  NOTE: no Xvfb could be started; offscreen paints no real window"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen" if platform == "offscreen" else "xcb")
    env.pop("INFOBIP_BASE_URL", None)  # the sandbox, as on a first start
    scratch = tempfile.TemporaryDirectory(prefix="bench-startup-")
    home = Path(scratch.name)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        # The app's settings, history, logs and cache in a private folder: none of the user's
        # own, and a fresh, empty history for every run alike.
        env[name] = str(home / name.lower())
    if args.no_bytecode:
        bytecode = "as the caller has it: PYTHONDONTWRITEBYTECODE=" + env.get(
            "PYTHONDONTWRITEBYTECODE", "(unset)"
        )
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
        bytecode = "cached (private PYTHONPYCACHEPREFIX, written by the warm-up runs)"
    try:
        for side in SIDES:  # warm-up, not recorded
            spawn(side, env)
        runs: dict[str, list[dict[str, float]]] = {side: [] for side in SIDES}
        for round_ in range(args.rounds):
            for side in SIDES if round_ % 2 == 0 else tuple(reversed(SIDES)):
                runs[side].append(spawn(side, env))
        phases: dict[str, list[dict[str, float]]] = {side: [] for side in SIDES}
        if args.breakdown:
            for _ in range(args.rounds):
                for side in SIDES:
                    phases[side].append(spawn(side, env, breakdown=True))
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        scratch.cleanup()

    print(f"start-up to first painted main window, {args.rounds} runs each (fresh interpreters)")
    print(f"  platform: {platform}; byte code {bytecode}")
    if note:
        print(note)
    print(f"  {platform_info()}")
    print(f"  {'':10}{'first paint':>24}{'frame done':>24}{'scenarios':>12}")
    print(f"  {'':10}{'best':>12}{'median':>12}{'best':>12}{'median':>12}{'median':>12}")
    best: dict[str, dict[str, float]] = {}
    median: dict[str, dict[str, float]] = {}
    for side in SIDES:
        best[side] = {k: min(r[k] for r in runs[side]) for k in ("paint", "frame")}
        median[side] = {k: statistics.median(r[k] for r in runs[side]) for k in runs[side][0]}
        scenarios = median[side].get("scenarios")
        scen = f"{scenarios:11.3f}s" if scenarios is not None else f"{'—':>12}"
        print(
            f"  {side:10}{best[side]['paint']:11.3f}s{median[side]['paint']:11.3f}s"
            f"{best[side]['frame']:11.3f}s{median[side]['frame']:11.3f}s{scen}"
        )
    ratio = best["ours"]["paint"] / best["baseline"]["paint"]
    print(
        f"  ratio ours / baseline, first paint: best {ratio:.2f}x, "
        f"median {median['ours']['paint'] / median['baseline']['paint']:.2f}x"
        f"   (target <= {TARGET}x)"
    )
    print(
        f"  ratio ours / baseline, frame done:  best "
        f"{best['ours']['frame'] / best['baseline']['frame']:.2f}x, "
        f"median {median['ours']['frame'] / median['baseline']['frame']:.2f}x"
    )
    if args.breakdown:
        for side in SIDES:
            print_breakdown(side, phases[side])
    print("within target" if ratio <= TARGET else "OVER TARGET")


if __name__ == "__main__":
    main()
