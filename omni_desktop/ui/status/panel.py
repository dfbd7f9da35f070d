"""`StatusPanel`: the status of the last send, with its bulkId, counts, filter, table and
delivery funnel.

The table shows the model directly while no filter is set, and puts the filter proxy between
model and view only while one is (see `StatusPanel`). Clicking a bar of the funnel filters
the table to its messages. The rows export to CSV or XLSX, the funnel to PNG.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.status import StatusGroup

from omni_desktop.services.exporting import ExportError

from omni_desktop.ui.file_dialogs import save_dialog
from omni_desktop.ui.i18n import grouped, tr, trn
from omni_desktop.ui.plain import plain_message_box
from omni_desktop.ui.status.banner import ErrorBanner
from omni_desktop.ui.status.export import tsv_text, write_rows
from omni_desktop.ui.status.funnel import FunnelView
from omni_desktop.ui.status.funnel_count import THREAD_ROWS as FUNNEL_THREAD_ROWS
from omni_desktop.ui.status.funnel_count import FunnelCounter
from omni_desktop.ui.status.model import StatusTableModel
from omni_desktop.ui.status.proxy import FunnelFilter, ProxyRows, StatusFilterProxyModel
from omni_desktop.ui.status.rows import GROUP_ORDER
from omni_desktop.ui.status.style import group_dot, group_label
from omni_desktop.ui.table_header import fit_header_sections

_LIVE_FILTER_ROWS = 20_000  # above this, the filter waits for a pause in typing
_FUNNEL_DELAY_MS = 150  # reports arrive in batches: the funnel is counted once per burst
_FUNNEL_BIG_DELAY_MS = 1000
_EXPORT_KINDS = {  # suffix: (what the operator reads, file filter)
    "csv": ("CSV", tr_noop("CSV files (*.csv)")),
    "xlsx": ("XLSX", tr_noop("Excel workbooks (*.xlsx)")),
    "png": ("PNG", tr_noop("PNG pictures (*.png)")),
}


class StatusPanel(QWidget):
    """The status of the last send: bulkId, counts per group, a filterable, sortable table.

    The table shows `model` directly while no filter is set, and `proxy` (which always follows
    the model) only while one is: an unfiltered proxy in between slows a big fill down
    (docs/performance.md). The selection and current row are carried over
    at each switch; rows of `table.model()`, whichever it is, map to model rows through
    `source_row`, `selected_source_rows` and `visible_source_rows`.
    """

    export_failed = Signal(str)
    export_finished = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, model: StatusTableModel | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status_panel")
        self.model = model if model is not None else StatusTableModel(self)
        self.proxy = StatusFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._file_dialog: QFileDialog | None = None
        self._error_box: QMessageBox | None = None
        self._flow: list[str] = []
        self._funnel_filter: FunnelFilter | None = None

        self.error_banner = ErrorBanner(self)
        self.message_label = self.error_banner.message_label
        self.error_close_button = self.error_banner.close_button
        self._build_header_rows()
        self._build_table()
        self._build_actions()

        # One row of controls over the table. The error banner lies over the table's top
        # rather than in the layout, so its coming and going never moves a control.
        controls = QHBoxLayout()
        controls.addLayout(self._bulk_row)
        controls.addSpacing(8)
        controls.addLayout(self._filter_row, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(controls)
        body = QHBoxLayout()
        body.setSpacing(6)
        rows = QVBoxLayout()
        rows.setSpacing(2)
        rows.addWidget(self.stack, 1)
        rows.addWidget(self.summary_label)
        body.addLayout(rows, 1)
        body.addWidget(self.funnel)
        layout.addLayout(body, 1)
        self._funnel_timer = QTimer(self)
        self._funnel_timer.setSingleShot(True)
        self._funnel_timer.setInterval(_FUNNEL_DELAY_MS)
        self._funnel_timer.timeout.connect(self.refresh_funnel)
        self._funnel_counter = FunnelCounter(self)
        self._funnel_counter.counted.connect(self.funnel.set_funnel)
        self.error_banner.raise_()
        self.error_banner.shown_changed.connect(self._place_error_banner)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.group_combo.currentIndexChanged.connect(self._on_group_combo_current_index_changed)
        self.model.bulk_id_changed.connect(self._on_model_bulk_id_changed)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.modelReset.connect(self._on_model_rows_changed)
        self.model.rowsInserted.connect(self._on_model_rows_changed)
        self.model.rowsRemoved.connect(self._on_model_rows_changed)
        self.proxy.filter_about_to_change.connect(self._on_proxy_filter_about_to_change)
        self.proxy.filter_changed.connect(self._on_proxy_filter_changed)
        self._on_model_bulk_id_changed(self.model.bulk_id)
        self._on_model_counts_changed()
        self._on_model_rows_changed()
        self._on_table_selection_changed()

    # --- building ------------------------------------------------------------------------------

    def _build_header_rows(self) -> None:
        bulk_caption = QLabel(tr("Bulk ID:"), self)
        self.bulk_label = QLabel(self)
        self.bulk_label.setObjectName("bulk_label")
        self.bulk_label.setTextFormat(Qt.TextFormat.PlainText)
        self.bulk_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.bulk_label.setAccessibleName(tr("Bulk ID"))
        self.bulk_label.setToolTip(tr("The bulkId of the last send, shared by all its messages"))
        bulk_caption.setBuddy(self.bulk_label)
        self.copy_bulk_button = QToolButton(self)
        self.copy_bulk_button.setText(tr("Copy ID"))
        self.copy_bulk_button.setAccessibleName(tr("Copy the bulk ID"))
        self.copy_bulk_button.setToolTip(tr("Copy the bulk ID to the clipboard"))
        self.copy_bulk_button.clicked.connect(self._on_copy_bulk_button_clicked)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setAccessibleName(tr("Messages per status group"))
        self.summary_label.setToolTip(tr("How many messages are in each status group"))
        self._bulk_row = QHBoxLayout()
        self._bulk_row.addWidget(bulk_caption)
        self._bulk_row.addWidget(self.bulk_label)
        self._bulk_row.addWidget(self.copy_bulk_button)
        # Under the table, as the recipients' counts are under theirs: beside the filter it was
        # cut short. Long counts must not widen the panel: the label gives way, its tooltip has
        # it all.
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(tr("Filter: number, message ID, status…"))
        self.filter_edit.setMinimumWidth(120)
        self.filter_edit.setAccessibleName(tr("Filter messages"))
        self.filter_edit.setToolTip(tr("Show only the messages with this text in any column"))
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("group_combo")
        self.group_combo.addItem(tr("All groups"), None)
        for group in sorted(StatusGroup, key=GROUP_ORDER.__getitem__):
            self.group_combo.addItem(QIcon(group_dot(group)), group_label(group), group)
        self.group_combo.setAccessibleName(tr("Status group"))
        self.group_combo.setToolTip(tr("Show only the messages in this status group"))
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.copy_button = QToolButton(self)
        self.export_button = QToolButton(self)
        self._filter_row = QHBoxLayout()
        self._filter_row.addWidget(self.filter_edit, 1)
        self._filter_row.addWidget(self.group_combo)
        self._filter_row.addWidget(self.copy_button)
        self._filter_row.addWidget(self.export_button)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("status_table")
        self.table.setModel(self.model)  # the proxy only while a filter is set: _show_model
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.setAccessibleName(tr("Message statuses"))
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        self.table.setToolTip(tr("One row per message; click a column header to sort"))
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().setVisible(False)
        row_height = self.fontMetrics().height() + 6
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # send order until a click
        self.table.setSortingEnabled(True)
        metrics = self.fontMetrics()
        icon_room = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
        samples = (
            ("+385 91 234 5678", 0),
            ("m-01JZ8K3Q4X5Y6Z7A8B9C0D1E2F", 0),
            ("UNDELIVERABLE", icon_room),
            ("PENDING_WAITING_DELIVERY", 0),
            ("Message sent to next instance", 0),
            ("Retry later", 0),
            ("Channel", 0),
            ("0.0065 EUR", 0),
        )
        for column, (sample, extra) in enumerate(samples):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20 + extra)
        fit_header_sections(self.table)

        self.placeholder_label = QLabel(
            tr("No messages sent yet. Send a message to see its status here."), self
        )
        self.placeholder_label.setObjectName("placeholder_label")
        self.placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder_label.setWordWrap(True)
        self.placeholder_label.setEnabled(False)  # the palette's muted text colour
        self.placeholder_label.setAccessibleName(tr("No messages"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder_label)
        self.stack.addWidget(self.table)
        self.funnel = FunnelView(self)
        self.funnel.setMinimumWidth(220)
        self.funnel.setMaximumWidth(340)
        self.funnel.bar_clicked.connect(self._on_funnel_bar_clicked)

    def _build_actions(self) -> None:
        self.copy_action = QAction(tr("Copy rows"), self)
        # Shown in the context menu; the key itself is caught by eventFilter, because the view
        # would otherwise copy only its current cell whenever the shortcut does not fire first.
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.installEventFilter(self)
        self.copy_action.setToolTip(tr("Copy the selected rows as tab-separated text"))
        self.copy_action.triggered.connect(self._on_copy_action_triggered)
        self.export_action = QAction(tr("Export CSV…"), self)
        self.export_action.setToolTip(tr("Save the rows shown to a CSV file"))
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.export_xlsx_action = QAction(tr("Export Excel workbook (XLSX)…"), self)
        self.export_xlsx_action.setToolTip(tr("Save the rows shown to an XLSX file"))
        self.export_xlsx_action.triggered.connect(self._on_export_xlsx_action_triggered)
        self.export_png_action = QAction(tr("Save the funnel as a picture (PNG)…"), self)
        self.export_png_action.setToolTip(tr("Save the delivery funnel as a PNG picture"))
        self.export_png_action.triggered.connect(self._on_export_png_action_triggered)
        exports = (self.export_action, self.export_xlsx_action, self.export_png_action)
        for action in (self.copy_action, *exports):
            self.table.addAction(action)
        self.export_menu = QMenu(self)
        self.export_menu.addActions(list(exports))
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.funnel.addAction(self.export_png_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_button.setDefaultAction(self.copy_action)
        self.copy_button.setAccessibleName(tr("Copy the selected rows"))
        self.export_button.setDefaultAction(self.export_action)
        self.export_button.setAccessibleName(tr("Export the rows shown to CSV"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_error_banner()

    def _place_error_banner(self) -> None:
        """Lay the banner over the top of the table, as wide as it, as tall as its text."""
        area = self.stack.geometry()
        height = min(self.error_banner.heightForWidth(area.width()), max(area.height(), 0))
        if height <= 0:
            height = self.error_banner.sizeHint().height()
        self.error_banner.setGeometry(area.x(), area.y(), area.width(), height)
        self.error_banner.raise_()

    # --- API -----------------------------------------------------------------------------------

    def show_error(self, sentence: str) -> None:
        """Show one plain sentence (e.g. why the API refused the send) above the table."""
        self.error_banner.show_sentence(sentence)

    def error_text(self) -> str:
        """The sentence the error banner shows, or "" when it is hidden."""
        return self.error_banner.sentence()

    def clear_error(self) -> None:
        self.error_banner.clear()

    def is_filtered(self) -> bool:
        """Whether the table shows the proxy (a filter is set) rather than the model itself."""
        return self.table.model() is self.proxy

    def source_row(self, row: int) -> int:
        """The model row shown as row `row` of the table (whichever model the table shows)."""
        return ProxyRows(self.proxy).source(row) if self.is_filtered() else row

    def selected_source_rows(self) -> list[int]:
        """Model rows of the selection, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        if not self.is_filtered():
            return rows
        proxy_rows = ProxyRows(self.proxy)
        return [proxy_rows.source(r) for r in rows]

    def visible_source_rows(self) -> list[int]:
        """Model rows that pass the filter, in the order shown."""
        if not self.is_filtered():
            return list(range(self.model.rowCount()))
        proxy_rows = ProxyRows(self.proxy)
        runs = proxy_rows.runs(0, proxy_rows.count - 1)
        return [row for first, last in runs for row in range(first, last + 1)]

    def copy_selection(self) -> str:
        """Put the selected rows on the clipboard as TSV with a header line; returns the text."""
        rows = self.selected_source_rows()
        if not rows:
            return ""
        text = tsv_text(self.model, rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def set_flow(self, channels: list[str]) -> None:
        """The flow of the send shown (channel names in order): the funnel's bars."""
        self._flow = list(channels)
        self.refresh_funnel()

    def refresh_funnel(self) -> None:
        """Count the funnel again from the rows (done by itself shortly after reports)."""
        self._funnel_timer.stop()
        self._funnel_counter.count(self._flow, self.model.rows)

    def set_funnel_filter(self, chosen: FunnelFilter | None) -> None:
        """Show only the rows of a funnel bar (None: every row again); the group box goes
        back to all groups, so the two never disagree."""
        self._funnel_filter = chosen
        self.funnel.set_active(chosen)
        if chosen is not None and self.group_combo.currentIndex() != 0:
            self.group_combo.blockSignals(True)
            self.group_combo.setCurrentIndex(0)
            self.group_combo.blockSignals(False)
        self._apply_filter()

    def export_csv(self, path: Path, only_visible: bool = True) -> bool:
        """Write the rows shown (or all rows) to `path` as UTF-8 CSV with a header line.

        A failure is reported through `export_failed` and a message box, never raised.
        """
        return self.export_rows(Path(path), only_visible, "csv")

    def export_rows(self, path: Path, only_visible: bool = True, kind: str | None = None) -> bool:
        """Write the rows shown (or all) to `path` as `kind` (csv, xlsx; None: by the suffix);
        a failure is reported through `export_failed` and a message box, never raised."""
        rows = self.visible_source_rows() if only_visible else range(self.model.rowCount())
        suffix = kind or path.suffix.lower().lstrip(".")
        name = _EXPORT_KINDS.get(suffix, ("CSV", ""))[0]
        try:
            write_rows(path, self.model, rows, kind)
        except ExportError as exc:
            cause = exc.__cause__
            if isinstance(cause, OSError):
                reason = cause.strerror or str(cause)
                sentence = tr("Could not save the {kind} file {path}: {reason}.").format(
                    kind=name, path=path, reason=reason
                )
            else:
                sentence = str(exc)
            return self._export_failed(sentence)
        self.export_finished.emit(str(path))
        return True

    def export_funnel_png(self, path: Path) -> bool:
        """Save the funnel as drawn to `path` as PNG; a failure is reported, never raised."""
        picture = self.funnel.grab()
        if not picture.save(str(path), "PNG"):
            sentence = tr(
                "Could not save the picture {path}: check that the folder exists and "
                "can be written to."
            ).format(path=path)
            return self._export_failed(sentence)
        self.export_finished.emit(str(path))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+C on the table copies the selected rows (not just the current cell)."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.copy_selection()
            return True
        return super().eventFilter(watched, event)

    # --- slots ---------------------------------------------------------------------------------

    def _on_model_bulk_id_changed(self, bulk_id: str) -> None:
        self.bulk_label.setText(bulk_id or "—")
        self.copy_bulk_button.setEnabled(bool(bulk_id))

    def _on_model_counts_changed(self) -> None:
        # A big table (a campaign's) is counted in a worker at most once a second.
        big = self.model.rowCount() >= FUNNEL_THREAD_ROWS
        self._funnel_timer.setInterval(_FUNNEL_BIG_DELAY_MS if big else _FUNNEL_DELAY_MS)
        if not (big and self._funnel_timer.isActive()):
            self._funnel_timer.start()
        counts = self.model.counts()
        total = sum(counts.values())
        if not total:
            self.summary_label.setText("")  # the placeholder over the table says so
            self.summary_label.setToolTip(tr("How many messages are in each status group"))
            return
        head = trn("%n message(s)", None, total)
        parts = [
            f"{grouped(n)} {group_label(group).lower()}"
            for group in sorted(counts, key=GROUP_ORDER.__getitem__)
            if (n := counts[group])
        ]
        self.summary_label.setText(f"{head}: {', '.join(parts)}")
        self.summary_label.setToolTip(self.summary_label.text())

    def _on_model_rows_changed(self) -> None:
        empty = self.model.rowCount() == 0
        self.stack.setCurrentWidget(self.placeholder_label if empty else self.table)
        for action in (self.export_action, self.export_xlsx_action, self.export_png_action):
            action.setEnabled(not empty)
        self.funnel.setVisible(not empty)
        if self._funnel_filter is not None:  # another send: its bars are not these
            self.set_funnel_filter(None)

    def _on_table_selection_changed(self) -> None:
        self.copy_action.setEnabled(self.table.selectionModel().hasSelection())

    def _on_filter_edit_text_changed(self, _text: str) -> None:
        if self.model.rowCount() > _LIVE_FILTER_ROWS:
            self._filter_timer.start()
        else:
            self._apply_filter()

    def _on_filter_timer_timeout(self) -> None:
        self._apply_filter()

    def _on_group_combo_current_index_changed(self, _index: int) -> None:
        self._apply_filter()

    def _on_proxy_filter_about_to_change(self) -> None:
        # QSortFilterProxyModel applies a new filter one run of rows at a time (first filtering
        # every row by the old one if it has not yet), and each run moves the rows after it:
        # with many runs (a filter that keeps every third of many rows) that is slow.
        # So the table shows the model while the filter changes, and the proxy changes it with
        # no source model: given the model back, it filters afresh, in one pass, when shown.
        self._show_model(self.model)
        self.proxy.setSourceModel(None)  # type: ignore[arg-type]

    def _on_proxy_filter_changed(self) -> None:
        self.proxy.setSourceModel(self.model)
        self._show_model(self.proxy if self.proxy.is_filtering else self.model)

    def _on_copy_bulk_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.model.bulk_id)

    def _on_copy_action_triggered(self) -> None:
        self.copy_selection()

    def _on_export_action_triggered(self) -> None:
        self.open_export_dialog("csv")

    def _on_export_xlsx_action_triggered(self) -> None:
        self.open_export_dialog("xlsx")

    def _on_export_png_action_triggered(self) -> None:
        self.open_export_dialog("png")

    def open_export_dialog(self, suffix: str) -> QFileDialog:
        """A Save dialog (in the documents folder) for an export as `suffix`: csv, xlsx, png.
        Opened with open(): getSaveFileName would spin a nested event loop under qasync."""
        kind, file_filter = _EXPORT_KINDS[suffix]
        stem = self.model.bulk_id or "messages"
        if suffix == "png":
            stem += "-funnel"
        title = tr("Export {kind}").format(kind=kind)
        dialog = save_dialog(self, title, f"{stem}.{suffix}", tr(file_filter), suffix)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._on_file_dialog_file_selected)
        self._file_dialog = dialog
        dialog.open()
        return dialog

    def _on_file_dialog_file_selected(self, path: str) -> None:
        self._file_dialog = None
        chosen = Path(path)
        if chosen.suffix.lower() == ".png":
            self.export_funnel_png(chosen)
        else:
            self.export_rows(chosen)

    def _on_funnel_bar_clicked(self, chosen: FunnelFilter | None) -> None:
        self.set_funnel_filter(chosen)

    # --- internals -----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        group = self.group_combo.currentData()
        self.proxy.set_filter(
            self.filter_edit.text(),
            group if isinstance(group, StatusGroup) else None,
            self._funnel_filter,
        )

    def _show_model(self, model: QAbstractItemModel) -> None:
        """Show `model` (the source model or the proxy), keeping the selection and current row."""
        table, proxy = self.table, self.proxy
        old = table.selectionModel()
        if table.model() is model:
            return
        current = old.currentIndex()
        old_selection = old.selection()
        old_spans = [
            (r.top(), r.bottom()) for r in map(old_selection.at, range(old_selection.count()))
        ]
        proxy_rows = ProxyRows(proxy)
        if model is proxy:  # model rows to the proxy rows that show them, if any
            row = current.row()
            shown = proxy_rows.spans([(row, row)]) if current.isValid() else []
            current_row = shown[0][0] if shown else -1
            spans = proxy_rows.spans(old_spans)
        else:  # proxy rows to runs of model rows
            current_row = proxy_rows.source(current.row()) if current.isValid() else -1
            spans = [run for span in old_spans for run in proxy_rows.runs(*span)]
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        for first, last in spans:
            selection.select(model.index(first, 0), model.index(last, last_column))
        column = max(current.column(), 0)
        table.setModel(model)
        new = table.selectionModel()
        new.selectionChanged.connect(self._on_table_selection_changed)
        if old.parent() is table:  # the view made it (and it was connected here): drop it
            old.selectionChanged.disconnect(self._on_table_selection_changed)
            old.reset()  # its ranges are persistent indexes: the model would keep moving them
            old.deleteLater()
        if current_row >= 0:
            index = model.index(current_row, column)
            new.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            table.scrollTo(index)
        if not selection.isEmpty():
            new.select(selection, QItemSelectionModel.SelectionFlag.Select)
        self._on_table_selection_changed()

    def _export_failed(self, sentence: str) -> bool:
        self.export_failed.emit(sentence)
        self._show_export_error(sentence)
        return False

    def _show_export_error(self, sentence: str) -> None:
        box = plain_message_box(self, QMessageBox.Icon.Warning, tr("Export failed"), sentence)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_error_box_finished)
        self._error_box = box
        box.open()

    def _on_error_box_finished(self, _result: int) -> None:
        self._error_box = None
