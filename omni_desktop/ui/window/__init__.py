"""The main window.

window (MainWindow: layout and wiring), actions (its QActions, menus and tool bar), drafts (the
draft's file: New/Open/Save, recent files, autosave and restore), accounts (the Account menu and
switching), sending (the presenter's state shown, and Send), banner (TargetBanner).
"""

from omni_desktop.ui.window.banner import TargetBanner
from omni_desktop.ui.window.window import MainWindow

__all__ = ["MainWindow", "TargetBanner"]
