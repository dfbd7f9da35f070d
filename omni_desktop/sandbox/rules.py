"""The sandbox's fixed rules: channels, prices, and how each destination fares.

Outcomes are deterministic so that demos and tests can rely on them. A step of the scenario is
tried only when the request has content for its channel and the destination has the address
that channel needs (EMAIL: `emailAddress`; SMS, VIBER, VOICE and the other phone channels:
`phoneNumber`; PUSH: `pushRegistrationId`); otherwise it is skipped at once. A tried step:

    phone number ending 9   undeliverable everywhere: every step expires after its validity
    phone number ending 8   phone switched off: phone channels expire, EMAIL still delivers
    phone number ending 7   Viber not read in time: VIBER expires, the other steps deliver
    phone number ending 0   not on Viber: VIBER fails at once, the other steps deliver
    e-mail starting bounce  EMAIL fails at once (the mailbox does not exist)
    anything else           delivers DELIVERY_DELAY seconds after the step starts

Expiry waits the step's validity (`validityPeriod` x unit, default 48 h, capped at the
channel's maximum in the registry: 48 h, or 14 days for Viber), then the next step starts.
The final status follows the last step tried: delivered -> DELIVERED_TO_HANDSET; expired ->
EXPIRED_EXPIRED; failed at once -> UNDELIVERABLE_NOT_DELIVERED; no step could be tried ->
UNDELIVERABLE_NOT_SENT. These are the times at a time scale of 1; the sandbox divides them by
its time scale (60 in the app).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from omni_desktop.core.channels import (
    CHANNELS,
    KEPT_CHANNELS,
    VALIDITY_MAX_SECONDS,
    Address,
    Validity,
)
from omni_desktop.core.report import NO_ERROR, Error, Price
from omni_desktop.core.status import (
    DELIVERED_TO_HANDSET,
    EXPIRED_EXPIRED,
    UNDELIVERABLE_NOT_DELIVERED,
    Status,
)

DELIVERY_DELAY = 5.0  # seconds from a step's start to its delivery (divided by the time scale)
DEFAULT_VALIDITY = VALIDITY_MAX_SECONDS  # when a channel object gives none
CURRENCY = "EUR"
DEFAULT_PRICE = 0.0050  # per message, EUR, for a channel PRICES does not list
# Prices per message, EUR, by flow name: the sandbox's own, so demos show a funnel's costs.
PRICES: dict[str, float] = {
    "VIBER": 0.0045,
    "SMS": 0.0075,
    "VOICE": 0.0250,
    "EMAIL": 0.0009,
    "PUSH": 0.0010,
    "WHATSAPP": 0.0060,
    "FACEBOOK": 0.0020,
    "PARSECO": 0.0020,
}


@dataclass(frozen=True)
class ChannelRule:
    flow: str  # the OmniChannel name in a scenario step
    key: str  # the channel object's key in the request
    addresses: tuple[str, ...]  # `to` keys that can reach it, in order of preference
    price: float  # per message, EUR
    max_validity: int = DEFAULT_VALIDITY

    @property
    def uses_phone(self) -> bool:
        return "phoneNumber" in self.addresses


def _rule(flow: str, key: str, addresses: tuple[Address, ...], validity: Validity) -> ChannelRule:
    reach = tuple(a.value for a in addresses)
    return ChannelRule(flow, key, reach, PRICES.get(flow, DEFAULT_PRICE), validity.most)


# Flow name, JSON key, addresses and validity limits come from the channel registry (core), so
# the sandbox routes every channel the app knows exactly as the app names it.
RULES: dict[str, ChannelRule] = {
    **{c.flow_name: _rule(c.flow_name, c.key, c.addresses, c.validity) for c in CHANNELS},
    **{c.flow_name: _rule(c.flow_name, c.key, c.addresses, c.validity) for c in KEPT_CHANNELS},
}
RULES_BY_KEY: dict[str, ChannelRule] = {rule.key: rule for rule in RULES.values()}
ADDRESS_KEYS: frozenset[str] = frozenset(a for r in RULES.values() for a in r.addresses)

TIME_UNITS: dict[str, float] = {
    "NANOSECONDS": 1e-9,
    "MICROSECONDS": 1e-6,
    "MILLISECONDS": 1e-3,
    "SECONDS": 1.0,
    "MINUTES": 60.0,
    "HOURS": 3600.0,
    "DAYS": 86400.0,
}


class Outcome(Enum):
    DELIVER = "deliver"
    EXPIRE = "expire"
    FAIL = "fail"


def outcome(flow: str, phone: str | None, email: str | None) -> Outcome:
    """How one tried step ends for a destination (see the module docstring)."""
    last = phone[-1] if phone else ""
    if last == "9":
        return Outcome.EXPIRE
    rule = RULES[flow]
    if flow == "EMAIL":
        local = (email or "").lower()
        return Outcome.FAIL if local.startswith("bounce") else Outcome.DELIVER
    if last == "8" and rule.uses_phone:
        return Outcome.EXPIRE
    if flow == "VIBER" and last == "7":
        return Outcome.EXPIRE
    if flow == "VIBER" and last == "0":
        return Outcome.FAIL
    return Outcome.DELIVER


def price(flow: str) -> Price:
    return Price(RULES[flow].price, CURRENCY)


UNDELIVERABLE_NOT_SENT = Status(
    2, "UNDELIVERABLE", 31, "UNDELIVERABLE_NOT_SENT", "Message not sent"
)

EC_UNKNOWN_SUBSCRIBER = Error(
    1, "HANDSET_ERRORS", 1, "EC_UNKNOWN_SUBSCRIBER", "Unknown subscriber", True
)
EC_ABSENT_SUBSCRIBER_SM = Error(
    1, "HANDSET_ERRORS", 6, "EC_ABSENT_SUBSCRIBER_SM", "Absent subscriber", False
)
EC_INVALID_DESTINATION_ADDRESS = Error(
    2, "USER_ERRORS", 351, "EC_INVALID_DESTINATION_ADDRESS", "Invalid destination address", True
)

FINAL: dict[Outcome | None, tuple[Status, Error]] = {
    Outcome.DELIVER: (DELIVERED_TO_HANDSET, NO_ERROR),
    Outcome.EXPIRE: (EXPIRED_EXPIRED, EC_ABSENT_SUBSCRIBER_SM),
    Outcome.FAIL: (UNDELIVERABLE_NOT_DELIVERED, EC_UNKNOWN_SUBSCRIBER),
    None: (UNDELIVERABLE_NOT_SENT, EC_INVALID_DESTINATION_ADDRESS),
}
