"""The SMS preview: the phone's bubble under the sender, segments marked, Unicode shown.

Segments are shaded in turn and a bar is drawn where each one ends (the split the platform
makes: `core.sms.segment_ends`); the characters that force UCS-2 are highlighted, so the
operator sees which one doubled the price.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from omni_desktop.core.sms import GSM7, count_sms, segment_ends, unicode_positions

from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.preview.base import (
    Bubble,
    ChannelPreview,
    PreviewInput,
    bubble_colour,
    caption_label,
    show_plain,
)
from omni_desktop.ui.theme import error_colour, is_dark

SHOWN_CHARS = 4000  # past 25 segments the platform refuses the text anyway
MAX_HIGHLIGHTS = 200  # runs of Unicode-forcing characters highlighted; the rest are counted


def utf16_positions(text: str, indexes: list[int]) -> list[int]:
    """Code-point indexes of `text` as positions in Qt's UTF-16 document (sorted input)."""
    if text.isascii() or max(text, default="a") <= "\uffff":
        return list(indexes)
    out: list[int] = []
    astral = previous = 0
    for index in indexes:
        astral += sum(1 for c in text[previous:index] if c > "\uffff")
        previous = index
        out.append(index + astral)
    return out


def _runs(positions: tuple[int, ...]) -> list[tuple[int, int]]:
    """Consecutive positions as (start, end) runs."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] == position:
            runs[-1] = (runs[-1][0], position + 1)
        else:
            runs.append((position, position + 1))
    return runs


def _common_prefix(a: str, b: str) -> int:
    """How many characters `a` and `b` have in common at their start."""
    size = min(len(a), len(b))
    low, high = 0, size
    while low < high:  # binary search on slices: C-speed compares, no Python loop per byte
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def highlight_colour() -> QColor:
    return QColor("#8a6d00" if is_dark() else "#ffd54f")


class SmsText(QPlainTextEdit):
    """The bubble's text: read-only, segments shaded, ends marked, Unicode highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sms_preview_text")
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumHeight(120)
        self.boundaries: list[int] = []  # UTF-16 positions where a segment ends (not the last)
        self.highlighted: list[tuple[int, int]] = []  # UTF-16 (start, end) of Unicode runs
        self.recolour()

    def sizeHint(self) -> QSize:
        """No more than its least height: in the panel's scroll area the summary under the
        bubble stays in sight (Qt's own wish, about 190 px, pushed it out)."""
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def recolour(self) -> None:
        self.setStyleSheet(f"QPlainTextEdit {{ background: {bubble_colour('sms')}; }}")

    def show_text(self, text: str, ends: tuple[int, ...], forcing: tuple[int, ...]) -> None:
        """Show `text` with segment `ends` and Unicode-forcing positions (code points)."""
        self._replace_text(text)
        runs = _runs(forcing)[:MAX_HIGHLIGHTS]
        flat = [i for run in runs for i in run]
        points = utf16_positions(text, sorted({*ends, *flat}))
        where = dict(zip(sorted({*ends, *flat}), points, strict=True))
        self.boundaries = [where[e] for e in ends[:-1]]
        self.highlighted = [(where[a], where[b]) for a, b in runs]
        selections: list[QTextEdit.ExtraSelection] = []
        shade = QColor(bubble_colour("sms")).darker(112)
        stops = [where[e] for e in ends]
        for number, (start, end) in enumerate(zip([0, *stops], stops, strict=False)):
            if number % 2:
                selections.append(self._selection(start, end, shade, bold=False))
        for start, end in self.highlighted:
            selections.append(self._selection(start, end, highlight_colour(), bold=True))
        self.setExtraSelections(selections)
        self.viewport().update()

    def _replace_text(self, text: str) -> None:
        """Change only what differs from the text shown (a keystroke: one character), so the
        document lays out one paragraph instead of all of them."""
        old = self.toPlainText()
        if old == text:
            return
        if not old or not text:
            self.setPlainText(text)
            return
        head = _common_prefix(old, text)
        tail = _common_prefix(old[::-1], text[::-1])
        tail = min(tail, len(old) - head, len(text) - head)
        start, end = utf16_positions(old, [head, len(old) - tail])
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text[head : len(text) - tail])

    def _selection(
        self, start: int, end: int, colour: QColor, bold: bool
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        if bold:
            fmt.setFontWeight(700)
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor(error_colour()))
        selection.format = fmt
        return selection

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw a bar, numbered with the next segment, where each segment ends."""
        super().paintEvent(event)
        if not self.boundaries:
            return
        painter = QPainter(self.viewport())
        colour = QColor(error_colour())
        painter.setPen(QPen(colour, 2))
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.7, 6.0))
        painter.setFont(font)
        cursor = QTextCursor(self.document())
        for number, position in enumerate(self.boundaries, start=2):
            cursor.setPosition(min(position, self.document().characterCount() - 1))
            rect = self.cursorRect(cursor)
            if not rect.intersects(event.rect()):
                continue
            painter.drawLine(rect.left(), rect.top(), rect.left(), rect.bottom())
            painter.drawText(
                QPoint(rect.left() + 2, rect.top() + painter.fontMetrics().ascent()), str(number)
            )
        painter.end()


class SmsPreview(ChannelPreview):
    """The sender above a phone bubble, and what the segments cost below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sms_preview")
        self.sender_label = caption_label(self, "sms_preview_sender")
        self.recipient_label = caption_label(self, "sms_preview_recipient")
        self.bubble = Bubble("sms", self)
        self.text = SmsText(self.bubble)
        self.bubble.layout_.addWidget(self.text)
        self.summary = caption_label(self, "sms_preview_summary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sender_label)
        layout.addWidget(self.recipient_label)
        layout.addWidget(self.bubble, 1)
        layout.addWidget(self.summary)
        layout.addStretch(1)  # a tall panel's room goes under the summary, not between lines

    def show_input(self, preview: PreviewInput) -> None:
        sender = preview.sender or tr("(the scenario's SMS sender)")
        show_plain(self.sender_label, tr("From: {sender}").format(sender=sender))
        to = preview.phone
        show_plain(self.recipient_label, tr("To: {phone}").format(phone=to) if to else "")
        full = preview.text()
        text = full[:SHOWN_CHARS]
        count = count_sms(text)
        ends = segment_ends(text, count)
        forcing = unicode_positions(text) if count.encoding != GSM7 else ()
        self.text.show_text(text, ends, forcing)
        show_plain(
            self.summary,
            self._summary(count.encoding, count.segments, len(full) > len(text), forcing),
        )

    def _summary(
        self, encoding: str, segments: int, clipped: bool, forcing: tuple[int, ...]
    ) -> str:
        if not segments:
            return tr("No text yet.")
        line = trn("%n segment(s)", None, segments) + f" · {encoding}"
        if forcing:
            line += " · " + trn(
                "Unicode because of %n highlighted character(s)", None, len(forcing)
            )
        if clipped:
            line += " · " + tr("the preview shows the first {n:,} characters").format(n=SHOWN_CHARS)
        return line

    def recolour(self) -> None:
        self.bubble.recolour()
        self.text.recolour()


__all__ = ["SmsPreview", "SmsText", "utf16_positions"]
