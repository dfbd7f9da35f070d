"""The main window: recipients, scenario, channel tabs, schedule, preview, problems and status.

It wires widgets to the `ComposerPresenter`; it holds no state of the draft itself.
"""

from __future__ import annotations

import asyncio
import itertools
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.channels import CHANNELS
from omni_desktop.core.message import OmniMessage
from omni_desktop.core.scenario import Scenario
from omni_desktop.core.validation import ValidationResult

from omni_desktop.storage.drafts import DRAFT_SUFFIX, DraftError, load_draft, save_draft
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.recent import RecentFiles

from omni_desktop.ui.advanced_editor import AdvancedEditor
from omni_desktop.ui.channel_composer import ChannelComposer
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label, plain_message_box, plain_tooltip
from omni_desktop.ui.presenter import ComposerPresenter
from omni_desktop.ui.problems_view import ProblemsView
from omni_desktop.ui.qt_common import TaskKeeper
from omni_desktop.ui.recipients_editor import RecipientsEditor
from omni_desktop.ui.region_dialog import RegionDialog, region_name
from omni_desktop.ui.request_preview import RequestPreview
from omni_desktop.ui.scenario_picker import ScenarioPicker
from omni_desktop.ui.schedule_editor import ScheduleEditor
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.session import Session
from omni_desktop.ui.status_table import StatusPanel
from omni_desktop.ui.theme import error_css

from omni_desktop import __version__
from omni_desktop.about import version_text

if TYPE_CHECKING:
    from omni_desktop.storage.settings import Settings

    from omni_desktop.ui.accounts import AccountsDialog
    from omni_desktop.ui.history import HistoryDialog

AUTOSAVE_DELAY_MS = 3000
PREVIEW_DESTINATIONS = 50  # the preview shows this many; Copy gives all
FILE_FILTER = "OMNI drafts (*.omni.json);;JSON files (*.json);;All files (*)"


class TargetBanner(QLabel):
    """Always shows where sends go; the sandbox is unmistakable."""

    def __init__(self, name: str, base_url: str, is_sandbox: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("target_banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(tr("Active target"))
        self.set_target(name, base_url, is_sandbox)

    def set_target(self, name: str, base_url: str, is_sandbox: bool) -> None:
        if is_sandbox:
            self.setText(
                "<b>"
                + tr("SANDBOX")
                + "</b> — "
                + tr(
                    "sends go to the built-in test server at {url}. Nothing reaches a real "
                    "phone or inbox; delivery is simulated."
                ).format(url=escape(base_url))
            )
            self.setStyleSheet(
                "QLabel#target_banner { background: #ffb300; color: #1a1a1a; padding: 6px 10px;"
                " border-bottom: 2px solid #c68400; }"
            )
        else:
            # Rich text for the bold; the profile's name and URL are escaped, shown as typed.
            account = tr("Account: {name}").format(name=name)
            self.setText(f"<b>{escape(account)}</b> — {escape(base_url)}")
            self.setStyleSheet(
                "QLabel#target_banner { background: #1565c0; color: white; padding: 6px 10px; }"
            )


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
        self.tasks = TaskKeeper(awaited=("switch account", "close dialog"))
        self.history: HistoryDialog | None = None
        self._profile_names = [p.name for p in session.settings.profiles] if session else []
        self.draft_path: Path | None = None
        self._loading = False
        self._dialogs: list[QWidget] = []  # open non-modal dialogs, kept alive
        self._closing_confirmed = False
        self.setObjectName("main_window")
        self.resize(QSize(1280, 860))

        target = presenter.target
        self.banner = TargetBanner(target.name, target.base_url, target.is_sandbox, self)

        # left column: recipients, scenario, schedule, advanced
        self.recipients = RecipientsEditor(self)
        self.scenario_picker = ScenarioPicker(self)
        self.schedule = ScheduleEditor(self)
        self.advanced = AdvancedEditor(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_group(tr("Recipients"), self.recipients), 3)
        left_layout.addWidget(_group(tr("Scenario"), self.scenario_picker))
        left_layout.addWidget(_group(tr("Schedule"), self.schedule))
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
        left_layout.addWidget(self.advanced_toggle)
        left_layout.addWidget(self.advanced)

        # right column: channel tabs and the send bar
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("channel_tabs")
        self.tabs.setAccessibleName(tr("Channels"))
        self.composers: dict[str, ChannelComposer] = {}
        for spec in CHANNELS:
            composer = ChannelComposer(spec, self)
            self.composers[spec.key] = composer
            self.tabs.addTab(composer, spec.label)
            composer.content_changed.connect(self._on_composer_changed)
        self.send_reason = plain_label("", self)  # refusals quote the draft's and server's text
        self.send_reason.setObjectName("send_reason")
        self.send_reason.setWordWrap(True)
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
        right_layout.addWidget(self.tabs, 1)
        right_layout.addLayout(send_row)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(left)
        top.addWidget(right)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        top.setChildrenCollapsible(False)

        # bottom: status, problems, request
        self.status_panel = StatusPanel(self)
        self.problems = ProblemsView(self)
        self.preview = RequestPreview(target.base_url, self, target.auth_scheme)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottom_tabs")
        self.bottom_tabs.addTab(self.status_panel, tr("Status"))
        self.bottom_tabs.addTab(self.problems, tr("Problems"))
        self.bottom_tabs.addTab(self.preview, tr("Request"))

        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(top)
        outer.addWidget(self.bottom_tabs)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        outer.setChildrenCollapsible(False)

        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        body = QWidget(central)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(8, 8, 8, 8)
        body_layout.addWidget(outer)
        central_layout.addWidget(body, 1)
        self.setCentralWidget(central)

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
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        if session is not None:
            seconds = session.settings.autosave_seconds
            self._autosave_timer.setInterval(int(seconds * 1000))
        self._autosave_timer.timeout.connect(self.autosave_now)

        self.recipients.model.default_region = presenter.target.default_region
        self._build_actions()
        self._connect()
        self._set_tab_order()
        self.new_draft()
        self._update_title()

    # --- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        style = self.style()

        def action(text: str, shortcut: Any, slot: Any, icon: Any = None, tip: str = "") -> QAction:
            act = QAction(text, self)
            if shortcut:
                act.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            if icon is not None:
                act.setIcon(style.standardIcon(icon))
            if tip:
                act.setStatusTip(tip)
                act.setToolTip(tip)
            act.triggered.connect(slot)
            return act

        sp = QStyle.StandardPixmap
        self.new_action = action(
            tr("&New"), QKeySequence.StandardKey.New, self._on_new, sp.SP_FileIcon,
            tr("Start a new draft"),
        )  # fmt: skip
        self.open_action = action(
            tr("&Open…"), QKeySequence.StandardKey.Open, self._on_open, sp.SP_DialogOpenButton,
            tr("Open a draft (*.omni.json)"),
        )  # fmt: skip
        self.save_action = action(
            tr("&Save"), QKeySequence.StandardKey.Save, self._on_save, sp.SP_DialogSaveButton,
            tr("Save the draft"),
        )  # fmt: skip
        self.save_as_action = action(
            tr("Save &As…"), QKeySequence.StandardKey.SaveAs, self._on_save_as, None,
            tr("Save the draft under another name"),
        )  # fmt: skip
        self.quit_action = action(
            tr("&Quit"), QKeySequence("Ctrl+Q"), self.close, None, tr("Close omni-desktop")
        )
        self.send_action = action(
            tr("&Send…"), [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            self._on_send_requested, sp.SP_ArrowForward, tr("Check and send this message"),
        )  # fmt: skip
        self.refresh_action = action(
            tr("&Refresh scenarios"), QKeySequence.StandardKey.Refresh,
            self._on_refresh_scenarios, sp.SP_BrowserReload, tr("Reload the scenarios"),
        )  # fmt: skip
        self.next_tab_action = action(
            tr("Next channel tab"), QKeySequence("Ctrl+Tab"), lambda: self._cycle_tab(1)
        )
        self.prev_tab_action = action(
            tr("Previous channel tab"), QKeySequence("Ctrl+Shift+Tab"), lambda: self._cycle_tab(-1)
        )
        self.about_action = action(tr("&About omni-desktop"), None, self._on_about)
        self.history_action = action(
            tr("&History…"), QKeySequence("Ctrl+H"), self.open_history, None,
            tr("Every send with its outcome; check status, open or send again"),
        )  # fmt: skip
        self.accounts_action = action(
            tr("&Accounts…"), None, self.open_accounts, None,
            tr("Add or change Infobip accounts and their keys"),
        )  # fmt: skip
        self.sandbox_region_action = action(
            tr("Sandbox's default &country…"), None, self.open_sandbox_region, None,
            tr("How the sandbox reads phone numbers written without their country code"),
        )  # fmt: skip
        self.log_folder_action = action(
            tr("Open &log folder"), None, self._on_open_log_folder, None,
            tr("Show the folder with omni-desktop's log files"),
        )  # fmt: skip
        for session_action in (
            self.history_action, self.accounts_action, self.sandbox_region_action,
            self.log_folder_action,
        ):  # fmt: skip
            session_action.setEnabled(self.session is not None)

        menu = self.menuBar()
        file_menu = menu.addMenu(tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(self.history_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        message_menu = menu.addMenu(tr("&Message"))
        message_menu.addActions([self.send_action, self.refresh_action])
        message_menu.addSeparator()
        message_menu.addActions([self.next_tab_action, self.prev_tab_action])
        self.account_menu = menu.addMenu(tr("A&ccount"))
        self.account_group = QActionGroup(self)
        self.account_group.setExclusive(True)
        self._fill_account_menu()
        help_menu = menu.addMenu(tr("&Help"))
        help_menu.addAction(self.log_folder_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self._fill_recent_menu()

        toolbar = self.addToolBar(tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        toolbar.addSeparator()
        toolbar.addAction(self.send_action)

    def _connect(self) -> None:
        p = self.presenter
        p.validation_changed.connect(self._on_presenter_validation_changed)
        p.scenarios_loaded.connect(self._on_presenter_scenarios_loaded)
        p.scenarios_failed.connect(self.scenario_picker.show_failure)
        p.scenario_changed.connect(self._on_presenter_scenario_changed)
        p.busy_changed.connect(self._on_presenter_busy_changed)
        p.send_started.connect(self._on_presenter_send_started)
        p.send_finished.connect(self._on_presenter_send_finished)
        p.send_failed.connect(self._on_presenter_send_failed)
        p.reports_arrived.connect(self.status_panel.model.update_from_reports)
        p.dirty_changed.connect(lambda _dirty: self._update_title())
        p.message_changed.connect(self._on_presenter_message_changed)
        p.notice.connect(self._on_presenter_notice)
        p.target_changed.connect(self._on_presenter_target_changed)
        self.recipients.recipients_changed.connect(self._on_recipients_changed)
        self.scenario_picker.scenario_key_chosen.connect(p.set_scenario_key)
        self.scenario_picker.refresh_requested.connect(self._on_refresh_scenarios)
        self.schedule.send_at_changed.connect(self._on_schedule_changed)
        self.advanced.changed.connect(self._on_advanced_changed)
        self.send_button.clicked.connect(self._on_send_requested)
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

    # --- the draft ----------------------------------------------------------------------------

    def new_draft(self) -> None:
        self.draft_path = None
        self._load_message(OmniMessage())

    def _load_message(self, message: OmniMessage) -> None:
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
        self._update_title()

    def open_draft_path(self, path: str | Path) -> bool:
        path = Path(path)
        try:
            message = load_draft(path)
        except DraftError as exc:
            self._warn(tr("The draft could not be opened"), str(exc))
            return False
        self.draft_path = path
        self._load_message(message)
        self._remember(path)
        self.statusBar().showMessage(tr("Opened {name}").format(name=path.name), 4000)
        return True

    def save_draft_to(self, path: Path) -> bool:
        """Save; on failure say so plainly and keep everything in the window."""
        if not path.name.endswith(DRAFT_SUFFIX) and path.suffix == "":
            path = path.with_name(path.name + DRAFT_SUFFIX)
        try:
            save_draft(path, self.presenter.message)
        except DraftError as exc:
            self._warn(tr("The draft was not saved"), str(exc))
            return False
        self.draft_path = path
        self.presenter.set_dirty(False)
        self._remember(path)
        self._update_title()
        self.statusBar().showMessage(tr("Saved {name}").format(name=path.name), 4000)
        return True

    def _remember(self, path: Path) -> None:
        if self.recent is not None:
            self.recent.add(path)
            self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths() if self.recent is not None else []
        for path in paths:
            act = self.recent_menu.addAction(path.name)
            act.setToolTip(plain_tooltip(str(path)))
            act.triggered.connect(lambda _=False, p=path: self._open_after_asking(p))
        self.recent_menu.setEnabled(bool(paths))

    def _update_title(self) -> None:
        name = self.draft_path.name if self.draft_path else tr("Untitled")
        self.setWindowTitle(f"{name}[*] — omni-desktop")
        self.setWindowModified(self.presenter.dirty)

    # --- edits -> presenter ---------------------------------------------------------------------

    def _on_recipients_changed(self) -> None:
        if self._loading:
            return
        self.presenter.message.destinations = self.recipients.model.destinations()
        self.presenter.edited()

    def _on_composer_changed(self) -> None:
        if self._loading:
            return
        composer = self.sender()
        if isinstance(composer, ChannelComposer):
            self.presenter.message.channels[composer.spec.key] = composer.content()
            self.presenter.edited()

    def _on_schedule_changed(self, moment: object) -> None:
        if self._loading:
            return
        self.presenter.message.send_at = moment if moment is not None else None  # type: ignore[assignment]
        self.presenter.edited()

    def _on_advanced_changed(self) -> None:
        if self._loading:
            return
        self.advanced.apply_to(self.presenter.message)
        self.presenter.edited()

    # --- presenter -> widgets -------------------------------------------------------------------

    def _on_presenter_validation_changed(self, result: ValidationResult) -> None:
        for composer in self.composers.values():
            prefix = composer.spec.key + "."
            composer.show_problems([p for p in result.problems if p.path.startswith(prefix)])
        self.problems.set_problems(result.problems)
        errors = len(result.errors)
        warnings = len(result.warnings)
        label = tr("Problems")
        if errors or warnings:
            label = tr("Problems ({n})").format(n=errors + warnings)
        self.bottom_tabs.setTabText(self.bottom_tabs.indexOf(self.problems), label)
        total = len(result.prepared.destinations)
        self.preview.set_body(
            self.presenter.request_json(limit=PREVIEW_DESTINATIONS),
            total,
            self.presenter.request_json,
        )
        self._show_send_state(result)

    def _show_send_state(self, result: ValidationResult) -> None:
        if self.presenter.busy:
            return
        if result.errors:
            first = result.errors[0]
            more = len(result.errors) - 1
            text = "✖ " + first.message
            if more:
                text += " " + tr("(+{n} more in Problems)").format(n=more)
            self.send_reason.setText(text)
            self.send_reason.setStyleSheet(error_css())
        else:
            n = len(result.prepared.destinations)
            used = result.prepared.used_channels()
            flow = self.presenter.flow_keys()
            order = [k for k in flow if k in used] if flow is not None else used
            channels = ", ".join(self.composers[k].spec.label for k in order)
            text = tr("Ready to send to {n:,} recipient(s) via {channels}.").format(
                n=n, channels=channels or "—"
            )
            if result.warnings:
                text += " " + tr("{n} warning(s).").format(n=len(result.warnings))
            self.send_reason.setText(text)
            self.send_reason.setStyleSheet("")

    def _on_presenter_scenarios_loaded(self, scenarios: list[Scenario]) -> None:
        self.scenario_picker.set_scenarios(scenarios, self.presenter.message.scenario_key)

    def _on_presenter_scenario_changed(self, scenario: Scenario | None) -> None:
        known = bool(self.presenter.scenarios)
        bar = self.tabs.tabBar()
        normal = self.palette().color(self.palette().ColorRole.WindowText)
        muted = self.palette().color(self.palette().ColorRole.PlaceholderText)
        for index in range(self.tabs.count()):
            composer = self.tabs.widget(index)
            if not isinstance(composer, ChannelComposer):
                continue
            spec = composer.spec
            step = scenario.step_of(spec.key) if scenario else None
            sender = scenario.flow[step - 1].sender if scenario and step else ""
            composer.set_flow_step(step, sender, known and scenario is not None)
            if not known or scenario is None:
                title, colour, tip = spec.label, normal, ""
            elif step is None:
                title = tr("{label} (not in flow)").format(label=spec.label)
                colour = muted
                tip = tr("Not in the scenario's flow: this content is not sent.")
            else:
                title = f"{step} · {spec.label}"
                colour = normal
                tip = tr("Step {n} of the flow").format(n=step)
            self.tabs.setTabText(index, title)
            bar.setTabTextColor(index, QColor(colour))
            self.tabs.setTabToolTip(index, tip)

    def _on_presenter_busy_changed(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.send_button.setEnabled(not busy)
        self.send_action.setEnabled(not busy)
        if busy:
            self.send_reason.setText(tr("Sending… the request cannot be cancelled once written."))
            self.send_reason.setStyleSheet("")
        elif self.presenter.result is not None:
            self._show_send_state(self.presenter.result)

    def _on_presenter_send_started(self, bulk_id: str, rows: list[Any]) -> None:
        self.status_panel.clear_error()
        self.status_panel.model.bulk_id = bulk_id
        self.status_panel.model.set_rows(rows)
        self.bottom_tabs.setCurrentWidget(self.status_panel)

    def _on_presenter_send_finished(self, bulk_id: str, rows: list[Any]) -> None:
        self.status_panel.model.bulk_id = bulk_id
        self.status_panel.model.set_rows(rows)
        if rows:
            self.statusBar().showMessage(
                tr("Sent: {n:,} message(s) accepted, bulk {bulk}.").format(
                    n=len(rows), bulk=bulk_id
                ),
                8000,
            )

    def _on_presenter_send_failed(self, sentence: str) -> None:
        self.status_panel.show_error(sentence)
        self.bottom_tabs.setCurrentWidget(self.status_panel)

    # --- user actions ---------------------------------------------------------------------------

    def _on_send_requested(self) -> None:
        refusal = self.schedule.refusal() or self.presenter.send_refusal()
        if refusal is not None:
            self.send_reason.setText("✖ " + refusal)
            self.send_reason.setStyleSheet(error_css())
            result = self.presenter.result
            if result and result.errors:
                self.focus_path(result.errors[0].path)
            return
        dialog = ConfirmSendDialog(self.presenter.summary(), self)
        dialog.accepted.connect(self._on_confirm_accepted)
        self._keep_open(dialog)
        dialog.open()

    def _on_confirm_accepted(self) -> None:
        self.presenter.send()

    def _on_refresh_scenarios(self) -> None:
        self.presenter.refresh_scenarios()

    def focus_path(self, path: str) -> None:
        """Bring the field at JSON path `path` into view and give it the keyboard focus."""
        for index in range(self.tabs.count()):
            composer = self.tabs.widget(index)
            if isinstance(composer, ChannelComposer) and composer.focus_path(path):
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

    def _on_advanced_toggle_toggled(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _cycle_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _on_new(self) -> None:
        self._after_unsaved_check(self.new_draft)

    def _on_open(self) -> None:
        self._after_unsaved_check(self._choose_and_open)

    def _open_after_asking(self, path: Path) -> None:
        self._after_unsaved_check(lambda: self.open_draft_path(path))

    def _choose_and_open(self) -> None:
        dialog = QFileDialog(self, tr("Open draft"), str(self._draft_folder()), FILE_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.open_draft_path)
        self._keep_open(dialog)
        dialog.open()

    def _on_save(self) -> None:
        if self.draft_path is None:
            self._on_save_as()
        else:
            self.save_draft_to(self.draft_path)

    def _on_save_as(self, then: Any = None) -> None:
        stem = tr("message")  # lupdate cannot see a tr() inside an f-string
        start = self.draft_path or (self._draft_folder() / f"{stem}{DRAFT_SUFFIX}")
        dialog = QFileDialog(self, tr("Save draft as"), str(start), FILE_FILTER)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("omni.json")

        def on_selected(name: str) -> None:
            if self.save_draft_to(Path(name)) and callable(then):
                then()

        dialog.fileSelected.connect(on_selected)
        self._keep_open(dialog)
        dialog.open()

    def _draft_folder(self) -> Path:
        if self.draft_path is not None:
            return self.draft_path.parent
        return Path.home()

    def _after_unsaved_check(self, proceed: Any) -> None:
        """Run `proceed` now, or after the operator chose what to do with unsaved changes."""
        if not self.presenter.dirty:
            proceed()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Unsaved changes"))
        box.setText(tr("The draft has changes that are not saved."))
        box.setInformativeText(tr("Save them first?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)

        def on_finished(_code: int) -> None:
            choice = box.standardButton(box.clickedButton())
            if choice == QMessageBox.StandardButton.Discard:
                proceed()
            elif choice == QMessageBox.StandardButton.Save:
                if self.draft_path is None:
                    self._on_save_as(then=proceed)
                elif self.save_draft_to(self.draft_path):
                    proceed()

        box.finished.connect(on_finished)
        self._keep_open(box)
        box.open()

    def _on_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(tr("About omni-desktop"))
        box.setText(f"<b>omni-desktop {__version__}</b>")
        box.setInformativeText(
            tr("Compose and send Infobip OMNI failover messages.") + "\n\n" + version_text()
        )
        self._keep_open(box)
        box.open()

    def _warn(self, title: str, sentence: str) -> QMessageBox:
        box = plain_message_box(self, QMessageBox.Icon.Warning, title, sentence)
        box.setObjectName("warning_box")
        self._keep_open(box)
        box.open()
        return box

    def _keep_open(self, widget: QWidget) -> None:
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
        await self.tasks.close()

    # --- accounts -------------------------------------------------------------------------------

    def _fill_account_menu(self) -> None:
        self.account_menu.clear()
        for act in self.account_group.actions():
            self.account_group.removeAction(act)
        current = self.presenter.target.profile
        names: list[str | None] = [None]
        if self.session is not None:
            names += self._profile_names
        for name in names:
            label = tr("Sandbox (built-in, nothing is delivered)") if name is None else name
            act = self.account_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(name == current)
            act.setEnabled(self.session is not None)
            act.triggered.connect(lambda _=False, n=name: self.switch_account(n))
            self.account_group.addAction(act)
        self.account_menu.addSeparator()
        self.account_menu.addAction(self.accounts_action)
        self.account_menu.addAction(self.sandbox_region_action)

    def switch_account(self, name: str | None) -> asyncio.Task[Any] | None:
        """Send through profile `name` (None: the sandbox) from now on; explicit, never silent."""
        if self.session is None or name == self.presenter.target.profile:
            return None
        if self.presenter.busy:
            self._warn(tr("Not now"), tr("A send is in progress; switch after its answer."))
            self._fill_account_menu()
            return None
        return self.tasks.start(self._switch(name), "switch account")

    def open_sandbox_region(self) -> RegionDialog:
        """Ask for the sandbox's default country (opened, never exec()'d)."""
        current = self.presenter.target.default_region if self.presenter.target.is_sandbox else None
        if not self.presenter.target.is_sandbox and self.session is not None:
            current = self.session.settings.sandbox_region
        dialog = RegionDialog(tr("Sandbox's default country"), current, self)
        dialog.setObjectName("sandbox_region_dialog")
        dialog.accepted.connect(
            lambda: self.tasks.start(self._set_sandbox_region(dialog.region()), "sandbox region")
        )
        self._keep_open(dialog)
        dialog.open()
        return dialog

    async def _set_sandbox_region(self, region: str | None) -> None:
        if self.session is None or self.session.set_sandbox_region is None:
            return
        problem = await self.session.set_sandbox_region(region)
        if problem is not None:
            self._warn(tr("The default country could not be kept"), problem)
            return
        self.statusBar().showMessage(
            tr("The sandbox reads numbers without a country code as {country}'s.").format(
                country=region_name(region)
            )
            if region
            else tr("The sandbox now needs every number with its country code."),
            6000,
        )

    async def _switch(self, name: str | None) -> None:
        assert self.session is not None
        problem = await self.session.switch_target(name)
        if problem is not None:
            self._warn(tr("The account could not be used"), problem)
        self._fill_account_menu()

    def _on_presenter_target_changed(self) -> None:
        target = self.presenter.target
        self.recipients.model.default_region = target.default_region
        self.banner.set_target(target.name, target.base_url, target.is_sandbox)
        self.preview.base_url = target.base_url
        self.preview.set_auth_scheme(target.auth_scheme)
        self.target_status.setText(
            tr("Sandbox") if target.is_sandbox else f"{target.name} · {target.base_url}"
        )
        self.status_panel.clear_error()
        self.statusBar().showMessage(
            tr("Now sending through {name}.").format(name=target.name), 6000
        )
        self._fill_account_menu()

    def open_accounts(self, profile: str | None = None) -> AccountsDialog | None:
        """Open the Accounts dialog (on `profile`, to enter its key, when given)."""
        if self.session is None:
            return None
        from omni_desktop.ui.accounts import AccountsDialog

        dialog = AccountsDialog(self.session.accounts, self)
        if profile is not None:
            dialog.edit_profile(profile)
        dialog.profiles_changed.connect(self._on_accounts_profiles_changed)
        self._keep_open(dialog)
        dialog.open()
        return dialog

    def _on_accounts_profiles_changed(self, settings: Settings) -> None:
        self._profile_names = [p.name for p in settings.profiles]
        self._fill_account_menu()

    # --- history ----------------------------------------------------------------------------------

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
            self.draft_path = None
            self._load_message(message)
            self.presenter.set_dirty(True)
            self.statusBar().showMessage(
                tr("Opened a copy of the earlier send as a new draft."), 8000
            )

        self._after_unsaved_check(load)

    def _on_history_resend_requested(self, message: OmniMessage) -> None:
        def load() -> None:
            self.draft_path = None
            self._load_message(message)
            self.presenter.set_dirty(True)
            self.send_reason.setText(
                tr(
                    "Loaded for sending again: new message IDs are made when you send; "
                    "the earlier send keeps its own."
                )
            )
            self.activateWindow()

        self._after_unsaved_check(load)

    # --- autosave and start-up ------------------------------------------------------------------

    def _on_presenter_message_changed(self) -> None:
        if self.session is not None and self.presenter.dirty:
            self._autosave_timer.start()

    def autosave_now(self) -> bool:
        """Write the draft to the autosave copy; a failure is shown and the draft stays here."""
        if self.session is None:
            return False
        try:
            saved = self.session.autosave.save(self.presenter.message, self.draft_path)
        except StorageError as exc:
            self.autosave_status.setText("⚠ " + tr("Not autosaved: {reason}").format(reason=exc))
            self.autosave_status.setStyleSheet(error_css())
            self.autosave_status.setToolTip(plain_tooltip(str(exc)))
            return False
        self.autosave_status.setStyleSheet("")
        self.autosave_status.setToolTip("")
        self.autosave_status.setText(
            tr("Autosaved {time}").format(time=saved.astimezone().strftime("%H:%M:%S"))
        )
        return True

    def start_session(self) -> None:
        """After the window is shown: say what start-up found, and offer a crash restore."""
        if self.session is None:
            return
        if self.session.recovered:
            n = len(self.session.recovered)
            self.status_panel.show_error(
                tr(
                    "{n} send(s) from an earlier session never got an answer, so their outcome "
                    "is unknown. They were not sent again: open File > History and use "
                    "Check status before sending anything twice."
                ).format(n=n)
            )
            self.bottom_tabs.setCurrentWidget(self.status_panel)
        if self.session.notices:
            box = self._warn(tr("At start-up"), "\n\n".join(self.session.notices))
            box.setObjectName("notices_box")
            box.setIcon(QMessageBox.Icon.Information)
        self.offer_restore()

    def offer_restore(self) -> QMessageBox | None:
        """Ask whether to restore what a crash left. Until the operator answers, the copy is
        kept whatever ends the session; an unreadable copy is set aside and said so."""
        if self.session is None:
            return None
        try:
            point = self.session.autosave.pending_restore()
        except StorageError as exc:  # DamagedAutosave: set aside, nothing to offer
            self._warn(tr("Autosaved draft"), str(exc)).setObjectName("autosave_damaged_box")
            return None
        if point is None:
            return None
        self.session.autosave.awaiting_answer()
        box = QMessageBox(self)
        box.setObjectName("restore_box")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Restore draft?"))
        box.setText(tr("omni-desktop did not close normally last time."))
        box.setInformativeText(
            tr("Restore the draft autosaved at {time}?").format(
                time=point.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)

        def on_finished(_code: int) -> None:
            assert self.session is not None
            answer = box.standardButton(box.clickedButton())
            if answer == QMessageBox.StandardButton.Yes:
                self.session.autosave.restored()
                self.draft_path = point.original_path
                self._load_message(point.message)
                self.presenter.set_dirty(True)
                self.statusBar().showMessage(tr("The autosaved draft is back."), 8000)
            elif answer == QMessageBox.StandardButton.No:
                self.session.autosave.discard()
            # No answer (the window closed under the box): the copy waits for the next start.

        box.finished.connect(on_finished)
        self._keep_open(box)
        box.open()
        return box

    def _on_presenter_notice(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 15000)
        self.status_panel.show_error(sentence)

    def _on_open_log_folder(self) -> None:
        if self.session is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.paths.log)))

    def changeEvent(self, event: QEvent) -> None:
        """Follow the OS light/dark scheme: our own colours are re-picked from the new palette."""
        if event.type() == QEvent.Type.PaletteChange:
            self._on_presenter_scenario_changed(self.presenter.scenario)
            for composer in self.composers.values():
                composer.refresh_counters()
            if self.presenter.result is not None:
                self._on_presenter_validation_changed(self.presenter.result)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_confirmed or not self.presenter.dirty:
            event.accept()
            return
        event.ignore()

        def really_close() -> None:
            self._closing_confirmed = True
            self.close()

        self._after_unsaved_check(really_close)


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(widget)
    return box


def _row_of(path: str) -> int:
    """The row index in `destinations[12].to.phoneNumber`, or 0."""
    try:
        return int(path.split("[", 1)[1].split("]", 1)[0])
    except (IndexError, ValueError):
        return 0


def _copy(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
