"""The History screen: the dialog, its presenter over `HistoryService`, its tables and words."""

from __future__ import annotations

from omni_desktop.ui.history.dialog import HistoryDialog

__all__ = ["HistoryDialog"]
