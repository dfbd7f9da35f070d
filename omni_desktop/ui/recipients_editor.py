"""The recipients editor: a table of phone numbers and e-mail addresses, checked as typed.

Each row keeps its raw text and the result of checking it, so the table can show the
normalised number or the reason it is refused without checking again on every paint. The
message gets the text as typed: validation checks it once more with the same arguments (a
cache hit), so the request carries exactly what the Normalised column shows, and a number is
never normalised twice. Big pastes (100,000 lines) go in with one insert signal; the counts are
kept up to date incrementally.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.message import Destination, JsonObject
from omni_desktop.core.recipients import parse_recipients
from omni_desktop.core.validation import check_email, check_phone, phone_note

from omni_desktop.ui.i18n import tr

AnyIndex = QModelIndex | QPersistentModelIndex

COL_PHONE, COL_EMAIL, COL_MESSAGE_ID, COL_CHECK = range(4)
_HEADERS = ("Phone", "E-mail", "Message ID", "Normalised / Problem")
_HEADER_TIPS = (
    "The phone number as typed: with its country code, e.g. +385 91 234 5678",
    "The e-mail address, for the e-mail channel",
    "Your own messageId for this destination; left empty, one is made at send time",
    "The number and address as they will be sent, or why this row is refused",
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ERROR_COLOUR = QColor(229, 57, 53)  # a red that reads on light and dark bases
_icons: dict[QStyle.StandardPixmap, QIcon] = {}


def _icon(which: QStyle.StandardPixmap) -> QIcon:
    icon = _icons.get(which)
    if icon is None:  # made on first use: icons need the application's style
        icon = _icons[which] = QApplication.style().standardIcon(which)
    return icon


def _problem_icon() -> QIcon:
    return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _note_icon() -> QIcon:
    return _icon(QStyle.StandardPixmap.SP_MessageBoxInformation)


@dataclass
class RecipientRow:
    """One destination as typed, with the cached outcome of checking it."""

    phone: str = ""
    email: str = ""
    message_id: str = ""
    normalised_phone: str | None = None
    phone_problem: str | None = None
    phone_note: str | None = None  # the digits had a second, valid reading (core.addresses)
    normalised_email: str | None = None
    email_problem: str | None = None
    line_problem: str | None = None  # what the paste parser said of the line, until edited
    extra_to: JsonObject = field(default_factory=dict)  # other `to` keys, kept for the draft

    @property
    def is_empty(self) -> bool:
        return not (self.phone or self.email or self.message_id)

    @property
    def problem(self) -> str | None:
        """Why this row cannot be sent, or None."""
        if self.is_empty:
            return None
        reason = self.phone_problem or self.email_problem or self.line_problem
        if reason is None and not (self.normalised_phone or self.normalised_email):
            return tr("The row has no phone number or e-mail address.")
        return reason

    @property
    def is_valid(self) -> bool:
        return not self.is_empty and self.problem is None

    def check(self, default_region: str | None) -> None:
        """Check the phone and e-mail again (both checks are cached in core)."""
        self.phone = self.phone.strip()
        self.email = self.email.strip()
        self.message_id = self.message_id.strip()
        if self.phone:
            checked = check_phone(self.phone, default_region)
            self.normalised_phone, self.phone_problem = checked
            self.phone_note = phone_note(checked)
        else:
            self.normalised_phone = self.phone_problem = self.phone_note = None
        if self.email:
            self.normalised_email, self.email_problem = check_email(self.email)
        else:
            self.normalised_email = self.email_problem = None

    def check_text(self) -> str:
        if self.is_empty:
            return tr("Type a phone number or an e-mail address.")
        problem = self.problem
        if problem is not None:
            return problem
        return " · ".join(v for v in (self.normalised_phone, self.normalised_email) if v)


class RecipientsModel(QAbstractTableModel):
    """Editable recipients; `destinations()` is what goes into the message."""

    recipients_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, default_region: str | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecipientRow] = []
        self._region = default_region
        self._valid = 0
        self._invalid = 0

    # --- Qt overrides --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        row = index.row()
        if row < 0:
            return None
        item = self._rows[row]
        column = index.column()
        if role in (_DISPLAY, _EDIT):
            if column == COL_PHONE:
                return item.phone
            if column == COL_EMAIL:
                return item.email
            if column == COL_MESSAGE_ID:
                return item.message_id
            return item.check_text() if role == _DISPLAY else None
        if column != COL_CHECK:
            return None
        if role == _FOREGROUND:
            if item.is_empty:
                return QGuiApplication.palette().placeholderText().color()
            return _ERROR_COLOUR if item.problem is not None else None
        if role == _DECORATION:
            if item.problem is not None:
                return _problem_icon()
            return _note_icon() if item.phone_note else None
        if role == _TOOLTIP:
            text = item.check_text()
            return f"{text}\n{item.phone_note}" if item.phone_note and not item.problem else text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_HEADERS):
            if role == _DISPLAY:
                return tr(_HEADERS[section])
            if role == _TOOLTIP:
                return tr(_HEADER_TIPS[section])
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() != COL_CHECK:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = _EDIT) -> bool:
        if not index.isValid() or role != _EDIT or index.column() == COL_CHECK:
            return False
        row = index.row()
        item = self._rows[row]
        text = "" if value is None else str(value).strip()
        attribute = ("phone", "email", "message_id")[index.column()]
        if getattr(item, attribute) == text:
            return True
        self._uncount(item)
        setattr(item, attribute, text)
        item.line_problem = None  # the operator has fixed the line by hand
        item.check(self._region)
        self._count(item)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_CHECK), [])
        self.recipients_changed.emit()
        return True

    def insertRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [RecipientRow() for _ in range(count)]
        self.endInsertRows()
        self.recipients_changed.emit()
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self._remove_run(row, count)
        self.recipients_changed.emit()
        return True

    # --- API -----------------------------------------------------------------------------------

    @property
    def default_region(self) -> str | None:
        return self._region

    @default_region.setter
    def default_region(self, region: str | None) -> None:
        """The region bare national numbers are read in; every row is checked again."""
        if region == self._region:
            return
        self._region = region
        self._reset([*self._rows])

    @property
    def rows(self) -> tuple[RecipientRow, ...]:
        return tuple(self._rows)

    def row_at(self, row: int) -> RecipientRow:
        return self._rows[row]

    def add_lines(self, text: str) -> int:
        """Append a row per pasted line (rows with a problem too, showing it); returns how many."""
        new_rows = []
        for parsed in parse_recipients(text):
            item = _row_from(parsed.destination)
            item.check(self._region)
            item.line_problem = parsed.problem
            if not item.is_empty or parsed.problem:
                new_rows.append(item)
        if not new_rows:
            return 0
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
        self._rows.extend(new_rows)
        for item in new_rows:
            self._count(item)
        self.endInsertRows()
        self.recipients_changed.emit()
        return len(new_rows)

    def set_destinations(self, destinations: list[Destination]) -> None:
        """Show the destinations of a message (one model reset)."""
        rows = [_row_from(d) for d in destinations]
        self._reset(rows)

    def destinations(self) -> list[Destination]:
        """One destination per non-empty row, in order, as typed: validation normalises them
        (with the region the table used) and names the refused ones."""
        return [_destination_of(item) for item in self._rows if not item.is_empty]

    def valid_destinations(self) -> list[Destination]:
        return [_destination_of(item) for item in self._rows if item.is_valid]

    def row_of_destination(self, position: int) -> int | None:
        """The model row of `destinations()[position]` (empty rows are skipped there)."""
        seen = -1
        for row, item in enumerate(self._rows):
            if not item.is_empty:
                seen += 1
                if seen == position:
                    return row
        return None

    def counts(self) -> tuple[int, int]:
        """(valid, invalid) rows; empty rows are neither."""
        return self._valid, self._invalid

    def clear(self) -> None:
        self._reset([])

    def remove_row_numbers(self, rows: list[int]) -> int:
        """Remove these rows (any order, any gaps), one signal per run of adjacent rows."""
        runs: list[tuple[int, int]] = []
        for row in sorted({r for r in rows if 0 <= r < len(self._rows)}, reverse=True):
            if runs and runs[-1][0] == row + 1:
                runs[-1] = (row, runs[-1][1] + 1)
            else:
                runs.append((row, 1))
        for start, count in runs:
            self._remove_run(start, count)
        if runs:
            self.recipients_changed.emit()
        return sum(count for _start, count in runs)

    # --- internals -----------------------------------------------------------------------------

    def _remove_run(self, row: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        for item in self._rows[row : row + count]:
            self._uncount(item)
        del self._rows[row : row + count]
        self.endRemoveRows()

    def _reset(self, rows: list[RecipientRow]) -> None:
        self.beginResetModel()
        self._valid = self._invalid = 0
        for item in rows:
            item.check(self._region)
            self._count(item)
        self._rows = rows
        self.endResetModel()
        self.recipients_changed.emit()

    def _count(self, item: RecipientRow) -> None:
        if item.is_empty:
            return
        if item.problem is None:
            self._valid += 1
        else:
            self._invalid += 1

    def _uncount(self, item: RecipientRow) -> None:
        if item.is_empty:
            return
        if item.problem is None:
            self._valid -= 1
        else:
            self._invalid -= 1


def _row_from(destination: Destination) -> RecipientRow:
    return RecipientRow(
        phone=destination.phone or "",
        email=destination.email or "",
        message_id=destination.message_id or "",
        extra_to=dict(destination.extra_to),
    )


def _destination_of(item: RecipientRow) -> Destination:
    return Destination(
        phone=item.phone or None,
        email=item.email or None,
        message_id=item.message_id or None,
        extra_to=dict(item.extra_to),
    )


class PasteRecipientsDialog(QDialog):
    """A box to paste many recipients into, one per line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Paste recipients"))
        self.setObjectName("paste_recipients_dialog")
        hint = QLabel(
            tr(
                "One recipient per line: a phone number with its country code and/or an e-mail "
                "address, optionally followed by your message ID, separated by commas, "
                "semicolons or tabs."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("paste_text")
        self.text_edit.setPlaceholderText("+385 91 234 5678\nana@example.com\n41793026727, m-1")
        self.text_edit.setAccessibleName(tr("Recipients to add, one per line"))
        self.text_edit.setToolTip(tr("Paste or type recipients here, one per line"))
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        hint.setBuddy(self.text_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Add"))
        ok.setToolTip(tr("Add these recipients to the list"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()


class RecipientsEditor(QWidget):
    """Edits the recipients: paste many at once, add and remove rows, see which are refused."""

    recipients_changed = Signal()

    def __init__(self, parent: QWidget | None = None, model: RecipientsModel | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipients_editor")
        self.model = model if model is not None else RecipientsModel(self)
        self.paste_dialog: PasteRecipientsDialog | None = None

        self.paste_button = self._button(
            tr("Paste recipients…"),
            tr("Paste many recipients"),
            tr("Add many recipients at once, one per line"),
        )
        self.add_button = self._button(
            tr("Add row"), tr("Add a recipient row"), tr("Add an empty row and start typing in it")
        )
        self.remove_button = self._button(
            tr("Remove selected"),
            tr("Remove the selected recipients"),
            tr("Remove the selected rows (Delete)"),
        )
        self.clear_button = self._button(
            tr("Clear"), tr("Remove all recipients"), tr("Remove every recipient from the list")
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.count_label.setAccessibleName(tr("Recipient counts"))
        self.count_label.setToolTip(tr("Rows that can be sent, and rows that are refused"))

        self.table = QTableView(self)
        self.table.setObjectName("recipients_table")
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Recipients"))
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
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        # Room for typical values; the check column takes the rest, so the reason stays readable.
        for column, sample in enumerate(
            ("+385 91 234 5678", "name.surname@example.com", "order-1234")
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)

        self.paste_action = self._view_action(
            tr("Paste"), QKeySequence.StandardKey.Paste, self._on_paste_action_triggered
        )
        self.paste_action.setToolTip(tr("Add the recipients on the clipboard, one per line"))
        self.remove_action = self._view_action(
            tr("Remove selected"), QKeySequence.StandardKey.Delete, self._on_remove_button_clicked
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.installEventFilter(self)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 4, 0)  # keep the count off the window's edge
        for button in (self.paste_button, self.add_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

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
        """Ctrl+V on the table adds the clipboard's lines; Delete removes the selected rows."""
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
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        return self.model.remove_row_numbers(list(rows))

    def count_text(self) -> str:
        valid, invalid = self.model.counts()
        total = valid + invalid
        if not total:
            return tr("No recipients")
        head = tr("1 recipient") if total == 1 else tr("{n} recipients").format(n=total)
        return tr("{head}: {valid} valid, {invalid} invalid").format(
            head=head, valid=valid, invalid=invalid
        )

    # --- slots ---------------------------------------------------------------------------------

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
        self.model.clear()

    def _on_model_recipients_changed(self) -> None:
        _valid, invalid = self.model.counts()
        self.count_label.setText(self.count_text())
        self.count_label.setStyleSheet(f"color: {_ERROR_COLOUR.name()};" if invalid else "")
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
        added = self.model.add_lines(text)
        if added:
            self.table.scrollTo(self.model.index(first, 0))
        return added
