"""The failover simulation end to end: deterministic outcomes, one-time reports, lasting logs."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from omni_desktop.core.message import format_send_at
from omni_desktop.core.report import Report

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread

MakeClient = Callable[..., OmniClient]
LONG_SMS = "Your parcel is on its way. " * 8  # 216 GSM-7 characters: two parts

FAILOVER_BODY: dict[str, Any] = {
    "bulkId": "failover-1",
    "destinations": [
        {"messageId": "ends-1", "to": {"phoneNumber": "385911234561"}},
        {"messageId": "ends-0", "to": {"phoneNumber": "385911234560"}},
        {"messageId": "ends-7", "to": {"phoneNumber": "385911234567"}},
        {"messageId": "ends-8", "to": {"phoneNumber": "385911234568", "emailAddress": "a@b.hr"}},
        {"messageId": "ends-9", "to": {"phoneNumber": "385911234569", "emailAddress": "c@d.hr"}},
        {"messageId": "bounce", "to": {"emailAddress": "bounce@example.com"}},
    ],
    "viber": {"text": "Shipped!", "validityPeriod": 1, "validityPeriodTimeUnit": "MINUTES"},
    "sms": {"text": LONG_SMS, "validityPeriod": 90, "validityPeriodTimeUnit": "SECONDS"},
    "email": {
        "subject": "Shipped",
        "text": "Shipped!",
        "validityPeriod": 2,
        "validityPeriodTimeUnit": "HOURS",
    },
}

# messageId: channel, status, error, seconds from sentAt to doneAt, messageCount, to
EXPECTED = {
    "ends-1": ("VIBER", "DELIVERED_TO_HANDSET", "NO_ERROR", 5, 1, "385911234561"),
    "ends-0": ("SMS", "DELIVERED_TO_HANDSET", "NO_ERROR", 5, 2, "385911234560"),
    "ends-7": ("SMS", "DELIVERED_TO_HANDSET", "NO_ERROR", 65, 2, "385911234567"),
    "ends-8": ("EMAIL", "DELIVERED_TO_HANDSET", "NO_ERROR", 155, 1, "a@b.hr"),
    "ends-9": ("EMAIL", "EXPIRED_EXPIRED", "EC_ABSENT_SUBSCRIBER_SM", 7350, 1, "c@d.hr"),
    "bounce": (
        "EMAIL",
        "UNDELIVERABLE_NOT_DELIVERED",
        "EC_UNKNOWN_SUBSCRIBER",
        0,
        1,
        "bounce@example.com",
    ),
}
PRICES = {"VIBER": 0.0045, "SMS": 0.0075, "EMAIL": 0.0009}


async def collect_reports(client: OmniClient, bulk_id: str, count: int) -> list[Report]:
    """Poll until `count` reports came, for at most five seconds."""
    found: list[Report] = []
    give_up = time.monotonic() + 5.0
    while len(found) < count and time.monotonic() < give_up:
        found.extend(await client.reports(bulk_id=bulk_id))
        await asyncio.sleep(0.02)
    return found


def test_failover_outcomes_reports_once_and_logs_stay(
    slow_sandbox: SandboxThread, manual_clock: Any
) -> None:
    """At a time scale of 1, on a clock moved by hand: each step takes its real time."""

    async def main() -> None:
        async with OmniClient(slow_sandbox.url, Auth.app(slow_sandbox.api_key)) as client:
            answer = await client.send_advanced(FAILOVER_BODY)
            assert answer.bulk_id == "failover-1"
            manual_clock.advance(3 * 3600)
            reports = await collect_reports(client, "failover-1", len(EXPECTED))
            assert await client.reports(bulk_id="failover-1") == []  # one-time

            by_id = {r.message_id: r for r in reports}
            assert sorted(by_id) == sorted(EXPECTED)
            for message_id, (channel, status, error, took, count, to) in EXPECTED.items():
                report = by_id[message_id]
                assert report.channel == channel, message_id
                assert report.status.name == status, message_id
                assert report.status.is_final
                assert report.error is not None
                assert report.error.name == error, message_id
                assert report.sent_at is not None
                assert report.done_at is not None
                assert report.done_at - report.sent_at == timedelta(seconds=took), message_id
                assert report.message_count == count, message_id
                assert report.to == to
                assert report.bulk_id == "failover-1"
                assert report.price is not None
                assert report.price.currency == "EUR"
                assert report.price.price_per_message == PRICES[channel]

            for _ in range(2):  # logs stay after reading
                logs = {e.message_id: e for e in await client.logs(bulk_id="failover-1")}
                assert {k: (e.channel, e.status.name) for k, e in logs.items()} == {
                    k: v[:2] for k, v in EXPECTED.items()
                }
            assert logs["ends-7"].sender == "InfoSMS"
            assert logs["ends-7"].text == LONG_SMS
            assert logs["ends-8"].sender == "shop@example.com"

    asyncio.run(main())


def test_a_time_scale_shortens_failover_but_times_stay_real(manual_clock: Any) -> None:
    """At 60x, the same failover takes a sixtieth of the time; sentAt and doneAt are real
    times (never ahead of the clock), and a sendAt an hour from now is still accepted after
    the sandbox has run for a while (its clock does not run ahead of the operator's)."""
    with SandboxThread(api_key="scaled-key", time_scale=60.0, clock=manual_clock) as sandbox:
        server = sandbox.server

        async def main() -> None:
            async with OmniClient(sandbox.url, Auth.app(sandbox.api_key)) as client:
                sent = server.now_datetime()
                await client.send_advanced(FAILOVER_BODY)
                manual_clock.advance(7350 / 60 + 1)
                reports = await collect_reports(client, "failover-1", len(EXPECTED))
                assert len(reports) == len(EXPECTED)
                for report in reports:
                    took = EXPECTED[report.message_id][3]
                    assert report.sent_at is not None and report.done_at is not None
                    assert abs(report.sent_at - sent) < timedelta(milliseconds=2)
                    assert report.done_at <= server.now_datetime(), "never in the future"
                    elapsed = (report.done_at - report.sent_at).total_seconds()
                    assert abs(elapsed - took / 60) < 0.002, report.message_id

                manual_clock.advance(120)  # two minutes on: the sandbox's clock is still ours
                start = datetime.now(UTC) + timedelta(hours=1)
                answer = await client.send_advanced(
                    {
                        "scenarioKey": SMS_SCENARIO_KEY,
                        "destinations": [{"messageId": "later", "to": {"phoneNumber": "41791"}}],
                        "sms": {"text": "Hi"},
                        "sendAt": format_send_at(start),
                    }
                )
                assert answer.messages[0].status.group_name == "PENDING"
                manual_clock.advance(3600)
                (report,) = await client.reports(message_id="later")
                assert report.sent_at is not None
                assert abs(report.sent_at - start) < timedelta(milliseconds=2)

        asyncio.run(main())


def test_send_at_and_in_flight_states(slow_sandbox: SandboxThread, manual_clock: Any) -> None:
    """With the clock moved by hand, every intermediate state can be seen."""
    server = slow_sandbox.server
    start = server.now_datetime() + timedelta(hours=1)
    body = {
        "destinations": [{"messageId": "slow-7", "to": {"phoneNumber": "385911234567"}}],
        "viber": {"text": "Hi", "validityPeriod": 1},
        "sms": {"text": "Hi"},
        "sendAt": format_send_at(start),
    }

    async def state(client: OmniClient) -> tuple[str | None, str]:
        (entry,) = await client.logs(message_id="slow-7")
        return entry.channel, entry.status.name

    async def main() -> None:
        async with OmniClient(slow_sandbox.url, Auth.app(slow_sandbox.api_key)) as client:
            answer = await client.send_advanced(body)
            assert answer.bulk_id is None  # one destination, none given
            assert await state(client) == ("VIBER", "PENDING_ENROUTE")  # waiting for sendAt
            manual_clock.advance(3600 + 30)
            assert await state(client) == ("VIBER", "PENDING_ENROUTE")  # Viber not read yet
            manual_clock.advance(31)
            assert await state(client) == ("SMS", "PENDING_ENROUTE")  # failed over
            assert await client.reports() == []
            manual_clock.advance(4)
            assert await state(client) == ("SMS", "DELIVERED_TO_HANDSET")
            (report,) = await client.reports()
            assert report.sent_at == start.replace(microsecond=start.microsecond // 1000 * 1000)
            assert report.done_at is not None
            assert report.done_at - report.sent_at == timedelta(seconds=65)

    asyncio.run(main())


def test_no_reachable_step_is_not_sent(make_client: MakeClient) -> None:
    body = {
        "scenarioKey": SMS_SCENARIO_KEY,
        "destinations": [{"messageId": "mail-only", "to": {"emailAddress": "x@y.hr"}}],
        "sms": {"text": "Hi"},
    }

    async def main() -> None:
        async with make_client() as client:
            await client.send_advanced(body)
            (report,) = await client.reports(message_id="mail-only")  # final at once
            assert report.status.name == "UNDELIVERABLE_NOT_SENT"
            assert report.error is not None
            assert report.error.name == "EC_INVALID_DESTINATION_ADDRESS"
            assert report.price is None

    asyncio.run(main())


def test_validity_defaults_to_48_hours_and_is_capped(
    slow_sandbox: SandboxThread, manual_clock: Any
) -> None:
    body = {
        "destinations": [
            {"messageId": "default-7", "to": {"phoneNumber": "385911234567"}},
            {
                "messageId": "capped-8",
                "to": {"phoneNumber": "385911234568", "emailAddress": "e@x.hr"},
            },
        ],
        "viber": {"text": "Hi"},
        "sms": {"text": "Hi", "validityPeriod": 3, "validityPeriodTimeUnit": "DAYS"},
        "email": {"text": "Hi", "subject": "Hi"},
    }

    async def main() -> None:
        async with OmniClient(slow_sandbox.url, Auth.app(slow_sandbox.api_key)) as client:
            await client.send_advanced(body)
            manual_clock.advance(5 * 24 * 3600)
            reports = {r.message_id: r for r in await client.reports()}
        took = {k: r.done_at - r.sent_at for k, r in reports.items() if r.done_at and r.sent_at}
        # Viber waits 48 h by default, then SMS delivers after 5 s.
        assert took["default-7"] == timedelta(hours=48, seconds=5)
        # Viber 48 h, SMS 3 days capped to 48 h, then e-mail delivers after 5 s.
        assert took["capped-8"] == timedelta(hours=96, seconds=5)

    asyncio.run(main())
