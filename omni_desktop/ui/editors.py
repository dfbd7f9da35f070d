"""One editor factory: a registry field's kind decides its widget, how it is read and shown.

The composer asks this module for every field, so a new channel needs no widget code of its
own, and a new field kind is added here once (its widget, its reading, its showing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from omni_desktop.core.channels import FieldKind, FieldSpec
from omni_desktop.core.request_schema import INT32_MAX

from omni_desktop.ui.i18n import tr

Editor = QPlainTextEdit | QLineEdit | QCheckBox | QComboBox | QSpinBox
Changed = Callable[..., None]


@dataclass(frozen=True)
class _Kind:
    make: Callable[[FieldSpec, str, QWidget, Changed], Editor]
    read: Callable[[Any], Any]  # the editor's value for the request; None when unset
    show: Callable[[Any, Any], None]  # (editor, value from the draft) -> shown


def make_editor(field: FieldSpec, channel_label: str, parent: QWidget, changed: Changed) -> Editor:
    """The widget for `field`, named for screen readers, calling `changed` on every edit."""
    editor = _KINDS[field.kind].make(field, channel_label, parent, changed)
    editor.setAccessibleName(
        tr("{channel} {field}").format(channel=channel_label, field=field.label.lower())
    )
    if field.help:
        editor.setToolTip(tr(field.help))
    return editor


def read_value(field: FieldSpec, editor: Editor) -> Any:
    """What `editor` holds, as the request's JSON value for `field` (None when unset)."""
    return _KINDS[field.kind].read(editor)


def show_value(field: FieldSpec, editor: Editor, value: Any) -> None:
    """Show a draft's `value` in `editor` (hostile values shown as best they can be)."""
    _KINDS[field.kind].show(editor, value)


# --- text ----------------------------------------------------------------------------------------


class TextBox(QPlainTextEdit):
    """A text box of at least `lines` lines that asks for no more. In a composer's scroll area
    the form then fits the pane when it can; with Qt's own wish (about 190 px) the counter
    under it was pushed half out of sight."""

    def __init__(self, parent: QWidget, lines: int) -> None:
        super().__init__(parent)
        margins = self.contentsMargins()
        document = 2 * self.document().documentMargin()
        self.setMinimumHeight(
            round(lines * self.fontMetrics().lineSpacing() + document)
            + margins.top()
            + margins.bottom()
        )

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


def _multiline(field: FieldSpec, label: str, parent: QWidget, changed: Changed) -> Editor:
    editor = TextBox(parent, lines=4)  # an SMS of 160 characters, in a narrow pane
    editor.setTabChangesFocus(True)
    editor.setPlaceholderText(tr("{channel} message text").format(channel=label))
    editor.textChanged.connect(changed)
    return editor


def _read_multiline(editor: QPlainTextEdit) -> str | None:
    return editor.toPlainText() or None


def _show_multiline(editor: QPlainTextEdit, value: Any) -> None:
    text = "" if value is None else str(value)
    if editor.toPlainText() != text:  # keeps the cursor where it is while typing
        editor.setPlainText(text)


def _line(field: FieldSpec, label: str, parent: QWidget, changed: Changed) -> Editor:
    editor = QLineEdit(parent)
    editor.setClearButtonEnabled(True)
    if field.kind is FieldKind.URL:
        editor.setPlaceholderText("https://")
    editor.textChanged.connect(changed)
    return editor


def _read_line(editor: QLineEdit) -> str | None:
    return editor.text().strip() or None


def _show_line(editor: QLineEdit, value: Any) -> None:
    editor.setText("" if value is None else str(value))


# --- lists: one item a line ----------------------------------------------------------------------


def _list(field: FieldSpec, label: str, parent: QWidget, changed: Changed) -> Editor:
    editor = TextBox(parent, lines=3)
    editor.setTabChangesFocus(True)
    editor.setPlaceholderText(tr("One item a line"))
    editor.textChanged.connect(changed)
    return editor


def _read_list(editor: QPlainTextEdit) -> list[str] | None:
    items = [line.strip() for line in editor.toPlainText().splitlines()]
    return [item for item in items if item] or None


def _show_list(editor: QPlainTextEdit, value: Any) -> None:
    items = value if isinstance(value, list) else [] if value is None else [value]
    _show_multiline(editor, "\n".join(str(item) for item in items))


# --- choices and switches ------------------------------------------------------------------------


def _choice(field: FieldSpec, label: str, parent: QWidget, changed: Changed) -> Editor:
    editor = QComboBox(parent)
    for choice in field.choices:
        editor.addItem(choice or tr("(not set)"), choice)
    editor.currentIndexChanged.connect(changed)
    return editor


def _read_choice(editor: QComboBox) -> Any:
    return editor.currentData() or None


def _show_choice(editor: QComboBox, value: Any) -> None:
    index = editor.findData(value or "")
    if index < 0 and value:  # a value the registry does not list is kept, not lost
        editor.addItem(str(value), value)
        index = editor.count() - 1
    editor.setCurrentIndex(max(index, 0))


def _bool(field: FieldSpec, label: str, parent: QWidget, changed: Changed) -> Editor:
    editor = QCheckBox(tr(field.help) if field.help else "", parent)
    editor.toggled.connect(changed)
    return editor


def _read_bool(editor: QCheckBox) -> bool | None:
    return True if editor.isChecked() else None


def _show_bool(editor: QCheckBox, value: Any) -> None:
    editor.setChecked(bool(value))


# --- whole numbers -------------------------------------------------------------------------------


def _number(field: FieldSpec, label: str, parent: QWidget, changed: Changed) -> Editor:
    editor = QSpinBox(parent)
    least, most = field.bounds or (0, INT32_MAX - 1)
    # One below the least value stands for "not set", shown as such.
    editor.setRange(least - 1, most)
    editor.setSpecialValueText(tr("(not set)"))
    editor.setValue(least - 1)
    editor.valueChanged.connect(changed)
    return editor


def _read_number(editor: QSpinBox) -> int | None:
    value = editor.value()
    return None if value == editor.minimum() else value


def _show_number(editor: QSpinBox, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        editor.setValue(editor.minimum())
        return
    # Clamped first: a draft's number beyond the box's range would overflow Qt's int.
    editor.setValue(max(editor.minimum() + 1, min(value, editor.maximum())))


_KINDS: dict[FieldKind, _Kind] = {
    FieldKind.MULTILINE: _Kind(_multiline, _read_multiline, _show_multiline),
    FieldKind.TEXT: _Kind(_line, _read_line, _show_line),
    FieldKind.URL: _Kind(_line, _read_line, _show_line),
    FieldKind.LIST: _Kind(_list, _read_list, _show_list),
    FieldKind.CHOICE: _Kind(_choice, _read_choice, _show_choice),
    FieldKind.BOOL: _Kind(_bool, _read_bool, _show_bool),
    FieldKind.NUMBER: _Kind(_number, _read_number, _show_number),
}
