"""How a status group looks: its colour, the tint of its cell, its dot and its label."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPainter, QPixmap

from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.status import StatusGroup

from omni_desktop.ui.i18n import tr

# Hues chosen to read on light and dark bases alike: the cell gets a translucent tint and a
# solid dot, and its text keeps the palette's own colour.
GROUP_COLOURS: dict[StatusGroup, QColor] = {
    StatusGroup.ACCEPTED: QColor(30, 136, 229),
    StatusGroup.PENDING: QColor(255, 160, 0),
    StatusGroup.DELIVERED: QColor(67, 160, 71),
    StatusGroup.UNDELIVERABLE: QColor(229, 57, 53),
    StatusGroup.REJECTED: QColor(198, 40, 40),
    StatusGroup.EXPIRED: QColor(136, 136, 136),
    StatusGroup.UNKNOWN: QColor(142, 68, 173),
}
# QBrush(colour, style): the one-argument form resolves its overload on a slow path the first
# time, at start-up.
TINTS = {
    group: QBrush(QColor(c.red(), c.green(), c.blue(), 56), Qt.BrushStyle.SolidPattern)
    for group, c in GROUP_COLOURS.items()
}
_dots: dict[StatusGroup, QPixmap] = {}


# The groups' names as the operator reads them; `tr()` translates them where shown.
GROUP_LABELS: dict[StatusGroup, str] = {
    StatusGroup.ACCEPTED: tr_noop("Accepted"),
    StatusGroup.PENDING: tr_noop("Pending"),
    StatusGroup.DELIVERED: tr_noop("Delivered"),
    StatusGroup.UNDELIVERABLE: tr_noop("Undeliverable"),
    StatusGroup.REJECTED: tr_noop("Rejected"),
    StatusGroup.EXPIRED: tr_noop("Expired"),
    StatusGroup.UNKNOWN: tr_noop("Unknown"),
}


def group_label(group: StatusGroup) -> str:
    """`Pending`, `Delivered`…: a group's name for sentences and the filter combo."""
    return tr(GROUP_LABELS[group])


def group_dot(group: StatusGroup) -> QPixmap:
    """A small solid dot in the group's colour, at the screen's pixel ratio.

    A pixmap of the exact size rather than a QIcon: the view then draws it without scaling,
    which keeps painting the Group column as cheap as painting text.
    """
    pixmap = _dots.get(group)
    if pixmap is None:
        ratio = QGuiApplication.primaryScreen().devicePixelRatio() if _has_screen() else 1.0
        pixmap = QPixmap(round(16 * ratio), round(16 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(GROUP_COLOURS[group].darker(130))
        painter.setBrush(GROUP_COLOURS[group])
        painter.drawEllipse(QRectF(3, 3, 10, 10))
        painter.end()
        _dots[group] = pixmap
    return pixmap


def _has_screen() -> bool:
    return QGuiApplication.primaryScreen() is not None
