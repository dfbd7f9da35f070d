"""Autosave: the draft in the window, copied atomically every few seconds after a change.

Two files in the autosave folder: `autosave.omni.json` (the draft, as a draft file) and
`autosave.json`, a marker `{draft_path, saved_at, clean_exit}`. A normal quit calls
`mark_clean_exit()`, which removes the copy; so a copy that is still there at the next start,
without `clean_exit`, is what a crash left: `pending_restore()` offers it. While that offer is
unanswered (`awaiting_answer()`), no quit removes the copy: it is offered again next time.
A copy that cannot be read is set aside beside itself, never deleted.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from omni_desktop.core import jsonsafe
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import OmniMessage

from omni_desktop.storage.drafts import (
    DraftError,
    atomic_write_text,
    draft_text,
    load_draft,
    set_aside,
)
from omni_desktop.storage.errors import StorageError, os_reason

log = logging.getLogger("omni_desktop.storage")

AUTOSAVE_FILE = "autosave.omni.json"
MARKER_FILE = "autosave.json"


class DamagedAutosave(StorageError):
    """The autosaved copy could not be read; it was set aside (`aside`), nothing restored."""

    def __init__(self, sentence: str, aside: Path | None) -> None:
        super().__init__(sentence)
        self.aside = aside


class RestorePoint(NamedTuple):
    """What a crash left: the draft, the file it came from (None if never saved), and when."""

    message: OmniMessage
    original_path: Path | None
    saved_at: datetime


class Autosave:
    """The autosave copy in `folder` (created on the first save)."""

    def __init__(self, folder: Path, clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.folder = folder
        self.draft_file = folder / AUTOSAVE_FILE
        self.marker_file = folder / MARKER_FILE
        self._clock = clock
        self._awaiting = False  # the copy is being offered and the operator has not answered

    def save(self, message: OmniMessage, draft_path: Path | None = None) -> datetime:
        """Write the copy and its marker atomically; returns the time saved.

        StorageError (disk full, read-only folder, ...): the draft stays in the window.
        """
        saved_at = self._clock()
        try:
            text = draft_text(message)
        except DraftError as exc:
            raise StorageError(str(exc)) from None
        marker = {
            "draft_path": str(draft_path) if draft_path is not None else None,
            "saved_at": saved_at.isoformat(),
            "clean_exit": False,
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.draft_file, text)
            atomic_write_text(self.marker_file, json.dumps(marker, indent=1) + "\n")
        except OSError as exc:
            raise StorageError(
                tr(
                    "The draft could not be saved automatically to {folder}: {reason}. It is "
                    "still open in the window; save it with Save As to another folder, or "
                    "free some disk space."
                ).format(folder=self.folder, reason=os_reason(exc))
            ) from None
        return saved_at

    def awaiting_answer(self) -> None:
        """The copy is offered now: until `restored()` or `discard()`, a quit keeps it."""
        self._awaiting = True

    def restored(self) -> None:
        """The operator took the copy back into the window: from now on it is a copy as any."""
        self._awaiting = False

    def mark_clean_exit(self) -> None:
        """A normal quit: the copy is removed and the marker says the exit was clean.

        While an offer of the copy is unanswered, both stay as they are, to be offered again.
        """
        if self._awaiting:
            return
        marker = {"draft_path": None, "saved_at": None, "clean_exit": True}
        try:
            self.draft_file.unlink(missing_ok=True)
            if self.folder.is_dir():
                atomic_write_text(self.marker_file, json.dumps(marker, indent=1) + "\n")
        except OSError as exc:
            raise StorageError(
                tr("The autosave copy in {folder} could not be removed: {reason}.").format(
                    folder=self.folder, reason=os_reason(exc)
                )
            ) from None

    def pending_restore(self) -> RestorePoint | None:
        """The copy a crash left (the last run did not exit cleanly), or None.

        DamagedAutosave when the copy cannot be read: it is set aside first, with its marker.
        """
        if not self.draft_file.is_file():
            return None
        marker = self._marker()
        if marker.get("clean_exit") is True:
            return None
        try:
            message = load_draft(self.draft_file)
        except DraftError as exc:
            log.warning("The autosave copy cannot be restored: %s", exc)
            raise self._set_aside(str(exc)) from None
        saved_at = _parse_time(marker.get("saved_at")) or self._modified()
        return RestorePoint(message, _original_path(marker.get("draft_path")), saved_at)

    def _set_aside(self, reason: str) -> DamagedAutosave:
        try:
            aside = set_aside(self.draft_file, self._clock())
            self.marker_file.unlink(missing_ok=True)
        except OSError as exc:
            return DamagedAutosave(
                tr(
                    "The autosaved draft in {folder} could not be moved aside ({error}) and "
                    "was not restored: {reason}"
                ).format(folder=self.folder, error=os_reason(exc), reason=reason),
                None,
            )
        return DamagedAutosave(
            tr("The autosaved draft was kept as {aside} and not restored: {reason}").format(
                aside=aside, reason=reason
            ),
            aside,
        )

    def discard(self) -> None:
        """Forget the copy (the operator declined to restore it, or saved it elsewhere)."""
        self._awaiting = False
        try:
            self.draft_file.unlink(missing_ok=True)
            self.marker_file.unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(
                tr("The autosave copy in {folder} could not be removed: {reason}.").format(
                    folder=self.folder, reason=os_reason(exc)
                )
            ) from None

    def _marker(self) -> dict[str, Any]:
        """The marker; a missing or unreadable one counts as "not a clean exit"."""
        try:
            data = jsonsafe.loads(self.marker_file.read_text(encoding="utf-8"))
        except (OSError, ValueError, MemoryError):  # ValueError: not UTF-8, not JSON, unsafe
            return {}
        return data if isinstance(data, dict) else {}

    def _modified(self) -> datetime:
        with contextlib.suppress(OSError):
            return datetime.fromtimestamp(self.draft_file.stat().st_mtime, UTC)
        return self._clock()


def _original_path(value: Any) -> Path | None:
    """The draft's own file from the marker, if it names one that can be a path here."""
    if not isinstance(value, str) or not value or "\0" in value or len(value) > 4096:
        return None
    return Path(value)


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


__all__ = ["AUTOSAVE_FILE", "MARKER_FILE", "Autosave", "DamagedAutosave", "RestorePoint"]
