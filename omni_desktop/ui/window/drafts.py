"""`DraftController`: the window's draft file: New, Open, Save, Save As, recent files, autosave.

It keeps the draft's path, the title's unsaved mark and the autosave timer, asks before
unsaved changes are dropped, and offers at start-up what a crash left. The window owns it and
loads the message into its widgets (`MainWindow.load_message`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QObject, QTime, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from omni_desktop.core.gcpause import quick_switches
from omni_desktop.core.message import OmniMessage

from omni_desktop.storage.drafts import (
    BIG_DRAFT,
    DRAFT_SUFFIX,
    DraftError,
    load_draft,
    save_draft,
)
from omni_desktop.storage.errors import StorageError

from omni_desktop.ui.file_dialogs import documents_folder
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_tooltip
from omni_desktop.ui.schedule_editor import LOCAL_ZONE
from omni_desktop.ui.theme import error_css

if TYPE_CHECKING:
    from omni_desktop.ui.window.window import MainWindow

AUTOSAVE_DELAY_MS = 3000
FILE_FILTER = "OMNI drafts (*.omni.json);;JSON files (*.json);;All files (*)"


class DraftController(QObject):
    """Opens, saves and autosaves the window's draft; `path` is its file (None: untitled)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.path: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        if window.session is not None:
            self._timer.setInterval(int(window.session.settings.autosave_seconds * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._saving: asyncio.Task[Any] | None = None
        window.presenter.dirty_changed.connect(self._on_presenter_dirty_changed)
        window.presenter.message_changed.connect(self._on_presenter_message_changed)

    # --- API -----------------------------------------------------------------------------------

    def new_draft(self) -> None:
        self.path = None
        self._window.sending.reset_touched()  # nothing red before the operator did anything
        self._window.load_message(OmniMessage())

    def open_path(self, path: str | Path) -> bool:
        path = Path(path)
        try:
            message = load_draft(path)
        except DraftError as exc:
            self._window.warn(tr("The draft could not be opened"), str(exc))
            return False
        self.path = path
        self._window.sending.touch_all()  # an opened draft shows its problems at once
        self._window.load_message(message)
        self._show_zone(path, message)
        self._remember(path)
        self._window.statusBar().showMessage(tr("Opened {name}").format(name=path.name), 4000)
        return True

    def save_to(self, path: Path) -> bool:
        """Save; on failure say so plainly and keep everything in the window."""
        if not path.name.endswith(DRAFT_SUFFIX) and path.suffix == "":
            path = path.with_name(path.name + DRAFT_SUFFIX)
        try:
            save_draft(path, self._window.presenter.message)
        except DraftError as exc:
            self._window.warn(tr("The draft was not saved"), str(exc))
            return False
        self.path = path
        self._window.presenter.set_dirty(False)
        self._keep_zone(path)
        self._remember(path)
        self.update_title()
        self._window.statusBar().showMessage(tr("Saved {name}").format(name=path.name), 4000)
        return True

    def load_unsaved(self, message: OmniMessage, path: Path | None = None) -> None:
        """Show `message` as a changed draft (a copy of a send, a restored autosave)."""
        self.path = path
        self._window.sending.touch_all()
        self._window.load_message(message)
        self._window.presenter.set_dirty(True)

    def update_title(self) -> None:
        name = self.path.name if self.path else tr("Untitled")
        self._window.setWindowTitle(f"{name}[*] — omni-desktop")
        self._window.setWindowModified(self._window.presenter.dirty)

    def fill_recent_menu(self) -> None:
        menu = self._window.commands.recent_menu
        menu.clear()
        recent = self._window.recent
        paths = recent.paths() if recent is not None else []
        for path in paths:
            act = menu.addAction(path.name)
            act.setToolTip(plain_tooltip(str(path)))
            act.triggered.connect(lambda _=False, p=path: self._open_after_asking(p))
        menu.setEnabled(bool(paths))

    def after_unsaved_check(self, proceed: Callable[[], Any]) -> None:
        """Run `proceed` now, or after the operator chose what to do with unsaved changes."""
        if not self._window.presenter.dirty:
            proceed()
            return
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Unsaved changes"))
        box.setText(tr("The draft has changes that are not saved."))
        box.setInformativeText(tr("Save them first?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)

        def on_finished(_code: int) -> None:
            choice = box.standardButton(box.clickedButton())
            if choice == QMessageBox.StandardButton.Discard:
                proceed()
            elif choice == QMessageBox.StandardButton.Save:
                if self.path is None:
                    self.on_save_as(then=proceed)
                elif self.save_to(self.path):
                    proceed()

        box.finished.connect(on_finished)
        self._window.keep_open(box)
        box.open()

    # --- File menu -----------------------------------------------------------------------------

    def on_new(self) -> None:
        self.after_unsaved_check(self.new_draft)

    def on_open(self) -> None:
        self.after_unsaved_check(self._choose_and_open)

    def on_save(self) -> None:
        if self.path is None:
            self.on_save_as()
        else:
            self.save_to(self.path)

    def on_save_as(self, then: Any = None) -> None:
        stem = tr("message")  # lupdate cannot see a tr() inside an f-string
        start = self.path or (self._folder() / f"{stem}{DRAFT_SUFFIX}")
        dialog = QFileDialog(self._window, tr("Save draft as"), str(start), FILE_FILTER)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("omni.json")

        def on_selected(name: str) -> None:
            if self.save_to(Path(name)) and callable(then):
                then()

        dialog.fileSelected.connect(on_selected)
        self._window.keep_open(dialog)
        dialog.open()

    # --- autosave and restore ------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        """A big draft (thousands of recipients: half a second of work) is written by a worker
        thread from a copy, so the window keeps painting, a campaign's progress included."""
        message = self._window.presenter.message
        campaign = self._window.presenter.campaign
        # After the campaign, and after its rows are in the table: the copy's worker and the
        # table's paints both need the interpreter lock, and together held the window 0.1-0.3 s.
        if campaign.running or campaign.filling:
            self._timer.start()
            return
        if len(message.destinations) < BIG_DRAFT or self._window.session is None:
            self.autosave_now()
        elif self._saving is None or self._saving.done():
            self._saving = self._window.tasks.start(self._autosave_copy(message), "autosave")

    async def _autosave_copy(self, message: OmniMessage) -> None:
        session = self._window.session
        assert session is not None
        copy = replace(
            message,
            destinations=list(message.destinations),
            channels={
                key: replace(content, values=dict(content.values), extra=dict(content.extra))
                for key, content in message.channels.items()
            },
        )
        try:
            with quick_switches():
                saved = await asyncio.to_thread(session.autosave.save, copy, self.path)
        except StorageError as exc:
            self._show_autosave(None, exc)
            return
        self._show_autosave(saved, None)

    def autosave_now(self) -> bool:
        """Write the draft to the autosave copy; a failure is shown and the draft stays here."""
        window = self._window
        if window.session is None:
            return False
        try:
            saved = window.session.autosave.save(window.presenter.message, self.path)
        except StorageError as exc:
            self._show_autosave(None, exc)
            return False
        self._show_autosave(saved, None)
        return True

    def _show_autosave(self, saved: datetime | None, exc: StorageError | None) -> None:
        label = self._window.autosave_status
        if exc is not None:
            label.setText("⚠ " + tr("Not autosaved: {reason}").format(reason=exc))
            label.setStyleSheet(error_css())
            label.setToolTip(plain_tooltip(str(exc)))
            return
        assert saved is not None
        label.setStyleSheet("")
        label.setToolTip("")
        label.setText(tr("Autosaved {time}").format(time=saved.astimezone().strftime("%H:%M:%S")))

    def offer_restore(self) -> QMessageBox | None:
        """Ask whether to restore what a crash left. Until the operator answers, the copy is
        kept whatever ends the session; an unreadable copy is set aside and said so."""
        session = self._window.session
        if session is None:
            return None
        try:
            point = session.autosave.pending_restore()
        except StorageError as exc:  # DamagedAutosave: set aside, nothing to offer
            self._window.warn(tr("Autosaved draft"), str(exc)).setObjectName("autosave_damaged_box")
            return None
        if point is None:
            return None
        session.autosave.awaiting_answer()
        box = QMessageBox(self._window)
        box.setObjectName("restore_box")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Restore draft?"))
        box.setText(tr("omni-desktop did not close normally last time."))
        box.setInformativeText(
            tr("Restore the draft autosaved at {time}?").format(
                time=point.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)

        def on_finished(_code: int) -> None:
            answer = box.standardButton(box.clickedButton())
            if answer == QMessageBox.StandardButton.Yes:
                session.autosave.restored()
                self.load_unsaved(point.message, point.original_path)
                self._window.statusBar().showMessage(tr("The autosaved draft is back."), 8000)
            elif answer == QMessageBox.StandardButton.No:
                session.autosave.discard()
            # No answer (the window closed under the box): the copy waits for the next start.

        box.finished.connect(on_finished)
        self._window.keep_open(box)
        box.open()
        return box

    # --- the schedule's zone, kept beside the draft -----------------------------------------

    def _keep_zone(self, path: Path) -> None:
        """Remember the zone box's choice for `path` (local time: nothing to remember)."""
        session = self._window.session
        if session is None or session.draft_zones is None:
            return
        schedule = self._window.schedule
        chosen = schedule.at_radio.isChecked() and schedule.zone.currentText() != LOCAL_ZONE
        session.draft_zones.remember(path, schedule.zone.currentText() if chosen else None)

    def _show_zone(self, path: Path, message: OmniMessage) -> None:
        """Show the opened draft's send time in the zone it was saved with; sendAt is kept."""
        session = self._window.session
        moment = message.send_at
        if session is None or session.draft_zones is None or moment is None:
            return
        name = session.draft_zones.zone_of(path)
        try:
            zone = ZoneInfo(name) if name else None
        except (KeyError, ValueError):
            zone = None
        if zone is None or name is None:
            return
        wall = moment.astimezone(zone)
        schedule = self._window.schedule
        wall_time = QDateTime(
            QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute, wall.second)
        )

        def show() -> None:
            schedule.zone.setCurrentText(name)
            schedule.when.setDateTime(wall_time)

        self._window.showing_loaded(show)

    # --- internals -----------------------------------------------------------------------------

    def _on_presenter_dirty_changed(self, _dirty: bool) -> None:
        self.update_title()

    def _on_presenter_message_changed(self) -> None:
        if self._window.session is not None and self._window.presenter.dirty:
            self._timer.start()

    def _open_after_asking(self, path: Path) -> None:
        self.after_unsaved_check(lambda: self.open_path(path))

    def _choose_and_open(self) -> None:
        dialog = QFileDialog(self._window, tr("Open draft"), str(self._folder()), FILE_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.open_path)
        self._window.keep_open(dialog)
        dialog.open()

    def _remember(self, path: Path) -> None:
        if self._window.recent is not None:
            self._window.recent.add(path)
            self.fill_recent_menu()

    def _folder(self) -> Path:
        return self.path.parent if self.path is not None else documents_folder()
