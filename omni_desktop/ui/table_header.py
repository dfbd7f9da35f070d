"""Header sections wide enough for their titles, so an empty table never reads "rmalised / Prol"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTableView


def fit_header_sections(table: QTableView) -> None:
    """Widen each horizontal header section that is narrower than its title, margins and sort
    arrow (the view scrolls sideways when they do not all fit)."""
    header = table.horizontalHeader()
    model = table.model()
    metrics = header.fontMetrics()
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    # Room for the text, the margins either side and (on sortable views) the sort arrow.
    pad = 4 * margin + (arrow + margin if table.isSortingEnabled() else 0) + 8
    for column in range(header.count()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(title) + pad
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)
