"""The exact JSON that will be posted, with Copy and "Copy as cURL" (secret as a placeholder)."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from omni_desktop.ui.i18n import tr

KEY_PLACEHOLDER = "$INFOBIP_API_KEY"
BASIC_PLACEHOLDER = "$INFOBIP_USERNAME:$INFOBIP_PASSWORD"
TOKEN_PLACEHOLDER = "$INFOBIP_TOKEN"
SEND_PATH = "/omni/1/advanced"

# Per auth scheme (api.auth.AuthScheme's values): the credentials' cURL option, with shell
# variables in place of the secret, and the placeholder named in the button's tooltip.
_AUTH_OPTIONS = {
    "App": (f'-H "Authorization: App {KEY_PLACEHOLDER}"', KEY_PLACEHOLDER),
    "Basic": (f'-u "{BASIC_PLACEHOLDER}"', BASIC_PLACEHOLDER),
    "IBSSO": (f'-H "Authorization: IBSSO {TOKEN_PLACEHOLDER}"', TOKEN_PLACEHOLDER),
    "Bearer": (f'-H "Authorization: Bearer {TOKEN_PLACEHOLDER}"', TOKEN_PLACEHOLDER),
}


def _auth(scheme: str) -> tuple[str, str]:
    for name, option in _AUTH_OPTIONS.items():
        if name.lower() == scheme.strip().lower():
            return option
    raise ValueError(f"Unknown authentication scheme {scheme!r}: use App, Basic, IBSSO or Bearer.")


def curl_command(base_url: str, body: dict[str, Any], auth_scheme: str = "App") -> str:
    """A cURL command for this request with the account's auth scheme (App, Basic, IBSSO or
    Bearer); the secret is a shell variable, never the secret itself."""
    url = base_url.rstrip("/") + SEND_PATH
    data = json.dumps(body, ensure_ascii=False, indent=2)
    return (
        f"curl -X POST {shlex.quote(url)} \\\n"
        f"  {_auth(auth_scheme)[0]} \\\n"
        "  -H 'Content-Type: application/json' -H 'Accept: application/json' \\\n"
        f"  --data-raw {shlex.quote(data)}"
    )


class RequestPreview(QWidget):
    """Shows the request body as it would be posted, updating as the draft changes."""

    def __init__(
        self, base_url: str, parent: QWidget | None = None, auth_scheme: str = "App"
    ) -> None:
        super().__init__(parent)
        self.base_url = base_url
        self.auth_scheme = auth_scheme
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
        self.set_auth_scheme(auth_scheme)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.copy_json)
        buttons.addWidget(self.copy_curl)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.text, 1)
        self.copy_json.clicked.connect(self._on_copy_json_clicked)
        self.copy_curl.clicked.connect(self._on_copy_curl_clicked)

    def set_auth_scheme(self, scheme: str) -> None:
        """The target's auth scheme (App, Basic, IBSSO or Bearer), for Copy as cURL."""
        self.auth_scheme = scheme
        self.copy_curl.setToolTip(
            tr("Copy a cURL command; the credentials are left as {var}").format(
                var=_auth(scheme)[1]
            )
        )

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
        command = curl_command(self.base_url, self.full_body(), self.auth_scheme)
        QGuiApplication.clipboard().setText(command)
