"""After a send: delivery reports polled into the outbox, and a send's status checked by its
messages' logs (how an unknown outcome is settled). The outbox's reads and writes run in a
worker thread, so a window calling these keeps painting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from omni_desktop.core.report import LogEntry, Report

from omni_desktop.api.errors import OmniError
from omni_desktop.storage import awaiting
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.outbox import LOGS_BATCH, LOGS_LIMIT
from omni_desktop.storage.outbox_db import chunks
from omni_desktop.storage.sends import SendRecord

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.outbox import Outbox

log = logging.getLogger("omni_desktop.services")

POLL_SECONDS = 2.0
POLL_LIMIT_SECONDS = 30 * 60
HALT_GRACE_SECONDS = 5.0  # at close, how long a report call in flight may take to end
REPORTS_LIMIT = 1000  # the API's maximum a call
FETCH_ROUNDS = 50  # full calls `fetch_reports` makes for one bulk at most
REPORTS_KEPT_SECONDS = 48 * 3600  # how long the API keeps a report (assumed: as its logs)


async def poll_reports(
    client: OmniClient,
    outbox: Outbox | None,
    bulk_id: str,
    pending: set[str],
    arrived: Callable[[list[Report]], None],
    problem: Callable[[str], None],
    *,
    interval: float = POLL_SECONDS,
    limit_seconds: float = POLL_LIMIT_SECONDS,
    halt: asyncio.Event | None = None,
) -> None:
    """Fetch the bulk's reports until each message in `pending` is final (or `limit_seconds`).

    Reports come only once: each batch is kept in the outbox, then handed to `arrived`. A
    failed fetch is tried again at the next interval; an outbox failure goes to `problem`.
    `halt` ends it between calls (a call cancelled midway loses the reports it fetched).
    """
    await poll_bulks(
        client,
        outbox,
        {bulk_id: pending},
        arrived,
        problem,
        interval=interval,
        limit_seconds=limit_seconds,
        halt=halt,
    )


async def poll_bulks(
    client: OmniClient,
    outbox: Outbox | None,
    pending: dict[str, set[str]],
    arrived: Callable[[list[Report]], None],
    problem: Callable[[str], None],
    *,
    interval: float = POLL_SECONDS,
    limit_seconds: float = POLL_LIMIT_SECONDS,
    more_to_come: Callable[[], bool] = lambda: False,
    halt: asyncio.Event | None = None,
) -> None:
    """`poll_reports` for several bulks (a campaign's requests), one call per bulk a round.

    `pending` maps each bulk to its messages not final yet; the caller may add bulks while
    this runs, and keeps it running through empty rounds with `more_to_come`. `halt` ends it
    between calls (never inside one: the reports of a call cancelled midway are lost, as the
    API gives each only once, and the client's close could hang).
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit_seconds
    halt = halt or asyncio.Event()
    while (pending or more_to_come()) and loop.time() < deadline:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(halt.wait(), interval)
        for bulk_id in list(pending):
            if halt.is_set():
                return
            try:
                reports = await client.reports(bulk_id=bulk_id, limit=REPORTS_LIMIT)
            except OmniError as exc:
                log.info("Reports could not be fetched: %s", exc.sentence)
                continue
            waiting = pending.get(bulk_id, set())
            if reports:
                if outbox is not None:
                    try:
                        await _keep(outbox, reports)
                    except StorageError as exc:
                        problem(str(exc))
                for report in reports:
                    if report.status.is_final:
                        waiting.discard(report.message_id)
                arrived(reports)
            if not waiting:
                pending.pop(bulk_id, None)


async def fetch_reports(
    client: OmniClient,
    outbox: Outbox,
    bulk_ids: Iterable[str],
    *,
    arrived: Callable[[list[Report]], None] | None = None,
    halt: asyncio.Event | None = None,
) -> int:
    """The reports waiting for each bulk, kept in the outbox (asked again while a call comes
    back full), then handed to `arrived`; how many came. `halt` ends it between calls. The
    client's errors and the outbox's StorageError pass through: reports already kept stay
    kept."""
    count = 0
    for bulk_id in bulk_ids:
        for _ in range(FETCH_ROUNDS):  # a server that never runs dry cannot hold it forever
            if halt is not None and halt.is_set():
                return count
            reports = await client.reports(bulk_id=bulk_id, limit=REPORTS_LIMIT)
            if reports:
                await _keep(outbox, reports)
                count += len(reports)
                if arrived is not None:
                    arrived(reports)
            if len(reports) < REPORTS_LIMIT:
                break
    return count


async def catch_up(
    client: OmniClient,
    outbox: Outbox,
    account: tuple[str | None, str],
    session_start: datetime,
    *,
    arrived: Callable[[list[Report]], None] | None = None,
    halt: asyncio.Event | None = None,
) -> int:
    """The reports that came while the app was closed for the account's (profile, base URL)
    sends of the REPORTS_KEPT_SECONDS before `session_start` not settled yet, kept in the
    outbox (each report comes only once); how many came. The session's own sends are left to
    their pollers (a report taken here would keep one waiting for it). Errors pass through as
    in `fetch_reports`."""
    since = session_start - timedelta(seconds=REPORTS_KEPT_SECONDS)
    bulks = await asyncio.to_thread(awaiting.of_account, outbox, *account, since, session_start)
    return await fetch_reports(client, outbox, bulks, arrived=arrived, halt=halt)


async def _keep(outbox: Outbox, reports: list[Report]) -> None:
    await asyncio.to_thread(outbox.apply_reports, reports)


async def check_status(outbox: Outbox, client: OmniClient, send_id: int) -> SendRecord:
    """Ask the logs about every message of the send (≤ LOGS_BATCH IDs a call) and settle it.

    The client's errors (our `api` exceptions) and the outbox's StorageError pass through.
    """
    record = await asyncio.to_thread(outbox.get, send_id)
    messages = await asyncio.to_thread(outbox.messages, send_id)
    entries: list[LogEntry] = []
    for batch in chunks([m.message_id for m in messages], LOGS_BATCH):
        entries += await client.logs(
            bulk_id=record.bulk_id, message_id=list(batch), limit=LOGS_LIMIT
        )
    await asyncio.to_thread(outbox.apply_logs, entries, send_id)
    return await asyncio.to_thread(outbox.get, send_id)


__all__ = [
    "HALT_GRACE_SECONDS",
    "POLL_SECONDS",
    "catch_up",
    "check_status",
    "fetch_reports",
    "poll_bulks",
    "poll_reports",
]
