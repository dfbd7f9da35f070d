"""The advanced request (`POST /omni/1/advanced`) as plain data, and its exact JSON form.

The JSON form is also the draft file format (`*.omni.json`): a draft opens in Postman or curl
unchanged. Keys this model does not know (another channel, `notifyContentType`) are kept in
`extra` so that opening and saving a draft never loses anything.
"""

from __future__ import annotations

import copy
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from omni_desktop.core.channels import CHANNELS, CHANNELS_BY_KEY, TimeUnit
from omni_desktop.core.gcpause import gc_paused

JsonObject = dict[str, Any]


class MessageFormatError(ValueError):
    """The JSON is not an advanced request this application can read."""


@dataclass
class Destination:
    phone: str | None = None
    email: str | None = None
    message_id: str | None = None
    extra_to: JsonObject = field(default_factory=dict)  # other `to` keys, kept as they are
    extra: JsonObject = field(default_factory=dict)  # other keys of the destination


@dataclass
class ChannelContent:
    """The object of one channel: field values by path, plus its validity period."""

    values: dict[str, Any] = field(default_factory=dict)
    validity_period: int | None = None
    validity_unit: TimeUnit | None = None
    extra: JsonObject = field(default_factory=dict)

    def get(self, path: str) -> Any:
        return self.values.get(path)

    def is_empty(self) -> bool:
        return (
            not any(_present(v) for v in self.values.values())
            and self.validity_period is None
            and not self.extra
        )

    @property
    def validity_seconds(self) -> int | None:
        if self.validity_period is None:
            return None
        return self.validity_period * (self.validity_unit or TimeUnit.MINUTES).seconds


@dataclass
class OmniMessage:
    scenario_key: str | None = None
    bulk_id: str | None = None
    destinations: list[Destination] = field(default_factory=list)
    channels: dict[str, ChannelContent] = field(default_factory=dict)
    send_at: datetime | None = None
    callback_data: str | None = None
    notify: bool | None = None
    intermediate_report: bool | None = None
    notify_url: str | None = None
    extra: JsonObject = field(default_factory=dict)

    def content(self, key: str) -> ChannelContent:
        """The content of channel `key`, created empty on first use."""
        return self.channels.setdefault(key, ChannelContent())

    def used_channels(self) -> list[str]:
        """Keys of the channels that carry any content, in registry order."""
        return [
            c.key
            for c in CHANNELS
            if c.key in self.channels and not self.channels[c.key].is_empty()
        ]


# --- sendAt ------------------------------------------------------------------------------------

_SEND_AT_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})$"
)


def format_send_at(moment: datetime, colon: bool = True) -> str:
    """`yyyy-MM-ddTHH:mm:ss.SSS±hh:mm`, the form the API documents for `sendAt`.

    Reports and logs write the offset without the colon (`±hhmm`): `colon=False`.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the time must carry a time zone")
    offset = moment.utcoffset() or timedelta(0)
    total = int(offset.total_seconds())
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total) // 60, 60)
    millis = moment.microsecond // 1000
    separator = ":" if colon else ""
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{millis:03d}{sign}{hours:02d}{separator}{minutes:02d}"


def parse_send_at(text: str) -> datetime:
    """Read `sendAt` in any of the forms the API's sources use (±hh:mm, ±hhmm, Z)."""
    match = _SEND_AT_RE.match(text.strip())
    if not match:
        raise MessageFormatError(
            f"sendAt {text!r} is not a date-time like 2026-06-01T10:45:00.000+02:00."
        )
    year, month, day, hour, minute, second, frac, zone = match.groups()
    micro = int((frac or "0").ljust(6, "0"))
    if zone == "Z":
        tz = UTC
    else:
        digits = zone[1:].replace(":", "")
        delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        tz = timezone(-delta if zone[0] == "-" else delta)
    try:
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second), micro, tz
        )
    except ValueError as exc:
        raise MessageFormatError(f"sendAt {text!r} is not a real date: {exc}.") from None


# --- IDs ---------------------------------------------------------------------------------------


def new_ids(now: datetime, count: int, prefix: str = "") -> list[str]:
    """`count` unique IDs that sort by creation time: 48-bit milliseconds + 80 random bits,
    as 32 hex digits (like a ULID, in hex so that 100,000 of them cost a few milliseconds)."""
    millis = f"{int(now.timestamp() * 1000) & ((1 << 48) - 1):012x}"
    noise = secrets.token_bytes(10 * count).hex()
    return [f"{prefix}{millis}{noise[i : i + 20]}" for i in range(0, 20 * count, 20)]


def new_id(now: datetime, prefix: str = "") -> str:
    """One ID as `new_ids` makes them."""
    return new_ids(now, 1, prefix)[0]


def with_ids(message: OmniMessage, now: datetime) -> OmniMessage:
    """A copy with a `bulkId` and a `messageId` on every destination, made where missing."""
    missing = sum(1 for d in message.destinations if not d.message_id)
    fresh = iter(new_ids(now, missing, "m-"))
    made = Destination  # replace() costs 2 us a call; 100,000 recipients notice it
    destinations = [
        d if d.message_id else made(d.phone, d.email, next(fresh), d.extra_to, d.extra)
        for d in message.destinations
    ]
    return replace(message, bulk_id=message.bulk_id or new_id(now, "b-"), destinations=destinations)


# --- JSON --------------------------------------------------------------------------------------


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != {} and value != []


def _set_path(target: JsonObject, keys: tuple[str, ...], value: Any) -> None:
    for key in keys[:-1]:
        target = target.setdefault(key, {})
    target[keys[-1]] = value


def _get_path(source: JsonObject, keys: tuple[str, ...]) -> Any:
    value: Any = source
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _channel_json(key: str, content: ChannelContent) -> JsonObject:
    out: JsonObject = {}
    for spec in CHANNELS_BY_KEY[key].fields:
        value = content.values.get(spec.path)
        if _present(value):
            _set_path(out, spec.keys, value)
    if content.validity_period is not None:
        out["validityPeriod"] = content.validity_period
    if content.validity_unit is not None:
        out["validityPeriodTimeUnit"] = content.validity_unit.value
    _merge(out, content.extra)
    return out


def _merge(target: JsonObject, extra: JsonObject) -> None:
    """Add `extra`'s keys to `target`, going into objects both have; `target` wins."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        elif key not in target and _present(value):
            target[key] = value


def _destinations_json(
    destinations: list[Destination], append: Callable[[JsonObject], None]
) -> None:
    """Each destination's JSON, in order. Runs once per recipient, 100,000 of them: the common
    case (a phone, maybe an e-mail and an ID, nothing else) takes the short path."""
    for dest in destinations:
        phone, email, message_id = dest.phone, dest.email, dest.message_id
        if phone and not email:
            to: JsonObject = {"phoneNumber": phone}
        elif phone:
            to = {"phoneNumber": phone, "emailAddress": email}
        else:
            to = {"emailAddress": email} if email else {}
        if dest.extra_to:
            to.update({k: v for k, v in dest.extra_to.items() if _present(v)})
        if dest.extra:
            entry: JsonObject = {"messageId": message_id} if message_id else {}
            if to:
                entry["to"] = to
            _merge(entry, dest.extra)
        elif message_id:
            entry = {"messageId": message_id, "to": to}
        else:
            entry = {"to": to}
        append(entry)


def to_json(message: OmniMessage, channels: list[str] | None = None) -> JsonObject:
    """The request body. Null and empty values and empty channel objects are left out.

    `channels`, when given, limits the channel objects to those keys (the scenario's flow).
    """
    body: JsonObject = {}
    if message.scenario_key:
        body["scenarioKey"] = message.scenario_key
    if message.bulk_id:
        body["bulkId"] = message.bulk_id
    destinations: list[JsonObject] = []
    append = destinations.append
    with gc_paused():
        _destinations_json(message.destinations, append)
    body["destinations"] = destinations
    for spec in CHANNELS:
        if channels is not None and spec.key not in channels:
            continue
        content = message.channels.get(spec.key)
        if content is not None:
            obj = _channel_json(spec.key, content)
            if obj:
                body[spec.key] = obj
    if message.send_at is not None:
        body["sendAt"] = format_send_at(message.send_at)
    if message.callback_data:
        body["callbackData"] = message.callback_data
    if message.notify is not None:
        body["notify"] = message.notify
    if message.intermediate_report is not None:
        body["intermediateReport"] = message.intermediate_report
    if message.notify_url:
        body["notifyUrl"] = message.notify_url
    for k, v in message.extra.items():
        if _present(v) and k not in body:
            body[k] = v
    return body


_TOP_KEYS = {
    "scenarioKey",
    "bulkId",
    "destinations",
    "sendAt",
    "callbackData",
    "notify",
    "intermediateReport",
    "notifyUrl",
}


def _expect(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if value is not None and not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise MessageFormatError(f"{where} should be a {names}, not {type(value).__name__}.")
    return value


def _channel_from_json(key: str, obj: Any) -> ChannelContent:
    _expect(obj, dict, key)
    content = ChannelContent()
    leftover = copy.deepcopy(obj)
    for spec in CHANNELS_BY_KEY[key].fields:
        value = _get_path(obj, spec.keys)
        if value is not None and not isinstance(value, dict | list):
            content.values[spec.path] = value
            _pop_path(leftover, spec.keys)
    period = obj.get("validityPeriod")
    if isinstance(period, str) and period.strip().isdigit():  # legacy docs show it as a string
        period = int(period)
    if isinstance(period, bool) or not isinstance(period, int | None):
        raise MessageFormatError(f"{key}.validityPeriod should be a whole number.")
    content.validity_period = period
    unit = obj.get("validityPeriodTimeUnit")
    if unit is not None:
        try:
            content.validity_unit = TimeUnit(unit)
        except ValueError:
            raise MessageFormatError(
                f"{key}.validityPeriodTimeUnit should be SECONDS, MINUTES or HOURS, not {unit!r}."
            ) from None
    leftover.pop("validityPeriod", None)
    leftover.pop("validityPeriodTimeUnit", None)
    content.extra = leftover
    return content


def _pop_path(source: JsonObject, keys: tuple[str, ...]) -> None:
    """Remove the value at `keys`, and any object that this leaves empty."""
    parents = [source]
    for key in keys[:-1]:
        parents.append(parents[-1][key])
    parents[-1].pop(keys[-1], None)
    for depth in range(len(keys) - 2, -1, -1):
        if parents[depth + 1] == {}:
            parents[depth].pop(keys[depth], None)


def from_json(body: Any) -> OmniMessage:
    """Read a request body (or a draft file's content) into the model."""
    if not isinstance(body, dict):
        raise MessageFormatError("The draft is not a JSON object.")
    destinations = []
    raw_destinations = _expect(body.get("destinations"), list, "destinations") or []
    for index, entry in enumerate(raw_destinations):
        where = f"destinations[{index}]"
        _expect(entry, dict, where)
        to = _expect(entry.get("to"), dict, f"{where}.to") or {}
        phone = to.get("phoneNumber")
        if isinstance(phone, int) and not isinstance(phone, bool):
            phone = str(phone)
        destinations.append(
            Destination(
                phone=_expect(phone, str, f"{where}.to.phoneNumber"),
                email=_expect(to.get("emailAddress"), str, f"{where}.to.emailAddress"),
                message_id=_expect(entry.get("messageId"), str, f"{where}.messageId"),
                extra_to={k: v for k, v in to.items() if k not in ("phoneNumber", "emailAddress")},
                extra={k: v for k, v in entry.items() if k not in ("to", "messageId")},
            )
        )
    channels = {
        spec.key: _channel_from_json(spec.key, body[spec.key])
        for spec in CHANNELS
        if spec.key in body
    }
    send_at = _expect(body.get("sendAt"), str, "sendAt")
    return OmniMessage(
        scenario_key=_expect(body.get("scenarioKey"), str, "scenarioKey"),
        bulk_id=_expect(body.get("bulkId"), str, "bulkId"),
        destinations=destinations,
        channels=channels,
        send_at=parse_send_at(send_at) if send_at else None,
        callback_data=_expect(body.get("callbackData"), str, "callbackData"),
        notify=_expect(body.get("notify"), bool, "notify"),
        intermediate_report=_expect(body.get("intermediateReport"), bool, "intermediateReport"),
        notify_url=_expect(body.get("notifyUrl"), str, "notifyUrl"),
        extra={k: v for k, v in body.items() if k not in _TOP_KEYS and k not in CHANNELS_BY_KEY},
    )
