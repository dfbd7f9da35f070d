"""The e-mail, voice, Parseco and Facebook previews: plain text in each channel's shape."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QPlainTextEdit, QVBoxLayout, QWidget

from omni_desktop.core.scenario import describe_seconds
from omni_desktop.core.voice import WORDS_PER_MINUTE, speaking_seconds, word_count

from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.preview.base import (
    Bubble,
    ChannelPreview,
    PreviewInput,
    caption_label,
    show_plain,
    text_label,
)

SHOWN_CHARS = 20_000  # an e-mail body can be long; the preview needs its beginning


class EmailPreview(ChannelPreview):
    """A mail reader's header (from, to, subject) above the plain-text body."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("email_preview")
        self.sender_label = text_label(self, "email_preview_from")
        self.recipient_label = text_label(self, "email_preview_to")
        self.subject = text_label(self, "email_preview_subject")
        font = self.subject.font()
        font.setBold(True)
        self.subject.setFont(font)
        header = QFormLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addRow(plain_label(tr("From:"), self), self.sender_label)
        header.addRow(plain_label(tr("To:"), self), self.recipient_label)
        header.addRow(plain_label(tr("Subject:"), self), self.subject)
        self.body = QPlainTextEdit(self)  # plain text: the body as the draft holds it
        self.body.setObjectName("email_preview_body")
        self.body.setReadOnly(True)
        self.body.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.body, 1)

    def show_input(self, preview: PreviewInput) -> None:
        self.sender_label.setText(preview.sender or tr("(the scenario's e-mail sender)"))
        self.recipient_label.setText(preview.email or tr("(no e-mail address in this row)"))
        self.subject.setText(preview.text("subject") or tr("(no subject)"))
        body = preview.text()[:SHOWN_CHARS]
        if self.body.toPlainText() != body:
            self.body.setPlainText(body)


class VoicePreview(ChannelPreview):
    """The text to be spoken, and about how long the call's message lasts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voice_preview")
        self.sender_label = caption_label(self, "voice_preview_sender")
        self.recipient_label = caption_label(self, "voice_preview_recipient")
        self.bubble = Bubble("voice", self)
        self.text = text_label(self.bubble, "voice_preview_text")
        self.bubble.layout_.addWidget(self.text)
        self.duration = caption_label(self, "voice_preview_duration")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.sender_label, self.recipient_label, self.bubble, self.duration):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_input(self, preview: PreviewInput) -> None:
        caller = preview.sender or tr("(the scenario's voice number)")
        show_plain(self.sender_label, tr("Call from {sender}").format(sender=caller))
        to = preview.phone
        show_plain(self.recipient_label, tr("To: {phone}").format(phone=to) if to else "")
        text = preview.text()
        show_plain(self.text, text[:SHOWN_CHARS] or tr("(no text)"))
        seconds = speaking_seconds(text)
        if not seconds:
            self.duration.setText(tr("Nothing to speak yet."))
            return
        words = trn("%n word(s)", None, word_count(text))
        self.duration.setText(
            tr("About {time} to speak ({words} at {wpm} words a minute)").format(
                time=describe_seconds(seconds), words=words, wpm=WORDS_PER_MINUTE
            )
        )

    def recolour(self) -> None:
        self.bubble.recolour()


class ChatPreview(ChannelPreview):
    """A chat bubble (Parseco, Facebook Messenger); a media message names its URL."""

    def __init__(self, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = channel
        self.setObjectName(f"{channel}_preview")
        self.sender_label = caption_label(self, f"{channel}_preview_sender")
        self.bubble = Bubble(channel, self)
        self.media = text_label(self.bubble, f"{channel}_preview_media")
        self.media.setStyleSheet("font-style: italic;")
        self.text = text_label(self.bubble, f"{channel}_preview_text")
        self.bubble.layout_.addWidget(self.media)
        self.bubble.layout_.addWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sender_label)
        layout.addWidget(self.bubble, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)

    def show_input(self, preview: PreviewInput) -> None:
        show_plain(self.sender_label, preview.sender)
        kind = preview.text("type")
        url = preview.text("url")
        media = ""
        if kind and kind != "TEXT":
            media = tr("{kind}: {url}").format(kind=kind.capitalize(), url=url or tr("(no URL)"))
        show_plain(self.media, media)
        text = preview.text()[:SHOWN_CHARS]
        show_plain(self.text, text or ("" if media else tr("(no text)")))

    def recolour(self) -> None:
        self.bubble.recolour()


__all__ = ["ChatPreview", "EmailPreview", "VoicePreview"]
