"""`FunnelView`: the delivery funnel of the last send, painted beside the status table.

One bar per step of the flow, in flow order, split into delivered there, failed or expired
there, pending there, and fell through to a later step; under them the totals and the price
per currency and per channel. Clicking a part of a bar asks for the table to show those rows
(`bar_clicked`); clicking the chosen part again asks for all rows. Painted text is plain.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from omni_desktop.core.funnel import (
    FAILED_GROUPS,
    PENDING_GROUPS,
    Funnel,
    FunnelStep,
    funnel,
    money_text,
)
from omni_desktop.core.status import StatusGroup

from omni_desktop.ui.i18n import grouped, tr
from omni_desktop.ui.status.proxy import FunnelFilter
from omni_desktop.ui.status.style import GROUP_COLOURS
from omni_desktop.ui.timeline import channel_label

DELIVERED, FAILED, PENDING, FELL = "delivered", "failed", "pending", "fell"
PARTS = (DELIVERED, FAILED, PENDING, FELL)
_COLOURS = {
    DELIVERED: GROUP_COLOURS[StatusGroup.DELIVERED],
    FAILED: GROUP_COLOURS[StatusGroup.UNDELIVERABLE],
    PENDING: GROUP_COLOURS[StatusGroup.PENDING],
    FELL: QColor(150, 150, 150),
}


@dataclass(frozen=True)
class _Segment:
    rect: QRectF
    filter: FunnelFilter


class FunnelView(QWidget):
    """Paints a `Funnel`; `text()` says it in words (tooltip, screen readers, tests)."""

    bar_clicked = Signal(object)  # FunnelFilter, or None to show every row again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delivery_funnel")
        self.setAccessibleName(tr("Delivery funnel"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._funnel = funnel([], [])
        self._segments: dict[tuple[int, str], _Segment] = {}
        self._active: FunnelFilter | None = None

    # --- API -----------------------------------------------------------------------------------

    @property
    def funnel(self) -> Funnel:
        return self._funnel

    def set_funnel(self, value: Funnel) -> None:
        self._funnel = value
        text = self.text()
        self.setToolTip(text + "\n" + tr("Click a bar to show its messages in the table."))
        self.setAccessibleDescription(text)
        self._segments = {}  # placed at the next paint
        self.update()

    def set_active(self, active: FunnelFilter | None) -> None:
        """Outline the part of a bar the table is filtered by (None: no part)."""
        self._active = active
        self.update()

    def text(self) -> str:
        """The funnel in words: a line per step, the totals, the price."""
        f = self._funnel
        lines = []
        for number, step in enumerate(f.steps, start=1):
            lines.append(
                tr(
                    "{n}. {channel}: {reached} tried, {delivered} delivered, {fell} fell "
                    "through, {failed} failed or expired, {pending} pending"
                ).format(
                    n=number,
                    channel=channel_label(step.channel) or tr("no channel yet"),
                    reached=grouped(step.reached),
                    delivered=grouped(step.delivered),
                    fell=grouped(step.fell_through),
                    failed=grouped(step.failed),
                    pending=grouped(step.pending),
                )
            )
        lines.append(self._totals_text())
        price = self._price_text()
        if price:
            lines.append(price)
        return "\n".join(lines)

    def segment_rect(self, step: int, part: str) -> QRectF | None:
        """Where the `part` (DELIVERED, FAILED, PENDING, FELL) of bar `step` is drawn."""
        if not self._segments:
            self._place()
        segment = self._segments.get((step, part))
        return segment.rect if segment is not None else None

    def filter_for(self, step: int, part: str) -> FunnelFilter:
        """The rows behind a part of a bar: its channel (and, at the first step, rows with no
        channel yet) and its groups; fallen-through rows are those on a later step."""
        item = self._funnel.steps[step]
        name = channel_label(item.channel) or tr("no channel yet")
        here = frozenset({item.channel, ""} if step == 0 else {item.channel})
        if part == DELIVERED:
            label = tr("{channel}: delivered").format(channel=name)
            return FunnelFilter(here, frozenset({StatusGroup.DELIVERED}), label)
        if part == FAILED:
            label = tr("{channel}: failed or expired").format(channel=name)
            return FunnelFilter(here, FAILED_GROUPS, label)
        if part == PENDING:
            label = tr("{channel}: pending").format(channel=name)
            return FunnelFilter(here, PENDING_GROUPS, label)
        label = tr("{channel}: fell through to a later step").format(channel=name)
        return FunnelFilter(self._funnel.later_channels(step), None, label)

    # --- Qt overrides --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(300, line * (len(self._funnel.steps) * 2 + 3))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().lineSpacing() * 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._segments = {}

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        if not self._segments:
            self._place()
        point = event.position()
        for segment in self._segments.values():
            if segment.rect.contains(point):
                chosen = None if segment.filter == self._active else segment.filter
                self.bar_clicked.emit(chosen)
                return
        if self._active is not None:
            self.bar_clicked.emit(None)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._place()
        painter = QPainter(self)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        width = self.width() - 8
        y = 2.0
        for index, step in enumerate(self._funnel.steps):
            painter.setPen(text_colour)
            title = f"{index + 1}. {channel_label(step.channel) or tr('no channel yet')}"
            head = QRectF(4, y, width, line)
            painter.drawText(head, Qt.AlignmentFlag.AlignLeft, title)
            painter.drawText(
                head, Qt.AlignmentFlag.AlignRight, tr("{n} tried").format(n=grouped(step.reached))
            )
            y += line * 2
            for part in PARTS:
                segment = self._segments.get((index, part))
                if segment is None:
                    continue
                painter.fillRect(segment.rect, _COLOURS[part])
                count = _count(step, part)
                label = grouped(count)
                if metrics.horizontalAdvance(label) + 4 < segment.rect.width():
                    painter.setPen(QColor(255, 255, 255))
                    painter.drawText(segment.rect, Qt.AlignmentFlag.AlignCenter, label)
                if segment.filter == self._active:
                    painter.setPen(QPen(text_colour, 2))
                    painter.drawRect(segment.rect.adjusted(1, 1, -1, -1))
        painter.setPen(text_colour)
        rest = QRectF(4, y + 2, width, max(self.height() - y - 2, 0))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        lines = [self._totals_text(), self._price_text()]
        painter.drawText(rest, int(flags), "\n".join(t for t in lines if t))
        painter.end()

    # --- internals -----------------------------------------------------------------------------

    def _place(self) -> None:
        """Lay out the bars: widths in proportion to all the send's messages."""
        segments: dict[tuple[int, str], _Segment] = {}
        line = self.fontMetrics().lineSpacing()
        total = max(self._funnel.total, 1)
        width = max(self.width() - 8, 10)
        y = 2.0 + line
        for index, step in enumerate(self._funnel.steps):
            x = 4.0
            for part in PARTS:
                count = _count(step, part)
                if count <= 0:
                    continue
                span = max(width * count / total, 4.0)
                rect = QRectF(QPointF(x, y + 1), QSize(round(span), line - 2).toSizeF())
                segments[(index, part)] = _Segment(rect, self.filter_for(index, part))
                x += span
            y += line * 2
        self._segments = segments

    def _totals_text(self) -> str:
        f = self._funnel
        return tr(
            "{total:,} messages: {delivered:,} delivered, {failed:,} failed or expired, "
            "{pending:,} pending"
        ).format(total=f.total, delivered=f.delivered, failed=f.failed, pending=f.pending)

    def _price_text(self) -> str:
        f = self._funnel
        if not f.price_by_currency:
            return ""
        totals = ", ".join(
            f"{money_text(amount)} {currency}".strip()
            for currency, amount in sorted(f.price_by_currency.items())
        )
        parts = ", ".join(
            f"{channel_label(channel)} {money_text(amount)} {currency}".strip()
            for (channel, currency), amount in f.price_by_channel.items()
        )
        return tr("Price: {totals} ({parts})").format(totals=totals, parts=parts)


def _count(step: FunnelStep, part: str) -> int:
    if part == DELIVERED:
        return step.delivered
    if part == FAILED:
        return step.failed
    if part == PENDING:
        return step.pending
    return step.fell_through


__all__ = ["DELIVERED", "FAILED", "FELL", "PENDING", "FunnelView"]
