"""Message statuses: the groups the API reports and which of them are final."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class StatusGroup(Enum):
    ACCEPTED = 0
    PENDING = 1
    UNDELIVERABLE = 2
    DELIVERED = 3
    EXPIRED = 4
    REJECTED = 5
    # Not an API group: a send whose answer never arrived (timeout, 5xx, dropped connection).
    UNKNOWN = -1

    @classmethod
    def from_name(cls, name: str | None) -> StatusGroup:
        try:
            return cls[(name or "").upper()]
        except KeyError:
            return cls.UNKNOWN


# How messages fared, listed in this order ("Delivered 3 · Expired 1", "3 delivered, 1 expired"):
# the outcomes, success first, then what is still on its way or unheard of.
FARED_ORDER = (
    StatusGroup.DELIVERED,
    StatusGroup.UNDELIVERABLE,
    StatusGroup.EXPIRED,
    StatusGroup.REJECTED,
    StatusGroup.PENDING,
    StatusGroup.ACCEPTED,
    StatusGroup.UNKNOWN,
)

INTERMEDIATE_STATUS_NAMES = frozenset({"DELIVERED_TO_OPERATOR"})


@dataclass(frozen=True)
class Status:
    group_id: int
    group_name: str
    id: int
    name: str
    description: str = ""
    action: str = ""

    @property
    def group(self) -> StatusGroup:
        return StatusGroup.from_name(self.group_name)

    @property
    def is_final(self) -> bool:
        """Whether no later report can change this status."""
        if self.group in (StatusGroup.PENDING, StatusGroup.ACCEPTED, StatusGroup.UNKNOWN):
            return False
        return self.name not in INTERMEDIATE_STATUS_NAMES

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "groupId": self.group_id,
            "groupName": self.group_name,
            "id": self.id,
            "name": self.name,
            "description": self.description,
        }
        if self.action:
            out["action"] = self.action
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Status:
        return cls(
            group_id=int(obj.get("groupId", -1)),
            group_name=str(obj.get("groupName") or ""),
            id=int(obj.get("id", -1)),
            name=str(obj.get("name") or ""),
            description=str(obj.get("description") or ""),
            action=str(obj.get("action") or ""),
        )


PENDING_ENROUTE = Status(1, "PENDING", 7, "PENDING_ENROUTE", "Message sent to next instance")
DELIVERED_TO_HANDSET = Status(
    3, "DELIVERED", 5, "DELIVERED_TO_HANDSET", "Message delivered to handset"
)
EXPIRED_EXPIRED = Status(4, "EXPIRED", 15, "EXPIRED_EXPIRED", "Message expired")
UNDELIVERABLE_NOT_DELIVERED = Status(
    2, "UNDELIVERABLE", 9, "UNDELIVERABLE_NOT_DELIVERED", "Message sent not delivered"
)
REJECTED_DUPLICATE_MESSAGE_ID = Status(
    5, "REJECTED", 23, "REJECTED_DUPLICATE_MESSAGE_ID", "Duplicate message ID"
)
