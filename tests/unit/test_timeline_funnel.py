"""The failover timeline at clock times (sendAt, validities, DST) and the delivery funnel."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from omni_desktop.core.funnel import FunnelRow, funnel, money_text
from omni_desktop.core.message import OmniMessage, TimeUnit
from omni_desktop.core.scenario import Scenario, Step, timed_timeline
from omni_desktop.core.status import StatusGroup

ZURICH = ZoneInfo("Europe/Zurich")
FLOW = Scenario(
    "k", "Viber, SMS, e-mail", (Step("VIBER", "Shop"), Step("SMS", "Info"), Step("EMAIL", "a@b.c"))
)


def message(**validity: tuple[int, TimeUnit]) -> OmniMessage:
    """Content in each channel named, with its validity period."""
    made = OmniMessage()
    for key, (period, unit) in validity.items():
        content = made.content(key)
        content.values["text"] = "Hello"
        content.validity_period, content.validity_unit = period, unit
    return made


def hm(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M %Z}"


def test_times_follow_send_at_and_each_validity() -> None:
    start = datetime(2026, 6, 1, 9, 0, tzinfo=ZURICH)
    sent = message(
        viber=(10, TimeUnit.MINUTES), sms=(2, TimeUnit.HOURS), email=(90, TimeUnit.SECONDS)
    )
    timeline = timed_timeline(FLOW, sent, start, ZURICH)
    assert [s.step.channel for s in timeline.steps] == ["VIBER", "SMS", "EMAIL"]
    assert [hm(s.starts) for s in timeline.steps] == [
        "2026-06-01 09:00 CEST",
        "2026-06-01 09:10 CEST",
        "2026-06-01 11:10 CEST",
    ]
    assert hm(timeline.gives_up) == "2026-06-01 11:11 CEST"
    assert timeline.text() == (
        "Viber 09:00 → SMS 09:10 if not delivered → Email 11:10 if not delivered → gives up 11:11"
    )


def test_a_dst_change_in_zurich_moves_the_wall_clock_not_the_duration() -> None:
    # 02:00 CET became 03:00 CEST on 2026-03-29: two hours after 01:30 is 04:30 local.
    start = datetime(2026, 3, 29, 1, 30, tzinfo=ZURICH)
    timeline = timed_timeline(
        FLOW, message(sms=(2, TimeUnit.HOURS), email=(1, TimeUnit.HOURS)), start, ZURICH
    )
    assert [s.step.channel for s in timeline.steps] == ["SMS", "EMAIL"]  # no Viber content
    assert hm(timeline.steps[0].starts) == "2026-03-29 01:30 CET"
    assert hm(timeline.steps[1].starts) == "2026-03-29 04:30 CEST"
    assert hm(timeline.gives_up) == "2026-03-29 05:30 CEST"
    # Two real hours (same-zone subtraction in Python is wall-clock: compare in UTC).
    elapsed = timeline.steps[1].starts.astimezone(UTC) - timeline.steps[0].starts.astimezone(UTC)
    assert elapsed.total_seconds() == 2 * 3600
    # And back in autumn: 01:30 CEST + 2 h is 02:30 CET (03:00 CEST became 02:00 CET).
    autumn = timed_timeline(
        FLOW, message(sms=(2, TimeUnit.HOURS)), datetime(2026, 10, 25, 1, 30, tzinfo=ZURICH), ZURICH
    )
    assert hm(autumn.gives_up) == "2026-10-25 02:30 CET"


def test_a_start_in_another_zone_is_shown_in_the_chosen_zone() -> None:
    start = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    timeline = timed_timeline(FLOW, message(viber=(48, TimeUnit.HOURS)), start, ZURICH)
    assert hm(timeline.steps[0].starts) == "2026-06-01 09:00 CEST"
    assert timeline.text() == "Viber 09:00 → gives up Wed 03 Jun 09:00"  # another day: dated


def test_no_validity_means_the_platform_default_and_a_naive_start_is_refused() -> None:
    start = datetime(2026, 6, 1, 9, 0, tzinfo=ZURICH)
    sent = message(sms=(1, TimeUnit.MINUTES))
    sent.content("sms").validity_period = None
    assert hm(timed_timeline(FLOW, sent, start, ZURICH).gives_up) == "2026-06-03 09:00 CEST"
    with pytest.raises(ValueError, match="time zone"):
        timed_timeline(FLOW, sent, datetime(2026, 6, 1, 9, 0), ZURICH)
    assert timed_timeline(FLOW, OmniMessage(), start, ZURICH).steps == ()


def test_funnel_counts_each_step_in_flow_order() -> None:
    rows = [
        FunnelRow("VIBER", StatusGroup.DELIVERED, 0.0045, "EUR"),
        FunnelRow("SMS", StatusGroup.DELIVERED, 0.0075, "EUR"),
        FunnelRow("sms", StatusGroup.DELIVERED, 0.0075, "EUR"),
        FunnelRow("EMAIL", StatusGroup.DELIVERED, 0.0009, "EUR"),
        FunnelRow("EMAIL", StatusGroup.EXPIRED, None, ""),
        FunnelRow("", StatusGroup.PENDING),
        FunnelRow("SMS", StatusGroup.PENDING, float("nan"), "EUR"),  # a hostile price: skipped
        FunnelRow("VOICE", StatusGroup.DELIVERED, 0.01, "CHF"),  # not in the flow: after it
    ]
    result = funnel(["VIBER", "SMS", "EMAIL"], rows)
    table = [
        (s.channel, s.reached, s.delivered, s.fell_through, s.failed, s.pending)
        for s in result.steps
    ]
    assert table == [
        ("VIBER", 8, 1, 6, 0, 1),
        ("SMS", 6, 2, 3, 0, 1),
        ("EMAIL", 3, 1, 1, 1, 0),
        ("VOICE", 1, 1, 0, 0, 0),
    ]
    assert (result.total, result.delivered, result.failed, result.pending) == (8, 5, 1, 2)
    assert result.price_by_currency == {"EUR": Decimal("0.0204"), "CHF": Decimal("0.01")}
    assert result.price_by_channel[("SMS", "EUR")] == Decimal("0.015")
    assert money_text(result.price_by_currency["EUR"]) == "0.0204"
    assert result.later_channels(0) == {"SMS", "EMAIL", "VOICE"}
