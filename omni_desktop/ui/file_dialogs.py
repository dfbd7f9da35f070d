"""File dialogs that start in the user's documents folder, never the working directory.

Non-blocking: the caller connects `fileSelected` and calls `open()` (a `getSaveFileName`
would spin a nested event loop under qasync).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    """The user's documents folder (platformdirs); the home folder when it does not exist."""
    try:
        folder = Path(platformdirs.user_documents_dir())
    except (OSError, ValueError, RuntimeError):
        return Path.home()
    return folder if folder.is_dir() else Path.home()


def save_dialog(
    parent: QWidget, title: str, file_name: str, filters: str, suffix: str
) -> QFileDialog:
    """A Save dialog on `file_name` in the documents folder, adding `suffix` when none is
    typed. The caller connects `fileSelected` and opens it with `open()`."""
    start = documents_folder() / _safe_name(file_name)
    dialog = QFileDialog(parent, title, str(start), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    return dialog


def _safe_name(name: str) -> str:
    """A file name from text a server may have chosen (a bulkId): no folders, no controls."""
    cleaned = "".join("_" if ch in '/\\:*?"<>|' or not ch.isprintable() else ch for ch in name)
    return cleaned.strip(" .")[:120] or "export"


__all__ = ["documents_folder", "save_dialog"]
