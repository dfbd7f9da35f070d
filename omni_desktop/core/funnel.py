"""The delivery funnel of one send: per step of the flow, how many were delivered there, how
many fell through to a later step, how many failed or expired there, how many are pending;
and the price summed per currency and per channel.

Pure: it reads plain rows (the channel a report named, the status group, the price), so the
Status tab's picture and a test count the same way. A row's channel is the one that
delivered it, or the last one tried; a row without one is counted at the first step.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from omni_desktop.core.status import StatusGroup

PENDING_GROUPS = frozenset({StatusGroup.ACCEPTED, StatusGroup.PENDING, StatusGroup.UNKNOWN})
FAILED_GROUPS = frozenset({StatusGroup.EXPIRED, StatusGroup.UNDELIVERABLE, StatusGroup.REJECTED})


@dataclass(frozen=True)
class FunnelRow:
    """What the funnel needs of one message."""

    channel: str  # as a report names it ("VIBER"); "" when none yet
    group: StatusGroup
    price: float | None = None  # per message; None when not known
    currency: str = ""


@dataclass(frozen=True)
class FunnelStep:
    """One step: messages that got here, and how they left it."""

    channel: str
    reached: int = 0
    delivered: int = 0
    fell_through: int = 0  # went on to a later step
    failed: int = 0  # failed or expired here and were not tried further
    pending: int = 0  # still under way here


@dataclass(frozen=True)
class Funnel:
    """The whole funnel; `steps` in flow order (then channels the flow did not name)."""

    steps: tuple[FunnelStep, ...]
    total: int
    delivered: int
    failed: int
    pending: int
    price_by_currency: dict[str, Decimal] = field(default_factory=dict)
    price_by_channel: dict[tuple[str, str], Decimal] = field(default_factory=dict)

    def later_channels(self, index: int) -> frozenset[str]:
        """The channels of the steps after step `index` (where its fallen-through went)."""
        return frozenset(s.channel for s in self.steps[index + 1 :])


def funnel(flow: Sequence[str], rows: Iterable[FunnelRow]) -> Funnel:
    """Count `rows` along `flow` (channel names in flow order; case does not matter)."""
    order = [c.upper() for c in flow if c]
    order = list(dict.fromkeys(order))
    counts: list[dict[str, int]] = []
    position: dict[str, int] = {}

    def step_of(channel: str) -> int:
        name = channel.upper()
        if not name:
            name = order[0] if order else ""
        index = position.get(name)
        if index is None:
            index = position[name] = len(counts)
            counts.append(dict.fromkeys(("reached", "delivered", "fell", "failed", "pending"), 0))
            if name not in order:
                order.append(name)
        return index

    for name in order:
        step_of(name)
    total = delivered = failed = pending = 0
    by_currency: dict[str, Decimal] = {}
    by_channel: dict[tuple[str, str], Decimal] = {}
    for row in rows:
        total += 1
        index = step_of(row.channel)
        for earlier in range(index):
            counts[earlier]["reached"] += 1
            counts[earlier]["fell"] += 1
        here = counts[index]
        here["reached"] += 1
        if row.group is StatusGroup.DELIVERED:
            here["delivered"] += 1
            delivered += 1
        elif row.group in FAILED_GROUPS:
            here["failed"] += 1
            failed += 1
        else:
            here["pending"] += 1
            pending += 1
        amount = _amount(row.price)
        if amount is not None:
            currency = row.currency.strip().upper()[:8]
            by_currency[currency] = by_currency.get(currency, Decimal(0)) + amount
            key = (order[index], currency)
            by_channel[key] = by_channel.get(key, Decimal(0)) + amount
    steps = tuple(
        FunnelStep(
            channel=order[i],
            reached=c["reached"],
            delivered=c["delivered"],
            fell_through=c["fell"],
            failed=c["failed"],
            pending=c["pending"],
        )
        for i, c in enumerate(counts)
    )
    return Funnel(steps, total, delivered, failed, pending, by_currency, by_channel)


def _amount(price: float | None) -> Decimal | None:
    """The price as an exact decimal; None for none, NaN, infinities or absurd sizes."""
    if price is None or not math.isfinite(price) or abs(price) > 1e12:
        return None
    try:
        return Decimal(repr(float(price)))
    except (InvalidOperation, ValueError):
        return None


def money_text(amount: Decimal) -> str:
    """`0.0135` for a summed price: at most six decimals, no trailing zeros."""
    text = f"{amount.quantize(Decimal('0.000001')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


__all__ = [
    "FAILED_GROUPS",
    "PENDING_GROUPS",
    "Funnel",
    "FunnelRow",
    "FunnelStep",
    "funnel",
    "money_text",
]
