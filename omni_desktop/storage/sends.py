"""What the outbox keeps about a send and its messages, as plain data.

`SendRecord.state` says what became of the request; `settled_at` says whether every message of
it has reached a final status (from reports or logs). A send whose answer never came is
`UNKNOWN` until the logs show its messages: then it is `ACCEPTED`, since the server has them.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from omni_desktop.core import jsonsafe, jsontext
from omni_desktop.core.report import LogEntry, Price, Report
from omni_desktop.core.status import Status

JsonObject = dict[str, Any]

PENDING_GROUP = "UNKNOWN"  # a message's status before the server said anything about it
PENDING_NAME = "UNKNOWN"


class SendState(StrEnum):
    SENDING = "sending"  # recorded, the request is (or was, if the app died) on its way
    ACCEPTED = "accepted"  # the server took it (its answer, or its logs, say so)
    REJECTED = "rejected"  # the server refused it (4xx): nothing was sent
    UNKNOWN = "unknown"  # no usable answer: a message may have been sent; check the logs
    NOT_SENT = "not_sent"  # the request never reached the server


FAILURE_STATES = frozenset({SendState.REJECTED, SendState.UNKNOWN, SendState.NOT_SENT})


def to_db_time(moment: datetime) -> str:
    """UTC ISO 8601 with milliseconds, so that text order is time order."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a stored time must carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_db_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@functools.lru_cache(maxsize=256)
def is_final(group: str, name: str) -> bool:
    """Whether a stored status can no longer change (core's rule, on the stored names)."""
    return Status(-1, group, -1, name).is_final


@dataclass(frozen=True)
class MessageRecord:
    """One destination of a send, with the last status the server gave for it."""

    send_id: int
    message_id: str
    to_address: str
    status_group: str  # an API group name (PENDING, DELIVERED, ...) or UNKNOWN before any word
    status_name: str
    status_description: str
    channel: str | None
    price: float | None
    currency: str | None
    error: str | None
    updated_at: datetime | None  # None: nothing heard from the server about it yet

    @property
    def is_final(self) -> bool:
        return is_final(self.status_group, self.status_name)

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> MessageRecord:
        return cls(
            send_id=row["send_id"],
            message_id=row["message_id"],
            to_address=row["to_address"],
            status_group=row["status_group"],
            status_name=row["status_name"],
            status_description=row["status_description"],
            channel=row["channel"],
            price=row["price"],
            currency=row["currency"],
            error=row["error"],
            updated_at=from_db_time(row["updated_at"]),
        )


@dataclass(frozen=True)
class SendRecord:
    """One send as recorded: the exact request body (secret-free), its answer and outcome."""

    id: int
    created_at: datetime
    profile: str | None  # None: the built-in sandbox
    base_url: str
    scenario_key: str | None
    bulk_id: str
    request_json: str
    state: SendState
    answered_at: datetime | None
    response_json: str | None
    error_sentence: str | None
    recipients_count: int
    settled_at: datetime | None  # set once every message has a final status
    checked_at: datetime | None  # the last "Check status" against the logs
    counts: Mapping[str, int] = field(default_factory=dict)  # messages per status group
    campaign_id: int | None = None  # one request of that campaign
    is_test: bool = False  # a campaign's test send: never counted in it

    @property
    def settled(self) -> bool:
        return self.settled_at is not None

    @property
    def outcome_unknown(self) -> bool:
        return self.state is SendState.UNKNOWN

    def request(self) -> JsonObject:
        data: JsonObject = jsonsafe.loads(self.request_json)  # UnsafeJson: damaged history
        return data

    def response(self) -> JsonObject | None:
        if self.response_json is None:
            return None
        data: JsonObject = json.loads(self.response_json)
        return data

    @classmethod
    def from_row(cls, row: sqlite3.Row, counts: Mapping[str, int]) -> SendRecord:
        created = from_db_time(row["created_at"])
        assert created is not None  # NOT NULL in the schema
        return cls(
            id=row["id"],
            created_at=created,
            profile=row["profile"],
            base_url=row["base_url"],
            scenario_key=row["scenario_key"],
            bulk_id=row["bulk_id"],
            request_json=row["request_json"],
            state=SendState(row["state"]),
            answered_at=from_db_time(row["answered_at"]),
            response_json=row["response_json"],
            error_sentence=row["error_sentence"],
            recipients_count=row["recipients_count"],
            settled_at=from_db_time(row["settled_at"]),
            checked_at=from_db_time(row["checked_at"]),
            counts=dict(counts),
            campaign_id=row["campaign_id"],
            is_test=bool(row["is_test"]),
        )


def address(to: Any) -> str:
    """The address to show for a `to` object: phone number, else e-mail, else any other."""
    if not isinstance(to, dict):
        return ""
    for key in ("phoneNumber", "emailAddress"):
        value = to.get(key)
        if isinstance(value, str) and value:
            return value
    return next((v for v in to.values() if isinstance(v, str) and v), "")


class MessageUpdate(NamedTuple):
    """What the server said about one message: from an answer, a report or a log entry."""

    message_id: str
    status: Status
    channel: str | None = None
    price: Price | None = None
    error: str | None = None


def updates_from_answer(response: JsonObject) -> list[MessageUpdate]:
    """One update per answered message; the status read once per distinct status object
    (an answer of 1,000 messages has one or two)."""
    out = []
    seen: dict[tuple[Any, ...], Status] = {}
    for entry in response.get("messages") or []:
        if isinstance(entry, dict) and isinstance(entry.get("status"), dict):
            message_id = str(entry.get("messageId") or "")
            raw = entry["status"]
            try:
                key = tuple(raw.items())
                status = seen.get(key)
                if status is None:
                    status = seen[key] = Status.from_json(raw)
            except TypeError:  # a value that cannot be a key (a list...): read it as it is
                status = Status.from_json(raw)
            out.append(MessageUpdate(message_id, status))
    return out


def updates_from_reports(reports: Iterable[Report]) -> list[MessageUpdate]:
    return [
        MessageUpdate(r.message_id, r.status, r.channel, r.price, _error_text(r)) for r in reports
    ]


def updates_from_logs(entries: Iterable[LogEntry]) -> list[MessageUpdate]:
    """One update per message; of several entries (one per channel tried) the last sent wins."""
    latest: dict[str, LogEntry] = {}
    for entry in entries:
        held = latest.get(entry.message_id)
        if held is None or _log_rank(entry) >= _log_rank(held):
            latest[entry.message_id] = entry
    return [MessageUpdate(e.message_id, e.status, e.channel, e.price) for e in latest.values()]


def _log_rank(entry: LogEntry) -> tuple[datetime, bool]:
    return (entry.sent_at or datetime.min.replace(tzinfo=UTC), entry.status.is_final)


def _error_text(report: Report) -> str | None:
    error = report.error
    if error is None or error.id == 0 or error.name == "NO_ERROR":
        return None
    return f"{error.name} ({error.description})" if error.description else error.name


def request_ids(body: JsonObject) -> tuple[str, list[JsonObject]]:
    """The bulkId and destinations of a request ready to record; ValueError if IDs lack."""
    bulk_id = body.get("bulkId")
    destinations = body.get("destinations")
    if not isinstance(bulk_id, str) or not bulk_id:
        raise ValueError("The outbox records only requests with a bulkId (use with_ids).")
    if not isinstance(destinations, list) or not all(
        isinstance(d, dict) and isinstance(d.get("messageId"), str) and d["messageId"]
        for d in destinations
    ):
        raise ValueError("The outbox records only destinations with a messageId (use with_ids).")
    if len({d["messageId"] for d in destinations}) != len(destinations):
        raise ValueError("Two destinations of the request share a messageId.")
    return bulk_id, destinations


def dump(data: JsonObject | None) -> str | None:
    """Compact JSON text, as stored (made a slice at a time: see core.jsontext)."""
    return None if data is None else jsontext.dumps(data, ensure_ascii=False, separators=(",", ":"))


__all__ = [
    "FAILURE_STATES",
    "MessageRecord",
    "MessageUpdate",
    "SendRecord",
    "SendState",
]
