"""`RecipientsEditor`: the recipients table with paste, add, remove and clear, and the counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.message import Destination

from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.plain import plain_message_box
from omni_desktop.ui.recipients.model import COL_PHONE, ERROR_COLOUR, RecipientsModel
from omni_desktop.ui.recipients.paste import PasteRecipientsDialog
from omni_desktop.ui.recipients.undo import (
    InsertRowsCommand,
    RemoveRowsCommand,
    SetPhonesCommand,
)
from omni_desktop.ui.table_header import fit_header_sections

CLEAR_ASKS_ABOVE = 100  # clearing more rows than this asks first


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local spreadsheet file being dragged (.csv, .xlsx…), or None."""
    if not mime.hasUrls():
        return None
    urls = [u for u in mime.urls() if u.isLocalFile()]
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    from omni_desktop.services.importing import is_importable  # with the first drag, not at start

    return path if is_importable(path) else None


class ElidedLabel(QLabel):
    """A one-line label that elides its text to the room it gets instead of asking for more,
    so a long count never widens the recipients pane; `text()` stays whole."""

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), 240), super().sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        self.style().drawItemText(
            painter,
            rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )


class RecipientsEditor(QWidget):
    """Edits the recipients: paste many at once, add and remove rows, see which are refused."""

    recipients_changed = Signal()
    file_dropped = Signal(Path)  # a spreadsheet dropped on the table, to import

    def __init__(self, parent: QWidget | None = None, model: RecipientsModel | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipients_editor")
        self.model = model if model is not None else RecipientsModel(self)
        self.paste_dialog: PasteRecipientsDialog | None = None
        self.clear_box: QMessageBox | None = None
        # Import, paste, remove and clear are undoable; a draft opened or made anew forgets them.
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, tr("Re&do"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.model.replaced.connect(self.undo_stack.clear)
        # The step is named in a sentence of its own: Qt's "prefix step" left German with a
        # stray colon when there is no step.
        self.undo_stack.undoTextChanged.connect(self._name_steps)
        self.undo_stack.redoTextChanged.connect(self._name_steps)

        self.paste_button = self._button(
            tr("Paste…"),
            tr("Paste many recipients"),
            tr("Add many recipients at once, one per line"),
        )
        self.add_button = self._button(
            tr("Add row"), tr("Add a recipient row"), tr("Add an empty row and start typing in it")
        )
        self.remove_button = self._button(
            tr("Remove"),
            tr("Remove the selected recipients"),
            tr("Remove the selected rows (Delete)"),
        )
        self.clear_button = self._button(
            tr("Clear"), tr("Remove all recipients"), tr("Remove every recipient from the list")
        )
        self.count_label = ElidedLabel(self)
        self.count_label.setObjectName("count_label")
        self.count_label.setAccessibleName(tr("Recipient counts"))
        # Numbers valid both ways are read abroad, with a warning: one click reads them all
        # as the default country's instead (undoable). Shown only while there are some.
        self.home_button = QPushButton(self)
        self.home_button.setObjectName("home_button")
        self.home_button.setAccessibleName(
            tr("Read the numbers read abroad as the default country's")
        )
        self.home_button.setToolTip(self.home_button.accessibleName())
        self.home_button.setVisible(False)
        self.home_button.clicked.connect(self.read_as_home)
        self._home: list[tuple[Destination, str]] = []

        self.table = QTableView(self)
        self.table.setObjectName("recipients_table")
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Recipients"))
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        self.table.setToolTip(
            tr("Double-click a cell to edit it; Ctrl+V pastes lines, Delete removes rows")
        )
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        # Room for typical values; the check column takes the rest, so the reason stays readable.
        self._wanted = [
            metrics.horizontalAdvance(sample) + 20
            for sample in ("+385 91 234 5678", "name.surname@example.com", "order-1234")
        ]
        for column, width in enumerate(self._wanted):
            header.resizeSection(column, width)
        fit_header_sections(self.table)

        self.paste_action = self._view_action(
            tr("Paste"), QKeySequence.StandardKey.Paste, self._on_paste_action_triggered
        )
        self.paste_action.setToolTip(tr("Add the recipients on the clipboard, one per line"))
        self.remove_action = self._view_action(
            tr("Remove selected"), QKeySequence.StandardKey.Delete, self._on_remove_button_clicked
        )
        separator = QAction(self.table)
        separator.setSeparator(True)
        self.table.addActions([separator, self.undo_action, self.redo_action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.installEventFilter(self)
        self.table.viewport().setAcceptDrops(True)
        self.table.viewport().installEventFilter(self)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 4, 0)  # keep the count off the window's edge
        for button in (self.paste_button, self.add_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.count_label, 1)  # it gives way: a long count never widens the pane
        bottom.addWidget(self.home_button)
        layout.addLayout(bottom)

        self.paste_button.clicked.connect(self._on_paste_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.model.recipients_changed.connect(self._on_model_recipients_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._on_model_recipients_changed()
        self._on_table_selection_changed()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow window the e-mail column, then the phone column, give up room, so the
        Normalised / Problem column stays in view without scrolling sideways."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_columns)  # after the layout has sized the table

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        last = header.count() - 1
        if last < 3:
            return
        title = str(self.table.model().headerData(last, Qt.Orientation.Horizontal) or "")
        needed_last = header.fontMetrics().horizontalAdvance(title) + 48  # margins, arrow
        room = self.table.viewport().width() - needed_last
        phone, email, message_id = self._wanted
        shrink = max(0, phone + email + message_id - room)
        least = self.fontMetrics().horizontalAdvance("0" * 9)  # a cell still says something
        email_width = max(email - shrink, least)
        shrink -= email - email_width
        phone_width = max(phone - max(shrink, 0), least)
        for column, width in enumerate((phone_width, email_width, message_id)):
            header.resizeSection(column, width)
        fit_header_sections(self.table)

    def _view_action(self, text: str, key: QKeySequence.StandardKey, slot: Any) -> QAction:
        action = QAction(text, self.table)
        action.setShortcut(QKeySequence(key))  # shown in the context menu
        # The key itself is caught by eventFilter on the table only, so that a cell editor keeps
        # its own Ctrl+V and Delete, and the key works whether or not the shortcut fires first.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+V on the table adds the clipboard's lines; Delete removes the selected rows; a
        spreadsheet dropped on it is offered for import."""
        if watched is self.table.viewport() and isinstance(event, QDragEnterEvent | QDropEvent):
            return self._on_table_drag(event)
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        ):
            for key, action in (
                (QKeySequence.StandardKey.Paste, self.paste_action),
                (QKeySequence.StandardKey.Delete, self.remove_action),
            ):
                if event.matches(key):
                    event.accept()
                    if event.type() == QEvent.Type.KeyPress and action.isEnabled():
                        action.trigger()
                    return True
        return super().eventFilter(watched, event)

    # --- API -----------------------------------------------------------------------------------

    def open_paste_dialog(self) -> PasteRecipientsDialog:
        """Open the paste box (non-blocking); its OK adds the lines."""
        dialog = PasteRecipientsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_paste_dialog_accepted)
        dialog.finished.connect(self._on_paste_dialog_finished)
        self.paste_dialog = dialog
        dialog.open()
        return dialog

    def paste_clipboard(self) -> int:
        """Add the clipboard's lines as recipients; returns how many rows were added."""
        return self._add_text(QGuiApplication.clipboard().text())

    def focus_row(self, position: int) -> None:
        """Select, show and focus the row of `destinations()[position]` (a problem's path)."""
        row = self.model.row_of_destination(position)
        if row is None:
            row = min(max(position, 0), self.model.rowCount() - 1)
        if row < 0:
            self.table.setFocus()
            return
        index = self.model.index(row, COL_PHONE)
        self.table.scrollTo(index)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.setFocus()

    def remove_selected(self) -> int:
        """Remove the selected rows (undoable); how many."""
        numbers = sorted({index.row() for index in self.table.selectionModel().selectedIndexes()})
        rows = [self.model.row_at(n) for n in numbers if 0 <= n < self.model.rowCount()]
        return self.remove_rows(rows, trn("Remove %n recipient(s)", None, len(rows)))

    def remove_rows(self, rows: list[Any], text: str) -> int:
        """Remove these row objects as one undoable step named `text`; how many."""
        if rows:
            self.undo_stack.push(RemoveRowsCommand(self.model, list(rows), text))
        return len(rows)

    def insert_rows(
        self,
        rows: list[Any],
        text: str,
        counts: tuple[int, int] | None = None,
        destinations: tuple[list[Destination], list[Destination]] | None = None,
    ) -> int:
        """Append checked rows as one undoable step named `text`; how many. `counts` and
        `destinations` are worked out already (off the GUI thread): `insert_checked`'s."""
        if rows:
            at = self.model.rowCount()
            command = InsertRowsCommand(self.model, at, rows, text, counts, destinations)
            self.undo_stack.push(command)
        return len(rows)

    def clear(self) -> QMessageBox | None:
        """Remove every row (undoable); above CLEAR_ASKS_ABOVE rows, ask first (the box is
        opened, never exec()'d, and returned)."""
        count = self.model.rowCount()
        if count <= CLEAR_ASKS_ABOVE:
            self._clear_now()
            return None
        box = plain_message_box(
            self,
            QMessageBox.Icon.Question,
            tr("Clear the recipients?"),
            trn(
                "Remove all %n recipient(s) from the list? Undo (Ctrl+Z) brings them back.",
                None,
                count,
            ),
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        box.setObjectName("clear_box")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(tr("Clear"))
        yes.clicked.connect(self._clear_now)
        box.finished.connect(self._on_clear_box_finished)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.clear_box = box
        box.open()
        return box

    def offer_home_reading(self, numbers: list[tuple[Destination, str]], country: str) -> None:
        """The recipients (as validated) whose numbers were read abroad though `country` has
        them too, each with the number written as `country`'s: offered as one click."""
        self._home = numbers
        n = len(numbers)
        self.home_button.setVisible(bool(numbers))
        if not numbers:
            return
        self.home_button.setText(
            trn("Read %n as {country} number(s)", None, n).format(country=country)
        )
        tip = trn(
            "Read abroad with a warning, though also valid in {country}: %n number(s). "
            "This writes them with the country code of {country}; Undo (Ctrl+Z) brings "
            "them back.",
            None,
            n,
        ).format(country=country)
        self.home_button.setToolTip(tip)
        self.home_button.setAccessibleName(self.home_button.text())
        self.home_button.setAccessibleDescription(tip)

    def read_as_home(self) -> int:
        """Write the offered numbers as the default country's (one undoable step); how many
        rows changed. Rows edited since they were validated are left as they are."""
        by_made = {id(item.made): item for item in self.model.rows if item.made is not None}
        changes = [
            (item, text)
            for destination, text in self._home
            if (item := by_made.get(id(destination))) is not None
        ]
        if changes:
            self.undo_stack.push(
                SetPhonesCommand(
                    self.model,
                    changes,
                    trn("Read %n number(s) as the default country's", None, len(changes)),
                )
            )
        return len(changes)

    def count_text(self) -> str:
        valid, invalid = self.model.counts()
        total = valid + invalid
        if not total:
            return tr("No recipients")
        head = trn("%n recipient(s)", None, total)
        return tr("{head}: {valid:,} valid, {invalid:,} invalid").format(
            head=head, valid=valid, invalid=invalid
        )

    # --- slots ---------------------------------------------------------------------------------

    def _name_steps(self) -> None:
        step = self.undo_stack.undoText()
        self.undo_action.setText(tr("&Undo {step}").format(step=step) if step else tr("&Undo"))
        step = self.undo_stack.redoText()
        self.redo_action.setText(tr("Re&do {step}").format(step=step) if step else tr("Re&do"))

    def _on_paste_button_clicked(self) -> None:
        self.open_paste_dialog()

    def _on_paste_dialog_accepted(self) -> None:
        if self.paste_dialog is not None:
            self._add_text(self.paste_dialog.text)

    def _on_paste_dialog_finished(self, _result: int) -> None:
        self.paste_dialog = None

    def _on_paste_action_triggered(self) -> None:
        self.paste_clipboard()

    def _on_add_button_clicked(self) -> None:
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        index = self.model.index(row, COL_PHONE)
        self.table.scrollTo(index)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _on_remove_button_clicked(self) -> None:
        self.remove_selected()

    def _on_clear_button_clicked(self) -> None:
        self.clear()

    def _on_clear_box_finished(self, _result: int) -> None:
        self.clear_box = None

    def _on_table_drag(self, event: QDragEnterEvent | QDropEvent) -> bool:
        path = dropped_file(event.mimeData())
        if path is None:
            event.ignore()
            return True
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.file_dropped.emit(path)
        return True

    def _on_model_recipients_changed(self) -> None:
        _valid, invalid = self.model.counts()
        self.count_label.setText(self.count_text())
        self.count_label.setToolTip(  # the whole count, even when the label is elided
            self.count_text() + "\n" + tr("Rows that can be sent, and rows that are refused")
        )
        self.count_label.setStyleSheet(f"color: {ERROR_COLOUR.name()};" if invalid else "")
        has_rows = self.model.rowCount() > 0
        self.clear_button.setEnabled(has_rows)
        self.recipients_changed.emit()

    def _on_table_selection_changed(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        self.remove_button.setEnabled(selected)
        self.remove_action.setEnabled(selected)

    # --- internals -----------------------------------------------------------------------------

    def _add_text(self, text: str) -> int:
        first = self.model.rowCount()
        rows = self.model.rows_from_lines(text)
        added = self.insert_rows(rows, trn("Paste %n recipient(s)", None, len(rows)))
        if added:
            self.table.scrollTo(self.model.index(first, 0))
        return added

    def _clear_now(self) -> None:
        rows = list(self.model.rows)
        self.remove_rows(rows, trn("Clear %n recipient(s)", None, len(rows)))
