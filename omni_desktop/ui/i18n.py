"""Translation of operator text: every string a person reads goes through `tr()`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "omni_desktop"


def tr(text: str) -> str:
    """`text` in the operator's language, or unchanged when no translation is installed."""
    return QCoreApplication.translate(CONTEXT, text)
