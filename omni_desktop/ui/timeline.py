"""`TimelineView`: the failover timeline drawn under the scenario and in the confirm step.

One dot per step of the flow (its channel and the clock time it is tried), a line to the
next, and a last mark for when the message gives up. Steps are spaced evenly, not by
duration: a 10-minute step beside a 48-hour one would otherwise vanish. Painted text is
plain by nature (a sender or channel from a server never becomes markup).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from omni_desktop.core.channels import CHANNELS_BY_FLOW
from omni_desktop.core.scenario import TimedTimeline, clock_text

from omni_desktop.ui.i18n import tr

_DOT = 5.0  # radius


def channel_label(flow_name: str) -> str:
    """`Viber` for `VIBER`: the registry's label, else the name as it came."""
    spec = CHANNELS_BY_FLOW.get(flow_name)
    return spec.label if spec else flow_name


class TimelineView(QWidget):
    """Paints a `TimedTimeline`; `text()` says the same in one line (tooltip, screen readers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failover_timeline")
        self._timeline: TimedTimeline | None = None
        self._note = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Failover timeline"))
        self.set_timeline(None)

    # --- API -----------------------------------------------------------------------------------

    @property
    def timeline(self) -> TimedTimeline | None:
        return self._timeline

    def set_timeline(self, timeline: TimedTimeline | None, note: str = "") -> None:
        """Show `timeline`; `note` (say, the zone's name) goes after the one-line text."""
        self._timeline = timeline
        self._note = note
        text = self.text()
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.update()

    def text(self) -> str:
        """The timeline in words: `Viber 09:00 → SMS 09:10 if not delivered → gives up …`."""
        if self._timeline is None:
            return tr("Choose a scenario to see when each channel is tried.")
        text = self._timeline.text()
        # The zone says how the times are read: with no step there is no time to read.
        return f"{text} ({self._note})" if self._note and self._timeline.steps else text

    # --- Qt overrides --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(360, line * 2 + int(_DOT * 2) + 10)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        rect = QRectF(self.rect()).adjusted(4, 2, -4, -2)
        timeline = self._timeline
        if timeline is None or not timeline.steps:
            painter.setPen(muted)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, self.text()
            )
            return
        marks = [
            (channel_label(s.step.channel), clock_text(s.starts, timeline.steps[0].starts.date()))
            for s in timeline.steps
        ]
        day = timeline.steps[0].starts.date()
        marks.append((tr("gives up"), clock_text(timeline.gives_up, day)))
        y = rect.top() + line + _DOT + 1
        gap = rect.width() / max(len(marks), 1)
        xs = [rect.left() + gap * (i + 0.5) for i in range(len(marks))]
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(muted, 2))
        painter.drawLine(QPointF(xs[0], y), QPointF(xs[-1], y))
        for index, (x, (name, when)) in enumerate(zip(xs, marks, strict=True)):
            last = index == len(marks) - 1
            colour = QColor(muted) if last else accent
            painter.setPen(QPen(colour, 2))
            painter.setBrush(palette.color(QPalette.ColorRole.Base) if last else colour)
            painter.drawEllipse(QPointF(x, y), _DOT, _DOT)
            painter.setPen(text_colour if not last else muted)
            cell = QRectF(x - gap / 2, rect.top(), gap, line)
            painter.drawText(
                cell,
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(gap) - 4),
            )
            below = QRectF(x - gap / 2, y + _DOT + 2, gap, line)
            painter.drawText(
                below,
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(when, Qt.TextElideMode.ElideRight, int(gap) - 4),
            )


__all__ = ["TimelineView", "channel_label"]
