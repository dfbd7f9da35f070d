"""The scenario manager dialog: the account's scenarios on the left, the edited one on the
right (name, steps as rows, the default flag), saved through the presenter. Opened with
open(); after a save the composer's picker reloads and selects the saved scenario."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.scenario import Scenario

from omni_desktop.services.scenarios import SaveOutcome, SaveState

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label, set_plain
from omni_desktop.ui.scenarios.models import ScenarioListModel, StepsModel
from omni_desktop.ui.scenarios.presenter import ScenariosPresenter
from omni_desktop.ui.theme import error_css

if TYPE_CHECKING:
    from omni_desktop.ui.presenter import ComposerPresenter
    from omni_desktop.ui.window.window import MainWindow


class _ChannelDelegate(QStyledItemDelegate):
    """Edits a step's channel with a combo of the channels no other step uses."""

    def __init__(self, steps: StepsModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._steps = steps

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(tr("Step channel"))
        combo.addItems(self._steps.unused_channels(index.row()))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class StepsView(QTableView):
    """The steps table: rows move by drag and drop, and by Alt+Up / Alt+Down."""

    def __init__(self, steps: StepsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = steps
        self.setModel(steps)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setItemDelegateForColumn(StepsModel.CHANNEL, _ChannelDelegate(steps, self))
        self.horizontalHeader().setSectionResizeMode(
            StepsModel.PROBLEM, QHeaderView.ResizeMode.Stretch
        )
        self.setWordWrap(True)

    def move_current(self, by: int) -> bool:
        """Move the current step up (-1) or down (+1), keeping it current."""
        index = self.currentIndex()
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        if not self.steps.move(row, row + by):
            return False
        self.setCurrentIndex(self.steps.index(row + by, column))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class ScenarioManagerDialog(QDialog):
    """Lists every scenario of the account; creates and edits one at a time."""

    def __init__(self, composer: ComposerPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenario_manager")
        self.setWindowTitle(tr("Scenarios"))
        self.composer = composer
        self.presenter = ScenariosPresenter(lambda: composer.client, self)
        self._key = ""  # the edited scenario's key; empty for a new one
        self._build()
        self.presenter.listed.connect(self._on_listed)
        self.presenter.list_failed.connect(self._on_list_failed)
        self.presenter.saved.connect(self._on_saved)
        self.new_scenario()

    def _build(self) -> None:
        self.list_model = ScenarioListModel()
        self.table = QTableView(self)
        self.table.setObjectName("scenario_list")
        self.table.setAccessibleName(tr("Scenarios of the account"))
        self.table.setModel(self.list_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.new_button = QPushButton(tr("&New scenario"), self)
        self.copy_key_button = QPushButton(tr("&Copy key"), self)
        self.copy_key_button.setToolTip(tr("Copy the selected scenario's key"))
        self.reload_button = QPushButton(tr("&Reload"), self)
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.copy_key_button, self.reload_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(list_buttons)

        self.name = QLineEdit(self)
        self.name.setAccessibleName(tr("Scenario name"))
        self.steps = StepsModel()
        self.steps_view = StepsView(self.steps, self)
        self.steps_view.setObjectName("scenario_steps")
        self.steps_view.setAccessibleName(tr("Steps"))
        self.steps_view.setToolTip(tr("Drag a step, or press Alt+Up or Alt+Down, to reorder."))
        self.add_step_button = QPushButton(tr("&Add step"), self)
        self.remove_step_button = QPushButton(tr("Re&move step"), self)
        self.up_button = QPushButton(tr("Move &up"), self)
        self.down_button = QPushButton(tr("Move &down"), self)
        step_buttons = QHBoxLayout()
        for button in (
            self.add_step_button, self.remove_step_button, self.up_button, self.down_button
        ):  # fmt: skip
            step_buttons.addWidget(button)
        step_buttons.addStretch(1)
        self.default_box = QCheckBox(tr("The account's &default scenario"), self)
        self.heading = plain_label("", self)
        self.status = plain_label("", self)
        self.status.setObjectName("scenario_status")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("&Save scenario"), self)
        right = QWidget(self)
        form = QFormLayout()
        form.addRow(tr("Name:"), self.name)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addLayout(form)
        right_layout.addWidget(self.steps_view, 1)
        right_layout.addLayout(step_buttons)
        right_layout.addWidget(self.default_box)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.save_button)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(960, 520)

        self.table.selectionModel().currentRowChanged.connect(self._on_list_row)
        self.new_button.clicked.connect(self.new_scenario)
        self.copy_key_button.clicked.connect(self.copy_key)
        self.reload_button.clicked.connect(self.reload)
        self.add_step_button.clicked.connect(self._on_add_step)
        self.remove_step_button.clicked.connect(self._on_remove_step)
        self.up_button.clicked.connect(lambda: self.steps_view.move_current(-1))
        self.down_button.clicked.connect(lambda: self.steps_view.move_current(1))
        self.save_button.clicked.connect(self.save)

    # --- listing --------------------------------------------------------------------------

    def reload(self) -> None:
        self._say(tr("Loading scenarios…"))
        self.presenter.reload()

    def _on_listed(self, scenarios: list[Scenario]) -> None:
        self.list_model.set_scenarios(scenarios)
        self.save_button.setEnabled(True)
        if self.status.text() == tr("Loading scenarios…"):
            self._say("")
        if self._key:
            self._select_key(self._key)

    def _on_list_failed(self, sentence: str) -> None:
        self._say(tr("Scenarios could not be loaded: {reason}").format(reason=sentence), True)

    def _select_key(self, key: str) -> None:
        for row, scenario in enumerate(self.list_model.scenarios):
            if scenario.key == key:
                selection = self.table.selectionModel()
                selection.blockSignals(True)  # selecting it must not reload the form
                self.table.selectRow(row)
                selection.blockSignals(False)
                return

    def selected(self) -> Scenario | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.list_model.scenarios[index.row()]

    def copy_key(self) -> None:
        scenario = self.selected()
        if scenario is not None and scenario.key:
            QGuiApplication.clipboard().setText(scenario.key)
            self._say(tr("Copied the key {key}.").format(key=scenario.key))

    def _on_list_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.edit(self.list_model.scenarios[current.row()])

    # --- editing --------------------------------------------------------------------------

    def new_scenario(self) -> None:
        """Start a new scenario: no key, one empty step."""
        self.table.clearSelection()
        self._load(Scenario(key="", name="", flow=()))
        self.steps.add_step()
        self.name.setFocus()

    def edit(self, scenario: Scenario) -> None:
        """Show `scenario` for editing; saving it updates it."""
        self._load(scenario)

    def _load(self, scenario: Scenario) -> None:
        self._key = scenario.key
        set_plain(
            self.heading,
            tr("Editing {name} [{key}]").format(name=scenario.name, key=scenario.key)
            if scenario.key
            else tr("New scenario"),
        )
        self.name.setText(scenario.name)
        self.steps.set_steps(scenario.flow)
        self.default_box.setChecked(scenario.default)
        self._say("")

    def edited(self) -> Scenario:
        """The scenario as the form holds it."""
        return Scenario(
            key=self._key,
            name=self.name.text().strip(),
            flow=tuple(self.steps.steps),
            default=self.default_box.isChecked(),
        )

    def _on_add_step(self) -> None:
        row = self.steps.add_step()
        if row is None:
            self._say(tr("Every channel is in the flow already."), True)
            return
        self.steps_view.setCurrentIndex(self.steps.index(row, StepsModel.SENDER))

    def _on_remove_step(self) -> None:
        index = self.steps_view.currentIndex()
        if index.isValid():
            self.steps.remove_step(index.row())

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Save the form once; the outcome is shown when it comes."""
        if self.presenter.saving:
            return
        focus = self.focusWidget()
        if focus is not None and self.steps_view.viewport().isAncestorOf(focus):
            self.steps_view.commitData(focus)  # a sender still being typed counts
        self.save_button.setEnabled(False)
        self._say(tr("Saving…"))
        self.presenter.save(self.edited())

    def _on_saved(self, outcome: SaveOutcome) -> None:
        state = outcome.state
        if state is SaveState.INVALID:
            lines = [outcome.sentence, *(p.sentence for p in outcome.problems)]
            self._say("\n".join(lines), True)
        else:
            self._say(outcome.sentence, state is not SaveState.SAVED)
        if state is SaveState.UNKNOWN:
            return  # Save waits for the reload that follows: nothing is saved again by itself
        self.save_button.setEnabled(True)
        if state is SaveState.SAVED and outcome.scenario is not None:
            saved = outcome.scenario
            self._key = saved.key
            set_plain(
                self.heading,
                tr("Editing {name} [{key}]").format(name=saved.name, key=saved.key),
            )
            self.composer.set_scenario_key(saved.key)
            self.composer.refresh_scenarios()

    def _say(self, sentence: str, problem: bool = False) -> None:
        set_plain(self.status, sentence)
        self.status.setStyleSheet(error_css() if problem else "")

    async def shutdown(self) -> None:
        """Wait for a save under way, stop a listing; nothing outlives the client."""
        await self.presenter.shutdown()


def open_scenario_manager(window: MainWindow) -> ScenarioManagerDialog:
    """Open the manager over `window` (the one already open, when there is one)."""
    for found in window.findChildren(ScenarioManagerDialog):
        if found.isVisible():
            found.raise_()
            found.activateWindow()
            return found
    dialog = ScenarioManagerDialog(window.presenter, window)
    window.keep_open(dialog)
    dialog.open()
    dialog.reload()
    return dialog


__all__ = ["ScenarioManagerDialog", "StepsView", "open_scenario_manager"]
