"""A country picker for a default region: how phone numbers without their country code are
read (`079 302 67 27` under CH is +41 79 302 67 27). Typing filters by code or country name.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.regions import known_regions

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label


def region_name(code: str) -> str:
    """The country's name in the operator's language, e.g. "Switzerland" for CH."""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


def region_combo(current: str | None, parent: QWidget | None = None) -> QComboBox:
    """A country box (none, then every country by name with its code), filtered as typed;
    its current data is the two-letter code or None."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setAccessibleName(tr("Default country"))
    combo.addItem(tr("None: every number needs its country code"), None)
    named = sorted((region_name(code), code) for code in known_regions() if code != "001")
    for name, code in named:
        combo.addItem(f"{name} ({code})", code)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    index = combo.findData(current) if current else 0
    combo.setCurrentIndex(max(index, 0))
    return combo


class RegionDialog(QDialog):
    """Pick a default region, or none; open with `open()` and read `region()` when accepted."""

    def __init__(self, title: str, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = region_combo(current, self)
        note = plain_label(
            tr(
                "Numbers written without their country code, such as 079 302 67 27, are read "
                "as this country's. Numbers with + or 00 and their code are never changed."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = QLabel(tr("&Default country:"), self)
        label.setBuddy(self.combo)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def region(self) -> str | None:
        """The chosen two-letter code, or None for no default country."""
        data = self.combo.currentData()
        return str(data) if data else None
