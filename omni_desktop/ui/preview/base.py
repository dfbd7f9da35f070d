"""What every device preview is given, and the pieces they share: the bubble and its lines.

All text is shown literally (plain labels, plain text documents): the draft and the
scenario's sender are typed or loaded text, and markup in them must read as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from omni_desktop.core.message import ChannelContent

from omni_desktop.ui.plain import plain_label, set_plain
from omni_desktop.ui.theme import is_dark


@dataclass(frozen=True)
class PreviewInput:
    """One channel's content as one recipient would get it.

    `row` is the recipients table row shown; the content's `{{Field}}` placeholders are already
    filled from that row (and the fallbacks), so every preview and counter shows the real text.
    """

    channel: str  # the channel's JSON key: "sms"
    content: ChannelContent = field(default_factory=ChannelContent)
    sender: str = ""  # the scenario step's `from` for this channel, "" when not known
    phone: str = ""
    email: str = ""
    row: int | None = None

    def text(self, path: str = "text") -> str:
        value = self.content.values.get(path)
        return value if isinstance(value, str) else ("" if value is None else str(value))


class ChannelPreview(QWidget):
    """The preview of one channel; `show_input` redraws it from scratch (cheaply)."""

    def show_input(self, preview: PreviewInput) -> None:
        raise NotImplementedError


# Bubble colours per channel: (light scheme, dark scheme), near each app's own.
_BUBBLES = {
    "sms": ("#e9e9eb", "#3a3a3c"),
    "viber": ("#ece8fd", "#3b3366"),
    "parseco": ("#e3f2fd", "#1f3a52"),
    "facebook": ("#e7f0ff", "#1c3257"),
    "voice": ("#e8f5e9", "#1f3d24"),
    "email": ("#ffffff", "#2b2b2b"),
}


def bubble_colour(channel: str) -> str:
    light, dark = _BUBBLES.get(channel, _BUBBLES["sms"])
    return dark if is_dark() else light


class Bubble(QFrame):
    """A rounded message bubble; its children are laid out top to bottom."""

    def __init__(self, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{channel}_bubble")
        self.channel = channel
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(10, 8, 10, 8)
        self.layout_.setSpacing(6)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.recolour()

    def recolour(self) -> None:
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: {bubble_colour(self.channel)};"
            " border-radius: 14px; }"
        )


def text_label(parent: QWidget, name: str, selectable: bool = True) -> QLabel:
    """A wrapped plain-text label (markup shows as typed)."""
    label = plain_label("", parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def caption_label(parent: QWidget, name: str) -> QLabel:
    """A small grey line: the sender, the recipient, a count."""
    label = text_label(parent, name)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    label.setFont(font)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def show_plain(label: QLabel, text: str) -> None:
    """Set `text` literally and hide the label when it is empty; a label whose text is
    unchanged is left alone (a new text relays out the window: typing must not)."""
    if label.text() != text or label.textFormat() != Qt.TextFormat.PlainText:
        set_plain(label, text)
    if label.isHidden() == bool(text):
        label.setVisible(bool(text))


__all__ = [
    "Bubble",
    "ChannelPreview",
    "PreviewInput",
    "bubble_colour",
    "caption_label",
    "show_plain",
    "text_label",
]
