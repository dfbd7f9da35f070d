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
from dataclasses import dataclass, field
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

    from omni_desktop.ui.main_window import MainWindow

log = logging.getLogger("omni_desktop")


class QWidgetLike(Protocol):
    def close(self) -> bool: ...


@dataclass(frozen=True)
class Target:
    """Where sends go: the built-in sandbox, or an account's base URL and API key."""

    name: str
    base_url: str
    api_key: str = field(repr=False)
    is_sandbox: bool
    profile: str | None = None  # the settings profile this target comes from, if any
    auth_scheme: str = "App"  # App, Basic, IBSSO or Bearer; `api_key` holds the secret
    username: str = ""  # Basic only
    default_region: str | None = None  # country of numbers typed without their country code


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
    """The account given on the command line or in the environment; None means the sandbox."""
    base_url = args.base_url or os.environ.get("INFOBIP_BASE_URL")
    if not base_url:
        return None
    from urllib.parse import urlsplit

    return Target(
        name=urlsplit(base_url).hostname or base_url,
        base_url=base_url,
        api_key=os.environ.get("INFOBIP_API_KEY", ""),
        is_sandbox=False,
    )


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window on a qasync loop and run until the last window closes."""
    # qasync picks its Qt binding from QT_API (or from the first it can import): say which.
    os.environ["QT_API"] = "pyside6"
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("omni-desktop")
    app.setOrganizationName("omni-desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("omni-desktop")  # matches resources/omni-desktop.desktop
    app.setWindowIcon(_app_icon())
    app.setQuitOnLastWindowClosed(False)
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
        self.target: Target | None = None
        self.clients: dict[str | None, OmniClient] = {}

    async def open(self, args: argparse.Namespace) -> MainWindow:
        """Set up storage and logging, pick the target, build the client, presenter and window."""
        from omni_desktop.storage.autosave import Autosave
        from omni_desktop.storage.instance import InstanceLock
        from omni_desktop.storage.logging_setup import configure_logging
        from omni_desktop.storage.outbox import Outbox
        from omni_desktop.storage.paths import AppPaths
        from omni_desktop.storage.recent import RecentFiles
        from omni_desktop.storage.secrets import SecretStore
        from omni_desktop.storage.settings import SettingsFile

        from omni_desktop.ui.main_window import MainWindow
        from omni_desktop.ui.presenter import ComposerPresenter
        from omni_desktop.ui.session import Session

        self.args = args
        paths = (self.paths or AppPaths.default()).ensure()
        self.paths = paths
        # One window per user (AlreadyRunning otherwise), before anything is started or read.
        self.instance = InstanceLock(paths.data)
        self.instance.acquire()
        loaded = SettingsFile(paths.settings_file).load()
        if resolve_target(args) is None and loaded.settings.active() is None:
            # The sandbox starts in its own process while the window is being built.
            self._spawn_sandbox()
        configure_logging(paths.log)
        notices = list(loaded.notices)
        self.settings_file = SettingsFile(paths.settings_file)
        self.secrets = SecretStore()
        self.outbox = Outbox(paths.history_file)
        recovered = self.outbox.recover_unanswered()
        for record in recovered:
            log.warning("Send %s (bulk %s): no answer, outcome unknown", record.id, record.bulk_id)

        target = resolve_target(args)
        if target is None and loaded.settings.active() is not None:
            target, problem = self._profile_target(loaded.settings.active_profile)
            if problem:
                notices.append(problem)
        if target is None:
            target = await self._sandbox_target()
        self.target = target
        self.client = self._client(target)
        self.presenter = ComposerPresenter(self.client, target, outbox=self.outbox)
        session = Session(
            paths=paths,
            settings_file=self.settings_file,
            secrets=self.secrets,
            outbox=self.outbox,
            autosave=Autosave(paths.autosave_folder),
            switch_target=self.switch_target,
            client_for=self.client_for,
            notices=notices,
            recovered=recovered,
        )
        self.session = session
        self.window = MainWindow(
            self.presenter, recent=RecentFiles(paths.recent_file), session=session
        )
        # What start-up built lives as long as the session: keep it out of every later full
        # garbage collection, which otherwise walks it all during a big send (a visible stall).
        gc.freeze()
        return self.window

    def _spawn_sandbox(self) -> None:
        from omni_desktop.sandbox.process import SandboxProcess, SandboxStartError

        assert self.paths is not None
        process = SandboxProcess(
            time_scale=self.args.sandbox_time_scale, log_file=self.paths.log / "sandbox.log"
        )
        try:
            self.sandbox = process.spawn()
        except SandboxStartError as exc:
            log.warning("%s Running it inside the app instead.", exc)

    async def _sandbox_target(self) -> Target:
        """The built-in sandbox: its own process, or a thread here when that cannot start."""
        from omni_desktop.sandbox.process import SandboxProcess

        if self.sandbox is None and self.args.sandbox_port == 0:
            self._spawn_sandbox()
        if isinstance(self.sandbox, SandboxProcess):
            # Its URL is known already; `start()` waits for it to listen.
            return Target("Sandbox", self.sandbox.url, self.sandbox.api_key, is_sandbox=True)
        if self.sandbox is None:
            from omni_desktop.sandbox import SandboxThread  # imports aiohttp: only as a fallback

            self.sandbox = SandboxThread(
                port=self.args.sandbox_port, time_scale=self.args.sandbox_time_scale
            )
            await asyncio.to_thread(self.sandbox.start)
        return Target("Sandbox", self.sandbox.url, self.sandbox.api_key, is_sandbox=True)

    def _profile_target(self, name: str | None) -> tuple[Target | None, str | None]:
        """The target of a settings profile with its secret, or None and the plain reason."""
        from omni_desktop.storage.secrets import NoKeyring

        profile = self.settings_file.load().settings.profile(name)
        if profile is None:
            return None, f"There is no account named {name!r} any more."
        try:
            secret = self.secrets.get(profile.name)
        except NoKeyring as exc:
            return None, (
                f"{exc.sentence} The key of {profile.name} cannot be read, so the sandbox is "
                "used; enter the key in Account > Accounts… to keep it for this session."
            )
        if not secret:
            return None, (
                f"No key is stored for {profile.name}, so the sandbox is used; "
                "enter it in Account > Accounts…."
            )
        target = Target(
            profile.name,
            profile.base_url,
            secret,
            is_sandbox=False,
            profile=profile.name,
            auth_scheme=profile.auth_scheme,
            username=profile.username or "",
            default_region=profile.default_region,
        )
        return target, None

    def _client(self, target: Target) -> OmniClient:
        from omni_desktop.api.auth import Auth, AuthScheme
        from omni_desktop.api.client import OmniClient
        from omni_desktop.storage.logging_setup import redact_secret

        auth = Auth(AuthScheme(target.auth_scheme), target.api_key, target.username)
        if not target.is_sandbox:
            redact_secret(*auth.secrets())
        client = self.clients.get(target.profile)
        if client is None or client.base_url != target.base_url.rstrip("/"):
            client = OmniClient(target.base_url, auth)
            self.clients[target.profile] = client
        return client

    def client_for(self, profile: str | None) -> OmniClient | None:
        """The client for a send's account: the current one, or the sandbox while it runs."""
        if self.target is not None and profile == self.target.profile:
            return self.client
        return self.clients.get(profile)

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
        """After the window is shown: wait for the sandbox process, then load the scenarios.

        Should the sandbox process not come up, the sandbox runs inside the app instead.
        """
        from omni_desktop.sandbox.process import SandboxProcess, SandboxStartError

        if isinstance(self.sandbox, SandboxProcess):
            try:
                await asyncio.to_thread(self.sandbox.wait_ready)
            except SandboxStartError as exc:
                log.warning("%s Running it inside the app instead.", exc)
                self.sandbox = None
                if self.target is not None and self.target.is_sandbox:
                    await self.switch_target(None)  # loads the scenarios itself
                    return
        await self.presenter.refresh_scenarios()

    async def close(self) -> None:
        """Let a send in flight finish, close the HTTP clients inside the loop, stop the sandbox."""
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
    window.show()
    if args.open:
        window.open_draft_path(args.open)
    window.start_session()
    starting = asyncio.ensure_future(services.start())
    try:
        await closed.wait()
    finally:
        await starting
        await services.close()
    return 0


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
