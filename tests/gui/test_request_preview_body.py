"""The request preview as an operator reads it: keyboard-scrollable, and "Show all" renders the
whole body of a big send off the GUI thread, the window responsive meanwhile; a change of the
draft supersedes it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from omni_desktop.ui import request_preview
from omni_desktop.ui.request_preview import RequestPreview

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

RunUntil = Callable[..., None]
BIG = 50_000


def body_of(count: int, text: str = "Your parcel is on its way") -> dict[str, Any]:
    return {
        "destinations": [
            {"to": {"phoneNumber": f"4179{i:07d}"}, "messageId": f"m-{i}"} for i in range(count)
        ],
        "sms": {"text": text},
    }


def first(body: dict[str, Any], n: int = 50) -> dict[str, Any]:
    return {**body, "destinations": body["destinations"][:n]}


def last_line_in_view(text: QPlainTextEdit) -> bool:
    """Whether the text's last line is within its viewport (what Ctrl+End is for)."""
    last = text.document().lastBlock()
    where = text.blockBoundingGeometry(last).translated(text.contentOffset())
    return last.isVisible() and text.viewport().rect().contains(where.toRect().topLeft())


@pytest.fixture
def preview(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Any:
    widget = RequestPreview("http://127.0.0.1:9")
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    qloop.run_until_complete(widget.shutdown())


def test_a_small_body_has_no_show_all(preview: RequestPreview) -> None:
    preview.set_body(body_of(3), 3, lambda: body_of(3))
    assert not preview.show_all.isVisible()
    assert "41790000002" in preview.text.toPlainText()


def test_ctrl_end_and_ctrl_home_scroll_the_text(preview: RequestPreview, qtbot: QtBot) -> None:
    preview.set_body(first(body_of(200)), 200, lambda: body_of(200))
    text = preview.text
    assert text.focusPolicy() & Qt.FocusPolicy.TabFocus
    text.setFocus()
    bar = text.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    qtbot.keyClick(text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert last_line_in_view(text)
    assert text.textCursor().atEnd()
    qtbot.keyClick(text, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
    assert text.textCursor().atStart()
    qtbot.keyClick(text, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    assert text.isReadOnly()
    qtbot.keyClicks(text, "x")
    assert "x" not in text.toPlainText().splitlines()[0]


def test_show_all_renders_the_whole_body_and_the_window_stays_responsive(
    preview: RequestPreview,
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
) -> None:
    body = body_of(BIG)
    preview.set_body(first(body), BIG, lambda: body)
    assert preview.show_all.isVisible()
    assert preview.show_all.text() == "Show all 50,000 destinations"
    assert preview.show_all.accessibleName() == preview.show_all.text()
    last = f"4179{BIG - 1:07d}"
    assert last not in preview.text.toPlainText()
    assert "showing 50 of 50,000" in preview.text.toPlainText()

    ticks: list[float] = []

    async def tick() -> None:  # what the window's own Python code would get to do
        while True:
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.01)

    ticker = qloop.create_task(tick())
    try:
        qtbot.mouseClick(preview.show_all, Qt.MouseButton.LeftButton)
        assert not preview.show_all.isEnabled()  # busy, and says so
        run_until(preview.showing_all, timeout=60)
        run_until(lambda: len(ticks) > 3)
    finally:
        ticker.cancel()
    gaps = [b - a for a, b in pairwise(ticks)]
    assert len(ticks) > 10
    shown = preview.text.toPlainText()
    # Against filling the same text in one call, timed here on the same (maybe busy) machine:
    # the window's longest stall must be well under that one call's.
    plain = QPlainTextEdit()
    started = time.perf_counter()
    plain.setPlainText(shown)
    one_call = time.perf_counter() - started
    plain.deleteLater()
    assert max(gaps) < max(0.2, 0.6 * one_call), (
        f"the event loop stalled for {max(gaps):.2f} s; one call takes {one_call:.2f} s"
    )

    assert last in shown and "showing 50 of" not in shown
    assert shown.count('"phoneNumber"') == BIG
    assert not preview.show_all.isVisible()
    preview.text.setFocus()
    qtbot.keyClick(preview.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert preview.text.verticalScrollBar().value() > 0
    assert last_line_in_view(preview.text)

    # The draft changes: back to its own preview, and Show all is offered again.
    preview.set_body(first(body, 10), BIG, lambda: body)
    assert not preview.showing_all()
    assert last not in preview.text.toPlainText()
    assert preview.show_all.isVisible() and preview.show_all.isEnabled()


def test_a_change_of_the_draft_supersedes_a_show_all_under_way(
    preview: RequestPreview,
    qtbot: QtBot,
    run_until: RunUntil,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[bool] = []
    made: list[object] = []
    real = request_preview.whole_document

    def observed(*args: Any) -> Any:
        started.append(True)
        document = real(*args)
        made.append(document)
        return document

    monkeypatch.setattr(request_preview, "whole_document", observed)
    old = body_of(20_000, "old text")
    preview.set_body(first(old), len(old["destinations"]), lambda: old)
    qtbot.mouseClick(preview.show_all, Qt.MouseButton.LeftButton)
    run_until(lambda: started)  # the worker is making the old draft's whole body
    new = body_of(60, "new text")
    preview.set_body(first(new), 60, lambda: new)  # the operator edited meanwhile
    assert preview.show_all.isEnabled()
    run_until(lambda: made, timeout=60)  # the worker finished its document ...
    qtbot.wait(100)  # ... and nothing shows it
    assert not preview.showing_all()
    text = preview.text.toPlainText()
    assert "new text" in text and "old text" not in text
    assert preview.show_all.text() == "Show all 60 destinations"
