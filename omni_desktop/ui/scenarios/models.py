"""The scenario manager's models: the account's scenarios, and the steps of the one edited.

Server text is data here; views show it as plain text (item views never render rich text).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt

from omni_desktop.core.channels import CHANNELS, CHANNELS_BY_FLOW
from omni_desktop.core.scenario import Scenario, Step
from omni_desktop.core.senders import sender_hint, sender_problem

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import AnyIndex

ROW_MIME = "application/x-omni-desktop-step-row"
FLOW_NAMES: tuple[str, ...] = tuple(c.flow_name for c in CHANNELS)


class ScenarioListModel(QAbstractTableModel):
    """Every scenario of the account: name, key, flow, and a mark on the default."""

    NAME, KEY, FLOW, DEFAULT = range(4)

    def __init__(self) -> None:
        super().__init__()
        self.scenarios: list[Scenario] = []

    def set_scenarios(self, scenarios: list[Scenario]) -> None:
        self.beginResetModel()
        self.scenarios = list(scenarios)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.scenarios)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Name"), tr("Key"), tr("Flow"), tr("Default"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        scenario = self.scenarios[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.NAME:
                return scenario.name
            if column == self.KEY:
                return scenario.key
            if column == self.FLOW:
                return scenario.flow_label()
            return tr("Default") if scenario.default else ""
        return None


class StepsModel(QAbstractTableModel):
    """The edited flow: one row per step (channel, sender, the sender's problem), reordered
    by drag and drop or `move`. Each channel is in the flow at most once."""

    CHANNEL, SENDER, PROBLEM = range(3)

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[Step] = []

    def set_steps(self, steps: tuple[Step, ...] | list[Step]) -> None:
        self.beginResetModel()
        self.steps = list(steps)
        self.endResetModel()

    def unused_channels(self, row: int | None = None) -> list[str]:
        """Channels no other step uses (row `row`'s own channel counts as free for it)."""
        used = {s.channel for i, s in enumerate(self.steps) if i != row}
        return [name for name in FLOW_NAMES if name not in used]

    def add_step(self) -> int | None:
        """Append a step on the first unused channel; its row, or None when all are used."""
        free = self.unused_channels()
        if not free:
            return None
        row = len(self.steps)
        self.beginInsertRows(QModelIndex(), row, row)
        self.steps.append(Step(free[0], ""))
        self.endInsertRows()
        return row

    def remove_step(self, row: int) -> None:
        if 0 <= row < len(self.steps):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.steps[row]
            self.endRemoveRows()

    def move(self, row: int, to: int) -> bool:
        """Move the step at `row` to position `to`; False when either is out of range."""
        count = len(self.steps)
        if not (0 <= row < count and 0 <= to < count) or row == to:
            return False
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to)
        self.steps.insert(to, self.steps.pop(row))
        self.endMoveRows()
        return True

    def problem(self, row: int) -> str | None:
        step = self.steps[row]
        if not step.sender:
            return tr("The step needs a sender.")
        return sender_problem(step.channel, step.sender)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (tr("Channel"), tr("Sender"), tr("Problem"))[section]
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        step, column = self.steps[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.CHANNEL:
                spec = CHANNELS_BY_FLOW.get(step.channel)
                shown = spec.label if spec and role == Qt.ItemDataRole.DisplayRole else None
                return shown or step.channel
            if column == self.SENDER:
                return step.sender
            return self.problem(index.row()) or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SENDER:
                return sender_hint(step.channel)
            if column == self.PROBLEM:
                return self.problem(index.row()) or ""
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, step = index.row(), self.steps[index.row()]
        if index.column() == self.CHANNEL:
            if value not in self.unused_channels(row):
                return False
            self.steps[row] = Step(str(value), step.sender)
        elif index.column() == self.SENDER:
            self.steps[row] = Step(step.channel, str(value))
        else:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.PROBLEM))
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() != self.PROBLEM:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- drag and drop: a row moves within the table ---------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(ROW_MIME, str(rows[0]).encode("ascii"))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ROW_MIME):
            return False
        try:
            source = int(bytes(data.data(ROW_MIME).data()).decode("ascii"))
        except ValueError:
            return False
        target = parent.row() if parent.isValid() else row
        if target < 0:
            target = len(self.steps)
        to = target - 1 if target > source else target
        self.move(source, min(to, len(self.steps) - 1))
        return False  # moved here already; the view must not remove the source row
