"""Scenarios, reports and logs through the client, against the sandbox."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from omni_desktop.core.scenario import Scenario, Step
from omni_desktop.core.status import StatusGroup

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import DEFAULT_SCENARIO_KEY, SMS_SCENARIO_KEY, SandboxThread

from omni_desktop import __version__

MakeClient = Callable[..., OmniClient]


def test_seeded_scenarios(make_client: MakeClient) -> None:
    async def main() -> None:
        async with make_client() as client:
            everything = await client.list_scenarios()
            defaults = await client.list_scenarios(is_default=True)
            second_page = await client.list_scenarios(limit=1, page=1)
        assert [s.key for s in everything] == [DEFAULT_SCENARIO_KEY, SMS_SCENARIO_KEY]
        assert [s.key for s in defaults] == [DEFAULT_SCENARIO_KEY]
        assert (
            defaults[0].flow_label()
            == "VIBER (OmniShop) -> SMS (InfoSMS) -> EMAIL (shop@example.com)"
        )
        assert [s.key for s in second_page] == [SMS_SCENARIO_KEY]

    asyncio.run(main())


def test_scenario_round_trip(make_client: MakeClient) -> None:
    draft = Scenario(
        key="", name="Voice then SMS", flow=(Step("VOICE", "385100"), Step("SMS", "Shop"))
    )

    async def main() -> None:
        async with make_client() as client:
            created = await client.create_scenario(draft)
            assert re.fullmatch(r"[0-9A-F]{32}", created.key)
            assert (created.name, created.flow, created.default) == (draft.name, draft.flow, False)
            assert await client.get_scenario(created.key) == created

            changed = Scenario(created.key, "Voice only", (Step("VOICE", "385100"),), default=True)
            updated = await client.update_scenario(created.key, changed)
            assert updated == changed
            assert await client.get_scenario(created.key) == changed
            # Only one default at a time: the seeded default gave way.
            defaults = await client.list_scenarios(is_default=True)
            assert [s.key for s in defaults] == [created.key]
            assert len(await client.list_scenarios()) == 3

    asyncio.run(main())


def test_reports_and_logs_filters(make_client: MakeClient, sandbox: SandboxThread) -> None:
    body = {
        "scenarioKey": SMS_SCENARIO_KEY,
        "bulkId": "filters",
        "destinations": [
            {"messageId": f"f-{i}", "to": {"phoneNumber": f"38591123456{i}"}} for i in range(5)
        ],
        "sms": {"text": "Hi", "validityPeriod": 1},
    }

    async def main() -> None:
        async with make_client() as client:
            since = sandbox.server.now_datetime()  # just before the send
            await client.send_advanced(body)
            await asyncio.sleep(0.05)  # 30 simulated minutes: all final
            picked = await client.logs(message_id=["f-1", "f-3"], bulk_id="filters")
            assert sorted(e.message_id for e in picked) == ["f-1", "f-3"]
            delivered = await client.logs(bulk_id=["filters"], general_status=StatusGroup.DELIVERED)
            assert sorted(e.message_id for e in delivered) == ["f-0", "f-1", "f-2", "f-3", "f-4"]
            assert await client.logs(bulk_id="filters", channel="VIBER") == []
            assert len(await client.logs(bulk_id="filters", sent_since=since, limit=2)) == 2
            assert await client.logs(bulk_id="filters", sent_until=since) == []

            one = await client.reports(message_id="f-2")
            assert [r.message_id for r in one] == ["f-2"]
            first = await client.reports(bulk_id="filters", limit=3, channel="SMS")
            rest = await client.reports(bulk_id="filters")
            assert len(first) == 3
            assert len(rest) == 1
            assert {r.message_id for r in [*one, *first, *rest]} == {f"f-{i}" for i in range(5)}

    asyncio.run(main())


def test_an_injected_http_client_is_used_and_left_open(sandbox: SandboxThread) -> None:
    seen: list[httpx.Request] = []

    async def record(request: httpx.Request) -> None:
        seen.append(request)

    async def main() -> None:
        async with httpx.AsyncClient(event_hooks={"request": [record]}) as http:
            async with OmniClient(sandbox.url, Auth.app(sandbox.api_key), http=http) as client:
                await client.list_scenarios(is_default=False, limit=5, page=0)
                await client.logs(bulk_id=["a", "b"], message_id="c", sent_since=SINCE)
            assert not http.is_closed  # the owner closes it, not the OmniClient
            with pytest.raises(ValueError, match="time zone"):
                await OmniClient(sandbox.url, Auth.app("k"), http=http).logs(
                    sent_until=datetime(2026, 1, 1)
                )

    asyncio.run(main())
    first, second = seen
    assert first.headers["User-Agent"] == f"omni-desktop/{__version__}"
    assert first.headers["Authorization"] == f"App {sandbox.api_key}"
    assert first.headers["Accept"] == "application/json"
    assert first.url.query == b"isDefault=false&limit=5&page=0"
    assert second.url.params.multi_items() == [
        ("bulkId", "a"),
        ("bulkId", "b"),
        ("messageId", "c"),
        ("sentSince", "2026-03-01T12:30:00.250+01:00"),
    ]


SINCE = datetime(2026, 3, 1, 12, 30, 0, 250_000, tzinfo=timezone(timedelta(hours=1)))
