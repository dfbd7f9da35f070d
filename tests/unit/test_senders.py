"""Sender checks per channel, the flow check, and reading scenarios whatever the key's type."""

from __future__ import annotations

from typing import Any

import pytest

from omni_desktop.core.scenario import (
    Scenario,
    ScenarioError,
    Step,
    scenario_from_body,
    scenario_problems,
)
from omni_desktop.core.senders import OMNI_CHANNELS, sender_hint, sender_problem


@pytest.mark.parametrize(
    ("channel", "sender"),
    [
        ("SMS", "InfoSMS"),
        ("SMS", "Shop 24"),
        ("SMS", "ABCDEFGHIJK"),  # 11
        ("SMS", "41793026727"),
        ("SMS", "+385911234567"),
        ("SMS", "1234567890123"),  # digits: a number, not an 11-character name
        ("EMAIL", "shop@example.com"),
        ("VOICE", "41441234567"),
        ("VIBER", "OmniShop"),
        ("VIBER", "3045"),
        ("PUSH", "233623e3c860b49ec69a464834343481-8bj4el4a-256d-23fd-56ad-b5bc3d568b53"),
        ("WHATSAPP", "WhatsAppSender"),
        ("SMS", ""),  # the API requires only the channel
    ],
)
def test_valid_senders_pass(channel: str, sender: str) -> None:
    assert sender_problem(channel, sender) is None


@pytest.mark.parametrize(
    ("channel", "sender", "words"),
    [
        ("SMS", "Informational", "at most 11 characters; 'Informational' has 13"),
        ("SMS", "Shop<b>", "letters A-Z, digits and single spaces"),
        ("SMS", "Café", "letters A-Z"),
        ("SMS", "12", "3 to 15 digits, not 2"),
        ("SMS", "1234567890123456", "3 to 15 digits, not 16"),
        ("SMS", " Shop", "starts or ends with a space"),
        ("EMAIL", "shop.example.com", "must be an e-mail address"),
        ("VOICE", "Shop", "not a phone number"),
        ("VIBER", "Omni\nShop", "one line"),
        ("VIBER", "x" * 1001, "longer than 1000"),
    ],
)
def test_invalid_senders_say_why_in_one_sentence(channel: str, sender: str, words: str) -> None:
    problem = sender_problem(channel, sender)
    assert problem is not None and words in problem
    assert problem.endswith(".")


def test_every_channel_has_a_hint() -> None:
    assert all(sender_hint(channel) for channel in OMNI_CHANNELS)
    assert "11" in sender_hint("SMS")


def test_a_flow_lists_each_problem_with_its_place() -> None:
    scenario = Scenario(
        "",
        " ",
        (
            Step("SMS", "Informational"),
            Step("VIBER", "Shop"),
            Step("SMS", "InfoSMS"),
            Step("FAX", "x"),
        ),
    )
    problems = scenario_problems(scenario)
    assert [(p.path, p.step) for p in problems] == [
        ("name", None),
        ("flow[0].from", 0),
        ("flow[2].channel", 2),
        ("flow[3].channel", 3),
    ]
    assert problems[2].sentence.startswith("Step 3 uses SMS again (step 1 has it)")
    assert (
        scenario_problems(Scenario("", "Fine", (Step("VIBER", "Shop"), Step("SMS", "Shop")))) == []
    )
    assert [p.path for p in scenario_problems(Scenario("", "Empty"))] == ["flow"]


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("AD9E01A5DC7BEE2C2B828D208182A611", "AD9E01A5DC7BEE2C2B828D208182A611"),
        (1234567890123, "1234567890123"),
        (42.0, "42"),
        (True, ""),
        (None, ""),
        ({"x": 1}, ""),
    ],
)
def test_keys_are_read_as_strings(raw: Any, key: str) -> None:
    assert Scenario.from_json({"key": raw, "name": "x", "flow": []}).key == key


@pytest.mark.parametrize(
    ("fields", "default"),
    [
        ({"default": True}, True),
        ({"defaultScenario": True}, True),
        ({"default": False, "defaultScenario": True}, False),
        ({"default": None, "defaultScenario": True}, True),
        ({"default": "false"}, False),
        ({"default": "true"}, True),
        ({"default": 1}, False),
        ({}, False),
    ],
)
def test_the_default_flag_is_read_under_both_names(fields: dict[str, Any], default: bool) -> None:
    assert Scenario.from_json({"key": "K", "name": "x", "flow": [], **fields}).default is default


def test_a_body_is_read_strictly() -> None:
    body = {
        "name": "Old SDK",
        "flow": [{"channel": "SMS", "from": "Shop"}],
        "defaultScenario": True,
    }
    assert scenario_from_body(body, "K") == Scenario("K", "Old SDK", (Step("SMS", "Shop"),), True)
    with pytest.raises(ScenarioError) as refused:
        scenario_from_body({"name": 5, "flow": [{"channel": "SMS", "from": 7}], "default": "yes"})
    assert [p.path for p in refused.value.problems] == ["name", "default", "flow[0].from"]
    with pytest.raises(ScenarioError, match="not a JSON object"):
        scenario_from_body([])
