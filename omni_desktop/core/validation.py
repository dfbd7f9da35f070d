"""Checks an `OmniMessage` before it is sent, and prepares the copy that is sent.

Each problem names the JSON path of its field, so the UI can show it beside that field; a send
is refused while any problem is an error.
"""

from __future__ import annotations

import copy
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import Enum
from urllib.parse import urlsplit

from omni_desktop.core.addresses import (
    Home,
    InvalidPhoneNumber,
    check_email,
    check_phone,
    normalise_phone,
    phone_home,
    phone_note,
)
from omni_desktop.core.channels import (
    CALLBACK_DATA_MAX,
    CHANNELS_BY_KEY,
    SEND_AT_MAX_DAYS,
    ChannelSpec,
    Counter,
    FieldKind,
    FieldSpec,
    TimeUnit,
)
from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import ChannelContent, Destination, OmniMessage
from omni_desktop.core.request_schema import INT32_MAX
from omni_desktop.core.scenario import describe_seconds
from omni_desktop.core.sms import MAX_BYTES, MAX_PARTS, count_sms

__all__ = [
    "InvalidPhoneNumber",
    "Problem",
    "Severity",
    "ValidationResult",
    "check_email",
    "check_phone",
    "normalise_phone",
    "phone_note",
    "validate",
]


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str  # JSON path of the field, e.g. "destinations[3].to.phoneNumber"; "" = the message
    severity: Severity
    message: str  # one plain sentence: what is wrong and what to do


@dataclass
class ValidationResult:
    problems: list[Problem]
    prepared: OmniMessage  # the copy to send: addresses normalised, validity clamped
    # What the recipients check found, so that the next validate() can lend from it (edits
    # elsewhere leave 100,000 rows alone; an edit of one row checks that row).
    checked: RecipientsCheck | None = field(default=None, repr=False, compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        """Whether the message may be sent (warnings allowed)."""
        return not self.errors

    def for_path(self, prefix: str) -> list[Problem]:
        """Problems of the field `prefix` and of everything inside it ("sms" -> "sms.text")."""
        return [
            p
            for p in self.problems
            if p.path == prefix or p.path.startswith((prefix + ".", prefix + "["))
        ]


_TEL = re.compile(r"tel:\+?[0-9][0-9 ().-]{2,}")


class _Checker:
    """Collects the problems of one message; `validate` is its only user."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, Severity.ERROR, message))

    def warning(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, Severity.WARNING, message))


def validate(
    message: OmniMessage,
    now: datetime,
    flow: Sequence[str] | None = None,
    default_region: str | None = None,
    previous: ValidationResult | None = None,
) -> ValidationResult:
    """List the problems of `message` and prepare the copy to send.

    `now` must be timezone-aware. `flow` holds the channel keys of the chosen scenario in
    order, or None when the scenario is unknown; channels outside the flow are not checked.
    With `previous`, the recipients are not checked again when `message.destinations` is the
    very list `previous` checked (replace the list, never change it in place, to re-check).
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("validate() needs a timezone-aware `now`")
    check = _Checker()
    _check_top_level(check, message, now)
    before = previous.checked if previous is not None else None
    if before is not None and before.region != default_region:
        before = None
    if before is not None and before.inputs is message.destinations:
        recipients = before
    else:
        with gc_paused():
            recipients = _check_destinations(message.destinations, default_region, before)
    check.problems.extend(recipients.problems)
    channels = copy.deepcopy(message.channels)
    used = message.used_channels()
    # A draft may carry content for a channel this app cannot compose (push, whatsApp...).
    others = [k for k, v in message.extra.items() if isinstance(v, dict) and v]
    checked = [key for key in used if flow is None or key in flow]
    if not used and not others:
        check.error("", tr("There is no content for any channel; write the message first."))
    elif flow is not None:
        _check_flow(check, used, others, flow)
    for key in checked:
        _check_channel(check, key, channels[key])
    prepared = replace(
        message,
        destinations=recipients.prepared,
        channels=channels,
        extra=copy.deepcopy(message.extra),
    )
    return ValidationResult(check.problems, prepared, checked=recipients)


def _check_top_level(check: _Checker, message: OmniMessage, now: datetime) -> None:
    send_at = message.send_at
    if send_at is not None:
        if send_at.tzinfo is None or send_at.utcoffset() is None:
            check.error("sendAt", tr("The send time has no time zone; pick the time again."))
        elif send_at <= now:
            check.error(
                "sendAt", tr("The send time is in the past; pick a later time or send now.")
            )
        elif send_at - now >= timedelta(days=SEND_AT_MAX_DAYS):
            check.error(
                "sendAt",
                tr("The send time is {days} days or more ahead; pick an earlier time.").format(
                    days=SEND_AT_MAX_DAYS
                ),
            )
    if message.callback_data and len(message.callback_data) > CALLBACK_DATA_MAX:
        check.error(
            "callbackData",
            tr("The callback data has {n} characters; shorten it to {limit}.").format(
                n=len(message.callback_data), limit=CALLBACK_DATA_MAX
            ),
        )
    if message.notify_url:
        reason = _url_problem(message.notify_url)
        if reason:
            check.error("notifyUrl", tr("The delivery report URL {reason}").format(reason=reason))


@dataclass(frozen=True)
class RecipientsCheck:
    """The recipients as checked: the next check lends each row's answers to the very same
    object at the same place, and checks only the rows that changed."""

    inputs: list[Destination]
    region: str | None
    problems: list[Problem]
    prepared: list[Destination]  # addresses normalised
    own: dict[int, list[Problem]]  # by row index: its problems, its repeats of others aside
    phones: list[str | None]  # by row index: its valid number, normalised
    emails: list[str | None]  # by row index: its valid address, normalised, lower case
    # By row index, of the numbers read abroad though valid in the region too (with a note):
    # the region's reading (its digits: written with `+`, the number is the region's).
    read_abroad: dict[int, Home] = field(default_factory=dict)


def _check_destinations(
    destinations: list[Destination], region: str | None, before: RecipientsCheck | None
) -> RecipientsCheck:
    """Check every recipient (or take `before`'s answer for the same object at the same
    place), then find the repeated numbers, addresses and message IDs among them all."""
    check = _Checker()
    prepared: list[Destination] = []
    own: dict[int, list[Problem]] = {}
    phones: list[str | None] = []
    emails: list[str | None] = []
    read_abroad: dict[int, Home] = {}
    add, add_phone, add_email = prepared.append, phones.append, emails.append
    lent = before.inputs if before is not None else []
    problems, new = check.problems, Destination
    # The runs of the very same objects at the start and (the length unchanged) at the end
    # are lent whole, found by C's loops: an edit of one row of 100,000 walks no other row.
    count = len(destinations)
    head = _same_run(lent, destinations)
    tail = 0
    if len(lent) == count and head < count:
        tail = _same_run(lent[:head:-1], destinations[:head:-1])
    if before is not None and head:
        _lend(before, slice(0, head), prepared, phones, emails, own, read_abroad)
    # Runs once per recipient in between, 100,000 of them at worst: the common path does
    # only what it must.
    for index in range(head, count - tail):
        dest = destinations[index]
        if index < len(lent) and lent[index] is dest and before is not None:
            add(before.prepared[index])
            add_phone(before.phones[index])
            add_email(before.emails[index])
            if index in before.own:  # a row read abroad has a note: it is among these
                own[index] = before.own[index]
                if index in before.read_abroad:
                    read_abroad[index] = before.read_abroad[index]
            continue
        start = len(problems)
        phone = dest.phone.strip() if dest.phone else None
        email = dest.email.strip() if dest.email else None
        valid_phone = valid_email = None
        if phone:
            # Called as the recipients editor calls it, so the answers it cached are reused.
            checked = check_phone(phone, region)
            normalised, reason = checked
            if normalised is None:
                _bad_address(check, index, "phoneNumber", phone, reason)
            else:
                note = phone_note(checked)
                if note is not None:  # the digits read another, valid way in the region too
                    _read_one_way(check, index, phone, note)
                    home = phone_home(checked)
                    if home is not None:
                        read_abroad[index] = home
                phone = valid_phone = normalised
        if email:
            normalised, reason = check_email(email)
            if normalised is None:
                _bad_address(check, index, "emailAddress", email, reason)
            else:
                email = normalised
                valid_email = normalised.lower()
        if not phone and not email and not any(dest.extra_to.values()):
            check.error(
                f"destinations[{index}].to",
                tr("Row {row} has neither a phone number nor an e-mail address; add one.").format(
                    row=index + 1
                ),
            )
        if len(problems) > start:
            own[index] = problems[start:]
        extra_to = copy.deepcopy(dest.extra_to) if dest.extra_to else {}
        extra = copy.deepcopy(dest.extra) if dest.extra else {}
        add(new(phone or None, email or None, dest.message_id, extra_to, extra, dest.fields))
        add_phone(valid_phone)
        add_email(valid_email)
    if before is not None and tail:
        _lend(before, slice(count - tail, count), prepared, phones, emails, own, read_abroad)
    return RecipientsCheck(
        destinations,
        region,
        _in_order(prepared, own, phones, emails),
        prepared,
        own,
        phones,
        emails,
        read_abroad,
    )


def _in_order(
    prepared: list[Destination],
    own: dict[int, list[Problem]],
    phones: list[str | None],
    emails: list[str | None],
) -> list[Problem]:
    """Every row's problems in row order, its repeats of earlier rows after its own."""
    check = _Checker()
    if not prepared:
        check.error("destinations", tr("There are no recipients; add at least one."))
    repeats: dict[int, list[Problem]] = {}
    for key, values in (("phoneNumber", phones), ("emailAddress", emails)):
        if _none_repeated(values):  # the usual list: told in C, not row by row
            continue
        first: dict[str, int] = {}
        for index, value in enumerate(values):
            if value is not None and first.setdefault(value, index) != index:
                repeats.setdefault(index, []).append(_repeated_address(index, first[value], key))
    ids = list(map(_MESSAGE_ID, prepared))
    first_id: dict[str, int] = {}
    for index, message_id in enumerate([] if _none_repeated(ids) else ids):
        if message_id and first_id.setdefault(message_id, index) != index:
            repeats.setdefault(index, []).append(
                Problem(
                    f"destinations[{index}].messageId",
                    Severity.ERROR,
                    tr(
                        "Row {row} has the same message ID as row {first}; "
                        "message IDs must be unique, so change or clear it."
                    ).format(row=index + 1, first=first_id[message_id] + 1),
                )
            )
    problems = check.problems
    for index in sorted(own.keys() | repeats.keys()):
        problems.extend(own.get(index, ()))
        problems.extend(repeats.get(index, ()))
    return problems


def _same_run(earlier: list[Destination], now: list[Destination]) -> int:
    """How many objects at the start of `now` are the very ones at the start of `earlier`."""
    differs = map(operator.is_not, earlier, now)
    return next(itertools.compress(itertools.count(), differs), min(len(earlier), len(now)))


def _lend(
    before: RecipientsCheck,
    rows: slice,
    prepared: list[Destination],
    phones: list[str | None],
    emails: list[str | None],
    own: dict[int, list[Problem]],
    read_abroad: dict[int, Home],
) -> None:
    """`before`'s answers for the rows `rows` (at the same places now), appended."""
    prepared += before.prepared[rows]
    phones += before.phones[rows]
    emails += before.emails[rows]
    start, stop = rows.start, rows.stop
    own.update((i, found) for i, found in before.own.items() if start <= i < stop)
    read_abroad.update((i, home) for i, home in before.read_abroad.items() if start <= i < stop)


_MESSAGE_ID = operator.attrgetter("message_id")


def _none_repeated(values: list[str | None]) -> bool:
    """Whether no value (None and "" aside) is there twice; C's loops over 100,000 of them."""
    present = list(filter(None, values))
    return len(set(present)) == len(present)


def _bad_address(check: _Checker, index: int, key: str, raw: str, reason: str | None) -> None:
    check.error(
        f"destinations[{index}].to.{key}",
        tr("Row {row}, {raw}: {reason}").format(row=index + 1, raw=raw, reason=reason),
    )


def _read_one_way(check: _Checker, index: int, raw: str, note: str) -> None:
    check.warning(
        f"destinations[{index}].to.phoneNumber",
        tr("Row {row}, {raw}: {note}").format(row=index + 1, raw=raw, note=note),
    )


def _repeated_address(index: int, first: int, key: str) -> Problem:
    if key == "phoneNumber":
        text = tr(
            "Row {row} repeats the phone number of row {first}; "
            "remove one or the number gets the message twice."
        )
    else:
        text = tr(
            "Row {row} repeats the e-mail address of row {first}; "
            "remove one or the address gets the message twice."
        )
    return Problem(
        f"destinations[{index}].to.{key}",
        Severity.WARNING,
        text.format(row=index + 1, first=first + 1),
    )


def _check_flow(check: _Checker, used: list[str], others: list[str], flow: Sequence[str]) -> None:
    for key in used:
        if key not in flow:
            check.warning(
                key,
                tr("{channel} is not in the scenario's flow and will not be sent.").format(
                    channel=_label(key)
                ),
            )
    for key in flow:
        if key not in used and key not in others:
            check.warning(
                key,
                tr(
                    "The scenario tries {channel}, but it has no content, so that step is "
                    "skipped; write it to use {channel}."
                ).format(channel=_label(key)),
            )
    if not any(key in used or key in others for key in flow):
        check.error(
            "",
            tr(
                "None of the channels with content is in the scenario's flow, so nothing would "
                "be sent; write the content for its channels or pick another scenario."
            ),
        )


def _label(key: str) -> str:
    spec = CHANNELS_BY_KEY.get(key)
    return spec.label if spec else key


def _lower(label: str) -> str:
    """A field label inside a sentence: "Image URL" -> "image URL"."""
    return label[:1].lower() + label[1:]


def _text(content: ChannelContent, path: str) -> str:
    """A field's value as text: a list's items one a line, a number's digits, "" when unset."""
    value = content.get(path)
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return str(value)


def _check_channel(check: _Checker, key: str, content: ChannelContent) -> None:
    """Check the content of one channel by its registry entry; clamp its validity in place
    (it is the copy)."""
    spec = CHANNELS_BY_KEY[key]
    _check_validity(check, spec, content)
    for item in spec.fields:
        _check_field(check, spec, item, content.get(item.path))
    for path in spec.missing_fields(lambda path: _text(content, path)):
        check.error(
            f"{key}.{path}",
            tr("The {channel} {field} is empty; fill it in or clear {channel}.").format(
                channel=spec.label, field=_lower(spec.field(path).label)
            ),
        )
    for pair in spec.pairs:
        first = bool(_text(content, pair.first).strip())
        second = bool(_text(content, pair.second).strip())
        if first and not second:
            check.error(f"{key}.{pair.second}", tr(pair.first_alone))
        elif second and not first:
            check.error(f"{key}.{pair.first}", tr(pair.second_alone))
    if spec.counter is Counter.SEGMENTS:
        _check_segments(check, f"{key}.{spec.counted}", _text(content, spec.counted))


def _check_field(check: _Checker, spec: ChannelSpec, item: FieldSpec, value: object) -> None:
    """One field's own limits: length (items of a list), URL form, a number's bounds."""
    path = f"{spec.key}.{item.path}"
    name = _lower(item.label)
    if item.kind is FieldKind.LIST:
        count = len(value) if isinstance(value, list) else 0
        if item.max_length is not None and count > item.max_length:
            check.error(
                path,
                tr("The {channel} {field} has {n} items; keep at most {limit}.").format(
                    channel=spec.label, field=name, n=count, limit=item.max_length
                ),
            )
        return
    if item.kind is FieldKind.NUMBER:
        if isinstance(value, int) and item.bounds is not None:
            least, most = item.bounds
            if not least <= value <= most:
                check.error(
                    path,
                    tr("The {channel} {field} is {n}; use a number from {least} to {most}.").format(
                        channel=spec.label, field=name, n=value, least=least, most=most
                    ),
                )
        return
    text = "" if value is None else str(value)
    if item.max_length is not None and len(text) > item.max_length:
        check.error(
            path,
            tr("The {channel} {field} has {n} characters; shorten it to {limit}.").format(
                channel=spec.label, field=name, n=len(text), limit=item.max_length
            ),
        )
    if item.kind is FieldKind.URL and text:
        reason = _url_problem(text, allow_tel=item.allow_tel)
        if reason:
            check.error(
                path,
                tr("The {channel} {field} {reason}").format(
                    channel=spec.label, field=name, reason=reason
                ),
            )


def _check_segments(check: _Checker, path: str, text: str) -> None:
    """An SMS text's parts and bytes against the platform's limits."""
    count = count_sms(text)
    if count.segments > MAX_PARTS:
        check.error(
            path,
            tr("The SMS needs {n} parts; the limit is {limit}, so shorten the text.").format(
                n=count.segments, limit=MAX_PARTS
            ),
        )
    elif count.bytes > MAX_BYTES:
        check.error(
            path,
            tr("The SMS needs {n} bytes; the limit is {limit}, so shorten the text.").format(
                n=count.bytes, limit=MAX_BYTES
            ),
        )


def _check_validity(check: _Checker, spec: ChannelSpec, content: ChannelContent) -> None:
    seconds = content.validity_seconds
    if seconds is None:
        return
    path = f"{spec.key}.validityPeriod"
    label = spec.label
    least, most = spec.validity.least, spec.validity.most
    period = content.validity_period or 0
    if not -INT32_MAX <= period <= INT32_MAX:  # the API's int32; the window's field overflows
        digits = len(str(abs(period))) if period.bit_length() < 400 else tr("hundreds of")
        check.error(
            path,
            tr(
                "The {channel} validity period is a number of {digits} digits, far beyond any "
                "the platform takes; use at most {most}."
            ).format(channel=label, digits=digits, most=describe_seconds(most)),
        )
    elif seconds <= 0:
        check.error(
            path,
            tr(
                "The {channel} validity period must be more than zero; use at least {least}."
            ).format(channel=label, least=describe_seconds(least)),
        )
    elif seconds < least:
        check.error(
            path,
            tr("The {channel} validity period is {given}; it must be at least {least}.").format(
                channel=label, given=describe_seconds(seconds), least=describe_seconds(least)
            ),
        )
    elif seconds > most:
        unit = content.validity_unit or TimeUnit.MINUTES
        content.validity_period = most // unit.seconds
        check.warning(
            path,
            tr(
                "The {channel} validity period of {given} is over the platform's limit; "
                "it is sent as {most}."
            ).format(channel=label, given=describe_seconds(seconds), most=describe_seconds(most)),
        )


def _url_problem(url: str, allow_tel: bool = False) -> str | None:
    """Why `url` is not an http(s) address with a host (or a `tel:` link), or None."""
    if any(c.isspace() for c in url):
        return tr("has spaces in it; remove them.")
    if allow_tel and url[:4].lower() == "tel:":
        return None if _TEL.fullmatch(url.lower()) else tr("is not a tel: link to a number.")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return tr("is not a valid web address.")
    if parts.scheme.lower() not in ("http", "https"):
        return tr("must start with https:// or http://.")
    if not host:
        return tr("has no host name after the //.")
    return None
