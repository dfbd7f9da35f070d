"""The request model and its JSON form: a draft opened and saved comes back byte for byte."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omni_desktop.core.channels import CHANNELS, TimeUnit
from omni_desktop.core.message import (
    ChannelContent,
    Destination,
    MessageFormatError,
    OmniMessage,
    format_send_at,
    from_json,
    new_id,
    new_ids,
    parse_send_at,
    to_json,
    with_ids,
)
from omni_desktop.core.request_schema import CHANNEL_TYPES, TO_TYPES, TOP_TYPES

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

# omni-api.md §2.5, with sendAt in the form this app writes.
EXAMPLE = """{
  "scenarioKey": "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
  "bulkId": "desk-2018-06-01-0001",
  "destinations": [
    { "messageId": "desk-msg-1", "to": { "phoneNumber": "385911234567" } },
    { "to": { "phoneNumber": "385917654321", "emailAddress": "ana@example.com" } }
  ],
  "viber": {
    "text": "Your order #1234 has shipped.",
    "imageURL": "https://example.com/img/parcel.png",
    "buttonText": "Track",
    "buttonURL": "https://example.com/track/1234",
    "isPromotional": false,
    "validityPeriod": 2,
    "validityPeriodTimeUnit": "MINUTES"
  },
  "sms": {
    "text": "Order #1234 shipped: https://example.com/t/1234",
    "validityPeriod": 24,
    "validityPeriodTimeUnit": "HOURS"
  },
  "email": { "subject": "Order shipped", "text": "Your order #1234 has shipped." },
  "callbackData": "order=1234",
  "sendAt": "2018-06-01T10:00:00.000+02:00"
}"""


def test_the_documented_example_round_trips_exactly() -> None:
    body = json.loads(EXAMPLE)
    msg = from_json(body)
    assert to_json(msg) == body
    assert msg.destinations[1].email == "ana@example.com"
    assert msg.channels["sms"].validity_unit is TimeUnit.HOURS
    assert msg.channels["viber"].get("isPromotional") is False
    assert msg.send_at == datetime(2018, 6, 1, 8, 0, tzinfo=UTC)


def test_channel_objects_come_out_in_registry_order() -> None:
    out = to_json(from_json(json.loads(EXAMPLE)))
    channel_keys = [k for k in out if k in {c.key for c in CHANNELS}]
    assert channel_keys == ["sms", "viber", "email"]
    assert list(out)[:3] == ["scenarioKey", "bulkId", "destinations"]


# --- sendAt ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 6, 1, 10, 45, tzinfo=UTC), "2026-06-01T10:45:00.000+00:00"),
        (
            datetime(2026, 6, 1, 10, 45, 7, 123_999, tzinfo=timezone(timedelta(hours=2))),
            "2026-06-01T10:45:07.123+02:00",
        ),
        (
            datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
            "2026-01-02T03:04:05.000-05:30",
        ),
    ],
)
def test_send_at_is_written_with_milliseconds_and_a_colon_offset(
    moment: datetime, text: str
) -> None:
    assert format_send_at(moment) == text
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d", text)


@pytest.mark.parametrize(
    "written",
    [
        "2026-06-01T12:45:00.000+02:00",
        "2026-06-01T12:45:00.000+0200",  # the Java client's SSSZ form
        "2026-06-01T10:45:00Z",
        "2026-06-01T10:45:00.000+00:00",
        " 2026-06-01T10:45:00.0Z ",
    ],
)
def test_send_at_is_read_in_every_documented_form(written: str) -> None:
    assert parse_send_at(written) == datetime(2026, 6, 1, 10, 45, tzinfo=UTC)


def test_send_at_other_forms_are_written_back_in_ours() -> None:
    body = {"destinations": [], "sendAt": "2026-06-01T10:45:00.000+0200"}
    assert to_json(from_json(body))["sendAt"] == "2026-06-01T10:45:00.000+02:00"


def test_send_at_needs_a_time_zone() -> None:
    with pytest.raises(ValueError, match="time zone"):
        format_send_at(datetime(2026, 6, 1, 10, 45))


# --- what is left out, what is kept ------------------------------------------------------------


def test_nulls_empties_and_empty_channel_objects_are_left_out() -> None:
    msg = OmniMessage(
        scenario_key="",
        bulk_id=None,
        destinations=[Destination(phone="41793026727", email="", extra_to={"lineUserKey": ""})],
        channels={
            "sms": ChannelContent({"text": "Hi", "transliteration": ""}),
            "viber": ChannelContent({"text": "", "imageURL": None}),
            "email": ChannelContent(),
        },
        callback_data="",
        notify_url=None,
        extra={"notifyContentType": None, "whatsApp": {}, "tags": []},
    )
    assert to_json(msg) == {
        "destinations": [{"to": {"phoneNumber": "41793026727"}}],
        "sms": {"text": "Hi"},
    }


def test_false_and_zero_are_values_not_empties() -> None:
    body = {
        "destinations": [{"to": {"phoneNumber": "41793026727"}}],
        "viber": {"text": "Hi", "isPromotional": False},
        "notify": False,
        "intermediateReport": False,
        "futureCounter": 0,
    }
    assert to_json(from_json(body)) == body


def test_unknown_keys_are_kept_at_every_level() -> None:
    body = {
        "destinations": [
            {
                "to": {
                    "phoneNumber": "41793026727",
                    "pushRegistrationId": "abc",
                    "whatsAppUserId": "w",
                }
            }
        ],
        "sms": {"text": "Hi", "regional": {"indiaDlt": {"principalEntityId": "p"}}},
        "viber": {"text": "Hi", "trackingData": "t-1", "fileName": "a.pdf"},
        "whatsApp": {"text": "Hi"},
        "notifyContentType": "application/json",
    }
    msg = from_json(body)
    assert msg.extra == {"whatsApp": {"text": "Hi"}, "notifyContentType": "application/json"}
    assert msg.destinations[0].extra_to == {"pushRegistrationId": "abc", "whatsAppUserId": "w"}
    assert to_json(msg) == body


def test_channels_can_be_limited_to_the_scenarios_flow() -> None:
    msg = from_json(json.loads(EXAMPLE))
    out = to_json(msg, channels=["sms"])
    assert "sms" in out
    assert "viber" not in out
    assert "email" not in out


def test_numeric_phone_number_is_read_as_text() -> None:
    msg = from_json({"destinations": [{"to": {"phoneNumber": 41793026727}}]})
    assert msg.destinations[0].phone == "41793026727"


def test_validity_period_written_as_a_string_is_read_as_a_number() -> None:
    msg = from_json({"destinations": [], "sms": {"text": "Hi", "validityPeriod": "90"}})
    assert msg.channels["sms"].validity_period == 90
    assert msg.channels["sms"].validity_seconds == 90 * 60


# Found while writing these tests; left for the owner of core/message.py.
def test_unknown_keys_beside_a_nested_field_are_kept() -> None:
    body = {
        "destinations": [],
        "sms": {"text": "Hi", "language": {"languageCode": "TR", "singleShift": True}},
    }
    assert to_json(from_json(body)) == body


def test_unknown_destination_keys_are_kept() -> None:
    body = {"destinations": [{"to": {"phoneNumber": "41793026727"}, "notifyUrl": "x"}]}
    assert to_json(from_json(body)) == body


def test_time_unit_without_a_period_is_kept() -> None:
    body = {"destinations": [], "sms": {"text": "Hi", "validityPeriodTimeUnit": "HOURS"}}
    assert to_json(from_json(body)) == body


# --- IDs ---------------------------------------------------------------------------------------


def test_with_ids_fills_missing_ids_and_keeps_given_ones() -> None:
    msg = OmniMessage(
        destinations=[Destination(phone="41793026727", message_id="mine"), Destination(phone="1")]
    )
    ready = with_ids(msg, NOW)
    assert ready.bulk_id is not None
    assert re.fullmatch(r"b-[0-9a-f]{32}", ready.bulk_id)
    assert ready.destinations[0].message_id == "mine"
    made = ready.destinations[1].message_id
    assert made is not None
    assert re.fullmatch(r"m-[0-9a-f]{32}", made)
    assert msg.bulk_id is None  # the draft itself is not changed
    assert msg.destinations[1].message_id is None
    assert with_ids(ready, NOW).bulk_id == ready.bulk_id


def test_ids_are_unique() -> None:
    msg = OmniMessage(destinations=[Destination(phone=str(i)) for i in range(10_000)])
    ids = [d.message_id for d in with_ids(msg, NOW).destinations]
    assert len(set(ids)) == 10_000


def test_ids_sort_by_creation_time() -> None:
    moments = [NOW + timedelta(milliseconds=step) for step in (0, 1, 2, 1000, 86_400_000)]
    ids = [new_id(moment) for moment in moments]
    assert ids == sorted(ids)
    assert all(len(i) == 32 for i in ids)


def test_ids_made_one_after_another_sort_in_that_order() -> None:
    """Within one millisecond too: a campaign's message IDs grow the outbox's index at its end."""
    ids = new_ids(NOW, 5000, "m-") + new_ids(NOW, 5000, "m-")
    assert ids == sorted(ids)
    assert len(set(ids)) == 10_000
    assert all(re.fullmatch(r"m-[0-9a-f]{32}", i) for i in ids)


# --- format errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ([], "JSON object"),
        ("text", "JSON object"),
        ({"destinations": {"to": {}}}, "destinations"),
        ({"destinations": ["41793026727"]}, "destinations[0]"),
        ({"destinations": [{"to": "41793026727"}]}, "destinations[0].to"),
        ({"destinations": [{"to": {"phoneNumber": ["4179"]}}]}, "phoneNumber"),
        ({"destinations": [{"messageId": 7, "to": {}}]}, "messageId"),
        ({"destinations": [], "sms": "Hello"}, "sms"),
        ({"destinations": [], "sms": {"validityPeriod": "soon"}}, "validityPeriod"),
        ({"destinations": [], "sms": {"validityPeriod": True}}, "validityPeriod"),
        ({"destinations": [], "sms": {"validityPeriodTimeUnit": "DAYS"}}, "SECONDS"),
        ({"destinations": [], "sendAt": "tomorrow"}, "sendAt"),
        ({"destinations": [], "sendAt": "2026-02-30T10:00:00.000+01:00"}, "real date"),
        ({"destinations": [], "notify": "yes"}, "notify"),
        ({"destinations": [], "scenarioKey": 12}, "scenarioKey"),
        ({"destinations": [], "sendAt": "2026-06-01T10:00:00.000+99:99"}, "+99:99"),
        ({"destinations": [], "sendAt": "2026-06-01T10:00:00.000+24:00"}, "+24:00"),
        ({"destinations": [], "sendAt": "2026-06-01T10:00:00.000-05:60"}, "-05:60"),
        ({"destinations": [], "sms": {"text": 12345}}, "sms.text should be text, not a number"),
        ({"destinations": [], "sms": {"text": {"a": 1}}}, "sms.text should be text, not an"),
        ({"destinations": [], "sms": {"language": "TR"}}, "sms.language should be an object"),
        ({"destinations": [], "sms": {"language": {"languageCode": 7}}}, "languageCode"),
        ({"destinations": [], "sms": {"regional": []}}, "sms.regional should be an object"),
        ({"destinations": [], "viber": {"isPromotional": 1}}, "true or false, not a number"),
        ({"destinations": [], "viber": {"trackingData": False}}, "viber.trackingData"),
        ({"destinations": [], "sms": {"validityPeriod": 10**30}}, "sms.validityPeriod"),
        ({"destinations": [], "sms": {"validityPeriod": 2**31}}, "far beyond"),
        ({"destinations": [], "sms": {"validityPeriod": "²"}}, "sms.validityPeriod"),
        ({"destinations": [], "sms": {"validityPeriod": 1.5}}, "whole number"),
        ({"destinations": [], "sms": {"validityPeriodTimeUnit": ["HOURS"]}}, "not a list"),
        ({"destinations": [], "whatsApp": "Hi"}, "whatsApp should be an object"),
        ({"destinations": [], "push": {"validityPeriod": "later"}}, "push.validityPeriod"),
        ({"destinations": [], "notifyContentType": 1}, "notifyContentType"),
        ({"destinations": [{"to": {"phoneNumber": True}}]}, "not true or false"),
        ({"destinations": [{"to": {"phoneNumber": 10**30}}]}, "phoneNumber"),
        ({"destinations": [{"to": {"pushRegistrationId": 5}}]}, "pushRegistrationId"),
        ({"destinations": [{"to": {}, "note": float("nan")}]}, "destinations[0].note"),
        ({"destinations": [], "sms": {"text": "a\ud800b"}}, "sms.text has a broken character"),
        ({"destinations": [{"to": {"emailAddress": "\udfff@x.hr"}}]}, "emailAddress has a"),
        ({"destinations": [], "futureField": float("inf")}, "futureField is NaN or Infinity"),
        ({"destinations": [], "futureField": 10**200}, "more than 100 digits"),
    ],
)
def test_format_errors_name_the_field(body: Any, names: str) -> None:
    with pytest.raises(MessageFormatError) as caught:
        from_json(body)
    assert names in str(caught.value)
    assert str(caught.value).endswith(".")


def test_format_error_is_a_value_error() -> None:
    assert issubclass(MessageFormatError, ValueError)


def test_a_deep_value_is_refused_without_overflowing_the_stack() -> None:
    deep: Any = "bottom"
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(MessageFormatError) as caught:
        from_json({"destinations": [], "futureField": deep})
    assert str(caught.value).startswith("futureField[0][0]")
    assert "nested more than 64 levels deep" in str(caught.value)
    shallow = {
        "destinations": [{"to": {"phoneNumber": "1"}, "x": [[["ok"]]]}],
        "sms": {"text": "Hi"},
    }
    assert to_json(from_json(shallow)) == shallow


@pytest.mark.parametrize("offset", ["+18:00", "-18:00", "+14:00", "-12:00", "+05:45", "+0530"])
def test_every_real_offset_is_read(offset: str) -> None:
    moment = parse_send_at(f"2026-06-01T10:00:00.000{offset}")
    assert moment.utcoffset() is not None
    assert format_send_at(moment).endswith(offset if ":" in offset else "+05:30")


@pytest.mark.parametrize("offset", ["+18:01", "+19:00", "+99:99", "-24:00", "+00:60"])
def test_an_offset_no_place_has_is_a_format_error(offset: str) -> None:
    with pytest.raises(MessageFormatError) as caught:
        parse_send_at(f"2026-06-01T10:00:00.000{offset}")
    assert offset in str(caught.value) and "between -18:00 and +18:00" in str(caught.value)


# --- round trip of generated drafts ------------------------------------------------------------

_TEXT = st.text(min_size=1, max_size=20)
_KEY = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=12
)
_JSON_LEAF = st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.text(max_size=10)
_JSON = st.recursive(
    _JSON_LEAF,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEY, inner, max_size=3),
    max_leaves=8,
)
_PRESENT = _JSON.filter(lambda v: v not in (None, "", {}, []))
_TOP_KNOWN = (
    {
        "scenarioKey",
        "bulkId",
        "destinations",
        "sendAt",
        "callbackData",
        "notify",
        "intermediateReport",
        "notifyUrl",
    }
    | {c.key for c in CHANNELS}
    | set(TOP_TYPES)
)  # keys whose type the schema gives


def _extras(known: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(_KEY.filter(lambda k: k not in known), _PRESENT, max_size=2)


@st.composite
def _destination(draw: st.DrawFn) -> dict[str, Any]:
    to: dict[str, Any] = draw(_extras(set(TO_TYPES)))
    if draw(st.booleans()):
        to["phoneNumber"] = draw(st.text(alphabet="0123456789", min_size=1, max_size=15))
    if draw(st.booleans()):
        to["emailAddress"] = draw(_TEXT)
    entry: dict[str, Any] = {"to": to}
    if draw(st.booleans()):
        entry["messageId"] = draw(_TEXT)
    return entry


@st.composite
def _channel(draw: st.DrawFn, key: str) -> dict[str, Any]:
    spec = next(c for c in CHANNELS if c.key == key)
    obj: dict[str, Any] = draw(
        _extras(
            {f.keys[0] for f in spec.fields}
            | {"validityPeriod", "validityPeriodTimeUnit"}
            | set(CHANNEL_TYPES.get(key, {}))
        )
    )
    for field in spec.fields:
        if not draw(st.booleans()):
            continue
        if field.choices:
            value: Any = draw(st.sampled_from([c for c in field.choices if c]))
        elif field.kind.value == "bool":
            value = draw(st.booleans())
        else:
            value = draw(_TEXT)
        target = obj
        for part in field.keys[:-1]:
            target = target.setdefault(part, {})
        target[field.keys[-1]] = value
    if draw(st.booleans()):
        obj["validityPeriod"] = draw(st.integers(-5, 10_000))
        if draw(st.booleans()):
            obj["validityPeriodTimeUnit"] = draw(st.sampled_from([u.value for u in TimeUnit]))
    return obj


@st.composite
def _send_at(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)))
    offset = draw(st.integers(-12 * 4, 14 * 4)) * 15
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset), 60)
    millis = moment.microsecond // 1000
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{millis:03d}{sign}{hours:02d}:{minutes:02d}"


@st.composite
def _drafts(draw: st.DrawFn) -> dict[str, Any]:
    body: dict[str, Any] = draw(_extras(_TOP_KNOWN))
    body["destinations"] = draw(st.lists(_destination(), max_size=4))
    for name in ("scenarioKey", "bulkId", "callbackData", "notifyUrl"):
        if draw(st.booleans()):
            body[name] = draw(_TEXT)
    for name in ("notify", "intermediateReport"):
        if draw(st.booleans()):
            body[name] = draw(st.booleans())
    if draw(st.booleans()):
        body["sendAt"] = draw(_send_at())
    for spec in CHANNELS:
        if draw(st.booleans()):
            obj = draw(_channel(spec.key))
            if obj:
                body[spec.key] = obj
    return body


@given(_drafts())
def test_generated_drafts_round_trip_exactly(body: dict[str, Any]) -> None:
    text = json.dumps(body)
    assert to_json(from_json(json.loads(text))) == body


@given(_drafts())
def test_round_trip_is_stable(body: dict[str, Any]) -> None:
    once = to_json(from_json(body))
    assert to_json(from_json(once)) == once
    assert json.loads(json.dumps(once)) == once
