"""The exact JSON that will be posted, with Copy and "Copy as cURL" (key as a placeholder)."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from omni_desktop.ui.i18n import tr

KEY_PLACEHOLDER = "$INFOBIP_API_KEY"
SEND_PATH = "/omni/1/advanced"


def curl_command(base_url: str, body: dict[str, Any]) -> str:
    """A cURL command for this request; the API key is a shell variable, never the key itself."""
    url = base_url.rstrip("/") + SEND_PATH
    data = json.dumps(body, ensure_ascii=False, indent=2)
    return (
        f"curl -X POST {shlex.quote(url)} \\\n"
        f'  -H "Authorization: App {KEY_PLACEHOLDER}" \\\n'
        "  -H 'Content-Type: application/json' -H 'Accept: application/json' \\\n"
        f"  --data-raw {shlex.quote(data)}"
    )


class RequestPreview(QWidget):
    """Shows the request body as it would be posted, updating as the draft changes."""

    def __init__(self, base_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_url = base_url
        self._body: dict[str, Any] = {}
        self._full: Callable[[], dict[str, Any]] | None = None
        self.note = QLabel(
            tr("POST {path}: IDs are made at send time where you gave none.").format(
                path=SEND_PATH
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("request_json")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(tr("Request JSON"))
        self.copy_json = QPushButton(tr("Copy JSON"), self)
        self.copy_json.setToolTip(tr("Copy the request body to the clipboard"))
        self.copy_curl = QPushButton(tr("Copy as cURL"), self)
        self.copy_curl.setToolTip(
            tr("Copy a cURL command; the API key is left as {var}").format(var=KEY_PLACEHOLDER)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.copy_json)
        buttons.addWidget(self.copy_curl)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.text, 1)
        self.copy_json.clicked.connect(self._on_copy_json_clicked)
        self.copy_curl.clicked.connect(self._on_copy_curl_clicked)

    def set_body(
        self,
        body: dict[str, Any],
        total: int | None = None,
        full: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        """Show `body`; when it holds only the first of `total` destinations, say so, and let
        Copy ask `full()` for the whole body (built only when it is copied)."""
        self._body = body
        self._full = full
        shown = len(body.get("destinations", ()))
        text = json.dumps(body, ensure_ascii=False, indent=2)
        if total is not None and total > shown:
            text += "\n" + tr(
                "… showing {shown} of {n:,} destinations; Copy gives them all."
            ).format(shown=shown, n=total)
        if text != self.text.toPlainText():
            bar = self.text.verticalScrollBar()
            position = bar.value()
            self.text.setPlainText(text)
            bar.setValue(position)

    def full_body(self) -> dict[str, Any]:
        return self._full() if self._full is not None else self._body

    def json_text(self) -> str:
        return json.dumps(self.full_body(), ensure_ascii=False, indent=2)

    def _on_copy_json_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.json_text())

    def _on_copy_curl_clicked(self) -> None:
        QGuiApplication.clipboard().setText(curl_command(self.base_url, self.full_body()))
