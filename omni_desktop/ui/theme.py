"""Colours that stay readable in the light and the dark scheme the OS hands Qt.

Every colour of ours is picked at the moment it is used, from the current palette, so a
scheme change (a new application palette) only needs the views to refresh.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the window background is dark, whatever the platform called the scheme."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour() -> str:
    return "#ff7b72" if is_dark() else "#c62828"


def warning_colour() -> str:
    return "#f0b429" if is_dark() else "#8a5a00"


def error_css() -> str:
    """A style sheet for a label that states an error."""
    return f"color: {error_colour()};"
