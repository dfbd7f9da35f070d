"""Campaigns in the outbox: the whole plan recorded before the first request, each request a
send once started.

A campaign's requests are rows of `campaign_requests`, each with its exact body (bulkId and
messageIds made). A request is *pending* while its `send_id` is NULL; starting it is
`Outbox.record_before_send(..., campaign=(id, seq))`, which links the new send in the same
transaction and refuses a request started before, so no request is posted twice. A request that
surely never reached the server (not sent, or refused with 429) may be planned again with new
IDs (`replan`): its old send stays in the history. The plan is written as it is made (an
iterable of bodies), so a campaign of 100,000 never holds every body at once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from omni_desktop.core.i18n import tr

from omni_desktop.storage.outbox import LIKE, SEND_MATCH, search_params
from omni_desktop.storage.outbox_db import chunks, marks
from omni_desktop.storage.sends import SendRecord, SendState, from_db_time, to_db_time

if TYPE_CHECKING:
    from omni_desktop.storage.outbox import Outbox


class CampaignState(StrEnum):
    RUNNING = "running"  # sending, or stopped by a crash or a quit: resumable
    PAUSED = "paused"  # the operator (or an unreachable server) paused it: resumable
    CANCELLED = "cancelled"  # the operator cancelled it: the pending requests never go
    FINISHED = "finished"  # every request was started and has its outcome


PENDING = "pending"  # a request's state before it is started


@dataclass(frozen=True)
class PlannedRequest:
    """One request of a plan: its body as it will be posted."""

    campaign_id: int
    seq: int  # 0-based, in plan order
    bulk_id: str
    body_json: str
    message_count: int


@dataclass(frozen=True)
class CampaignRecord:
    """A campaign as recorded, with its requests and messages counted by state."""

    id: int
    created_at: datetime
    profile: str | None
    base_url: str
    name: str
    state: CampaignState
    chunk_size: int
    request_count: int
    message_count: int
    note: str | None
    finished_at: datetime | None
    requests: dict[str, int] = field(default_factory=dict)  # by request state (PENDING too)
    messages: dict[str, int] = field(default_factory=dict)  # by request state (PENDING too)
    scenario_key: str | None = None  # every request's (None: the account's default scenario)

    def count(self, state: str) -> int:
        return self.requests.get(state, 0)

    @property
    def pending(self) -> int:
        """Requests never started."""
        return self.count(PENDING)

    @property
    def started(self) -> int:
        return self.request_count - self.pending

    @property
    def resumable(self) -> bool:
        """Whether a resume has anything to do: requests never started or of unknown outcome."""
        if self.state in (CampaignState.CANCELLED, CampaignState.FINISHED):
            return self.count(SendState.UNKNOWN) > 0 or self.count(SendState.SENDING) > 0
        return self.pending > 0 or self.count(SendState.UNKNOWN) > 0


def record_plan(
    outbox: Outbox,
    *,
    profile: str | None,
    base_url: str,
    name: str,
    chunk_size: int,
    requests: Iterable[tuple[str, str, int]],
    now: datetime,
) -> int:
    """Record a campaign and its requests `(bulk_id, body_json, message_count)`, durably, in
    one transaction, taking the bodies one at a time; returns the campaign's id."""
    action = tr("record the campaign's plan before sending it, so nothing was sent")
    with outbox.transaction(action, durable=True) as db:
        cursor = db.execute(
            "INSERT INTO campaigns (created_at, profile, base_url, name, state, chunk_size, "
            "request_count, message_count) VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
            (to_db_time(now), profile, base_url, name, CampaignState.RUNNING.value, chunk_size),
        )
        campaign_id = int(cursor.lastrowid or 0)
        totals = [0, 0]

        def rows() -> Iterable[tuple[int, int, str, str, int]]:
            for seq, (bulk_id, body, count) in enumerate(requests):
                totals[0] += 1
                totals[1] += count
                yield campaign_id, seq, bulk_id, body, count

        db.executemany(
            "INSERT INTO campaign_requests (campaign_id, seq, bulk_id, body_json, "
            "message_count) VALUES (?, ?, ?, ?, ?)",
            rows(),
        )
        db.execute(
            "UPDATE campaigns SET request_count = ?, message_count = ? WHERE id = ?",
            (*totals, campaign_id),
        )
    return campaign_id


def pending_requests(
    outbox: Outbox, campaign_id: int, after: int = -1, limit: int = 8
) -> list[PlannedRequest]:
    """The next requests never started, in plan order, after seq `after`."""
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT campaign_id, seq, bulk_id, body_json, message_count FROM campaign_requests "
            "WHERE campaign_id = ? AND send_id IS NULL AND seq > ? ORDER BY seq LIMIT ?",
            (campaign_id, after, limit),
        ).fetchall()
    return [PlannedRequest(*row) for row in rows]


def first_body(outbox: Outbox, campaign_id: int) -> str | None:
    """The body of the campaign's first request as planned: what all its requests share
    (scenario, channels, options) beside their recipients and texts."""
    with outbox.reading() as db:
        row = db.execute(
            "SELECT body_json FROM campaign_requests WHERE campaign_id = ? ORDER BY seq LIMIT 1",
            (campaign_id,),
        ).fetchone()
    return None if row is None else str(row[0])


def started_requests(
    outbox: Outbox, campaign_id: int, send_ids: Iterable[int]
) -> list[PlannedRequest]:
    """The campaign's requests whose current send is one of `send_ids`."""
    wanted = set(send_ids)
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT campaign_id, seq, bulk_id, body_json, message_count, send_id "
            "FROM campaign_requests WHERE campaign_id = ? AND send_id IS NOT NULL",
            (campaign_id,),
        ).fetchall()
    return [PlannedRequest(*row[:5]) for row in rows if row[5] in wanted]


def replan(outbox: Outbox, campaign_id: int, seq: int, bulk_id: str, body_json: str) -> None:
    """Make a request pending again with new IDs (its old send surely never reached the
    server); its earlier send stays in the history, linked to the campaign."""
    with outbox.transaction(tr("plan the request again"), durable=True) as db:
        db.execute(
            "UPDATE campaign_requests SET bulk_id = ?, body_json = ?, send_id = NULL "
            "WHERE campaign_id = ? AND seq = ?",
            (bulk_id, body_json, campaign_id, seq),
        )


def set_state(
    outbox: Outbox,
    campaign_id: int,
    state: CampaignState,
    now: datetime,
    note: str | None = None,
) -> None:
    """The campaign's state, with the sentence that says why (None clears it)."""
    finished = (
        to_db_time(now) if state in (CampaignState.FINISHED, CampaignState.CANCELLED) else None
    )
    with outbox.transaction(tr("record the campaign's state")) as db:
        db.execute(
            "UPDATE campaigns SET state = ?, note = ?, finished_at = ? WHERE id = ?",
            (state.value, note, finished, campaign_id),
        )


def get(outbox: Outbox, campaign_id: int) -> CampaignRecord:
    """The campaign; KeyError if there is none."""
    found = _campaigns(outbox, "WHERE id = ?", (campaign_id,))
    if not found:
        raise KeyError(campaign_id)
    return found[0]


def resumable(outbox: Outbox) -> list[CampaignRecord]:
    """Campaigns a resume has work for (requests never started or of unknown outcome)."""
    found = _campaigns(outbox, "WHERE state IN ('running', 'paused') ORDER BY id", ())
    return [c for c in found if c.resumable]


def request_sends(outbox: Outbox, campaign_id: int) -> list[tuple[int, int | None, str]]:
    """Each request's (seq, send id or None, state), in plan order."""
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT r.seq, r.send_id, COALESCE(s.state, ?) FROM campaign_requests r "
            "LEFT JOIN sends s ON s.id = r.send_id WHERE r.campaign_id = ? ORDER BY r.seq",
            (PENDING, campaign_id),
        ).fetchall()
    return [(int(r[0]), r[1], str(r[2])) for r in rows]


def seq_of(outbox: Outbox, send_id: int) -> tuple[int, int] | None:
    """(campaign id, seq) of the request whose current send is `send_id`."""
    with outbox.reading() as db:
        row = db.execute(
            "SELECT campaign_id, seq FROM campaign_requests WHERE send_id = ?", (send_id,)
        ).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def _campaigns(outbox: Outbox, tail: str, params: tuple[object, ...]) -> list[CampaignRecord]:
    with outbox.reading() as db:
        rows = db.execute(f"SELECT * FROM campaigns {tail}", params).fetchall()
        return [_record(db, row) for row in rows]


def _record(db: sqlite3.Connection, row: sqlite3.Row) -> CampaignRecord:
    requests: dict[str, int] = {}
    messages: dict[str, int] = {}
    for state, count, total in db.execute(
        "SELECT COALESCE(s.state, ?), COUNT(*), SUM(r.message_count) FROM campaign_requests r "
        "LEFT JOIN sends s ON s.id = r.send_id WHERE r.campaign_id = ? GROUP BY 1",
        (PENDING, row["id"]),
    ):
        requests[state] = int(count)
        messages[state] = int(total or 0)
    scenario = db.execute(  # a started request's, found by its index
        "SELECT scenario_key FROM sends WHERE campaign_id = ? LIMIT 1", (row["id"],)
    ).fetchone()
    if scenario is None:  # none started yet: the first planned body says
        planned = db.execute(
            "SELECT body_json FROM campaign_requests WHERE campaign_id = ? ORDER BY seq LIMIT 1",
            (row["id"],),
        ).fetchone()
        scenario = (_scenario_in(planned[0]) if planned else None,)
    created = from_db_time(row["created_at"])
    assert created is not None  # NOT NULL in the schema
    return CampaignRecord(
        id=row["id"],
        created_at=created,
        profile=row["profile"],
        base_url=row["base_url"],
        name=row["name"],
        state=CampaignState(row["state"]),
        chunk_size=row["chunk_size"],
        request_count=row["request_count"],
        message_count=row["message_count"],
        note=row["note"],
        finished_at=from_db_time(row["finished_at"]),
        requests=requests,
        messages=messages,
        scenario_key=scenario[0],
    )


def _scenario_in(body: str) -> str | None:
    """The `scenarioKey` of a planned body; None without one (or for a damaged body)."""
    try:
        key = json.loads(body).get("scenarioKey")
    except (ValueError, AttributeError, RecursionError):
        return None
    return key if isinstance(key, str) else None


# --- the history's view (read only) --------------------------------------------------------------


@dataclass(frozen=True)
class RequestEntry:
    """One row of a campaign's requests in the history: a planned request with its current
    send (None: never started), or an earlier send of one planned again since (`seq` None)."""

    seq: int | None
    bulk_id: str
    message_count: int
    send: SendRecord | None

    @property
    def state(self) -> str:
        """The request's state: a SendState's value, or PENDING."""
        return PENDING if self.send is None else self.send.state.value


# A campaign matches by its name, account, note or state, or when any of its requests does:
# a started one as a send, one never started by its bulkId or its planned body's text.
_CAMPAIGN_MATCH = (
    f"(c.state = :exact OR c.name {LIKE} OR COALESCE(c.profile, 'Sandbox') {LIKE} "
    f"OR c.note {LIKE} "
    f"OR EXISTS (SELECT 1 FROM sends s WHERE s.campaign_id = c.id AND NOT s.is_test "
    f"AND {SEND_MATCH}) "
    f"OR EXISTS (SELECT 1 FROM campaign_requests r WHERE r.campaign_id = c.id "
    f"AND r.send_id IS NULL AND (r.bulk_id {LIKE} OR r.body_json {LIKE})))"
)


def listing(
    outbox: Outbox, search: str = "", limit: int = 200, offset: int = 0
) -> list[SendRecord | CampaignRecord]:
    """The history's rows, newest first: every send outside a campaign (a test send too, even
    of a campaign) and every campaign as one row, counted by SQL, never message by message."""
    params: dict[str, object] = {"limit": limit, "offset": offset}
    sends_where, campaigns_where = "", ""
    text = search.strip()
    if text:
        params.update(search_params(text))
        sends_where, campaigns_where = f"AND {SEND_MATCH}", f"WHERE {_CAMPAIGN_MATCH}"
    with outbox.reading() as db:
        keys = db.execute(
            "SELECT kind, id FROM ("
            "SELECT 0 AS kind, s.id AS id, s.created_at AS at FROM sends s "
            f"WHERE (s.campaign_id IS NULL OR s.is_test) {sends_where} "
            f"UNION ALL SELECT 1, c.id, c.created_at FROM campaigns c {campaigns_where}) "
            "ORDER BY at DESC, kind DESC, id DESC LIMIT :limit OFFSET :offset",
            params,
        ).fetchall()
        send_ids = [int(row[1]) for row in keys if row[0] == 0]
        sends = {r.id: r for r in _sends_where(db, send_ids)}
        campaigns: dict[int, CampaignRecord] = {}
        for batch in chunks([int(row[1]) for row in keys if row[0] == 1]):
            for row in db.execute(
                f"SELECT * FROM campaigns WHERE id IN ({marks(len(batch))})", tuple(batch)
            ).fetchall():
                campaigns[int(row["id"])] = _record(db, row)
    found: list[SendRecord | CampaignRecord] = []
    for kind, key in keys:
        entry = sends.get(key) if kind == 0 else campaigns.get(key)
        if entry is not None:
            found.append(entry)
    return found


def requests_of(outbox: Outbox, campaign_id: int) -> list[RequestEntry]:
    """The campaign's requests in plan order, each with its current send if started; then the
    earlier sends of requests planned again since (never a test send)."""
    with outbox.reading() as db:
        planned = db.execute(
            "SELECT seq, bulk_id, message_count, send_id FROM campaign_requests "
            "WHERE campaign_id = ? ORDER BY seq",
            (campaign_id,),
        ).fetchall()
        sent = db.execute(
            "SELECT id FROM sends WHERE campaign_id = ? AND NOT is_test ORDER BY id",
            (campaign_id,),
        ).fetchall()
        sends = {r.id: r for r in _sends_where(db, [int(row[0]) for row in sent])}
    current = {int(row[3]) for row in planned if row[3] is not None}
    entries = [
        RequestEntry(int(seq), str(bulk_id), int(count), sends.get(send_id))
        for seq, bulk_id, count, send_id in planned
    ]
    entries += [
        RequestEntry(None, record.bulk_id, record.recipients_count, record)
        for send_id, record in sends.items()
        if send_id not in current
    ]
    return entries


def delivery(outbox: Outbox, campaign_id: int) -> dict[str, int]:
    """The campaign's messages by status group (DELIVERED, PENDING, …) as last heard from
    its requests' answers, reports and logs; a request never started has no messages yet."""
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT m.status_group, COUNT(*) FROM campaign_requests r "
            "JOIN messages m ON m.send_id = r.send_id WHERE r.campaign_id = ? "
            "GROUP BY m.status_group",
            (campaign_id,),
        ).fetchall()
    return {str(group): int(count) for group, count in rows}


def _sends_where(db: sqlite3.Connection, ids: list[int]) -> list[SendRecord]:
    """The sends `ids`, with their messages counted by status group (as `Outbox.get`)."""
    records: list[SendRecord] = []
    for batch in chunks(ids):
        rows = db.execute(
            f"SELECT * FROM sends WHERE id IN ({marks(len(batch))})", tuple(batch)
        ).fetchall()
        counts: dict[int, dict[str, int]] = {}
        for send_id, group, count in db.execute(
            "SELECT send_id, status_group, COUNT(*) FROM messages "
            f"WHERE send_id IN ({marks(len(batch))}) GROUP BY send_id, status_group",
            tuple(batch),
        ):
            counts.setdefault(send_id, {})[group] = count
        records += [SendRecord.from_row(row, counts.get(row["id"], {})) for row in rows]
    return records


__all__ = [
    "PENDING",
    "CampaignRecord",
    "CampaignState",
    "PlannedRequest",
    "RequestEntry",
    "delivery",
    "get",
    "listing",
    "pending_requests",
    "record_plan",
    "replan",
    "request_sends",
    "requests_of",
    "resumable",
    "set_state",
]
