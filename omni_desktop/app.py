"""The composition root: parses arguments, builds every service once, runs the qasync loop.

Only this module knows every layer. Headless commands (`send`, `sandbox`) are handed to
`cli`; with no command the window opens, on the built-in sandbox when no account is set.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from omni_desktop import __version__
from omni_desktop.about import version_text

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from omni_desktop.api.client import OmniClient
    from omni_desktop.sandbox import SandboxThread
    from omni_desktop.sandbox.process import SandboxProcess
    from omni_desktop.storage.paths import AppPaths
    from omni_desktop.storage.settings import Settings

    from omni_desktop.services.targets import Target

    from omni_desktop.ui.window import MainWindow

log = logging.getLogger("omni_desktop")

FIRST_PAINT_WAIT = 3.0  # seconds: a window that never paints (minimised) still gets started


class QWidgetLike(Protocol):
    def close(self) -> bool: ...


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omni-desktop",
        description="Compose and send Infobip OMNI failover messages.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--base-url",
        help="send through this Infobip base URL (with INFOBIP_API_KEY) instead of the sandbox",
    )
    parser.add_argument("--sandbox-port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--sandbox-time-scale", type=float, default=60.0, help=argparse.SUPPRESS)
    parser.add_argument("--open", metavar="DRAFT", help="open this draft (*.omni.json)")
    sub = parser.add_subparsers(dest="command")
    from omni_desktop.cli_parser import add_commands

    add_commands(sub)
    return parser


def has_display() -> bool:
    """Whether Qt can open a window here (Linux needs X11 or Wayland; other OSes always can)."""
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(version_text())
        return 0
    try:
        return _run(args)
    except Exception as exc:  # the last line of defence: one sentence, the details in the log
        log.exception("omni-desktop stopped")
        print(f"omni-desktop stopped: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command:
        from omni_desktop import cli

        return cli.run(args)
    if not has_display():
        print(
            "omni-desktop needs a graphical display, and none was found (DISPLAY is not set). "
            "Start it from a desktop session, or use 'omni-desktop send DRAFT' to send "
            "without a window.",
            file=sys.stderr,
        )
        return 1
    return run_gui(args)


def resolve_target(args: argparse.Namespace) -> Target | None:
    """The account given on the command line or in the environment; None means the sandbox.

    TargetError (one sentence) when its key is missing or unusable.
    """
    base_url = args.base_url or os.environ.get("INFOBIP_BASE_URL")
    if not base_url:
        return None
    from omni_desktop.services.targets import environment_target

    return environment_target(base_url, os.environ)


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window on a qasync loop and run until the last window closes."""
    # qasync picks its Qt binding from QT_API (or from the first it can import): say which.
    os.environ["QT_API"] = "pyside6"
    import qasync
    from PySide6.QtWidgets import QApplication

    # No collections until the window has painted: start-up makes many objects that all live
    # on; `_after_first_paint` freezes them out of later collections, then turns it back on.
    gc.disable()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("omni-desktop")
    app.setOrganizationName("omni-desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("omni-desktop")  # matches resources/omni-desktop.desktop
    app.setWindowIcon(_app_icon())
    app.setQuitOnLastWindowClosed(False)
    from omni_desktop.ui.i18n import install_translation

    # Before the layers that keep sentences in module constants are imported (core.i18n); the
    # translator is the application's child, so it lives as long as the app.
    install_translation(app)
    if sys.version_info >= (3, 12):
        return asyncio.run(_run_window(app, args), loop_factory=qasync.QEventLoop)
    return int(qasync.run(_run_window(app, args)))


def _app_icon() -> QIcon:
    """The app's icon from resources/ (beside the package, or inside the frozen bundle)."""
    from PySide6.QtGui import QIcon

    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    icon = QIcon()
    for path in sorted((base / "resources" / "icons").glob("omni-desktop-*.png")):
        icon.addFile(str(path))
    return icon


class Services:
    """Every long-lived part of a window session, built once and closed in reverse order."""

    def __init__(self, paths: AppPaths | None = None) -> None:
        self.paths = paths
        self.sandbox: SandboxThread | SandboxProcess | None = None
        self.process_failed = False  # the sandbox's process would not start: use a thread
        self.client: OmniClient | None = None  # made after the first paint (`start`)
        self.target: Target | None = None
        self.clients: dict[str | None, OmniClient] = {}

    async def open(self, args: argparse.Namespace) -> MainWindow:
        """Set up storage and logging, pick the target, build the client, presenter and window."""
        from omni_desktop.storage.autosave import Autosave
        from omni_desktop.storage.draft_zones import DraftZones
        from omni_desktop.storage.instance import InstanceLock
        from omni_desktop.storage.logging_setup import configure_logging
        from omni_desktop.storage.outbox_db import open_outbox_or_set_aside
        from omni_desktop.storage.paths import AppPaths
        from omni_desktop.storage.recent import RecentFiles
        from omni_desktop.storage.secrets import SecretStore
        from omni_desktop.storage.settings import SettingsFile

        from omni_desktop.services.accounts import AccountsService
        from omni_desktop.services.history import HistoryService

        from omni_desktop.ui.presenter import ComposerPresenter
        from omni_desktop.ui.session import Session
        from omni_desktop.ui.window import MainWindow

        self.args = args
        paths = (self.paths or AppPaths.default()).ensure()
        self.paths = paths
        # One window per user (AlreadyRunning otherwise), before anything is started or read.
        self.instance = InstanceLock(paths.data)
        self.instance.acquire()
        from omni_desktop.services.targets import TargetError

        loaded = SettingsFile(paths.settings_file).load()
        notices = list(loaded.notices)
        try:
            given = resolve_target(args)
        except TargetError as exc:
            given = None
            notices.append(f"{exc} The sandbox is used instead.")
        if given is None and loaded.settings.active() is None:
            # The sandbox's port is reserved now; its process starts after the first paint.
            self._reserve_sandbox()
        configure_logging(paths.log)
        self.settings_file = SettingsFile(paths.settings_file)
        self.secrets = SecretStore()
        # A damaged history is set aside and a new one started, with a notice.
        self.outbox, set_aside = open_outbox_or_set_aside(paths.history_file)
        if set_aside:
            notices.append(set_aside)
        recovered = self.outbox.recover_unanswered()
        for record in recovered:
            log.warning("Send %s (bulk %s): no answer, outcome unknown", record.id, record.bulk_id)

        target = given
        if target is None and loaded.settings.active() is not None:
            target, problem = self._profile_target(loaded.settings.active_profile, loaded.settings)
            if problem:
                notices.append(problem)
        if target is None:
            target = await self._sandbox_target(loaded.settings)
        self.target = target
        # The client (and httpx with it) is made in `start()`, after the window has painted.
        self.presenter = ComposerPresenter(None, target, outbox=self.outbox)
        self.accounts = AccountsService(self.settings_file, self.secrets)
        session = Session(
            paths=paths,
            accounts=self.accounts,
            history=HistoryService(self.outbox, self.client_for, self.open_client),
            autosave=Autosave(paths.autosave_folder),
            draft_zones=DraftZones(paths.data / "draft_zones.json"),
            switch_target=self.switch_target,
            set_sandbox_region=self.set_sandbox_region,
            settings=loaded.settings,
            notices=notices,
            recovered=recovered,
        )
        self.session = session
        self.window = MainWindow(
            self.presenter, recent=RecentFiles(paths.recent_file), session=session
        )
        return self.window

    def _reserve_sandbox(self) -> None:
        """The sandbox's own process, its port picked now; `start()` starts it."""
        from omni_desktop.sandbox.process import SandboxProcess

        assert self.paths is not None
        self.sandbox = SandboxProcess(
            time_scale=self.args.sandbox_time_scale, log_file=self.paths.log / "sandbox.log"
        ).reserve()

    async def _start_sandbox(self) -> bool:
        """Start the reserved sandbox process and wait until it listens; False when it cannot
        (the sandbox then runs inside the app)."""
        from omni_desktop.sandbox.process import SandboxProcess, SandboxStartError

        if not isinstance(self.sandbox, SandboxProcess):
            return True
        try:
            if not self.sandbox.started:
                self.sandbox.spawn()
            await asyncio.to_thread(self.sandbox.wait_ready)
        except SandboxStartError as exc:
            log.warning("%s Running it inside the app instead.", exc)
            self.sandbox = None
            self.process_failed = True
            return False
        return True

    async def _sandbox_target(self, settings: Settings | None = None) -> Target:
        """The built-in sandbox: its own process, or a thread here when that cannot start.
        `settings`: as read at start (None: read them now)."""

        if self.sandbox is None and self.args.sandbox_port == 0 and not self.process_failed:
            self._reserve_sandbox()
            await self._start_sandbox()
        if self.sandbox is None:
            from omni_desktop.sandbox import SandboxThread  # imports aiohttp: only as a fallback

            self.sandbox = SandboxThread(
                port=self.args.sandbox_port, time_scale=self.args.sandbox_time_scale
            )
            await asyncio.to_thread(self.sandbox.start)
        # A reserved process's URL is known already; `start()` starts it after the paint.
        return self.sandbox_target(settings)

    def sandbox_target(self, settings: Settings | None = None) -> Target:
        """The running sandbox, reading national numbers as the sandbox's default region."""
        from omni_desktop.services.targets import sandbox_target

        assert self.sandbox is not None
        region = (settings or self.settings_file.load().settings).sandbox_region
        try:
            return sandbox_target(self.sandbox.url, self.sandbox.api_key, region)
        except ValueError:  # a region this version does not know: numbers need their +code
            return sandbox_target(self.sandbox.url, self.sandbox.api_key)

    def _profile_target(
        self, name: str | None, settings: Settings | None = None
    ) -> tuple[Target | None, str | None]:
        """The target of a settings profile with its secret, or None and the plain reason.
        `settings`: as read at start (None: read them now, as the Accounts dialog may have
        changed them)."""
        from omni_desktop.services.targets import TargetError, profile_target

        settings = settings or self.settings_file.load().settings
        try:
            target = profile_target(settings, self.secrets, name or "")
        except TargetError as exc:
            return None, f"{exc} The sandbox is used until then."
        return target, None

    def _client(self, target: Target) -> OmniClient:
        """The account's client (one per profile, kept while its base URL stays the same)."""
        from omni_desktop.storage.logging_setup import redact_secret

        if not target.is_sandbox:
            redact_secret(*target.auth().secrets())
        client = self.clients.get(target.profile)
        if client is None or client.base_url != target.base_url.rstrip("/"):
            client = target.client()
            self.clients[target.profile] = client
        return client

    def client_for(self, profile: str | None) -> OmniClient | None:
        """The client for a send's account: the current one, or the sandbox while it runs."""
        if self.target is not None and profile == self.target.profile:
            return self.client
        return self.clients.get(profile)

    async def open_client(self, profile: str) -> OmniClient | None:
        """A client for account `profile`, built now (its key read in a worker thread), so a
        key entered after the start serves Check status at once; None when it cannot be."""
        target, _problem = await asyncio.to_thread(self._profile_target, profile)
        if target is None:
            return None
        try:
            return self._client(target)
        except ValueError:
            return None

    async def set_sandbox_region(self, region: str | None) -> str | None:
        """Keep the sandbox's default region; the sandbox in use reads numbers by it at once."""
        from omni_desktop.storage.errors import StorageError

        from omni_desktop.services.targets import TargetError

        try:
            await self.accounts.set_sandbox_region(region)
        except (TargetError, StorageError) as exc:
            return str(exc)
        if self.target is not None and self.target.is_sandbox and self.sandbox is not None:
            self.target = self.target.with_region(region)
            if self.client is None:  # still starting: `start()` connects it
                self.presenter.target = self.target
                self.presenter.target_changed.emit()
            else:
                self.presenter.set_target(self.target, self.client)
        return None

    async def switch_target(self, name: str | None) -> str | None:
        """Send through profile `name` (None: the sandbox) from now on; a sentence if not."""
        if name is None:
            target: Target | None = await self._sandbox_target()
        else:
            target, problem = self._profile_target(name)
            if target is None:
                return problem
        assert target is not None
        try:
            client = self._client(target)
        except ValueError as exc:
            return str(exc)
        self.target = target
        self.client = client
        self.presenter.set_target(target, client)
        return None

    async def start(self) -> None:
        """After the first paint: start the sandbox process, then load the scenarios.

        Should the sandbox process not come up, the sandbox runs inside the app instead.
        """
        started = await self._start_sandbox()
        if not started and self.target is not None and self.target.is_sandbox:
            await self.switch_target(None)  # loads the scenarios itself
            return
        assert self.target is not None
        try:
            self.client = self._client(self.target)
        except ValueError as exc:  # a broken certificate setting, say: the window says why
            self.presenter.scenarios_failed.emit(str(exc))
            self.presenter.notice.emit(str(exc))
            return
        await self.presenter.use_client(self.client)

    async def close(self) -> None:
        """Let a send in flight finish, close the HTTP clients inside the loop, stop the sandbox.

        The window's dialogs are waited for first: a Check status still running keeps its
        client until it ends.
        """
        await self.window.shutdown()
        await self.presenter.shutdown()
        for client in self.clients.values():
            await client.aclose()
        if self.sandbox is not None:
            await asyncio.to_thread(self.sandbox.stop)
        self.session.autosave.mark_clean_exit()
        self.outbox.close()
        self.instance.release()


async def _run_window(app: object, args: argparse.Namespace) -> int:
    """Build the services, show the window, wait for it to close, then close all in order."""
    from PySide6.QtWidgets import QApplication

    from omni_desktop.storage.instance import AlreadyRunning

    from omni_desktop.ui.errors import install_error_hooks
    from omni_desktop.ui.first_paint import first_paint

    assert isinstance(app, QApplication)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    services = Services()
    try:
        window = await services.open(args)
    except AlreadyRunning as exc:
        print(exc.sentence, file=sys.stderr)
        await _tell(exc.sentence)
        return 1
    install_error_hooks(asyncio.get_running_loop(), window)
    _close_on_signals(window)
    painted = first_paint(window)
    window.show()
    if args.open:
        window.open_draft_path(args.open)
    window.start_session()
    starting = asyncio.ensure_future(_after_first_paint(painted, services))
    try:
        await closed.wait()
    finally:
        await starting
        await services.close()
    return 0


async def _after_first_paint(painted: asyncio.Future[float], services: Services) -> None:
    """What the operator does not see yet waits for the window's first paint: the collector
    (off since start-up), the sandbox's process and the scenario list."""
    try:
        await asyncio.wait_for(asyncio.shield(painted), FIRST_PAINT_WAIT)
    except TimeoutError:
        log.info("No first paint within %s s; starting anyway", FIRST_PAINT_WAIT)
    # What start-up built lives as long as the session: keep it out of every later full
    # garbage collection, which otherwise walks it all during a big send (a visible stall).
    gc.freeze()
    gc.enable()
    await services.start()


async def _tell(sentence: str) -> None:
    """One message before any window exists (opened and awaited, never exec()'d here)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, "omni-desktop", sentence)
    box.setObjectName("already_running")
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def on_finished(_result: int) -> None:
        if not done.done():
            done.set_result(None)

    box.finished.connect(on_finished)
    box.open()
    await done


def _close_on_signals(window: QWidgetLike) -> None:
    """SIGINT and SIGTERM close the window as Ctrl+Q would (unsaved changes still ask)."""
    import signal

    from PySide6.QtCore import QTimer

    def handler(_signum: int, _frame: object) -> None:
        window.close()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
    # Python runs signal handlers only when it gets control; a light timer gives it that.
    timer = QTimer(window)  # type: ignore[arg-type]
    timer.start(250)
    timer.timeout.connect(lambda: None)
