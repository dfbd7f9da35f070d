"""Server and file text shown as the characters it holds, never as Qt rich text.

Qt renders a label's, a message box's or a tooltip's text as HTML whenever `Qt.mightBeRichText`
says it looks like HTML (the default `AutoText`), so a scenario `from` of `<img src=...>` or a
status description with `<a href>` would draw an image or a link. These helpers pin the format.
"""

from __future__ import annotations

from html import escape

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Icon = QMessageBox.Icon
Buttons = QMessageBox.StandardButton


def set_plain(label: QLabel, text: str) -> None:
    """Show `text` in `label` literally (PlainText): tags and entities stay as typed."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text literally, whatever is set on it later."""
    label = QLabel(parent)
    set_plain(label, text)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltip text that shows `text` literally.

    Text Qt would take for HTML is escaped and wrapped in a paragraph that keeps its line
    breaks; other text is returned as it is (Qt shows it literally already).
    """
    if not text or not QtGui.Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{escape(text, quote=False)}</p>"


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    details: str = "",
    buttons: QMessageBox.StandardButton = Buttons.Ok,
) -> QMessageBox:
    """A message box whose text and informative text are plain text; not yet shown."""
    box = QMessageBox(icon, title, text, buttons, parent)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)  # a read-only QTextEdit, filled as plain text by Qt
    make_plain(box)
    return box


def make_plain(box: QMessageBox) -> None:
    """Pin a message box's text and informative text to plain text (after they are set)."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        if label.objectName() in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setOpenExternalLinks(False)


__all__ = ["make_plain", "plain_label", "plain_message_box", "plain_tooltip", "set_plain"]
