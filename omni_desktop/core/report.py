"""Delivery reports and log entries (`/omni/1/reports`, `/omni/1/logs`) as plain data.

Both the client (reading them) and the sandbox (writing them) use these classes, so the JSON
form lives here once. Unknown or missing fields are tolerated on reading: the API has grown
fields over the years and an old report must still open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from omni_desktop.core.message import format_send_at, parse_send_at
from omni_desktop.core.status import Status

JsonObject = dict[str, Any]


def format_api_time(moment: datetime) -> str:
    """`yyyy-MM-ddTHH:mm:ss.SSS±hhmm`, the form reports and logs carry (e.g. `...000+0000`)."""
    return format_send_at(moment, colon=False)


def parse_api_time(value: Any) -> datetime | None:
    """A report time in any of the API's forms (±hhmm, ±hh:mm, Z); None if absent or unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_send_at(value)
    except ValueError:
        return None


def _opt_str(obj: JsonObject, key: str) -> str | None:
    value = obj.get(key)
    return None if value is None else str(value)


def _int(obj: JsonObject, key: str, default: int) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _dict(obj: JsonObject, key: str) -> JsonObject | None:
    value = obj.get(key)
    return value if isinstance(value, dict) else None


@dataclass(frozen=True)
class Price:
    price_per_message: float
    currency: str

    def to_json(self) -> JsonObject:
        return {"pricePerMessage": self.price_per_message, "currency": self.currency}

    @classmethod
    def from_json(cls, obj: JsonObject) -> Price:
        raw = obj.get("pricePerMessage")
        amount = float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else 0.0
        return cls(price_per_message=amount, currency=str(obj.get("currency") or ""))


@dataclass(frozen=True)
class Error:
    """Why a message did (not) get through; group 0 / `NO_ERROR` when all went well."""

    group_id: int
    group_name: str
    id: int
    name: str
    description: str = ""
    permanent: bool = False

    def to_json(self) -> JsonObject:
        return {
            "groupId": self.group_id,
            "groupName": self.group_name,
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "permanent": self.permanent,
        }

    @classmethod
    def from_json(cls, obj: JsonObject) -> Error:
        return cls(
            group_id=_int(obj, "groupId", -1),
            group_name=str(obj.get("groupName") or ""),
            id=_int(obj, "id", -1),
            name=str(obj.get("name") or ""),
            description=str(obj.get("description") or ""),
            permanent=bool(obj.get("permanent", False)),
        )


NO_ERROR = Error(0, "OK", 0, "NO_ERROR", "No Error", False)


def _status(obj: JsonObject) -> Status:
    raw = _dict(obj, "status")
    return Status.from_json(raw) if raw is not None else Status(-1, "", -1, "")


def _common_json(entry: Report | LogEntry) -> JsonObject:
    out: JsonObject = {}
    if entry.bulk_id is not None:
        out["bulkId"] = entry.bulk_id
    out["messageId"] = entry.message_id
    out["to"] = entry.to
    return out


def _tail_json(entry: Report | LogEntry, out: JsonObject) -> JsonObject:
    if entry.sent_at is not None:
        out["sentAt"] = format_api_time(entry.sent_at)
    if entry.done_at is not None:
        out["doneAt"] = format_api_time(entry.done_at)
    out["messageCount"] = entry.message_count
    if entry.mcc_mnc is not None:
        out["mccMnc"] = entry.mcc_mnc
    if entry.price is not None:
        out["price"] = entry.price.to_json()
    out["status"] = entry.status.to_json()
    return out


@dataclass(frozen=True)
class Report:
    """One-time delivery report: the final outcome of one message."""

    message_id: str
    to: str
    status: Status
    channel: str | None = None  # the channel that delivered (or was tried last)
    bulk_id: str | None = None
    sent_at: datetime | None = None
    done_at: datetime | None = None
    message_count: int = 1
    mcc_mnc: str | None = None
    price: Price | None = None
    error: Error | None = None
    callback_data: str | None = None

    def to_json(self) -> JsonObject:
        out = _tail_json(self, _common_json(self))
        if self.error is not None:
            out["error"] = self.error.to_json()
        if self.channel is not None:
            out["channel"] = self.channel
        if self.callback_data is not None:
            out["callbackData"] = self.callback_data
        return out

    @classmethod
    def from_json(cls, obj: JsonObject) -> Report:
        error = _dict(obj, "error")
        return cls(
            **_common_fields(obj),
            error=Error.from_json(error) if error is not None else None,
            callback_data=_opt_str(obj, "callbackData"),
        )


@dataclass(frozen=True)
class LogEntry:
    """One message as the logs show it: pending or final, kept after reading."""

    message_id: str
    to: str
    status: Status
    channel: str | None = None
    bulk_id: str | None = None
    sender: str | None = None  # `from` in JSON
    text: str | None = None
    sent_at: datetime | None = None
    done_at: datetime | None = None
    message_count: int = 1
    mcc_mnc: str | None = None
    price: Price | None = None

    def to_json(self) -> JsonObject:
        out = _common_json(self)
        if self.sender is not None:
            out["from"] = self.sender
        if self.text is not None:
            out["text"] = self.text
        out = _tail_json(self, out)
        if self.channel is not None:
            out["channel"] = self.channel
        return out

    @classmethod
    def from_json(cls, obj: JsonObject) -> LogEntry:
        return cls(**_common_fields(obj), sender=_opt_str(obj, "from"), text=_opt_str(obj, "text"))


def _common_fields(obj: JsonObject) -> dict[str, Any]:
    """The fields reports and log entries share, read from their JSON."""
    price = _dict(obj, "price")
    return {
        "message_id": str(obj.get("messageId") or ""),
        "to": str(obj.get("to") or ""),
        "status": _status(obj),
        "channel": _opt_str(obj, "channel"),
        "bulk_id": _opt_str(obj, "bulkId"),
        "sent_at": parse_api_time(obj.get("sentAt")),
        "done_at": parse_api_time(obj.get("doneAt")),
        "message_count": _int(obj, "messageCount", 1),
        "mcc_mnc": _opt_str(obj, "mccMnc"),
        "price": Price.from_json(price) if price is not None else None,
    }
