"""Undoable changes of the recipients table: rows added (an import, a paste), rows removed
(Remove, Clear, Remove duplicates…) and numbers written anew (read as the default country's).
`QUndoStack` runs them; Ctrl+Z undoes the last.

Commands hold the row objects themselves, not positions, so an edit or a paste made between
a change and its undo never makes the undo remove or restore the wrong rows.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from omni_desktop.core.message import Destination

from omni_desktop.ui.recipients.model import RecipientRow, RecipientsModel


class InsertRowsCommand(QUndoCommand):
    """Rows added at `at` (checked already); undo takes exactly those rows out again."""

    def __init__(
        self,
        model: RecipientsModel,
        at: int,
        rows: list[RecipientRow],
        text: str,
        counts: tuple[int, int] | None = None,
        destinations: tuple[list[Destination], list[Destination]] | None = None,
    ):
        super().__init__(text)
        self._model = model
        self._at = at
        self._rows = rows
        self._counts = counts  # (valid, invalid) of `rows`, when known
        self._destinations = destinations  # for the first insert only (`insert_checked`)

    def redo(self) -> None:
        self._model.insert_checked(self._at, self._rows, self._counts, self._destinations)
        self._destinations = None

    def undo(self) -> None:
        self._model.take(self._rows)


class RemoveRowsCommand(QUndoCommand):
    """Rows taken out (any of them, all for Clear); undo puts them back where they were."""

    def __init__(self, model: RecipientsModel, rows: list[RecipientRow], text: str):
        super().__init__(text)
        self._model = model
        self._rows = rows
        self._taken: list[tuple[int, RecipientRow]] = []

    def redo(self) -> None:
        self._taken = self._model.take(self._rows)

    def undo(self) -> None:
        self._model.put_back(self._taken)


class SetPhonesCommand(QUndoCommand):
    """Rows' phone numbers written anew; undo writes back what they were."""

    def __init__(self, model: RecipientsModel, changes: list[tuple[RecipientRow, str]], text: str):
        super().__init__(text)
        self._model = model
        self._after = changes
        self._before = [(item, item.phone) for item, _text in changes]

    def redo(self) -> None:
        self._model.set_phones(self._after)

    def undo(self) -> None:
        self._model.set_phones(self._before)


__all__ = ["InsertRowsCommand", "RemoveRowsCommand", "SetPhonesCommand"]
