"""Message > Placeholder fallbacks…: the text each `{{Field}}` placeholder becomes in the rows
that leave it empty (or lack the column), one line per placeholder the draft uses, with how
many rows need it. An empty fallback means none: those rows keep Send refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.message import Destination
from omni_desktop.core.personalise import used_fields

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label

if TYPE_CHECKING:
    from omni_desktop.ui.presenter import ComposerPresenter


def empty_rows(destinations: Sequence[Destination], name: str) -> tuple[int, bool]:
    """How many rows leave field `name` empty (missing or only spaces), and whether any row has
    that column at all."""
    empty = 0
    known = False
    for destination in destinations:
        value = destination.fields.get(name)
        if value is not None:
            known = True
        if not value or value.isspace():
            empty += 1
    return empty, known


def empty_text(empty: int, total: int, known: bool) -> str:
    """ "3 of 250", or "all 250 (no such column)" for a field no row has."""
    if not known and total:
        return tr("all {total:,} (no such column)").format(total=total)
    return tr("{empty:,} of {total:,}").format(empty=empty, total=total)


class FallbacksDialog(QDialog):
    """One fallback line edit per placeholder of the draft; OK hands them to the presenter."""

    def __init__(self, presenter: ComposerPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setWindowTitle(tr("Placeholder fallbacks"))
        prepared = presenter.validate_now().prepared  # the draft as it is now
        names = list(used_fields(prepared, presenter.flow_keys()))
        self.edits: dict[str, QLineEdit] = {}
        self.counts: dict[str, str] = {}  # placeholder -> the empty-rows text shown
        layout = QVBoxLayout(self)
        if not names:
            layout.addWidget(plain_label(tr("The message has no {{Field}} placeholders."), self))
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        else:
            intro = plain_label(
                tr(
                    "A fallback is the text a placeholder becomes in the rows that leave it "
                    "empty. Leave it empty to keep those rows from being sent until they are "
                    "filled in."
                ),
                self,
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
            layout.addLayout(self._grid(names, prepared.destinations, presenter.fallbacks))
            buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _grid(
        self, names: list[str], destinations: Sequence[Destination], current: Mapping[str, str]
    ) -> QGridLayout:
        grid = QGridLayout()
        for column, title in enumerate(
            (tr("Placeholder"), tr("Rows without a value"), tr("Fallback"))
        ):
            header = plain_label(title, self)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        for row, name in enumerate(names, start=1):
            shown = "{{" + name + "}}"
            label = plain_label(shown, self)
            label.setWordWrap(True)
            empty, known = empty_rows(destinations, name)
            self.counts[name] = empty_text(empty, len(destinations), known)
            edit = QLineEdit(current.get(name, ""), self)
            edit.setObjectName(f"fallback_{row}")
            edit.setAccessibleName(tr("Fallback for {placeholder}").format(placeholder=shown))
            edit.setPlaceholderText(tr("No fallback"))
            self.edits[name] = edit
            grid.addWidget(label, row, 0)
            grid.addWidget(plain_label(self.counts[name], self), row, 1)
            grid.addWidget(edit, row, 2)
        grid.setColumnStretch(2, 1)
        return grid

    def values(self) -> dict[str, str]:
        """The presenter's fallbacks with this dialog's lines put in (empty: no fallback)."""
        values = dict(self.presenter.fallbacks)
        values.update({name: edit.text() for name, edit in self.edits.items()})
        return {name: text for name, text in values.items() if text.strip()}

    def accept(self) -> None:
        if self.edits:
            self.presenter.set_fallbacks(self.values())
        super().accept()


__all__ = ["FallbacksDialog"]
