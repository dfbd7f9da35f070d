"""The questions the Accounts dialog asks: remove, discard changes, keep a key in memory.

Each box is built here and opened by the dialog with `open()` (never `exec()`), so the
event loop, and every task on it, keeps running while the operator thinks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from omni_desktop.storage.secrets import NoKeyring

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import make_plain


def remove_box(parent: QWidget, name: str) -> QMessageBox:
    """ "Remove the account?", No by default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Remove account"),
        tr("Remove the account “{name}”?").format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText(
        tr("Its key is deleted from the system keyring. Its sends stay in the history.")
    )
    return _finish(box, QMessageBox.StandardButton.No)


def discard_box(parent: QWidget, name: str) -> QMessageBox:
    """ "The changes are not saved", Cancel by default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Unsaved changes"),
        tr("The changes to “{name}” are not saved.").format(name=name),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    return _finish(box, QMessageBox.StandardButton.Cancel)


def memory_box(parent: QWidget, name: str, problem: NoKeyring) -> QMessageBox:
    """No keyring: keep the key of `name` in memory for this session? (Yes or No)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("No keyring"),
        problem.sentence,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText(
        tr(
            "Keep the key of “{name}” in memory until omni-desktop quits? It is never "
            "written to a file."
        ).format(name=name)
    )
    return _finish(box, None)


def _finish(box: QMessageBox, default: QMessageBox.StandardButton | None) -> QMessageBox:
    if default is not None:
        box.setDefaultButton(default)
    make_plain(box)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


__all__ = ["discard_box", "memory_box", "remove_box"]
