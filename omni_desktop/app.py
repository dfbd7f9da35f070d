"""The composition root: parses arguments, builds every service once, runs the qasync loop.

Only this module knows every layer. Headless commands (`send`, `sandbox`) are handed to
`cli`; with no command the window opens, on the built-in sandbox when no account is set.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from omni_desktop import __version__
from omni_desktop.about import version_text

if TYPE_CHECKING:
    from omni_desktop.ui.main_window import MainWindow

log = logging.getLogger("omni_desktop")


class QWidgetLike(Protocol):
    def close(self) -> bool: ...


@dataclass(frozen=True)
class Target:
    """Where sends go: the built-in sandbox, or an account's base URL and API key."""

    name: str
    base_url: str
    api_key: str
    is_sandbox: bool


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
    from omni_desktop import cli

    cli.add_commands(sub)
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
    # PySide6 must be imported before qasync, which picks its Qt binding from what is loaded.
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("omni-desktop")
    app.setOrganizationName("omni-desktop")
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)
    if sys.version_info >= (3, 12):
        return asyncio.run(_run_window(app, args), loop_factory=qasync.QEventLoop)
    return int(qasync.run(_run_window(app, args)))


class Services:
    """Every long-lived part of a window session, built once and closed in reverse order."""

    def __init__(self) -> None:
        from omni_desktop.sandbox import SandboxThread

        self.sandbox: SandboxThread | None = None
        self.target: Target | None = None

    async def open(self, args: argparse.Namespace) -> MainWindow:
        """Start the sandbox (unless an account is given) and build the client and window."""
        import httpx
        import platformdirs

        from omni_desktop.api.auth import Auth
        from omni_desktop.api.client import OmniClient
        from omni_desktop.sandbox import SandboxThread
        from omni_desktop.storage.recent import RecentFiles

        from omni_desktop.ui.main_window import MainWindow
        from omni_desktop.ui.presenter import ComposerPresenter

        target = resolve_target(args)
        if target is None:
            self.sandbox = SandboxThread(port=args.sandbox_port, time_scale=args.sandbox_time_scale)
            await asyncio.to_thread(self.sandbox.start)
            target = Target("Sandbox", self.sandbox.url, self.sandbox.api_key, is_sandbox=True)
        self.target = target
        self.client = OmniClient(
            target.base_url, Auth.app(target.api_key), http=httpx.AsyncClient()
        )
        self.presenter = ComposerPresenter(self.client, target)
        config_dir = platformdirs.user_config_path("omni-desktop", appauthor=False)
        self.window = MainWindow(self.presenter, recent=RecentFiles(config_dir / "recent.json"))
        return self.window

    async def close(self) -> None:
        """Let a send in flight finish, close the HTTP client inside the loop, stop the sandbox."""
        await self.presenter.shutdown()
        await self.client.aclose()
        if self.sandbox is not None:
            await asyncio.to_thread(self.sandbox.stop)


async def _run_window(app: object, args: argparse.Namespace) -> int:
    """Build the services, show the window, wait for it to close, then close all in order."""
    from PySide6.QtWidgets import QApplication

    from omni_desktop.ui.errors import install_error_hooks

    assert isinstance(app, QApplication)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    services = Services()
    window = await services.open(args)
    install_error_hooks(asyncio.get_running_loop(), window)
    _close_on_signals(window)
    window.show()
    if args.open:
        window.open_draft_path(args.open)
    services.presenter.refresh_scenarios()
    try:
        await closed.wait()
    finally:
        await services.close()
    return 0


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
