"""The advanced request (`POST /omni/1/advanced`) as plain data, and its exact JSON form.

The JSON form is also the draft file format (`*.omni.json`): a draft opens in Postman or curl
unchanged. Keys this model does not know (another channel, `notifyContentType`) are kept in
`extra` so that opening and saving a draft never loses anything.
"""

from __future__ import annotations

import copy
import itertools
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from omni_desktop.core import jsonsafe
from omni_desktop.core import request_schema as schema
from omni_desktop.core.channels import CHANNELS, CHANNELS_BY_KEY, TimeUnit
from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.i18n import tr

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
    # A spreadsheet row's other columns by header name, for {{Field}} placeholders; never sent.
    fields: Mapping[str, str] = field(default_factory=dict)


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
MAX_OFFSET_MINUTES = 18 * 60  # java.time's widest; real offsets lie in -12:00..+14:00
_SHOWN = 40  # characters of a value quoted in a sentence


def _shown(value: str) -> str:
    """`value` quoted for a sentence, cut short when long."""
    return repr(value[:_SHOWN]) + ("…" if len(value) > _SHOWN else "")


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
            tr("sendAt {text} is not a date-time like 2026-06-01T10:45:00.000+02:00.").format(
                text=_shown(text)
            )
        )
    year, month, day, hour, minute, second, frac, zone = match.groups()
    micro = int((frac or "0").ljust(6, "0"))
    if zone == "Z":
        tz = UTC
    else:
        digits = zone[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:])
        if minutes > 59 or hours * 60 + minutes > MAX_OFFSET_MINUTES:
            raise MessageFormatError(
                tr(
                    "sendAt {text} has the time-zone offset {zone}, which no place has; "
                    "use one between -18:00 and +18:00, like +02:00."
                ).format(text=_shown(text), zone=zone)
            )
        delta = timedelta(hours=hours, minutes=minutes)
        tz = timezone(-delta if zone[0] == "-" else delta)
    try:
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second), micro, tz
        )
    except ValueError as exc:
        raise MessageFormatError(
            tr("sendAt {text} is not a real date: {reason}.").format(text=_shown(text), reason=exc)
        ) from None


# --- IDs ---------------------------------------------------------------------------------------


# One serial number per ID made in this process, from a random start (atomic under the GIL).
_SERIAL = itertools.count(secrets.randbelow(1 << 31))


def new_ids(now: datetime, count: int, prefix: str = "") -> list[str]:
    """`count` unique IDs that sort by creation time: 48-bit milliseconds, a 32-bit serial
    number and 48 random bits, as 32 hex digits (like a ULID, in hex so that 100,000 of them
    cost a few milliseconds).

    IDs made one after another sort one after another, even within a millisecond, so the
    outbox's index of message IDs grows at its end: a campaign's random IDs made each of its
    requests rewrite pages all over that index.
    """
    millis = f"{int(now.timestamp() * 1000) & ((1 << 48) - 1):012x}"
    noise = secrets.token_bytes(6 * count).hex()
    serial = _SERIAL
    return [
        f"{prefix}{millis}{next(serial) & 0xFFFFFFFF:08x}{noise[i : i + 12]}"
        for i in range(0, 12 * count, 12)
    ]


def new_id(now: datetime, prefix: str = "") -> str:
    """One ID as `new_ids` makes them."""
    return new_ids(now, 1, prefix)[0]


def with_ids(message: OmniMessage, now: datetime) -> OmniMessage:
    """A copy with a `bulkId` and a `messageId` on every destination, made where missing."""
    missing = sum(1 for d in message.destinations if not d.message_id)
    fresh = iter(new_ids(now, missing, "m-"))
    made = Destination  # not replace(), which is slow enough per call for 100,000 recipients
    destinations = [
        d if d.message_id else made(d.phone, d.email, next(fresh), d.extra_to, d.extra, d.fields)
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


def to_json(
    message: OmniMessage, channels: list[str] | None = None, *, fields: bool = False
) -> JsonObject:
    """The request body. Null and empty values and empty channel objects are left out.

    `channels`, when given, limits the channel objects to those keys (the scenario's flow).
    `fields=True` (a draft file, never a request) keeps each recipient's spreadsheet fields
    under its destination's FIELDS_KEY, so that a reopened draft fills its placeholders again.
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
        if fields:
            for entry, dest in zip(destinations, message.destinations, strict=True):
                if dest.fields:
                    entry[FIELDS_KEY] = dict(dest.fields)
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
_TO_KEYS = ("phoneNumber", "emailAddress")
# A destination's spreadsheet fields in a draft file (`to_json(..., fields=True)`); never sent.
FIELDS_KEY = "fields"
_ENTRY_KEYS = ("to", "messageId")


def _refuse(sentence: str | None) -> None:
    if sentence:
        raise MessageFormatError(sentence)


def _expect(value: Any, kind: type, where: str) -> Any:
    _refuse(schema.wrong_type(where, kind, value))
    return value


def _field_value(obj: JsonObject, key: str, keys: tuple[str, ...], kind: type) -> Any:
    """The value at `keys` in channel `key`'s object; every object on the way must be one."""
    node = obj
    for depth, part in enumerate(keys[:-1]):
        inner = node.get(part)
        if inner is None:
            return None
        _expect(inner, dict, ".".join((key, *keys[: depth + 1])))
        node = inner
    return _expect(node.get(keys[-1]), kind, ".".join((key, *keys)))


def _channel_from_json(key: str, obj: Any) -> ChannelContent:
    _expect(obj, dict, key)
    content = ChannelContent()
    leftover = copy.deepcopy(obj)
    for spec in CHANNELS_BY_KEY[key].fields:
        value = _field_value(obj, key, spec.keys, spec.kind.json_type)
        if isinstance(value, list):
            value = _text_list(value, ".".join((key, *spec.keys)))
        if value is not None:
            content.values[spec.path] = value
            _pop_path(leftover, spec.keys)
    _refuse(schema.check_keys(obj, schema.CHANNEL_TYPES.get(key), key))
    content.validity_period, content.validity_unit = _validity(key, obj)
    leftover.pop("validityPeriod", None)
    leftover.pop("validityPeriodTimeUnit", None)
    content.extra = leftover
    return content


def _text_list(items: list[Any], where: str) -> list[str]:
    """A LIST field's items, every one text; MessageFormatError naming the first that is not."""
    for index, item in enumerate(items):
        if type(item) is not str:
            raise MessageFormatError(
                tr("{where} should be {expected}, not {actual}.").format(
                    where=f"{where}[{index}]", expected=tr("text"), actual=schema.kind_of(item)
                )
            )
    return list(items)


def _validity(key: str, obj: JsonObject) -> tuple[int | None, TimeUnit | None]:
    """A channel object's validity period and unit; MessageFormatError if either is wrong."""
    try:
        period = schema.validity_period(key, obj.get("validityPeriod"))
    except ValueError as exc:
        raise MessageFormatError(str(exc)) from None
    unit = obj.get("validityPeriodTimeUnit")
    if unit is None:
        return period, None
    if isinstance(unit, str) and unit in TimeUnit.__members__:
        return period, TimeUnit(unit)
    shown = _shown(unit) if isinstance(unit, str) else schema.kind_of(unit)
    raise MessageFormatError(
        tr("{key}.validityPeriodTimeUnit should be SECONDS, MINUTES or HOURS, not {unit}.").format(
            key=key, unit=shown
        )
    )


def _pop_path(source: JsonObject, keys: tuple[str, ...]) -> None:
    """Remove the value at `keys`, and any object that this leaves empty."""
    parents = [source]
    for key in keys[:-1]:
        parents.append(parents[-1][key])
    parents[-1].pop(keys[-1], None)
    for depth in range(len(keys) - 2, -1, -1):
        if parents[depth + 1] == {}:
            parents[depth].pop(keys[depth], None)


def _plain_text(value: Any) -> bool:
    """None, or text without a lone surrogate: the common case, checked quickly."""
    return value is None or (type(value) is str and not jsonsafe.has_lone_surrogate(value))


def _destinations_from_json(raw: Any) -> list[Destination]:
    """Every destination, checked. Runs once per recipient: the common case is quick."""
    destinations: list[Destination] = []
    append, made, plain = destinations.append, Destination, _plain_text
    for index, entry in enumerate(_expect(raw, list, "destinations") or ()):
        if type(entry) is not dict:
            _expect(entry, dict, f"destinations[{index}]")
        to = entry.get("to")
        if to is None:
            to = {}
        elif type(to) is not dict:
            _expect(to, dict, f"destinations[{index}].to")
        phone, email = to.get("phoneNumber"), to.get("emailAddress")
        message_id = entry.get("messageId")
        if type(phone) is int and phone.bit_length() < 64:
            phone = str(phone)
        if not (plain(phone) and plain(email) and plain(message_id)):
            _refuse_destination(index, entry, to, phone)
        extra_to = {k: v for k, v in to.items() if k not in _TO_KEYS}
        extra = {k: v for k, v in entry.items() if k not in _ENTRY_KEYS}
        fields: Mapping[str, str] = {}
        if extra_to or extra:
            if FIELDS_KEY in extra:
                fields = _fields_from_json(index, extra.pop(FIELDS_KEY))
            _check_destination_extras(index, extra_to, extra)
        append(made(phone, email, message_id, extra_to, extra, fields))
    return destinations


def _fields_from_json(index: int, raw: Any) -> dict[str, str]:
    """A draft's recipient fields: names to texts (numbers read as the text they show)."""
    where = f"destinations[{index}].{FIELDS_KEY}"
    _expect(raw, dict, where)
    fields: dict[str, str] = {}
    for name, value in raw.items():
        if type(value) is int and value.bit_length() < 64:
            value = str(value)
        if not isinstance(value, str):
            _expect(value, str, f"{where}.{name}")
        fields[name] = value
    _refuse(jsonsafe.problem(fields, where, 2))
    return fields


def _refuse_destination(index: int, entry: JsonObject, to: JsonObject, phone: Any) -> None:
    where = f"destinations[{index}]"
    _expect(phone, str, f"{where}.to.phoneNumber")
    _refuse(schema.check_keys(to, schema.TO_TYPES, f"{where}.to"))
    _refuse(schema.check_keys(entry, schema.DESTINATION_TYPES, where))
    _refuse(jsonsafe.problem(entry, where, 2))


def _check_destination_extras(index: int, extra_to: JsonObject, extra: JsonObject) -> None:
    where = f"destinations[{index}]"
    _refuse(schema.check_keys(extra_to, schema.TO_TYPES, f"{where}.to"))
    _refuse(jsonsafe.problem(extra_to, f"{where}.to", 3))
    _refuse(jsonsafe.problem(extra, where, 2))


def from_json(body: Any) -> OmniMessage:
    """Read a request body (or a draft file's content) into the model.

    MessageFormatError, one sentence naming the key, for anything the OpenAPI schema does not
    allow where it stands, or that `jsonsafe` refuses (NaN, lone surrogates, deep nesting).
    """
    if not isinstance(body, dict):
        raise MessageFormatError(tr("The draft is not a JSON object."))
    _refuse(jsonsafe.problem({k: v for k, v in body.items() if k != "destinations"}))
    _refuse(schema.check_keys(body, schema.TOP_TYPES, ""))
    for key in schema.OTHER_CHANNELS:
        if isinstance(body.get(key), dict):
            _refuse(schema.check_keys(body[key], schema.CHANNEL_TYPES[key], key))
            _validity(key, body[key])
    destinations = _destinations_from_json(body.get("destinations"))
    channels = {
        spec.key: _channel_from_json(spec.key, body[spec.key])
        for spec in CHANNELS
        if body.get(spec.key) is not None
    }
    send_at = body.get("sendAt")
    return OmniMessage(
        scenario_key=body.get("scenarioKey"),
        bulk_id=body.get("bulkId"),
        destinations=destinations,
        channels=channels,
        send_at=parse_send_at(send_at) if send_at else None,
        callback_data=body.get("callbackData"),
        notify=body.get("notify"),
        intermediate_report=body.get("intermediateReport"),
        notify_url=body.get("notifyUrl"),
        extra={k: v for k, v in body.items() if k not in _TOP_KEYS and k not in CHANNELS_BY_KEY},
    )
