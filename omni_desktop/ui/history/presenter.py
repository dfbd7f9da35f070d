"""The History dialog's presenter: searches, a campaign's requests, details, drafts and Check
status through `HistoryService`, each in a task whose answer comes back as a signal.

A newer search (or a newer send's details, or campaign's requests) supersedes an older one: a
late answer to the older one is dropped, so the table never jumps back to what the operator
typed before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from omni_desktop.api.errors import OmniError
from omni_desktop.storage.campaigns import CampaignRecord
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.sends import SendRecord

from omni_desktop.services.exporting import ExportError
from omni_desktop.services.history import HistoryService, NoClient

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import TaskKeeper

T = TypeVar("T")

HISTORY_LIMIT = 500  # rows (sends and campaigns) listed at once; a search reaches older ones
DRAFT, RESEND = "draft", "resend"  # what a draft read back from a send is for


class HistoryPresenter(QObject):
    """Reads the history for one History dialog and asks the logs what became of a send."""

    searched = Signal(object, str)  # list[HistoryEntry] newest first, the search as run
    search_failed = Signal(str)
    requests_loaded = Signal(int, object)  # campaign id, list[RequestEntry]
    campaign_loaded = Signal(object)  # CampaignRecord, counted again (after Check status)
    campaign_failed = Signal(int, str)  # campaign id, why, one sentence
    details_loaded = Signal(int, object)  # send id, list[MessageRecord]
    details_failed = Signal(int, str)
    checked = Signal(object)  # SendRecord as the logs left it
    reports_fetched = Signal(int, int)  # campaign id, how many delivery reports came
    check_failed = Signal(int, str)  # send id, why, one sentence
    no_client = Signal(str, object)  # why, and the account (None: the sandbox)
    draft_ready = Signal(str, int, object)  # DRAFT or RESEND, send id, OmniMessage (no IDs)
    draft_failed = Signal(str)
    exported = Signal(str, int)  # the file written, how many messages it holds
    export_failed = Signal(str)  # one plain sentence

    def __init__(self, history: HistoryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history = history
        # A status check writes what it learnt into the history: let it finish; reads may stop.
        self.tasks = TaskKeeper(awaited=("check status",))
        self._search_serial = 0
        self._details_serial = 0
        self._requests_serial = 0

    @property
    def checking(self) -> bool:
        return bool(self.tasks.running("check status"))

    def search(self, text: str) -> asyncio.Task[Any]:
        """Sends matching `text` (all when empty); `searched` or `search_failed` follows."""
        self._search_serial += 1
        self.tasks.cancel("search")
        return self.tasks.start(self._search(text.strip(), self._search_serial), "search")

    def details(self, send_id: int) -> asyncio.Task[Any]:
        """The send's messages; `details_loaded` or `details_failed` follows."""
        self._details_serial += 1
        self.tasks.cancel("details")
        return self.tasks.start(self._details(send_id, self._details_serial), "details")

    def campaign_requests(self, campaign_id: int) -> asyncio.Task[Any]:
        """The campaign's requests; `requests_loaded` or `campaign_failed` follows."""
        self._requests_serial += 1
        self.tasks.cancel("requests")
        serial = self._requests_serial
        return self.tasks.start(self._requests(campaign_id, serial), "requests")

    def campaign(self, campaign_id: int) -> asyncio.Task[Any]:
        """The campaign counted again; `campaign_loaded` or `campaign_failed` follows."""
        return self.tasks.start(self._campaign(campaign_id), "campaign")

    def check_status(self, record: SendRecord) -> asyncio.Task[Any]:
        """Ask the logs about the send; `checked`, `check_failed` or `no_client` follows."""
        return self.tasks.start(self._check(record), "check status")

    def fetch_reports(self, campaign: CampaignRecord) -> asyncio.Task[Any]:
        """The campaign's waiting delivery reports; `reports_fetched`, `check_failed` or
        `no_client` follows (a check: it writes what it learnt, so it is let finish)."""
        return self.tasks.start(self._fetch(campaign), "check status")

    def draft(self, send_id: int, purpose: str) -> asyncio.Task[Any]:
        """The send's request as a new draft, IDs cleared; `draft_ready` or `draft_failed`."""
        return self.tasks.start(self._draft(send_id, purpose), "draft")

    def export(
        self,
        path: Path,
        send_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> asyncio.Task[Any]:
        """Write one send, or a time range's, to `path`; `exported` or `export_failed`."""
        return self.tasks.start(self._export(path, send_id, since, until), "export")

    async def close(self) -> None:
        """Let a status check finish, stop the reads, and wait for all of it."""
        await self.tasks.close()

    # --- tasks ---------------------------------------------------------------------------------

    async def _search(self, text: str, serial: int) -> None:
        try:
            records = await self.history.listing(text, HISTORY_LIMIT)
        except StorageError as exc:
            if serial == self._search_serial:
                self.search_failed.emit(str(exc))
            return
        if serial == self._search_serial:  # else a newer search is under way
            self.searched.emit(records, text)

    async def _details(self, send_id: int, serial: int) -> None:
        try:
            messages = await self.history.messages(send_id)
        except StorageError as exc:
            if serial == self._details_serial:
                self.details_failed.emit(send_id, str(exc))
            return
        if serial == self._details_serial:
            self.details_loaded.emit(send_id, messages)

    async def _requests(self, campaign_id: int, serial: int) -> None:
        try:
            requests = await self.history.campaign_requests(campaign_id)
        except StorageError as exc:
            if serial == self._requests_serial:
                self.campaign_failed.emit(campaign_id, str(exc))
            return
        if serial == self._requests_serial:
            self.requests_loaded.emit(campaign_id, requests)

    async def _campaign(self, campaign_id: int) -> None:
        try:
            record = await self.history.campaign(campaign_id)
        except StorageError as exc:
            self.campaign_failed.emit(campaign_id, str(exc))
        except KeyError:
            self.campaign_failed.emit(campaign_id, tr("That campaign is no longer in the history."))
        else:
            self.campaign_loaded.emit(record)

    async def _check(self, record: SendRecord) -> None:
        checked = await self._ask(record.id, record.profile, self.history.check_status(record))
        if checked is not None:
            self.checked.emit(checked)

    async def _fetch(self, campaign: CampaignRecord) -> None:
        asked = self.history.fetch_campaign_reports(campaign)
        count = await self._ask(campaign.id, campaign.profile, asked)
        if count is not None:
            self.reports_fetched.emit(campaign.id, count)

    async def _ask(self, key: int, profile: str | None, question: Awaitable[T]) -> T | None:
        """The answer to a question for the account's server; None, its failure said by
        `no_client` or `check_failed` (`key`: the send or campaign asked about)."""
        try:
            return await question
        except NoClient as exc:
            self.no_client.emit(str(exc), profile)
        except OmniError as exc:
            self.check_failed.emit(key, exc.sentence)
        except StorageError as exc:
            self.check_failed.emit(key, str(exc))
        except KeyError:
            self.check_failed.emit(key, tr("That send is no longer in the history."))
        return None

    async def _export(
        self, path: Path, send_id: int | None, since: datetime | None, until: datetime | None
    ) -> None:
        try:
            count = await self.history.export(path, send_id, since, until)
        except (ExportError, StorageError) as exc:
            self.export_failed.emit(str(exc))
        except KeyError:
            self.export_failed.emit(tr("That send is no longer in the history."))
        else:
            self.exported.emit(str(path), count)

    async def _draft(self, send_id: int, purpose: str) -> None:
        try:
            message = await self.history.draft_from(send_id)
        except StorageError as exc:
            self.draft_failed.emit(str(exc))
        except KeyError:
            self.draft_failed.emit(tr("That send is no longer in the history."))
        except ValueError:
            self.draft_failed.emit(
                tr("Send #{id} could not be read back as a draft.").format(id=send_id)
            )
        else:
            self.draft_ready.emit(purpose, send_id, message)


__all__ = ["DRAFT", "HISTORY_LIMIT", "RESEND", "HistoryPresenter"]
