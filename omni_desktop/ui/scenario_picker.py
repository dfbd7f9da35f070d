"""The scenario picker: name, key and flow of each scenario, the default preselected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.scenario import Scenario

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label, plain_tooltip
from omni_desktop.ui.theme import error_css

DEFAULT_ITEM = ""  # item data for "the account's default scenario" (no scenarioKey sent)


class ScenarioPicker(QWidget):
    """A combo of scenarios (plus "default scenario"), the flow as text, and a refresh button."""

    scenario_key_chosen = Signal(object)  # str | None
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenarios: list[Scenario] = []
        self.combo = QComboBox(self)
        self.combo.setObjectName("scenario_combo")
        self.combo.setAccessibleName(tr("Scenario"))
        self.combo.setToolTip(tr("The failover flow this message follows, step by step."))
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.refresh = QToolButton(self)
        self.refresh.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.refresh.setToolTip(tr("Reload the scenarios from the server"))
        self.refresh.setAccessibleName(tr("Refresh scenarios"))
        self.manage = QToolButton(self)
        self.manage.setObjectName("manage_scenarios")
        self.manage.setText(tr("Manage…"))
        self.manage.setToolTip(tr("List, create and edit the account's scenarios"))
        self.manage.setAccessibleName(tr("Manage scenarios"))
        self.flow = plain_label(tr("Loading scenarios…"), self)  # senders are the server's text
        self.flow.setObjectName("scenario_flow")
        self.flow.setWordWrap(True)
        self.flow.setAccessibleName(tr("Scenario flow"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.refresh)
        row.addWidget(self.manage)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.flow)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        self.refresh.clicked.connect(self._on_refresh_clicked)

    def set_scenarios(self, scenarios: list[Scenario], key: str | None) -> None:
        """Fill the combo; select `key`, or the default-scenario entry when it is None."""
        self._scenarios = list(scenarios)
        self.combo.blockSignals(True)
        self.combo.clear()
        default = next((s for s in scenarios if s.default), None)
        label = tr("Default scenario")
        if default is not None:
            label = tr("Default scenario ({name})").format(name=default.name)
        self.combo.addItem(label, DEFAULT_ITEM)
        for scenario in scenarios:
            self.combo.addItem(f"{scenario.name}  [{scenario.key}]", scenario.key)
            self.combo.setItemData(
                self.combo.count() - 1,
                plain_tooltip(scenario.flow_label()),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.combo.blockSignals(False)
        self.select_key(key)

    def select_key(self, key: str | None) -> None:
        index = self.combo.findData(key or DEFAULT_ITEM)
        if index < 0 and key:
            self.combo.addItem(tr("{key} (not found on this account)").format(key=key), key)
            index = self.combo.count() - 1
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._show_flow()

    def show_failure(self, sentence: str) -> None:
        self.flow.setText(tr("Scenarios could not be loaded: {reason}").format(reason=sentence))
        self.flow.setStyleSheet(error_css())

    def _current_scenario(self) -> Scenario | None:
        key = self.combo.currentData()
        for scenario in self._scenarios:
            if (key and scenario.key == key) or (not key and scenario.default):
                return scenario
        return None

    def _show_flow(self) -> None:
        self.flow.setStyleSheet("")
        scenario = self._current_scenario()
        if scenario is not None:
            self.flow.setText(tr("Flow: {flow}").format(flow=scenario.flow_label()))
        elif self.combo.currentData():
            self.flow.setText(tr("This scenario is not on the account."))
            self.flow.setStyleSheet(error_css())
        else:
            self.flow.setText(tr("The account's default scenario is used."))

    def _on_combo_changed(self, _index: int) -> None:
        key = self.combo.currentData() or None
        self._show_flow()
        self.scenario_key_chosen.emit(key)

    def _on_refresh_clicked(self) -> None:
        self.flow.setText(tr("Loading scenarios…"))
        self.refresh_requested.emit()
