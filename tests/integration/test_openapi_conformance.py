"""Our request JSON and the sandbox's answers against Infobip's OpenAPI schemas.

The schemas allow any extra property; the checks here forbid them (`additionalProperties:
false` added to every object schema), so a misspelt key such as `imageUrl` for Viber fails.
"""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from omni_desktop.core.channels import CHANNELS_BY_KEY, TimeUnit
from omni_desktop.core.message import ChannelContent, Destination, OmniMessage, to_json
from omni_desktop.core.report import LogEntry, Report

from omni_desktop.sandbox import SandboxThread

SPEC = Path(__file__).resolve().parents[2] / ".." / "shared" / "infobip-omni-openapi.json"
# The channels the 2026 schema still has (facebook and parseco were retired from it).
SCHEMA_CHANNELS = ("sms", "viber", "voice", "email")
SEND_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:?\d{2}$")


def _strict(node: Any) -> Any:
    if isinstance(node, dict):
        out = {k: _strict(v) for k, v in node.items()}
        if out.get("type") == "object" and "properties" in out:
            out.setdefault("additionalProperties", False)
        return out
    if isinstance(node, list):
        return [_strict(v) for v in node]
    return node


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not SPEC.is_file():
        pytest.skip(f"The Infobip OpenAPI file is not at {SPEC} (shared/ beside the repository).")
    document = _strict(json.loads(SPEC.read_text(encoding="utf-8")))
    # The schema types a scenario key as int64; every example and client uses 32 hex digits.
    for name, schema in document["components"]["schemas"].items():
        if name.endswith(".Scenario"):
            schema["properties"]["key"] = {"type": "string", "readOnly": True}
    return dict(document)


def validator(spec: dict[str, Any], component: str) -> Draft202012Validator:
    """A validator for the schema component whose name ends in `.component`."""
    schemas = spec["components"]["schemas"]
    names = (
        [component]
        if component in schemas
        else [n for n in schemas if n.split(".")[-1] == component]
    )
    assert len(names) == 1, f"{component}: {names}"
    registry: Registry[Any] = Registry().with_resource(
        "urn:omni", Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    schema = {"$ref": f"urn:omni#/components/schemas/{names[0]}"}
    return Draft202012Validator(schema, registry=registry)


def assert_valid(check: Draft202012Validator, instance: Any) -> None:
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in check.iter_errors(instance)]
    assert problems == []


def full_message() -> OmniMessage:
    message = OmniMessage(
        scenario_key="5F0C1B2A3D4E6F708192A3B4C5D6E7F8",
        bulk_id="desk-2026-0001",
        destinations=[
            Destination(phone="385911234567", message_id="m-1"),
            Destination(phone="385917654321", email="ana@example.com"),
        ],
        send_at=datetime(2026, 6, 1, 10, 0, tzinfo=timezone(timedelta(hours=2))),
        callback_data="order=1234",
        notify=True,
        intermediate_report=False,
        notify_url="https://example.com/dlr",
    )
    message.channels["sms"] = ChannelContent(
        values={"text": "Shipped", "transliteration": "TURKISH", "language.languageCode": "TR"},
        validity_period=24,
        validity_unit=TimeUnit.HOURS,
    )
    message.channels["viber"] = ChannelContent(
        values={
            "text": "Shipped",
            "imageURL": "https://example.com/p.png",
            "buttonText": "Track",
            "buttonURL": "https://example.com/t",
            "isPromotional": False,
        },
        validity_period=2,
        validity_unit=TimeUnit.MINUTES,
    )
    message.channels["voice"] = ChannelContent(values={"text": "Shipped", "language": "en"})
    message.channels["email"] = ChannelContent(
        values={"subject": "Shipped", "text": "Your order has shipped."},
        validity_period=90,
        validity_unit=TimeUnit.SECONDS,
    )
    return message


def test_our_request_validates(spec: dict[str, Any]) -> None:
    body = to_json(full_message())
    assert set(SCHEMA_CHANNELS) <= set(body)
    assert SEND_AT.match(body["sendAt"])
    assert_valid(validator(spec, "OmniAdvancedRequest"), body)


def test_a_misspelt_key_would_fail(spec: dict[str, Any]) -> None:
    body = to_json(full_message())
    body["viber"]["imageUrl"] = body["viber"].pop("imageURL")
    assert list(validator(spec, "OmniAdvancedRequest").iter_errors(body))


_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40)


@st.composite
def messages(draw: st.DrawFn) -> OmniMessage:
    phones = st.from_regex(r"[1-9][0-9]{4,14}", fullmatch=True)
    destinations = draw(
        st.lists(
            st.builds(
                Destination,
                phone=st.one_of(st.none(), phones),
                email=st.one_of(st.none(), st.emails()),
                message_id=st.one_of(st.none(), _text),
            ),
            min_size=1,
            max_size=3,
        )
    )
    message = OmniMessage(destinations=destinations, bulk_id=draw(st.one_of(st.none(), _text)))
    for key in draw(st.sets(st.sampled_from(SCHEMA_CHANNELS), min_size=1)):
        values: dict[str, Any] = {}
        for field in CHANNELS_BY_KEY[key].fields:
            if field.choices:
                values[field.path] = draw(st.sampled_from(field.choices))
            elif field.kind.value == "bool":
                values[field.path] = draw(st.booleans())
            else:
                values[field.path] = draw(_text)[: field.max_length or 40]
        message.channels[key] = ChannelContent(
            values=values,
            validity_period=draw(st.one_of(st.none(), st.integers(1, 2880))),
            validity_unit=draw(st.one_of(st.none(), st.sampled_from(TimeUnit))),
        )
    if draw(st.booleans()):
        offset = timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60)))
        message.send_at = datetime(2026, 1, 1, tzinfo=UTC).astimezone(timezone(offset))
    return message


@settings(max_examples=60, deadline=None)
@given(messages())
def test_any_message_we_build_validates(spec: dict[str, Any], message: OmniMessage) -> None:
    assert_valid(validator(spec, "OmniAdvancedRequest"), to_json(message))


def test_sandbox_answers_validate(spec: dict[str, Any], sandbox: SandboxThread) -> None:
    headers = {"Authorization": f"App {sandbox.api_key}"}
    body = to_json(full_message())
    del body["sendAt"], body["scenarioKey"]
    with httpx.Client(base_url=sandbox.url, headers=headers) as http:
        sent = http.post("/omni/1/advanced", json=body)
        assert_valid(validator(spec, "OmniResponse"), sent.json())
        assert_valid(validator(spec, "ScenariosResponse"), http.get("/omni/1/scenarios").json())
        created = http.post("/omni/1/scenarios", json={"name": "x", "flow": [{"channel": "SMS"}]})
        assert_valid(validator(spec, "Scenario"), created.json())
        logs = http.get("/omni/1/logs").json()
        assert len(logs["results"]) == 2
        assert_valid(validator(spec, "OmniLogsResponse"), logs)
        reports: list[Any] = []
        give_up = time.monotonic() + 5
        while len(reports) < 2 and time.monotonic() < give_up:
            reports += http.get("/omni/1/reports").json()["results"]
        assert len(reports) == 2
        assert_valid(validator(spec, "DeliveryReports"), {"results": reports})
        # Our report model reads and writes the very same JSON.
        assert [Report.from_json(r).to_json() for r in reports] == reports
        assert [LogEntry.from_json(e).to_json() for e in logs["results"]] == logs["results"]
        refused = http.post("/omni/1/advanced", json={"destinations": []})
        assert_valid(validator(spec, "ApiException"), refused.json())
