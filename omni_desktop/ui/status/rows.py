"""A status-table row (`StatusRow`), its columns, and the text and sort values made from it.

Plain Python with no Qt class: the presenter builds rows off the GUI thread, and the model reads
them per painted cell, so each helper here is one cheap pass over a row.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from omni_desktop.core.funnel import FunnelRow
from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.status import Status, StatusGroup

from omni_desktop.ui.i18n import tr

COL_TO, COL_MESSAGE_ID, COL_GROUP, COL_STATUS, COL_DESCRIPTION = range(5)
COL_ACTION, COL_CHANNEL, COL_PRICE, COL_UPDATED = range(5, 9)
HEADERS = (
    tr_noop("To"),
    tr_noop("Message ID"),
    tr_noop("Group"),
    tr_noop("Status"),
    tr_noop("Description"),
    tr_noop("Action"),
    tr_noop("Channel"),
    tr_noop("Price"),
    tr_noop("Updated"),
)
COLUMNS = HEADERS
"""The column names in order (untranslated): `COLUMNS.index("Status")` is that column."""
EXPORT_EXTRA = (tr_noop("Error"),)
EXPORT_HEADERS = (
    *HEADERS[: COL_PRICE + 1],
    tr_noop("Currency"),
    *HEADERS[COL_PRICE + 1 :],
    *EXPORT_EXTRA,
)
"""The columns of an export: the price as a number, then its currency in a column of its own."""

# Sort order of the Group column: in flight first, then success, then the failures.
GROUP_ORDER = {
    group: i
    for i, group in enumerate(
        (
            StatusGroup.UNKNOWN,
            StatusGroup.ACCEPTED,
            StatusGroup.PENDING,
            StatusGroup.DELIVERED,
            StatusGroup.EXPIRED,
            StatusGroup.UNDELIVERABLE,
            StatusGroup.REJECTED,
        )
    )
}
_GROUP_BY_NAME = {group.name: group for group in StatusGroup}
_PRICE_RE = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def group_of(status: Status | None) -> StatusGroup:
    """The group of `status`; a row with no status yet counts as UNKNOWN."""
    if status is None:
        return StatusGroup.UNKNOWN
    return _group_by_name(status.group_name)


def _group_by_name(name: str) -> StatusGroup:
    # A dict hit instead of Status.group's upper() and enum lookup: this runs per painted cell.
    return _GROUP_BY_NAME.get(name) or StatusGroup.from_name(name)


def outcome_unknown_status() -> Status:
    """The status of a message whose send answer never arrived."""
    return Status(
        group_id=-1,
        group_name=StatusGroup.UNKNOWN.name,
        id=-1,
        name="OUTCOME_UNKNOWN",
        description=tr("The send's answer never arrived: the message may or may not be sent."),
        action=tr("Check the delivery reports before sending again."),
    )


@dataclass(slots=True)
class StatusRow:
    """One destination of a send and what is known of its message.

    Slots keep a row's fields in the row object itself: a pass over many rows (counting the
    groups, a sort) reads less scattered memory, and takes less time (docs/performance.md).
    """

    to: str  # the phone number or e-mail address shown
    message_id: str
    status: Status | None = None
    channel: str = ""  # the channel that delivered it, from reports
    price: str = ""
    error: str = ""
    updated_at: datetime | None = None


class DeliveryReport(Protocol):
    """What `update_from_reports` reads from a report; `core.report.Report` fits.

    `price` may be text or an object with `price_per_message` and `currency`; `error` may be
    text or an object with `name` and `description` (group 0 / NO_ERROR counts as none).
    """

    @property
    def message_id(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def channel(self) -> str | None: ...
    @property
    def price(self) -> object: ...
    @property
    def error(self) -> object: ...
    @property
    def done_at(self) -> datetime | None: ...


def price_text(price: object) -> str:
    """`0.0065 EUR` from a report's price (text, a `Price`-like object, or None)."""
    if price is None or isinstance(price, str):
        return price or ""
    amount = getattr(price, "price_per_message", None)
    currency = str(getattr(price, "currency", "") or "")
    if not isinstance(amount, int | float):
        return currency
    number = f"{amount:.6f}".rstrip("0").rstrip(".")
    return f"{number} {currency}".strip()


def error_text(error: object) -> str:
    """`EC_ABSENT_SUBSCRIBER_SM: Absent subscriber` from a report's error; "" for none."""
    if error is None or isinstance(error, str):
        return error or ""
    name = str(getattr(error, "name", "") or "")
    if name == "NO_ERROR" or getattr(error, "group_id", None) == 0:
        return ""
    description = str(getattr(error, "description", "") or "")
    return f"{name}: {description}" if name and description else name or description


def local_text(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def row_cells(row: StatusRow) -> tuple[str, ...]:
    status = row.status
    return (
        row.to,
        row.message_id,
        group_of(status).name,
        status.name if status else "",
        status.description if status else "",
        status.action if status else "",
        row.channel,
        row.price,
        local_text(row.updated_at),
    )


def count_groups(rows: Sequence[StatusRow]) -> dict[StatusGroup, int]:
    """Rows per group, every group present: one C-speed `Counter` over the group names.

    The names are few, so the enum lookup runs once per name, not once per row.
    """
    names = Counter([s.group_name if (s := r.status) is not None else "" for r in rows])
    counts = dict.fromkeys(StatusGroup, 0)
    for name, n in names.items():
        counts[_group_by_name(name) if name else StatusGroup.UNKNOWN] += n
    return counts


def price_parts(price: str) -> tuple[float | None, str]:
    """`(0.0065, "EUR")` from `0.0065 EUR`; `(None, text)` when no finite number is in it."""
    match = _PRICE_RE.search(price)
    if match is None:
        return None, price.strip()
    amount = float(match.group().replace(",", "."))
    if not math.isfinite(amount):
        return None, price.strip()
    return amount, (price[: match.start()] + price[match.end() :]).strip()


def funnel_row(row: StatusRow) -> FunnelRow:
    """What the delivery funnel counts of a row: its channel, group and price."""
    amount, currency = price_parts(row.price) if row.price else (None, "")
    return FunnelRow(row.channel, group_of(row.status), amount, currency)


def _price_value(price: str) -> float:
    match = _PRICE_RE.search(price)
    return float(match.group().replace(",", ".")) if match else -math.inf


def sort_key(row: StatusRow, column: int) -> Any:
    """A value of one native type per column, so the proxy and Python both compare it."""
    if column == COL_GROUP:
        return GROUP_ORDER[group_of(row.status)]
    if column == COL_UPDATED:
        # A float, not the datetime: PySide6 hands an aware datetime to Qt as an opaque
        # Python object, which QSortFilterProxyModel cannot order.
        return -math.inf if row.updated_at is None else row.updated_at.timestamp()
    if column == COL_PRICE:
        return _price_value(row.price)
    status = row.status
    if column == COL_TO:
        return row.to.casefold()
    if column == COL_MESSAGE_ID:
        return row.message_id.casefold()
    if column == COL_STATUS:
        return status.name.casefold() if status else ""
    if column == COL_DESCRIPTION:
        return status.description.casefold() if status else ""
    if column == COL_ACTION:
        return status.action.casefold() if status else ""
    if column == COL_CHANNEL:
        return row.channel.casefold()
    return ""
