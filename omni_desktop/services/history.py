"""The history of sends for a screen: searches, details, drafts and status checks, each read
from the outbox in a worker thread so a window calling these keeps painting.

A campaign is one row of the history, its requests read apart (`campaign_requests`); a test
send is a row of its own, never counted in its campaign. A search that looks like a phone
number (`+41 76 977 75 60`) also finds the send by the number's international digits, as the
outbox stores them. `export` writes one send, or the sends of a time range (a campaign's
requests among them), to CSV or XLSX: one row per message, prices as numbers, ISO times.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from omni_desktop.core.i18n import tr, tr_noop
from omni_desktop.core.message import OmniMessage

from omni_desktop.storage import awaiting
from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignRecord, RequestEntry
from omni_desktop.storage.sends import MessageRecord, SendRecord

from omni_desktop.services.exporting import Cell, ExportError, write_table
from omni_desktop.services.reports import check_status, fetch_reports

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.outbox import Outbox

HistoryEntry = SendRecord | CampaignRecord  # a row of the history: a send, or a campaign
ClientFor = Callable[[str | None], "OmniClient | None"]
# Builds the client of an account that has none yet (its key read off the GUI thread).
OpenClient = Callable[[str], Awaitable["OmniClient | None"]]


class NoClient(Exception):
    """The send's account cannot be asked now; `str()` says why in one sentence."""


class HistoryService:
    """The outbox's sends for one window; `client_for(profile)` gives an account's client.

    `open_client(profile)`, when given, builds the client of an account that has none yet
    (say, one whose key was entered after the start), so Check status need not dead-end.
    """

    def __init__(
        self, outbox: Outbox, client_for: ClientFor, open_client: OpenClient | None = None
    ) -> None:
        self.outbox = outbox
        self._client_for = client_for
        self._open_client = open_client

    async def search(self, text: str, limit: int) -> list[SendRecord]:
        """Every send matching `text` (a campaign's requests among them), newest first;
        StorageError when the history cannot be read."""
        return await asyncio.to_thread(self._search, text.strip(), limit)

    def _search(self, text: str, limit: int) -> list[SendRecord]:
        found = self.outbox.history(search=text, limit=limit)
        digits = phone_query(text)
        if digits and digits != text:
            seen = {record.id for record in found}
            more = [r for r in self.outbox.history(search=digits, limit=limit) if r.id not in seen]
            if more:
                found = sorted([*found, *more], key=lambda r: (r.created_at, r.id), reverse=True)
        return found[:limit]

    async def listing(self, text: str, limit: int) -> list[HistoryEntry]:
        """The history's rows, newest first: each campaign one row (a search matching any of
        its requests finds it), each other send its own; StorageError when unreadable."""
        return await asyncio.to_thread(self._listing, text.strip(), limit)

    def _listing(self, text: str, limit: int) -> list[HistoryEntry]:
        found = store.listing(self.outbox, search=text, limit=limit)
        digits = phone_query(text)
        if digits and digits != text:
            seen = {_key(entry) for entry in found}
            more = store.listing(self.outbox, search=digits, limit=limit)
            if more := [e for e in more if _key(e) not in seen]:
                found = sorted([*found, *more], key=_newest, reverse=True)
        return found[:limit]

    async def campaign(self, campaign_id: int) -> CampaignRecord:
        """The campaign with its requests counted by state; KeyError when it is gone."""
        return await asyncio.to_thread(store.get, self.outbox, campaign_id)

    async def campaign_requests(self, campaign_id: int) -> list[RequestEntry]:
        """The campaign's requests in plan order (then earlier sends of requests planned
        again), each with its send once started; StorageError when unreadable."""
        return await asyncio.to_thread(store.requests_of, self.outbox, campaign_id)

    async def get(self, send_id: int) -> SendRecord:
        """The send; KeyError when it is gone, StorageError when unreadable."""
        return await asyncio.to_thread(self.outbox.get, send_id)

    async def messages(self, send_id: int) -> list[MessageRecord]:
        return await asyncio.to_thread(self.outbox.messages, send_id)

    async def draft_from(self, send_id: int) -> OmniMessage:
        """The send's request as a new draft, its IDs cleared (KeyError, ValueError)."""
        return await asyncio.to_thread(self.outbox.draft_from, send_id)

    def client_for(self, record: HistoryEntry) -> OmniClient:
        """The client of the send's (or campaign's) account; NoClient with the reason when
        there is none."""
        client = self._client_for(record.profile)
        if client is not None:
            return client
        if record.profile is None:
            raise NoClient(
                tr(
                    "The built-in sandbox is not running now, so this send's status cannot be "
                    "checked."
                )
            )
        raise NoClient(
            tr(
                "The account “{name}” is not available now (it was removed, or its key is not "
                "at hand), so this send's status cannot be checked."
            ).format(name=record.profile)
        )

    async def check_status(self, record: SendRecord) -> SendRecord:
        """Settle the send from the server's logs (NoClient, our api errors, StorageError)."""
        return await check_status(self.outbox, await self.client(record), record.id)

    async def fetch_campaign_reports(self, campaign: CampaignRecord) -> int:
        """The delivery reports waiting for the campaign's accepted requests not settled yet,
        kept in the outbox; how many came (NoClient, our api errors, StorageError)."""
        client = await self.client(campaign)
        bulks = await asyncio.to_thread(awaiting.of_campaign, self.outbox, campaign.id)
        return await fetch_reports(client, self.outbox, bulks)

    async def client(self, record: HistoryEntry) -> OmniClient:
        """`client_for`, or else a client built now by `open_client`; NoClient when neither."""
        try:
            return self.client_for(record)
        except NoClient:
            if self._open_client is None or record.profile is None:
                raise
            client = await self._open_client(record.profile)
            if client is None:
                raise
            return client

    async def export(
        self,
        path: Path,
        send_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        """Write one send (`send_id`), or every send made from `since` up to `until`, to
        `path` (CSV or XLSX by its suffix) in a worker thread; returns the messages written.
        ExportError, StorageError or KeyError (the send is gone) say why not."""
        return await asyncio.to_thread(export_sends, self.outbox, path, send_id, since, until)


_LATER_HEADERS = (  # the export's columns after the first (see export_headers)
    tr_noop("Sent at"),
    tr_noop("Account"),
    tr_noop("Scenario"),
    tr_noop("Bulk ID"),
    tr_noop("Send state"),
    tr_noop("To"),
    tr_noop("Message ID"),
    tr_noop("Group"),
    tr_noop("Status"),
    tr_noop("Description"),
    tr_noop("Channel"),
    tr_noop("Price"),
    tr_noop("Currency"),
    tr_noop("Error"),
    tr_noop("Updated"),
)
EXPORT_PAGE = 500  # sends read from the outbox at a time while walking a range


def export_headers() -> list[str]:
    """The export's column names in the operator's language. The first, the send's number,
    is told apart from the Send button's verb, which has the same English word."""
    return [tr("Send", "a send's number: the first column of a history export")] + [
        tr(h) for h in _LATER_HEADERS
    ]


def export_sends(
    outbox: Outbox,
    path: Path,
    send_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> int:
    """The body of `HistoryService.export` (blocking: run it off the GUI thread)."""
    if send_id is None and since is not None and until is not None and until < since:
        raise ExportError(tr("The time range ends before it starts: swap the two times."))
    if send_id is not None:
        sends: Iterator[SendRecord] = iter([outbox.get(send_id)])
    else:
        sends = _sends_between(outbox, since, until)
    rows = (
        _message_cells(record, message)
        for record in sends
        for message in outbox.messages(record.id)
    )
    return write_table(path, export_headers(), rows, tr("History"))


def _sends_between(
    outbox: Outbox, since: datetime | None, until: datetime | None
) -> Iterator[SendRecord]:
    """Sends made in [since, until], oldest first, read a page at a time (newest first)."""
    found: list[SendRecord] = []
    offset = 0
    while True:
        page = outbox.history(limit=EXPORT_PAGE, offset=offset)
        for record in page:
            if until is not None and record.created_at > until:
                continue
            if since is not None and record.created_at < since:
                return iter(reversed(found))
            found.append(record)
        if len(page) < EXPORT_PAGE:
            return iter(reversed(found))
        offset += EXPORT_PAGE


def _message_cells(record: SendRecord, message: MessageRecord) -> list[Cell]:
    return [
        record.id,
        record.created_at.isoformat(),
        record.profile or tr("Sandbox"),
        record.scenario_key or "",
        record.bulk_id,
        record.state.value,
        message.to_address,
        message.message_id,
        message.status_group,
        message.status_name,
        message.status_description,
        message.channel or "",
        message.price,
        message.currency or "",
        message.error or "",
        "" if message.updated_at is None else message.updated_at.isoformat(),
    ]


def _key(entry: HistoryEntry) -> tuple[bool, int]:
    return isinstance(entry, CampaignRecord), entry.id


def _newest(entry: HistoryEntry) -> tuple[datetime, bool, int]:
    return entry.created_at, isinstance(entry, CampaignRecord), entry.id


def phone_query(text: str) -> str | None:
    """The digits of a search typed as a phone number (`+41 76 977 75 60`, `0041…`), or None."""
    compact = "".join(ch for ch in text if ch not in " \t\u00a0\u202f-.()/")
    if compact.startswith("+"):
        compact = compact[1:]
    elif compact.startswith("00"):
        compact = compact[2:]
    if len(compact) >= 6 and compact.isascii() and compact.isdigit():
        return compact
    return None


__all__ = [
    "HistoryEntry",
    "HistoryService",
    "NoClient",
    "export_headers",
    "export_sends",
    "phone_query",
]
