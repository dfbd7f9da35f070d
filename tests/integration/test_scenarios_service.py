"""The scenario service against the sandbox: paging, checks before sending, the lost answer
that must never make a second scenario, and throttling in one sentence."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from stand_ins import fixed_json_server

from omni_desktop.core.scenario import Scenario, Step

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SandboxThread

from omni_desktop.services.scenarios import SaveState, list_all, save, throttled_sentence

MakeClient = Callable[..., OmniClient]
VIBER_SMS = Scenario("", "Viber, then SMS", (Step("VIBER", "Shop"), Step("SMS", "InfoSMS")))


def named(scenarios: list[Scenario], name: str) -> list[Scenario]:
    return [s for s in scenarios if s.name == name]


def test_list_all_pages_until_a_short_page(make_client: MakeClient) -> None:
    async def main() -> list[Scenario]:
        async with make_client() as client:
            for n in range(5):
                await client.create_scenario(Scenario("", f"S{n}", (Step("SMS", "InfoSMS"),)))
            return await list_all(client, page_size=2)

    found = asyncio.run(main())
    assert [s.name for s in found][2:] == ["S0", "S1", "S2", "S3", "S4"]
    assert len({s.key for s in found}) == 7


@pytest.fixture
def same_page_url() -> Iterator[str]:
    """A server that ignores `page`: every request gets the same full page of two."""
    page = [{"key": k, "name": k, "flow": [{"channel": "SMS"}]} for k in ("A1", "B2")]
    with fixed_json_server(200, {"scenarios": page}) as url:
        yield url


def test_a_server_that_repeats_its_page_ends_the_list(same_page_url: str) -> None:
    async def main() -> list[Scenario]:
        async with OmniClient(same_page_url, Auth.app("k"), deadline=5) as client:
            return await list_all(client, page_size=2)

    assert [s.key for s in asyncio.run(main())] == ["A1", "B2"]


def test_an_invalid_scenario_is_refused_before_anything_is_sent(
    make_client: MakeClient, sandbox: SandboxThread
) -> None:
    bad = Scenario("", "Bad", (Step("SMS", "Informational"), Step("EMAIL", "nobody")))
    sandbox.faults.update({"fail_next": 1})  # used up by the first request that arrives

    async def main() -> Any:
        async with make_client() as client:
            return await save(client, bad)

    outcome = asyncio.run(main())
    assert outcome.state is SaveState.INVALID
    assert outcome.sentence == "The scenario has 2 problems; nothing was sent."
    assert [p.path for p in outcome.problems] == ["flow[0].from", "flow[1].from"]
    assert sandbox.faults.fail_next == 1  # no request reached the server


def test_a_lost_answer_on_create_reloads_and_reports_the_one_scenario(
    make_client: MakeClient, sandbox: SandboxThread
) -> None:
    async def main() -> tuple[Any, list[Scenario]]:
        async with make_client() as client:
            known = [s.key for s in await list_all(client)]
            sandbox.faults.update({"drop_next": 1})  # processed, then the answer is lost
            outcome = await save(client, VIBER_SMS, known)
            return outcome, await list_all(client)

    outcome, after = asyncio.run(main())
    assert outcome.state is SaveState.SAVED
    assert outcome.recovered
    made = named(after, VIBER_SMS.name)
    assert len(made) == 1  # exactly one: the service did not post again
    assert outcome.scenario is not None and outcome.scenario.key == made[0].key
    assert made[0].key in outcome.sentence
    assert "answer was lost" in outcome.sentence


def test_an_equal_scenario_from_before_is_not_taken_for_the_new_one(
    make_client: MakeClient, sandbox: SandboxThread
) -> None:
    async def main() -> Any:
        async with make_client() as client:
            await client.create_scenario(VIBER_SMS)
            known = [s.key for s in await list_all(client)]
            sandbox.faults.update({"fail_next": 1})  # a 500: not acted on, outcome unknown
            return await save(client, VIBER_SMS, known)

    outcome = asyncio.run(main())
    assert outcome.state is SaveState.NOT_SAVED
    assert outcome.safe_to_retry
    assert "safe to save it again" in outcome.sentence


def test_when_the_list_fails_too_the_outcome_stays_unknown_and_nothing_is_retried(
    make_client: MakeClient, sandbox: SandboxThread
) -> None:
    async def main() -> tuple[Any, list[Scenario]]:
        async with make_client() as client:
            sandbox.faults.update({"drop_next": 2})  # the POST's answer, then the list's
            outcome = await save(client, VIBER_SMS)
            return outcome, await list_all(client)

    outcome, after = asyncio.run(main())
    assert outcome.state is SaveState.UNKNOWN
    assert not outcome.safe_to_retry
    assert "reload them before saving again" in outcome.sentence
    assert len(named(after, VIBER_SMS.name)) == 1


def test_a_lost_answer_on_update_is_settled_by_reading_it_back(
    make_client: MakeClient, sandbox: SandboxThread
) -> None:
    async def main() -> Any:
        async with make_client() as client:
            made = await client.create_scenario(VIBER_SMS)
            changed = Scenario(made.key, "SMS only", (Step("SMS", "InfoSMS"),), default=True)
            sandbox.faults.update({"drop_next": 1})
            return await save(client, changed)

    outcome = asyncio.run(main())
    assert outcome.state is SaveState.SAVED and outcome.recovered
    assert outcome.scenario is not None and outcome.scenario.default


def test_throttling_is_one_sentence_with_the_wait(
    slow_sandbox: SandboxThread, manual_clock: Any
) -> None:
    slow_sandbox.limits.creates = 1

    async def main() -> Any:
        async with OmniClient(slow_sandbox.url, Auth.app(slow_sandbox.api_key)) as client:
            first = await save(client, VIBER_SMS)
            assert first.state is SaveState.SAVED
            manual_clock.advance(3 * 60)
            return await save(client, Scenario("", "Another", (Step("SMS", "InfoSMS"),)))

    outcome = asyncio.run(main())
    assert outcome.state is SaveState.THROTTLED
    assert outcome.sentence == (
        "The API allows 20 new scenarios per 10 minutes; try again in 7 minutes."
    )
    assert outcome.retry_after == 420


def test_throttled_sentences_for_updates_and_short_waits() -> None:
    assert throttled_sentence(False, 30) == (
        "The API allows 40 scenario changes per 10 minutes; try again in 30 seconds."
    )
    assert throttled_sentence(True, 61).endswith("try again in 2 minutes.")
    assert throttled_sentence(True, None).endswith("try again in a few minutes.")
