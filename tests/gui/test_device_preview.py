"""The device previews beside the channel tabs: what the operator sees as they type.

Images come from a real HTTP server on 127.0.0.1 in a thread: a PNG, a 404, a body over the
cap, a redirect to a file: URL.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QScrollArea

from omni_desktop.services.images import MAX_IMAGE_BYTES

from omni_desktop.ui.preview.others import ChatPreview, EmailPreview, VoicePreview
from omni_desktop.ui.preview.panel import PreviewPanel
from omni_desktop.ui.preview.sms import SmsPreview, highlight_colour
from omni_desktop.ui.preview.viber import ViberPreview
from omni_desktop.ui.window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _png(width: int = 40, height: int = 30) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#7360f2"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
    buffer.close()
    return bytes(data.data())


class _Images(BaseHTTPRequestHandler):
    png = b""

    def do_GET(self) -> None:
        if self.path == "/ok.png":
            self._answer(200, self.png, "image/png")
        elif self.path == "/huge.png":
            self._answer(200, b"\x89PNG" + b"\0" * (MAX_IMAGE_BYTES + 10), "image/png")
        elif self.path == "/away":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._answer(404, b"<h1>not here</h1>", "text/html")

    def _answer(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may stop reading: it refused the size

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def images(qapp: QApplication) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 with a PNG, a 404, a huge body and a bad redirect."""
    _Images.png = _png()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Images)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _opened(window: MainWindow, key: str) -> PreviewPanel:
    """The preview panel shown (F8), on the channel tab `key`."""
    for index in range(window.tabs.count()):
        composer = window.composer_at(index)
        if composer is not None and composer.spec.key == key:
            window.tabs.setCurrentIndex(index)
    panel = window.device_preview
    if not panel.isVisible():
        panel.toggle_action.trigger()
    QApplication.processEvents()
    assert panel.isVisible()
    return panel


def _type(window: MainWindow, key: str, path: str, text: str) -> None:
    editor = window.composers[key].editor(path)
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    elif isinstance(editor, QLineEdit):
        editor.setText(text)
    QApplication.processEvents()


def test_hidden_at_first_f8_shows_it_and_the_tabs_stay_in_sight(composer: Any) -> None:
    window: MainWindow = composer.window
    window.resize(1024, 700)
    QApplication.processEvents()
    panel = window.device_preview
    assert not panel.isVisible()
    assert panel.toggle_action.shortcut().toString() == "F8"
    _opened(window, "sms")
    bar = window.tabs.tabBar()
    assert all(bar.rect().contains(bar.tabRect(i)) for i in range(bar.count()))
    assert window.width() <= 1024
    panel.toggle_action.trigger()
    assert not panel.isVisible()


@pytest.mark.parametrize("size", [(1024, 700), (1360, 900)])
def test_with_the_preview_open_the_composer_needs_no_sideways_scrolling(
    composer: Any, size: tuple[int, int]
) -> None:
    """The counter wraps, so a long count ("… · Sent as Unicode because of …") never makes
    the composer wider than the pane the preview leaves it: no text box cut at the right.
    And the preview scrolls rather than make the window taller than the screen."""
    window: MainWindow = composer.window
    window.resize(*size)
    window.recipients.model.add_lines("+41 79 302 67 27")
    _opened(window, "sms")
    _type(window, "sms", "text", "Your order has shipped — €4.90 paid. " * 2)
    sms = window.composers["sms"]
    assert "Unicode" in sms.counter_text.text()
    area = sms.parentWidget().parentWidget()  # the composer's scroll area
    assert isinstance(area, QScrollArea)
    assert area.horizontalScrollBar().maximum() == 0
    assert sms.editor("text").width() > 150
    assert window.width() <= size[0] and window.height() <= size[1]
    panel = window.device_preview  # shorter than the bubble it shows: it scrolls instead
    assert panel.minimumSizeHint().height() < panel.previews["sms"].minimumSizeHint().height()
    if size == (1360, 900):  # room enough: the summary under the bubble shows unscrolled
        shown = panel.previews["sms"]
        assert isinstance(shown, SmsPreview)
        scroller = panel.findChild(QScrollArea, "preview_scroll")
        assert scroller is not None
        corner = shown.summary.mapTo(scroller.viewport(), shown.summary.rect().bottomRight())
        assert scroller.viewport().rect().contains(corner)


def test_sms_shows_sender_recipient_segments_and_the_unicode_character(
    composer: Any, qtbot: QtBot
) -> None:
    window: MainWindow = composer.window
    window.recipients.model.add_lines("not a number\n+41 79 302 67 27")
    panel = _opened(window, "sms")
    assert panel.row_box.value() == 2, "the first valid row is shown"
    assert panel.row_box.text() == "Row 2"  # as the operator reads it
    text = "a" * 150 + "—" + "b" * 10  # the dash forces UCS-2: 161 units, 67 per segment
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        _type(window, "sms", "text", text)
    sms = panel.previews["sms"]
    assert isinstance(sms, SmsPreview)
    assert sms.text.toPlainText() == text
    assert sms.sender_label.text() == "From: InfoSMS"  # the scenario's SMS step
    assert sms.recipient_label.text() == "To: +41793026727"
    assert sms.text.boundaries == [67, 134]
    assert sms.text.highlighted == [(150, 151)]
    marked = [
        s for s in sms.text.extraSelections() if s.format.background().color() == highlight_colour()
    ]
    assert [s.cursor.selectedText() for s in marked] == ["—"]
    assert sms.summary.text().startswith("3 segments · UCS-2")

    with qtbot.waitSignal(panel.rendered, timeout=2000):  # the dash gone: GSM-7, one segment
        _type(window, "sms", "text", "a" * 150 + "-" + "b" * 9)
    assert sms.text.boundaries == [] and sms.text.highlighted == []
    assert sms.summary.text() == "1 segment · GSM-7"


def test_gsm_boundaries_keep_escape_pairs_and_surrogates(composer: Any, qtbot: QtBot) -> None:
    window: MainWindow = composer.window
    panel = _opened(window, "sms")
    sms = panel.previews["sms"]
    assert isinstance(sms, SmsPreview)
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        _type(window, "sms", "text", "a" * 152 + "€" + "b" * 10)
    assert sms.text.boundaries == [152]  # the euro's two septets open segment 2
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        _type(window, "sms", "text", "😀" * 36)
    assert sms.text.boundaries == [66]  # 33 emoji, 66 UTF-16 positions in Qt's document
    assert sms.text.highlighted == [(0, 72)]


def test_each_channel_preview_shows_its_composer(composer: Any, qtbot: QtBot) -> None:
    window: MainWindow = composer.window
    window.recipients.model.add_lines("+41 79 302 67 27, ann@example.com")
    panel = _opened(window, "email")
    _type(window, "email", "subject", "Your order")
    _type(window, "email", "text", "Dear Ann,\nit ships today.")
    email = panel.previews["email"]
    assert isinstance(email, EmailPreview)
    qtbot.waitUntil(lambda: email.body.toPlainText() == "Dear Ann,\nit ships today.")
    assert email.sender_label.text() == "shop@example.com"
    assert email.subject.text() == "Your order"
    assert email.recipient_label.text() == "ann@example.com"

    _opened(window, "voice")
    _type(window, "voice", "text", "Your parcel arrives today. " * 10)
    voice = panel.previews["voice"]
    assert isinstance(voice, VoicePreview)
    qtbot.waitUntil(lambda: voice.text.text().startswith("Your parcel"))
    assert voice.duration.text() == "About 20 s to speak (40 words at 150 words a minute)"

    for key in ("parseco", "facebook"):
        _opened(window, key)
        _type(window, key, "text", f"Hello from {key}")
        chat = panel.previews[key]
        assert isinstance(chat, ChatPreview)
        expected = f"Hello from {key}"
        qtbot.waitUntil(lambda chat=chat, expected=expected: chat.text.text() == expected)  # type: ignore[misc]
        assert panel.stack.currentWidget() is chat

    _opened(window, "viber")
    _type(window, "viber", "text", "Sale today")
    _type(window, "viber", "buttonText", "Shop now")
    viber = panel.previews["viber"]
    assert isinstance(viber, ViberPreview)
    qtbot.waitUntil(lambda: viber.text.text() == "Sale today")
    assert viber.button.text() == "Shop now"
    assert viber.sender_label.text() == "OmniShop"


def test_markup_shows_literally(composer: Any, qtbot: QtBot) -> None:
    window: MainWindow = composer.window
    markup = "<b>bold</b> <img src='http://127.0.0.1:9/x.png'> &amp;"
    panel = _opened(window, "viber")
    _type(window, "viber", "text", markup)
    _type(window, "viber", "buttonText", "<i>go</i>")
    viber = panel.previews["viber"]
    assert isinstance(viber, ViberPreview)
    qtbot.waitUntil(lambda: viber.text.text() == markup)
    for label in (viber.text, viber.button, viber.sender_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
    _opened(window, "email")
    _type(window, "email", "subject", markup)
    email = panel.previews["email"]
    assert isinstance(email, EmailPreview)
    qtbot.waitUntil(lambda: email.subject.text() == markup)
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in email.findChildren(QLabel)
        if label.text()
    )


def test_viber_image_placeholder_then_picture(composer: Any, images: str, run_until: Any) -> None:
    window: MainWindow = composer.window
    panel = _opened(window, "viber")
    viber = panel.previews["viber"]
    assert isinstance(viber, ViberPreview)
    _type(window, "viber", "text", "Your parcel is on its way.")
    assert not viber.image.isVisible(), "no image URL: no empty space in the bubble"
    _type(window, "viber", "imageURL", f"{images}/ok.png")
    assert viber.image.isVisible()
    assert viber.image_state == "loading"
    assert viber.image.text() == "Loading image…"
    run_until(lambda: viber.image_state != "loading", timeout=10)
    assert viber.image_state == "shown"
    assert viber.image.pixmap().width() == 40  # the PNG as served, not stretched


@pytest.mark.parametrize(
    ("path", "sentence"),
    [
        ("/missing.png", "The image did not load: the server answered 404 Not Found."),
        ("/huge.png", "The image is larger than 5 MB, too big for a preview."),
        ("/away", "The image URL redirects to an address that is not http(s)."),
    ],
)
def test_viber_image_that_fails_says_why(
    composer: Any, images: str, run_until: Any, path: str, sentence: str
) -> None:
    window: MainWindow = composer.window
    panel = _opened(window, "viber")
    viber = panel.previews["viber"]
    assert isinstance(viber, ViberPreview)
    _type(window, "viber", "imageURL", images + path)
    run_until(lambda: viber.image_state != "loading", timeout=10)
    assert viber.image_state == "failed"
    assert viber.image.text() == sentence
    assert viber.image.pixmap().isNull()


def test_the_chosen_row_is_kept_and_shown(composer: Any, qtbot: QtBot) -> None:
    window: MainWindow = composer.window
    window.recipients.model.add_lines("+41 79 302 67 27\n+41 79 302 67 28")
    panel = _opened(window, "sms")
    sms = panel.previews["sms"]
    assert isinstance(sms, SmsPreview)
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        panel.row_box.setValue(2)
    assert sms.recipient_label.text() == "To: +41793026728"
    window.recipients.model.add_lines("+41 79 302 67 29")
    QApplication.processEvents()
    assert panel.row_box.value() == 2 and panel.row_box.maximum() == 3
    assert panel.current_input() is not None and panel.current_input().row == 1  # type: ignore[union-attr]


def test_edits_anywhere_keep_the_bubble_equal_to_the_text(qtbot: QtBot) -> None:
    """The bubble is changed only where the text differs; it must still hold the text."""
    from omni_desktop.core.message import ChannelContent

    from omni_desktop.ui.preview.base import PreviewInput

    sms = SmsPreview()
    qtbot.addWidget(sms)
    texts = [
        "Hello",
        "Hello 😀",
        "Hello 😁",  # one astral character for another: same high surrogate
        "Hel😁lo 😁",
        "He\nl😁lo 😁 — end",
        "<b>x</b>",
        "",
        "€" * 81,
    ]
    for text in texts:
        sms.show_input(PreviewInput("sms", ChannelContent(values={"text": text})))
        assert sms.text.toPlainText() == text
    assert sms.text.boundaries == [76]


def test_placeholders_show_the_chosen_rows_values(composer: Any, qtbot: QtBot) -> None:
    from omni_desktop.core.message import Destination

    window: MainWindow = composer.window
    markup = "<b>Ann</b> &amp; {{First name}}"
    window.recipients.model.set_destinations(
        [
            Destination(phone="not a number", fields={"First name": "Nobody"}),
            Destination(phone="+41 79 302 67 27", fields={"First name": "Jürg"}),
            Destination(phone="+41 79 302 67 28", fields={"First name": markup}),
            Destination(phone="+41 79 302 67 29", fields={"First name": " "}),
            Destination(phone="+41 79 302 67 30", fields={"First name": "x" * 200}),
        ]
    )
    panel = _opened(window, "sms")
    sms = panel.previews["sms"]
    assert isinstance(sms, SmsPreview)
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        _type(window, "sms", "text", "Hi {{First name}}")
    assert panel.row_box.value() == 2, "the first valid row"
    assert sms.text.toPlainText() == "Hi Jürg"
    assert sms.summary.text() == "1 segment · GSM-7"
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        panel.row_box.setValue(3)
    assert sms.text.toPlainText() == "Hi " + markup, "markup and braces in a value stay literal"
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        panel.row_box.setValue(5)
    assert sms.summary.text().startswith("2 segments"), "the counter counts the rendered text"
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        panel.row_box.setValue(4)
    assert sms.text.toPlainText() == "Hi {{First name}}", "an empty value leaves the placeholder"
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        panel.set_fallbacks({"First name": "there"})
    assert sms.text.toPlainText() == "Hi there"

    _opened(window, "viber")
    _type(window, "viber", "text", "Sale for {{ First name }}")
    _type(window, "viber", "buttonText", "{{First name}}, shop")
    viber = panel.previews["viber"]
    assert isinstance(viber, ViberPreview)
    with qtbot.waitSignal(panel.rendered, timeout=2000):
        panel.row_box.setValue(3)
    assert viber.text.text() == "Sale for " + markup
    assert viber.text.textFormat() == Qt.TextFormat.PlainText
    assert viber.button.text() == markup + ", shop"
    assert window.presenter.message.channels["viber"].values["text"] == "Sale for {{ First name }}"
