"""The Viber preview: a bubble with the image, the text and the button.

The image comes from `ImageLoader` (off the GUI thread); until it arrives the bubble shows a
placeholder, and when the URL fails, the reason in words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_tooltip, set_plain
from omni_desktop.ui.preview.base import (
    Bubble,
    ChannelPreview,
    PreviewInput,
    caption_label,
    show_plain,
    text_label,
)
from omni_desktop.ui.preview.images import SHOWN_WIDTH, ImageLoader
from omni_desktop.ui.theme import error_css

SHOWN_CHARS = 2000  # Viber takes 1,000; the rest is an error the Problems tab names


class ViberPreview(ChannelPreview):
    """Sender, then the bubble: image (or its state), text, button."""

    def __init__(self, loader: ImageLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viber_preview")
        self.loader = loader
        self.image_url = ""
        self.image_state = "none"  # none, loading, shown, failed
        self.sender_label = caption_label(self, "viber_preview_sender")
        self.recipient_label = caption_label(self, "viber_preview_recipient")
        self.bubble = Bubble("viber", self)
        self.image = QLabel(self.bubble)
        self.image.setObjectName("viber_preview_image")
        self.image.setTextFormat(Qt.TextFormat.PlainText)
        self.image.setWordWrap(True)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(60)
        self.image.setMaximumWidth(SHOWN_WIDTH)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.image.setVisible(False)  # until there is an image URL: no empty space above
        self.text = text_label(self.bubble, "viber_preview_text")
        self.button = QLabel(self.bubble)  # looks like the button; clicking opens nothing
        self.button.setObjectName("viber_preview_button")
        self.button.setTextFormat(Qt.TextFormat.PlainText)
        self.button.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button.setStyleSheet(
            "QLabel { background: #7360f2; color: white; border-radius: 10px; padding: 6px; }"
        )
        for widget in (self.image, self.text, self.button):
            self.bubble.layout_.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sender_label)
        layout.addWidget(self.recipient_label)
        layout.addWidget(self.bubble)
        layout.addStretch(1)
        loader.image_loaded.connect(self._on_loader_image_loaded)
        loader.image_failed.connect(self._on_loader_image_failed)

    def show_input(self, preview: PreviewInput) -> None:
        sender = preview.sender or tr("(the scenario's Viber sender)")
        show_plain(self.sender_label, sender)
        to = preview.phone
        show_plain(self.recipient_label, tr("To: {phone}").format(phone=to) if to else "")
        text = preview.text()[:SHOWN_CHARS]
        show_plain(self.text, text or tr("(no text)"))
        button = preview.text("buttonText")
        show_plain(self.button, button)
        self.button.setToolTip(plain_tooltip(preview.text("buttonURL")))
        self._want_image(preview.text("imageURL"))

    def _want_image(self, url: str) -> None:
        if url == self.image_url:
            return
        self.image_url = url
        self.image.setToolTip(plain_tooltip(url))
        if not url:
            self.image_state = "none"
            self.image.clear()
            self.image.setVisible(False)
            return
        self.image_state = "loading"
        self.image.setStyleSheet("color: palette(placeholder-text);")
        set_plain(self.image, tr("Loading image…"))
        self.image.setVisible(True)
        self.loader.request(url)

    def _on_loader_image_loaded(self, url: str, image: QImage) -> None:
        if url != self.image_url:
            return
        self.image_state = "shown"
        self.image.setStyleSheet("")
        self.image.setPixmap(QPixmap.fromImage(image))

    def _on_loader_image_failed(self, url: str, sentence: str) -> None:
        if url != self.image_url:
            return
        self.image_state = "failed"
        self.image.setStyleSheet(error_css())
        set_plain(self.image, sentence)

    def recolour(self) -> None:
        self.bubble.recolour()


__all__ = ["ViberPreview"]
