"""The exact JSON that will be posted, with Copy and "Copy as cURL" (secret as a placeholder).

A big send shows its first destinations; "Show all" renders the whole body (about 10 MB of text
for 100,000 destinations) in a worker thread, a slice at a time so the window stays responsive,
and a change of the draft supersedes it. The text is read-only but keyboard-scrollable.
"""

from __future__ import annotations

import asyncio
import json
import shlex
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.qt_common import TaskKeeper

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


# Characters put into the whole body's document per call: each call holds the interpreter
# lock, so the window's own Python code waits at most that long (~5 ms) for its turn.
_SLICE = 20_000


def _document(font: QFont) -> QTextDocument:
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentLayout(QPlainTextDocumentLayout(document))
    document.setDefaultFont(font)
    return document


def whole_document(body: dict[str, Any], font: QFont, home: QThread) -> QTextDocument:
    """The whole body as a plain-text document, made in a worker thread and handed to `home`
    (the GUI thread), where it is shown. Filled a slice at a time, never in one long call."""
    text = json.dumps(body, ensure_ascii=False, indent=2)
    document = _document(font)
    cursor = QTextCursor(document)
    start = 0
    while start < len(text):
        end = text.find("\n", start + _SLICE)
        end = len(text) if end < 0 else end
        cursor.insertText(text[start:end])
        start = end
    document.moveToThread(home)
    return document


def _discard(done: asyncio.Future[QTextDocument]) -> None:
    """Delete a whole-body document nobody waits for any more, on the GUI thread."""
    if not done.cancelled() and done.exception() is None:
        done.result().deleteLater()


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
        self._total = 0
        self._whole: QTextDocument | None = None  # the whole body, while it is shown
        self.tasks = TaskKeeper(awaited=())
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
        # Read-only, yet a keyboard caret: Ctrl+End, Ctrl+Home, Page Down move through the body,
        # and Tab leaves it.
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text.setTabChangesFocus(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._preview = _document(self.text.font())
        self._preview.setParent(self)
        self.text.setDocument(self._preview)
        self.text.setAccessibleName(tr("Request JSON"))
        self.show_all = QPushButton(self)
        self.show_all.setObjectName("show_all_destinations")
        self.show_all.setToolTip(tr("Show the whole request body, every destination in it"))
        self.show_all.hide()
        self.copy_json = QPushButton(tr("Copy JSON"), self)
        self.copy_json.setToolTip(tr("Copy the request body to the clipboard"))
        self.copy_curl = QPushButton(tr("Copy as cURL"), self)
        self.set_auth_scheme(auth_scheme)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.show_all)
        buttons.addWidget(self.copy_json)
        buttons.addWidget(self.copy_curl)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.text, 1)
        self.show_all.clicked.connect(self._on_show_all_clicked)
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
        Copy and Show all ask `full()` for the whole body (built only then, on this thread).

        The draft changed: a whole body shown or being made gives way to this one."""
        self._body = body
        self._full = full
        shown = len(body.get("destinations", ()))
        text = json.dumps(body, ensure_ascii=False, indent=2)
        self._total = total if total is not None and total > shown and full else 0
        if total is not None and total > shown:
            text += "\n" + tr(
                "… showing {shown} of {n:,} destinations; Copy gives them all."
            ).format(shown=shown, n=total)
        self.tasks.cancel("show all")
        self._show_preview()
        if text != self._preview.toPlainText():
            bar = self.text.verticalScrollBar()
            position = bar.value()
            self.text.setPlainText(text)
            bar.setValue(position)
        self._show_all_button()

    def showing_all(self) -> bool:
        """Whether the text shows the whole body (after Show all), not the first destinations."""
        return self._whole is not None

    async def shutdown(self) -> None:
        """End a Show all still being made (the window calls it as it closes)."""
        await self.tasks.close()

    def _show_all_button(self, busy: bool = False) -> None:
        total = self._total
        self.show_all.setVisible(bool(total) and self._whole is None)
        self.show_all.setEnabled(not busy)
        if busy:
            self.show_all.setText(tr("Preparing every destination…"))
        elif total:
            self.show_all.setText(trn("Show all {n:,} destination(s)", None, total).format(n=total))
        self.show_all.setAccessibleName(self.show_all.text())

    def _show_preview(self) -> None:
        whole, self._whole = self._whole, None
        if whole is not None:
            self.text.setDocument(self._preview)
            whole.deleteLater()

    async def _make_whole(self, body: dict[str, Any]) -> None:
        font, home = QFont(self.text.font()), self.thread()
        made = asyncio.ensure_future(asyncio.to_thread(whole_document, body, font, home))
        try:
            # Shielded: if the draft changes meanwhile, the task ends at once and the thread's
            # document is deleted on this thread once it is made.
            document = await asyncio.shield(made)
        except asyncio.CancelledError:
            made.add_done_callback(_discard)
            raise
        except Exception:  # offered again, and the error logged as the task's
            if shiboken6.isValid(self.show_all):
                self._show_all_button()
            raise
        if not shiboken6.isValid(self.text):
            document.deleteLater()
            return
        document.setParent(self)
        self._whole = document
        self.text.setDocument(document)
        self._show_all_button()

    def _on_show_all_clicked(self) -> None:
        if self._full is None:
            return
        self.tasks.cancel("show all")
        self._show_all_button(busy=True)
        self.tasks.start(self._make_whole(self._full()), "show all")

    def full_body(self) -> dict[str, Any]:
        return self._full() if self._full is not None else self._body

    def json_text(self) -> str:
        return json.dumps(self.full_body(), ensure_ascii=False, indent=2)

    def _on_copy_json_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.json_text())

    def _on_copy_curl_clicked(self) -> None:
        command = curl_command(self.base_url, self.full_body(), self.auth_scheme)
        QGuiApplication.clipboard().setText(command)
