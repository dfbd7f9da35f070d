"""The main window: recipients, scenario, channel tabs, schedule, preview, problems and status.

It lays the widgets out and wires them to the `ComposerPresenter`, holding no state of the
draft itself; its controllers do the rest: `DraftController` (the draft's file and autosave),
`AccountController` (the Account menu), `SendController` (the presenter's state shown, Send)
and `WindowActions` (menus and tool bar).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.channels import CHANNELS
from omni_desktop.core.message import OmniMessage

from omni_desktop.storage.recent import RecentFiles

from omni_desktop.ui.advanced_editor import AdvancedEditor
from omni_desktop.ui.campaign.bar import CampaignBar
from omni_desktop.ui.campaign.controller import CampaignController
from omni_desktop.ui.channel_composer import ChannelComposer
from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.importing import ImportController
from omni_desktop.ui.plain import plain_label, plain_message_box
from omni_desktop.ui.presenter import ComposerPresenter
from omni_desktop.ui.preview import PreviewPanel
from omni_desktop.ui.problems_view import ProblemsView
from omni_desktop.ui.qt_common import TaskKeeper
from omni_desktop.ui.recipients import RecipientsEditor
from omni_desktop.ui.region_dialog import RegionDialog
from omni_desktop.ui.request_preview import RequestPreview
from omni_desktop.ui.scenario_picker import ScenarioPicker
from omni_desktop.ui.schedule_editor import ScheduleEditor
from omni_desktop.ui.session import Session
from omni_desktop.ui.status import StatusPanel
from omni_desktop.ui.timeline import TimelineView
from omni_desktop.ui.window.accounts import AccountController
from omni_desktop.ui.window.actions import WindowActions
from omni_desktop.ui.window.banner import TargetBanner
from omni_desktop.ui.window.drafts import DraftController
from omni_desktop.ui.window.sending import SendController

if TYPE_CHECKING:
    from omni_desktop.ui.accounts import AccountsDialog
    from omni_desktop.ui.history import HistoryDialog


class MainWindow(QMainWindow):
    """The composer: everything one OMNI advanced request needs, and its status afterwards."""

    def __init__(
        self,
        presenter: ComposerPresenter,
        recent: RecentFiles | None = None,
        session: Session | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.presenter = presenter
        # Owned by the window from now on, so it is destroyed with it, on the GUI thread; a
        # Python-owned QObject could be collected by the garbage collector on any thread.
        if presenter.parent() is None:
            presenter.setParent(self)
        self.recent = recent
        self.session = session
        # Switching accounts and closing a dialog (which waits for its work) are let finish.
        self.tasks = TaskKeeper(awaited=("switch account", "close dialog", "autosave"))
        self.history: HistoryDialog | None = None
        self._loading = False
        self._dialogs: list[QWidget] = []  # open non-modal dialogs, kept alive
        self._closing_confirmed = False
        self._splitters_placed = False
        self.setObjectName("main_window")
        self.resize(QSize(1280, 860))

        target = presenter.target
        self.banner = TargetBanner(target.name, target.base_url, target.is_sandbox, self)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self._build_left())
        top.addWidget(self._build_right())
        top.setObjectName("top_splitter")
        top.setStretchFactor(0, 9)
        top.setStretchFactor(1, 11)
        top.setSizes([9000, 11000])
        top.setChildrenCollapsible(False)

        # bottom: status, problems, request
        self.status_panel = StatusPanel(self)
        self.problems = ProblemsView(self)
        self.preview = RequestPreview(target.base_url, self, target.auth_scheme)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottom_tabs")
        self.bottom_tabs.setAccessibleName(tr("Status, problems and request"))
        self.bottom_tabs.addTab(self.status_panel, tr("Status"))
        self.bottom_tabs.addTab(self.problems, tr("Problems"))
        self.bottom_tabs.addTab(self.preview, tr("Request"))

        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.setObjectName("outer_splitter")
        outer.addWidget(top)
        outer.addWidget(self.bottom_tabs)
        # 3:2 from the start and on every resize: at 1024x700 the recipients and the status
        # table each show six rows or more (the composers scroll rather than claim height).
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        outer.setSizes([3000, 2000])
        outer.setChildrenCollapsible(False)
        self.top_splitter, self.outer_splitter = top, outer

        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        body = QWidget(central)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(6, 6, 6, 6)
        body_layout.addWidget(outer)
        central_layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self._build_status_bar()

        self.recipients.model.default_region = presenter.target.default_region
        self.drafts = DraftController(self)
        self.accounts = AccountController(self)
        self.sending = SendController(self)
        self.importer = ImportController(self)  # File > Import recipients…, dropped files
        self.commands = WindowActions(self)
        self.campaigns = CampaignController(self, self.campaign_bar)
        self.recent_menu = self.commands.recent_menu
        self.accounts.fill_menu()
        self.drafts.fill_recent_menu()
        self._connect()
        self.device_preview.attach(self)
        self._set_tab_order()
        self.new_draft()
        self.drafts.update_title()

    # --- building ------------------------------------------------------------------------------

    def _build_left(self) -> QWidget:
        """Recipients, schedule, and the folded delivery-report options."""
        self.recipients = RecipientsEditor(self)
        self.schedule = ScheduleEditor(self)
        self.advanced = AdvancedEditor(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(4)
        left_layout.addWidget(_group(tr("Recipients"), self.recipients), 1)
        left_layout.addWidget(_group(tr("Schedule"), self.schedule))
        return left

    def _build_advanced(self) -> QWidget:
        """The folded delivery-report options, above the send bar."""
        # Delivery-report options are rarely changed: folded under a disclosure button, so the
        # status table keeps its room; opened by itself when a draft sets any of them.
        self.advanced_toggle = QToolButton(self)
        self.advanced_toggle.setObjectName("advanced_toggle")
        self.advanced_toggle.setText(tr("Delivery reports and callback data"))
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.setAccessibleName(tr("Show delivery report options"))
        self.advanced_toggle.toggled.connect(self._on_advanced_toggle_toggled)
        self.advanced.setVisible(False)
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        box_layout.addWidget(self.advanced)
        return box

    def _build_right(self) -> QWidget:
        """The scenario (it orders the channel tabs), the channel tabs and the send bar."""
        self.scenario_picker = ScenarioPicker(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("channel_tabs")
        self.tabs.setAccessibleName(tr("Channels"))
        # Every tab stays in sight however narrow the pane: titles are elided, never scrolled.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.composers: dict[str, ChannelComposer] = {}
        for spec in CHANNELS:
            composer = ChannelComposer(spec, self)
            self.composers[spec.key] = composer
            self.tabs.addTab(_scrolled(composer), spec.label)
            composer.content_changed.connect(self._on_composer_changed)
        self.send_reason = plain_label("", self)  # refusals quote the draft's and server's text
        self.send_reason.setObjectName("send_reason")
        self.send_reason.setWordWrap(True)
        # Two lines' room always, so a sentence appearing or going never moves Send or the
        # tables (a click meant for one control must not land on another).
        lines = self.send_reason.fontMetrics().lineSpacing() * 2 + 4
        self.send_reason.setFixedHeight(max(lines, 34))
        self.send_reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.send_reason.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.send_button = QPushButton(tr("Send…"), self)
        self.send_button.setObjectName("send_button")
        self.send_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.send_button.setToolTip(tr("Check and send this message (Ctrl+Enter)"))
        self.send_button.setAccessibleName(tr("Send"))
        self.send_button.setMinimumHeight(34)
        send_row = QHBoxLayout()
        send_row.addWidget(self.send_reason, 1)
        send_row.addWidget(self.send_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)
        scenario_box = _group(tr("Scenario"), self.scenario_picker)
        self.timeline = TimelineView(scenario_box)  # filled by `sending`
        box_layout = scenario_box.layout()
        assert box_layout is not None  # _group gave it one
        box_layout.addWidget(self.timeline)
        right_layout.addWidget(scenario_box)
        self.device_preview = PreviewPanel(self)  # beside the tabs, hidden until F8
        tabs_row = QHBoxLayout()
        tabs_row.setSpacing(0)
        tabs_row.addWidget(self.tabs, 1)
        tabs_row.addWidget(self.device_preview)
        right_layout.addLayout(tabs_row, 1)
        right_layout.addWidget(self._build_advanced())
        right_layout.addLayout(send_row)
        self.campaign_bar = CampaignBar(self)  # a campaign's progress, Pause, Resume, Cancel
        right_layout.addWidget(self.campaign_bar)
        return right

    def _build_status_bar(self) -> None:
        target = self.presenter.target
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(tr("Sending"))
        self.statusBar().addPermanentWidget(self.busy)
        self.target_status = plain_label(
            tr("Sandbox") if target.is_sandbox else f"{target.name} · {target.base_url}", self
        )
        self.statusBar().addPermanentWidget(self.target_status)
        self.autosave_status = plain_label("", self)
        self.autosave_status.setObjectName("autosave_status")
        self.statusBar().addWidget(self.autosave_status)

    def _connect(self) -> None:
        p = self.presenter
        self.recipients.recipients_changed.connect(self._on_recipients_changed)
        self.scenario_picker.scenario_key_chosen.connect(p.set_scenario_key)
        self.scenario_picker.refresh_requested.connect(lambda: p.refresh_scenarios())
        self.schedule.send_at_changed.connect(self._on_schedule_changed)
        self.advanced.changed.connect(self._on_advanced_changed)
        self.send_button.clicked.connect(self.sending.on_send_requested)
        self.problems.problem_activated.connect(self.focus_path)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.recipients,
            self.scenario_picker.combo,
            self.tabs,
            self.send_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- the draft (the file side is `drafts`) ---------------------------------------------------

    @property
    def draft_path(self) -> Path | None:
        return self.drafts.path

    def new_draft(self) -> None:
        self.drafts.new_draft()

    def open_draft_path(self, path: str | Path) -> bool:
        return self.drafts.open_path(path)

    def save_draft_to(self, path: Path) -> bool:
        """Save; on failure say so plainly and keep everything in the window."""
        return self.drafts.save_to(path)

    def autosave_now(self) -> bool:
        return self.drafts.autosave_now()

    def offer_restore(self) -> QMessageBox | None:
        return self.drafts.offer_restore()

    def load_message(self, message: OmniMessage) -> None:
        """Show `message` in every widget, then hand it to the presenter."""
        self._loading = True
        try:
            self.recipients.model.set_destinations(message.destinations)
            for key, composer in self.composers.items():
                composer.set_content(message.channels.get(key))
            self.scenario_picker.select_key(message.scenario_key)
            self.schedule.set_send_at(message.send_at)
            self.advanced.load(message)
            if message.callback_data or message.notify_url or message.notify is not None:
                self.advanced_toggle.setChecked(True)
        finally:
            self._loading = False
        self.presenter.load(message)
        self.drafts.update_title()

    def showing_loaded(self, change: Callable[[], object]) -> None:
        """Change widgets to show the loaded draft differently, without editing the draft."""
        self._loading = True
        try:
            change()
        finally:
            self._loading = False

    # --- edits -> presenter ---------------------------------------------------------------------

    def _on_recipients_changed(self) -> None:
        if self._loading:
            return
        self.presenter.message.destinations = self.recipients.model.destinations()
        self.sending.touch("destinations")
        self.presenter.edited()

    def _on_composer_changed(self) -> None:
        if self._loading:
            return
        composer = self.sender()
        if isinstance(composer, ChannelComposer):
            self.presenter.message.channels[composer.spec.key] = composer.content()
            self.sending.touch(composer.spec.key, "")  # "": the draft has no content at all
            self.presenter.edited()

    def _on_schedule_changed(self, moment: object) -> None:
        if self._loading:
            return
        self.presenter.message.send_at = moment if moment is not None else None  # type: ignore[assignment]
        self.sending.touch("sendAt")
        self.presenter.edited()

    def _on_advanced_changed(self) -> None:
        if self._loading:
            return
        self.advanced.apply_to(self.presenter.message)
        self.sending.touch("callbackData", "notifyUrl", "notify")
        self.presenter.edited()

    # --- navigation -----------------------------------------------------------------------------

    def focus_path(self, path: str) -> None:
        """Bring the field at JSON path `path` into view and give it the keyboard focus."""
        for index in range(self.tabs.count()):
            composer = self.composer_at(index)
            if composer is not None and composer.focus_path(path):
                self.tabs.setCurrentIndex(index)
                composer.focus_path(path)
                return
        if path.startswith("destinations"):
            self.recipients.focus_row(_row_of(path))
        elif path == "sendAt":
            self.schedule.when.setFocus()
        elif path in ("callbackData", "notifyUrl"):
            self.advanced_toggle.setChecked(True)
            getattr(
                self.advanced, "callback_data" if path == "callbackData" else "notify_url"
            ).setFocus()

    def composer_at(self, index: int) -> ChannelComposer | None:
        """The composer on channel tab `index` (each sits in a scroll area of its own)."""
        page = self.tabs.widget(index)
        inner = page.widget() if isinstance(page, QScrollArea) else page
        return inner if isinstance(inner, ChannelComposer) else None

    def _on_advanced_toggle_toggled(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def cycle_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    # --- accounts and history -------------------------------------------------------------------

    def switch_account(self, name: str | None) -> asyncio.Task[Any] | None:
        """Send through profile `name` (None: the sandbox) from now on; explicit, never silent."""
        return self.accounts.switch_account(name)

    def open_sandbox_region(self) -> RegionDialog:
        return self.accounts.open_sandbox_region()

    def open_accounts(self, profile: str | None = None) -> AccountsDialog | None:
        """Open the Accounts dialog (on `profile`, to enter its key, when given)."""
        return self.accounts.open_accounts(profile)

    def open_history(self) -> HistoryDialog | None:
        if self.session is None:
            return None
        if self.history is None:
            from omni_desktop.ui.history import HistoryDialog

            self.history = HistoryDialog(self.session.history, self)
            self.history.draft_requested.connect(self._on_history_draft_requested)
            self.history.resend_requested.connect(self._on_history_resend_requested)
            self.history.key_wanted.connect(self.open_accounts)
        self.history.refresh()
        self.history.show()
        self.history.raise_()
        return self.history

    def _on_history_draft_requested(self, message: OmniMessage) -> None:
        def load() -> None:
            self.drafts.load_unsaved(message)
            self.statusBar().showMessage(
                tr("Opened a copy of the earlier send as a new draft."), 8000
            )

        self.drafts.after_unsaved_check(load)

    def _on_history_resend_requested(self, message: OmniMessage) -> None:
        def load() -> None:
            self.drafts.load_unsaved(message)
            self.send_reason.setText(
                tr(
                    "Loaded for sending again: new message IDs are made when you send; "
                    "the earlier send keeps its own."
                )
            )
            self.activateWindow()

        self.drafts.after_unsaved_check(load)

    # --- start-up, dialogs and closing ----------------------------------------------------------

    def start_session(self) -> None:
        """After the window is shown: say what start-up found, and offer a crash restore."""
        if self.session is None:
            return
        # A campaign's requests are settled by the campaign's own offer (`offer_resume`).
        recovered = [r for r in self.session.recovered if r.campaign_id is None]
        if recovered:
            n = len(recovered)
            self.status_panel.show_error(
                trn(
                    "%n send(s) from an earlier session never got an answer, so their outcome "
                    "is unknown. They were not sent again: open File > History and use "
                    "Check status before sending anything twice.",
                    None,
                    n,
                )
            )
            self.bottom_tabs.setCurrentWidget(self.status_panel)
        if self.session.notices:
            box = self.warn(tr("At start-up"), "\n\n".join(self.session.notices))
            box.setObjectName("notices_box")
            box.setIcon(QMessageBox.Icon.Information)
        self.drafts.offer_restore()
        self.campaigns.offer_resume()

    def warn(self, title: str, sentence: str) -> QMessageBox:
        """Open a warning box with one plain sentence (non-blocking)."""
        box = plain_message_box(self, QMessageBox.Icon.Warning, title, sentence)
        box.setObjectName("warning_box")
        self.keep_open(box)
        box.open()
        return box

    def keep_open(self, widget: QWidget) -> None:
        """Keep a non-modal dialog alive until it finishes (then its work ends, then it goes)."""
        self._dialogs.append(widget)
        finished = getattr(widget, "finished", None)
        if finished is not None:
            finished.connect(lambda *_: QTimer.singleShot(0, lambda: self._forget(widget)))

    def _forget(self, widget: QWidget) -> None:
        if widget in self._dialogs:
            self._dialogs.remove(widget)
            if hasattr(widget, "shutdown"):  # its tasks end before it is deleted
                self.tasks.start(self._retire(widget), "close dialog")
            else:
                widget.deleteLater()

    async def _retire(self, widget: Any) -> None:
        try:
            await widget.shutdown()
        finally:
            widget.deleteLater()

    async def shutdown(self) -> None:
        """Wait for the dialogs' work (a Check status, a save) and the window's own, so no
        task outlives the clients, which are closed after this."""
        for dialog in [*self._dialogs, self.history]:
            if dialog is not None and hasattr(dialog, "shutdown"):
                await dialog.shutdown()
        await self.preview.shutdown()  # a "Show all" still being built
        await self.device_preview.shutdown()  # an image still loading
        await self.tasks.close()

    def showEvent(self, event: QShowEvent) -> None:
        """On the first show, split the height so the status table shows six rows or more
        and the rest goes to the composer (2:3 of it to the table on a tall window)."""
        super().showEvent(event)
        if not self._splitters_placed:
            self._splitters_placed = True
            self.place_splitters()

    def place_splitters(self) -> None:
        """Give the status table room for 6.5 rows (more on a tall window), the rest above."""
        outer = self.outer_splitter
        total = sum(outer.sizes())
        panel = self.status_panel
        if total <= 0 or panel.stack.height() <= 0:
            return
        row = panel.table.verticalHeader().defaultSectionSize()
        header = panel.table.horizontalHeader().sizeHint().height()
        chrome = self.bottom_tabs.height() - panel.stack.height()
        scroll_bar = panel.table.horizontalScrollBar().sizeHint().height()
        needed = chrome + header + int(row * 6.5) + 2 * panel.table.frameWidth() + scroll_bar
        room = total - self.top_splitter.minimumSizeHint().height()
        bottom = min(max(needed, round(total * 0.38)), room)
        outer.setSizes([total - bottom, bottom])

    def changeEvent(self, event: QEvent) -> None:
        """Follow the OS light/dark scheme: our own colours are re-picked from the new palette."""
        if event.type() == QEvent.Type.PaletteChange:
            self.sending.on_scenario_changed(self.presenter.scenario)
            for composer in self.composers.values():
                composer.refresh_counters()
            if self.presenter.result is not None:
                self.sending.on_validation_changed(self.presenter.result)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_confirmed or not self.presenter.dirty:
            event.accept()
            return
        event.ignore()

        def really_close() -> None:
            self._closing_confirmed = True
            self.close()

        self.drafts.after_unsaved_check(really_close)


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 6)  # tight: at 1024x700 every pixel is a table row
    layout.addWidget(widget)
    return box


def _scrolled(composer: ChannelComposer) -> QScrollArea:
    """A composer in a frameless scroll area: a tall one scrolls instead of taking the
    status table's height."""
    area = QScrollArea()
    area.setObjectName(f"{composer.spec.key}_scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(composer)
    return area


def _row_of(path: str) -> int:
    """The row index in `destinations[12].to.phoneNumber`, or 0."""
    try:
        return int(path.split("[", 1)[1].split("]", 1)[0])
    except (IndexError, ValueError):
        return 0
