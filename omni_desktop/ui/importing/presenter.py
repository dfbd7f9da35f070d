"""`ImportPresenter`: one spreadsheet import, over `services.importing`, for the mapping dialog.

It reads the preview and the rows in a worker thread (its `TaskKeeper` keeps the tasks),
passes progress to the GUI thread through the event loop, and puts the rows into the
recipients table as one undoable step, in one insert however many. The GUI thread only
inserts: the rows are counted, and the window's draft checked with them, in the worker.
Cancel sets a flag the worker checks every few thousand rows; a cancelled import changes
nothing.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from omni_desktop.core.addresses import check_phone
from omni_desktop.core.audience import SCIENTIFIC, ImportedRow, Mapping
from omni_desktop.core.gcpause import gc_paused, quick_switches
from omni_desktop.core.message import Destination, OmniMessage
from omni_desktop.core.validation import ValidationResult

from omni_desktop.storage.errors import StorageError

from omni_desktop.services import importing
from omni_desktop.services.importing import (
    STEP,
    ImportCancelled,
    ImportResult,
    Preview,
    SheetError,
)
from omni_desktop.services.preparing import check

from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.qt_common import TaskKeeper
from omni_desktop.ui.recipients import RecipientRow, RecipientsEditor
from omni_desktop.ui.recipients.model import count_rows, destination_of

if TYPE_CHECKING:
    from omni_desktop.ui.presenter import ComposerPresenter

T = TypeVar("T")


@dataclass(frozen=True)
class Choices:
    """What the operator chose on the mapping step."""

    sheet: str | None
    header_row: int | None  # 1-based; None: the data starts at row 1
    mapping: Mapping
    region: str | None
    exclusions: Path | None = None
    encoding: str | None = None  # a text file's, chosen by hand (None: as detected)


@dataclass(frozen=True)
class _Read:
    result: ImportResult
    rows: dict[int, RecipientRow]  # file row number -> the table row made of it
    fields: list[str]
    table_rows: list[RecipientRow]  # the rows to insert, in file order
    counts: tuple[int, int]  # (valid, invalid) among them, as the table counts them
    after: list[Destination] | None = None  # the table's destinations with these rows
    validation: ValidationResult | None = None  # the window's draft checked with them


@dataclass(frozen=True)
class _Draft:
    """The window's draft as the import found it, to check it with the new rows in the worker
    (the dialog is modal: nothing else changes it meanwhile)."""

    composer: ComposerPresenter
    message: OmniMessage
    flow: list[str] | None
    fallbacks: dict[str, str]
    before: list[Destination]  # the table's destinations() before the import


class ImportPresenter(QObject):
    """Preview, import, and the result's follow-ups (remove duplicates or invalid, export)."""

    preview_changed = Signal(object)  # Preview
    preview_failed = Signal(str)
    progress_changed = Signal(int, int)  # rows done, rows in all
    import_finished = Signal(object)  # ImportResult, also after a removal
    import_failed = Signal(str)  # one sentence; nothing was added
    export_finished = Signal(str)  # one sentence: written, or why not

    def __init__(
        self,
        path: Path,
        editor: RecipientsEditor,
        region: str | None,
        remember: importing.RegionMemory | None = None,
        account: str = "",
        draft: Path | None = None,
        parent: QObject | None = None,
        composer: ComposerPresenter | None = None,
    ) -> None:
        super().__init__(parent)
        # The window's draft: checked with the new rows in the worker, so that the 100,000
        # rows are not checked again on the GUI thread when they reach it.
        self.composer = composer
        self.path = path
        self.editor = editor
        self.region = region
        self.preview: Preview | None = None
        self.result: ImportResult | None = None
        self.fields: list[str] = []
        self.tasks = TaskKeeper(awaited=())
        self._remember = remember
        self._account = account
        self._draft = draft
        self._cancel = threading.Event()
        self._rows: dict[int, RecipientRow] = {}

    # --- preview -------------------------------------------------------------------------------

    def load_preview(
        self, sheet: str | None = None, encoding: str | None = None
    ) -> asyncio.Task[None]:
        """Read the file's first rows (a workbook's `sheet`; a text file in `encoding`)."""
        self.tasks.cancel("preview")
        return self.tasks.start(self._load_preview(sheet, encoding), "preview")

    async def _load_preview(self, sheet: str | None, encoding: str | None) -> None:
        try:
            shown = await _in_worker(importing.preview, self.path, sheet, encoding)
        except StorageError as exc:
            self.preview_failed.emit(str(exc))
            return
        self.preview = shown
        self.preview_changed.emit(shown)

    def set_header_row(self, header_row: int | None) -> Preview | None:
        """Take another row as the header (from the rows already read); None: no header."""
        if self.preview is None or header_row == self.preview.header_row:
            return self.preview
        try:
            self.preview = importing.reheader(self.preview, header_row)
        except SheetError as exc:
            self.preview_failed.emit(str(exc))
            return self.preview
        self.preview_changed.emit(self.preview)
        return self.preview

    # --- import --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self.tasks.running("import"))

    def run_import(self, choices: Choices) -> asyncio.Task[None]:
        self._cancel.clear()
        return self.tasks.start(self._run_import(choices), "import")

    def cancel(self) -> None:
        """Stop a running import at its next check; nothing is added."""
        self._cancel.set()

    async def _run_import(self, choices: Choices) -> None:
        loop = asyncio.get_running_loop()

        def progress(done: int, total: int) -> None:
            loop.call_soon_threadsafe(self.progress_changed.emit, done, total)

        table_region = self.editor.model.default_region
        composer = self.composer
        draft = None
        if composer is not None:
            draft = _Draft(
                composer,
                composer.message,
                composer.flow_keys(),
                dict(composer.fallbacks),
                self.editor.model.destinations(),
            )
        # The cycle collector is held from here on the GUI thread: 100,000 rows' objects form
        # no cycles, yet set off full collections that stall this thread too (one interpreter),
        # and it is let go here, so no collection runs on the worker (Qt objects die here).
        with gc_paused():
            try:
                with quick_switches():
                    read = await asyncio.to_thread(
                        _read, self.path, choices, table_region, progress, self._cancel.is_set,
                        draft,
                    )  # fmt: skip
            except (ImportCancelled, StorageError) as exc:
                self.import_failed.emit(str(exc))
                return
            if not self._cancel.is_set():
                rows = read.table_rows
                text = trn("Import %n recipient(s) from {name}", None, len(rows))
                handed = None if draft is None or read.after is None else (draft.before, read.after)
                self.editor.insert_rows(rows, text.format(name=self.path.name), read.counts, handed)
                if draft is not None and draft.composer.message.destinations is read.after:
                    # The draft now holds the very list checked in the worker: its next
                    # validation takes the recipients' part of this result as it is.
                    draft.composer.take_result(read.validation)
                # Everything made while the collector was held (the rows, the window's copy
                # of them) would be walked by the first young collection after: 0.3 s of
                # this thread for 100,000 rows. They live as long as the table or the undo
                # step keeps them, and go by reference counting then: keep them out of the
                # collector's walks, as start-up does with what it builds (app.py). The
                # price: a cycle of garbage made meanwhile (few, in these seconds) stays.
                gc.freeze()
        if self._cancel.is_set():
            self.import_failed.emit(tr("The import was cancelled; nothing was added."))
            return
        self.result, self._rows, self.fields = read.result, read.rows, read.fields
        self.region = choices.region
        if self._remember is not None:
            await asyncio.to_thread(
                self._remember.remember, self._account, self._draft, choices.region
            )
        self.import_finished.emit(read.result)

    # --- after the import ------------------------------------------------------------------------

    def remove_duplicates(self) -> int:
        """Take the duplicate rows out of the table (one undoable step); how many."""
        if self.result is None:
            return 0
        gone = [self._rows[r.row] for r in self.result.rows if r.row in self.result.duplicates]
        self.editor.remove_rows(gone, trn("Remove %n duplicate(s)", None, len(gone)))
        self.result = importing.remove_duplicates(self.result)
        self.import_finished.emit(self.result)
        return len(gone)

    def remove_invalid(self) -> int:
        """Take the invalid rows out of the table (one undoable step); how many."""
        if self.result is None:
            return 0
        gone = [self._rows[r.row] for r in self.result.invalid]
        self.editor.remove_rows(gone, trn("Remove %n invalid row(s)", None, len(gone)))
        self.result = importing.remove_invalid(self.result)
        self.import_finished.emit(self.result)
        return len(gone)

    def export_invalid(self, path: Path) -> asyncio.Task[None]:
        return self.tasks.start(self._export(path), "export")

    async def _export(self, path: Path) -> None:
        if self.result is None:
            return
        try:
            count = await _in_worker(importing.export_invalid, self.result, path)
        except StorageError as exc:
            self.export_finished.emit(str(exc))
            return
        self.export_finished.emit(
            trn("Wrote %n invalid row(s) to {name}.", None, count).format(name=path.name)
        )

    async def shutdown(self) -> None:
        """Stop the worker at its next check and end every task."""
        self._cancel.set()
        await self.tasks.close()


async def _in_worker(call: Callable[..., T], *args: Any) -> T:
    """`call(*args)` in a worker thread, the cycle collector held meanwhile on this (the GUI)
    thread: a collection set off by the worker's allocations would run there, and destroy
    the Qt objects of cyclic garbage on the wrong thread."""
    with gc_paused():
        return await asyncio.to_thread(call, *args)


def _read(
    path: Path,
    choices: Choices,
    table_region: str | None,
    progress: importing.Progress,
    cancelled: importing.Cancelled,
    draft: _Draft | None = None,
) -> _Read:
    """In a worker thread: the file's rows as recipients, a checked table row for each, and
    the window's draft checked with them as the window would check it."""
    result = importing.read_recipients(
        path,
        choices.mapping,
        choices.region,
        sheet=choices.sheet,
        header_row=choices.header_row,
        exclusions=choices.exclusions,
        progress=progress,
        cancelled=cancelled,
        encoding=choices.encoding,
    )
    rows: dict[int, RecipientRow] = {}
    table_rows: list[RecipientRow] = []
    for done, imported in enumerate(result.rows):
        if done % STEP == 0 and cancelled():
            raise ImportCancelled(tr("The import was cancelled; nothing was added."))
        rows[imported.row] = row = table_row(imported, choices.region, table_region)
        table_rows.append(row)
    counts = count_rows(table_rows)
    fields = importing.field_names(result)
    _counted = (result.valid_count, result.invalid_count)  # here, not on the GUI thread
    if draft is None:
        return _Read(result, rows, fields, table_rows, counts)
    added = [destination_of(r) for r in table_rows if not r.is_empty]
    after = [*draft.before, *added]
    message = replace(draft.message, destinations=after)
    composer = draft.composer
    now = datetime.now(UTC)
    checked = check(message, composer.target, draft.flow, now, fallbacks=draft.fallbacks)
    return _Read(result, rows, fields, table_rows, counts, after, checked)


def table_row(imported: ImportedRow, region: str | None, table_region: str | None) -> RecipientRow:
    """A recipients-table row for an imported one. A number the import read as national
    (under `region`) that the table's country would read otherwise is written with its
    country code, so the request carries the number the import checked."""
    destination = imported.destination
    phone = destination.phone or ""
    if phone and region != table_region and imported.problem is None:
        digits = check_phone(phone, region)[0]
        if digits and check_phone(phone, table_region)[0] != digits:
            phone = "+" + digits
    row = RecipientRow(
        phone=phone,
        email=destination.email or "",
        message_id=destination.message_id or "",
        fields=imported.fields,
    )
    row.check(table_region)
    row.line_problem = imported.problem  # the import's reason stands until the row is edited
    if imported.problem and row.phone_problem and SCIENTIFIC.fullmatch(phone):
        row.phone_problem = imported.problem  # "digits lost by the spreadsheet" says more
    return row


__all__ = ["Choices", "ImportPresenter", "table_row"]
