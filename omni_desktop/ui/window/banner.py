"""`TargetBanner`: the line at the top of the window that always says where sends go."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from omni_desktop.ui.i18n import tr


class TargetBanner(QLabel):
    """Always shows where sends go; the sandbox is unmistakable."""

    def __init__(self, name: str, base_url: str, is_sandbox: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("target_banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(tr("Active target"))
        self.set_target(name, base_url, is_sandbox)

    def set_target(self, name: str, base_url: str, is_sandbox: bool) -> None:
        if is_sandbox:
            self.setText(
                "<b>"
                + tr("SANDBOX")
                + "</b> — "
                + tr(
                    "sends go to the built-in test server at {url}. Nothing reaches a real "
                    "phone or inbox; delivery is simulated."
                ).format(url=escape(base_url))
            )
            self.setStyleSheet(
                "QLabel#target_banner { background: #ffb300; color: #1a1a1a; padding: 6px 10px;"
                " border-bottom: 2px solid #c68400; }"
            )
        else:
            # Rich text for the bold; the profile's name and URL are escaped, shown as typed.
            account = tr("Account: {name}").format(name=name)
            self.setText(f"<b>{escape(account)}</b> — {escape(base_url)}")
            self.setStyleSheet(
                "QLabel#target_banner { background: #1565c0; color: white; padding: 6px 10px; }"
            )
