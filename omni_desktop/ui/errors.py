"""Unexpected errors reach the operator as a dialog and the log, never only a console."""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import make_plain

log = logging.getLogger("omni_desktop")


def show_unexpected(parent: QWidget | None, summary: str, details: str) -> QMessageBox:
    """A non-blocking error box (open(), never exec()) with the details folded away."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("Unexpected error"))
    box.setText(tr("Something went wrong inside omni-desktop: {summary}").format(summary=summary))
    box.setInformativeText(
        tr("Your draft is still here. Save it, and report this with the details below.")
    )
    box.setDetailedText(details)
    make_plain(box)  # an exception's text may quote a server's or a file's
    box.open()
    return box


def install_error_hooks(loop: asyncio.AbstractEventLoop, parent: QWidget) -> None:
    """Route uncaught exceptions in slots and in tasks to the log and a dialog."""
    boxes: list[QMessageBox] = []  # keep the boxes alive while they are shown

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("Uncaught exception\n%s", details)
        boxes.append(show_unexpected(parent, f"{kind.__name__}: {value}", details))

    def loop_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, asyncio.CancelledError):
            return
        message = str(context.get("message", ""))
        if exc is None:
            log.error("Event loop error: %s", message)
            return
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        log.error("Error in a background task: %s\n%s", message, details)
        boxes.append(show_unexpected(parent, f"{type(exc).__name__}: {exc}", details))

    sys.excepthook = excepthook
    loop.set_exception_handler(loop_handler)
