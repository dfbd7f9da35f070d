"""The recipients table model: one `RecipientRow` per destination as typed, checked as typed.

Each row keeps its raw text and the result of checking it, so the table can show the
normalised number or the reason it is refused without checking again on every paint. The
message gets the text as typed: validation checks it once more with the same arguments (a
cache hit), so the request carries exactly what the Normalised column shows, and a number is
never normalised twice. Big pastes go in with one insert signal; the counts are kept up to
date incrementally.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.message import Destination, JsonObject
from omni_desktop.core.recipients import parse_recipients
from omni_desktop.core.validation import check_email, check_phone, phone_note

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import AnyIndex

COL_PHONE, COL_EMAIL, COL_MESSAGE_ID, COL_CHECK = range(4)
_HEADERS = (
    tr_noop("Phone"),
    tr_noop("E-mail"),
    tr_noop("Message ID"),
    tr_noop("Normalised / Problem"),
)
_HEADER_TIPS = (
    tr_noop("The phone number as typed: with its country code, e.g. +385 91 234 5678"),
    tr_noop("The e-mail address, for the e-mail channel"),
    tr_noop("Your own messageId for this destination; left empty, one is made at send time"),
    tr_noop("The number and address as they will be sent, or why this row is refused"),
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ERROR_COLOUR = QColor(229, 57, 53)  # a red that reads on light and dark bases
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
    # An imported row's other columns by header name, for personalisation; never sent.
    fields: dict[str, str] = field(default_factory=dict)
    # `destination_of(self)` until the row is edited: an edit of one row of 100,000 makes
    # one Destination, and validation knows the others as the ones it checked before.
    made: Destination | None = field(default=None, init=False, compare=False, repr=False)

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
        self.made = None
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
    replaced = Signal()  # a draft's destinations replaced every row (undo has nothing to undo)

    def __init__(self, parent: QObject | None = None, *, default_region: str | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecipientRow] = []
        self._region = default_region
        self._valid = 0
        self._invalid = 0
        self._destinations: list[Destination] | None = None  # destinations(), until a change

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
            return ERROR_COLOUR if item.problem is not None else None
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
        before = self._destinations
        # Without empty rows, row `row` is destinations()[row]: the new list is the old one
        # with that row's destination made again, not 100,000 rows walked.
        dense = before is not None and len(before) == len(self._rows)
        self._uncount(item)
        setattr(item, attribute, text)
        item.made = None
        item.line_problem = None  # the operator has fixed the line by hand
        item.check(self._region)
        self._count(item)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_CHECK), [])
        if dense and before is not None and not item.is_empty:
            after = list(before)
            after[row] = destination_of(item)
            self._changed(after)
        else:
            self._changed()
        return True

    def insertRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [RecipientRow() for _ in range(count)]
        self.endInsertRows()
        self._changed()
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self._remove_run(row, count)
        self._changed()
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
        return self.insert_checked(len(self._rows), self.rows_from_lines(text))

    def rows_from_lines(self, text: str) -> list[RecipientRow]:
        """A checked row per pasted line (rows with a problem too), not yet in the table."""
        new_rows = []
        for parsed in parse_recipients(text):
            item = _row_from(parsed.destination)
            item.check(self._region)
            item.line_problem = parsed.problem
            if not item.is_empty or parsed.problem:
                new_rows.append(item)
        return new_rows

    def insert_checked(
        self,
        at: int,
        rows: list[RecipientRow],
        counts: tuple[int, int] | None = None,
        destinations: tuple[list[Destination], list[Destination]] | None = None,
    ) -> int:
        """Insert rows already checked under `default_region` at `at`, with one insert signal
        however many (an import of 100,000 rows); returns how many. What was worked out where
        the rows were made spares the GUI thread a pass over them: `counts`, their (valid,
        invalid); `destinations`, (`destinations()` before, the list it becomes), taken
        when the table still gives the first."""
        if not rows:
            return 0
        after = None
        if destinations is not None and destinations[0] is self._destinations:
            after = destinations[1]
        self._insert_quietly(at, rows, counts)
        self._changed(after)
        return len(rows)

    def take(self, rows: list[RecipientRow]) -> list[tuple[int, RecipientRow]]:
        """Remove these row objects wherever they are now; (position, row) of each, ascending,
        for `put_back`. Rows no longer in the table are skipped."""
        wanted = {id(item) for item in rows}
        taken = [(i, item) for i, item in enumerate(self._rows) if id(item) in wanted]
        if _runs(i for i, _item in taken) > _MANY_RUNS:  # one reset beats thousands of removes
            self._replace_rows([item for item in self._rows if id(item) not in wanted])
        else:
            self.remove_row_numbers([i for i, _item in taken])
        return taken

    def put_back(self, taken: list[tuple[int, RecipientRow]]) -> None:
        """Insert rows `take` removed at their old positions (one signal per run)."""
        if _runs(i for i, _item in taken) > _MANY_RUNS:
            rows = [*self._rows]
            for position, item in taken:
                rows.insert(min(position, len(rows)), item)
            self._replace_rows(rows)
            return
        run: list[RecipientRow] = []
        start = 0
        for position, item in [*taken, (-1, RecipientRow())]:
            if run and position != start + len(run):
                self._insert_quietly(start, run)
                run = []
            if position < 0:
                break
            if not run:
                start = position
            run.append(item)
        if taken:
            self._changed()

    def set_phones(self, changes: list[tuple[RecipientRow, str]]) -> int:
        """Write these phone numbers into these row objects, wherever they are now, and check
        them again (one change signal); how many rows were still in the table."""
        wanted = {id(item): text for item, text in changes}
        changed = [i for i, item in enumerate(self._rows) if id(item) in wanted]
        for i in changed:
            item = self._rows[i]
            self._uncount(item)
            item.phone = wanted[id(item)]
            item.line_problem = None
            item.check(self._region)
            self._count(item)
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], COL_CHECK))
            self._changed()
        return len(changed)

    def set_destinations(self, destinations: list[Destination]) -> None:
        """Show the destinations of a message (one model reset)."""
        rows = [_row_from(d) for d in destinations]
        self._reset(rows)
        self.replaced.emit()

    def destinations(self) -> list[Destination]:
        """One destination per non-empty row, in order, as typed: validation normalises them
        (with the region the table used) and names the refused ones.

        The same list until the rows change (never change it in place): validation then
        knows it has checked it already, and 100,000 rows are not copied again."""
        if self._destinations is None:
            self._destinations = [destination_of(item) for item in self._rows if not item.is_empty]
        return self._destinations

    def valid_destinations(self) -> list[Destination]:
        return [destination_of(item) for item in self._rows if item.is_valid]

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
            self._changed()
        return sum(count for _start, count in runs)

    # --- internals -----------------------------------------------------------------------------

    def _changed(self, destinations: list[Destination] | None = None) -> None:
        """Every change of the rows ends here: `destinations()` is made again (or is the list
        given, made elsewhere for the rows as they are now)."""
        self._destinations = destinations
        self.recipients_changed.emit()

    def _replace_rows(self, rows: list[RecipientRow]) -> None:
        """All rows at once, already checked (one reset, counts made again)."""
        self.beginResetModel()
        self._valid = self._invalid = 0
        for item in rows:
            self._count(item)
        self._rows = rows
        self.endResetModel()
        self._changed()

    def _insert_quietly(
        self, at: int, rows: list[RecipientRow], counts: tuple[int, int] | None = None
    ) -> None:
        at = min(max(at, 0), len(self._rows))
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._rows[at:at] = rows
        if counts is None:
            counts = count_rows(rows)
        self._valid += counts[0]
        self._invalid += counts[1]
        self.endInsertRows()

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
        self._changed()

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


_MANY_RUNS = 64


def count_rows(rows: Iterable[RecipientRow]) -> tuple[int, int]:
    """(valid, invalid) among `rows`; empty rows are neither."""
    valid = invalid = 0
    for item in rows:
        if not item.is_empty:
            if item.problem is None:
                valid += 1
            else:
                invalid += 1
    return valid, invalid


def _runs(positions: Iterable[int]) -> int:
    """How many runs of adjacent positions an ascending sequence holds."""
    runs, last = 0, -2
    for position in positions:
        if position != last + 1:
            runs += 1
        last = position
    return runs


def _row_from(destination: Destination) -> RecipientRow:
    return RecipientRow(
        phone=destination.phone or "",
        email=destination.email or "",
        message_id=destination.message_id or "",
        extra_to=dict(destination.extra_to),
        fields=dict(destination.fields),
    )


def destination_of(item: RecipientRow) -> Destination:
    """The row's destination: the same object until the row changes (`RecipientRow.made`)."""
    made = item.made
    if made is None:
        made = item.made = Destination(
            phone=item.phone or None,
            email=item.email or None,
            message_id=item.message_id or None,
            extra_to=dict(item.extra_to),
            fields=item.fields,
        )
    return made
