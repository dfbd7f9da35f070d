"""The send response (`OmniResponse`) as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from omni_desktop.core.status import Status

JsonObject = dict[str, Any]


@dataclass(slots=True)
class SentMessage:
    """One destination's acceptance: normally PENDING_ENROUTE; its outcome comes later."""

    message_id: str
    to: str  # the address shown: phone number, else e-mail, else any other address
    status: Status
    destination: JsonObject  # the `To` object as echoed by the server


def address(to: JsonObject) -> str:
    """The address to show for a `To` object."""
    for key in ("phoneNumber", "emailAddress"):
        value = to.get(key)
        if isinstance(value, str) and value:
            return value
    return next((v for v in to.values() if isinstance(v, str) and v), "")


@dataclass(frozen=True)
class SendResponse:
    bulk_id: str | None
    messages: list[SentMessage]
    raw: JsonObject  # the JSON as received
    text: str = ""  # its text as received (kept in the outbox rather than encoded again)

    @classmethod
    def from_json(cls, obj: Any) -> SendResponse:
        """Read the response; ValueError when it is not an OMNI send response."""
        if not isinstance(obj, dict) or not isinstance(obj.get("messages"), list):
            raise ValueError("not an OMNI send response")
        # Thousands of messages share a handful of statuses: parse each distinct one once.
        # This loop is the client's main cost on a big send, hence its plain style.
        seen: list[tuple[Any, Status]] = []
        last_raw: Any = None
        status = Status(-1, "", -1, "")
        messages: list[SentMessage] = []
        append = messages.append
        try:
            for entry in obj["messages"]:
                raw_status = entry["status"]
                if raw_status != last_raw:
                    status = next((s for r, s in seen if r == raw_status), None) or _status(
                        raw_status, seen
                    )
                    last_raw = raw_status
                message_id, to = entry.get("messageId"), entry.get("to")
                if not isinstance(to, dict):
                    to = {}
                phone = to.get("phoneNumber")
                append(
                    SentMessage(
                        message_id if isinstance(message_id, str) else str(message_id or ""),
                        phone if isinstance(phone, str) and phone else address(to),
                        status,
                        to,
                    )
                )
        except (TypeError, KeyError, AttributeError):
            raise ValueError("a message in the send response has no status") from None
        bulk_id = obj.get("bulkId")
        return cls(bulk_id=str(bulk_id) if bulk_id else None, messages=messages, raw=obj)


def _status(raw: Any, seen: list[tuple[Any, Status]]) -> Status:
    if not isinstance(raw, dict):
        raise TypeError("status is not an object")
    status = Status.from_json(raw)
    seen.append((raw, status))
    return status
