"""The window's commands: its QActions, the menu bar and the tool bar.

Each action is made once here and triggers a slot of the window or of one of its controllers
(drafts, accounts, sending); the window only enables and disables them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle

from omni_desktop.ui.i18n import tr

from omni_desktop import __version__
from omni_desktop.about import version_text

if TYPE_CHECKING:
    from omni_desktop.ui.campaign.fallbacks import FallbacksDialog
    from omni_desktop.ui.campaign.test_send import TestSendDialog
    from omni_desktop.ui.window.window import MainWindow


class WindowActions:
    """Every command of the window, its menus and its tool bar, built once on `window`."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._build(window)
        self._build_menus(window)
        self._build_toolbar(window)

    def _action(
        self, text: str, shortcut: Any, slot: Callable[..., Any], icon: Any = None, tip: str = ""
    ) -> QAction:
        act = QAction(text, self._window)
        if shortcut:
            act.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        if icon is not None:
            act.setIcon(self._window.style().standardIcon(icon))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.triggered.connect(slot)
        return act

    def _build(self, window: MainWindow) -> None:
        action, drafts, accounts = self._action, window.drafts, window.accounts
        sp = QStyle.StandardPixmap
        self.new = action(
            tr("&New"), QKeySequence.StandardKey.New, drafts.on_new, sp.SP_FileIcon,
            tr("Start a new draft"),
        )  # fmt: skip
        self.open = action(
            tr("&Open…"), QKeySequence.StandardKey.Open, drafts.on_open, sp.SP_DialogOpenButton,
            tr("Open a draft (*.omni.json)"),
        )  # fmt: skip
        self.save = action(
            tr("&Save"), QKeySequence.StandardKey.Save, drafts.on_save, sp.SP_DialogSaveButton,
            tr("Save the draft"),
        )  # fmt: skip
        self.save_as = action(
            tr("Save &As…"), QKeySequence.StandardKey.SaveAs, drafts.on_save_as, None,
            tr("Save the draft under another name"),
        )  # fmt: skip
        self.import_recipients = action(
            tr("&Import recipients…"), QKeySequence("Ctrl+I"),
            window.importer.open_file_dialog, None,
            tr("Add recipients from a spreadsheet (.csv, .xlsx, .ods…)"),
        )  # fmt: skip
        self.undo = window.recipients.undo_action  # the recipients' import, remove and clear
        self.redo = window.recipients.redo_action
        self.quit = action(
            tr("&Quit"), QKeySequence("Ctrl+Q"), window.close, None, tr("Close omni-desktop")
        )
        self.send = action(
            tr("&Send…"), [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            window.sending.on_send_requested, sp.SP_ArrowForward,
            tr("Check and send this message"),
        )  # fmt: skip
        self.refresh = action(
            tr("&Refresh scenarios"), QKeySequence.StandardKey.Refresh,
            lambda: window.presenter.refresh_scenarios(), sp.SP_BrowserReload,
            tr("Reload the scenarios"),
        )  # fmt: skip
        self.scenarios = action(
            tr("S&cenarios…"), None, lambda: _open_scenarios(window), None,
            tr("List, create and edit the account's scenarios"),
        )  # fmt: skip
        window.scenario_picker.manage.clicked.connect(self.scenarios.trigger)
        self.test_send = action(
            tr("Send a &test…"), QKeySequence("Ctrl+Shift+T"), self.open_test_send, None,
            tr("Send the message as one row reads to an address you type, marked as a test"),
        )  # fmt: skip
        self.fallbacks = action(
            tr("Placeholder &fallbacks…"), None, self.open_fallbacks, None,
            tr("The text a {{Field}} placeholder becomes in rows that leave it empty"),
        )  # fmt: skip
        self.last_test_address = ""  # offered again by the next test of this session
        self._test_dialog: TestSendDialog | None = None
        self.next_tab = action(
            tr("Next channel tab"), QKeySequence("Ctrl+Tab"), lambda: window.cycle_tab(1)
        )
        self.prev_tab = action(
            tr("Previous channel tab"), QKeySequence("Ctrl+Shift+Tab"), lambda: window.cycle_tab(-1)
        )
        self.about = action(tr("&About omni-desktop"), None, lambda: _show_about(window))
        self.history = action(
            tr("&History…"), QKeySequence("Ctrl+H"), window.open_history, None,
            tr("Every send with its outcome; check status, open or send again"),
        )  # fmt: skip
        self.accounts = action(
            tr("&Accounts…"), None, accounts.open_accounts, None,
            tr("Add or change Infobip accounts and their keys"),
        )  # fmt: skip
        self.sandbox_region = action(
            tr("Sandbox's default &country…"), None, accounts.open_sandbox_region, None,
            tr("How the sandbox reads phone numbers written without their country code"),
        )  # fmt: skip
        self.log_folder = action(
            tr("Open &log folder"), None, lambda: _open_log_folder(window), None,
            tr("Show the folder with omni-desktop's log files"),
        )  # fmt: skip
        for session_action in (self.history, self.accounts, self.sandbox_region, self.log_folder):
            session_action.setEnabled(window.session is not None)

    def _build_menus(self, window: MainWindow) -> None:
        menu = window.menuBar()
        file_menu = menu.addMenu(tr("&File"))
        file_menu.addActions([self.new, self.open])
        self.recent_menu: QMenu = file_menu.addMenu(tr("Open &Recent"))
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addAction(self.import_recipients)
        # Undo and Redo of the recipients (import, paste, remove, clear); also in the table's
        # context menu. Ctrl+Z works anywhere in the window where no text box takes it.
        file_menu.addActions([self.undo, self.redo])
        file_menu.addSeparator()
        file_menu.addAction(self.history)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        message_menu = menu.addMenu(tr("&Message"))
        message_menu.addActions([self.send, self.refresh, self.scenarios])
        message_menu.addActions([self.test_send, self.fallbacks])
        message_menu.addSeparator()
        message_menu.addActions([self.next_tab, self.prev_tab])
        self.account_menu: QMenu = menu.addMenu(tr("A&ccount"))
        self.account_group = QActionGroup(window)
        self.account_group.setExclusive(True)
        help_menu = menu.addMenu(tr("&Help"))
        help_menu.addAction(self.log_folder)
        help_menu.addSeparator()
        help_menu.addAction(self.about)

    def open_test_send(self) -> TestSendDialog:
        """Message > Send a test…: one dialog at a time, brought to the front when open."""
        from omni_desktop.ui.campaign.test_send import TestSendDialog  # loads with its first use

        dialog = self._test_dialog
        if dialog is not None and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = TestSendDialog(self._window.presenter, self.last_test_address, self._window)
        dialog.address_used.connect(self._on_test_address_used)
        dialog.finished.connect(lambda *_: self._forget_test_dialog(dialog))
        self._test_dialog = dialog
        self._window.keep_open(dialog)
        dialog.open()
        return dialog

    def _on_test_address_used(self, address: str) -> None:
        self.last_test_address = address

    def _forget_test_dialog(self, dialog: TestSendDialog) -> None:
        if self._test_dialog is dialog:
            self._test_dialog = None

    def open_fallbacks(self) -> FallbacksDialog:
        """Message > Placeholder fallbacks…; OK revalidates the draft with them."""
        from omni_desktop.ui.campaign.fallbacks import FallbacksDialog  # loads with its first use

        window = self._window
        dialog = FallbacksDialog(window.presenter, window)
        dialog.accepted.connect(
            lambda: window.device_preview.set_fallbacks(window.presenter.fallbacks)
        )
        window.keep_open(dialog)
        dialog.open()
        return dialog

    def _build_toolbar(self, window: MainWindow) -> None:
        toolbar = window.addToolBar(tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))  # a slim bar leaves the tables their rows
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new, self.open, self.save])
        toolbar.addSeparator()
        toolbar.addAction(self.refresh)
        toolbar.addSeparator()
        toolbar.addAction(self.send)


def _open_scenarios(window: MainWindow) -> None:
    from omni_desktop.ui.scenarios import open_scenario_manager  # loads with its first use

    open_scenario_manager(window)


def _open_log_folder(window: MainWindow) -> None:
    if window.session is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(window.session.paths.log)))


def _show_about(window: MainWindow) -> None:
    box = QMessageBox(window)
    box.setWindowTitle(tr("About omni-desktop"))
    box.setText(f"<b>omni-desktop {__version__}</b>")  # our own text: the one rich label
    box.setInformativeText(
        tr("Compose and send Infobip OMNI failover messages.") + "\n\n" + version_text()
    )
    window.keep_open(box)
    box.open()
