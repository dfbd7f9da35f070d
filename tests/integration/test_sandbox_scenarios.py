"""The sandbox's scenario endpoints over real HTTP: paging, the default flag, the validation
envelope, 404, throttling with Retry-After, and a created scenario carrying a send."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from omni_desktop.sandbox import DEFAULT_SCENARIO_KEY, SMS_SCENARIO_KEY, SandboxThread

PATH = "/omni/1/scenarios"


def body(name: str, *steps: tuple[str, str], default: bool = False) -> dict[str, Any]:
    return {
        "name": name,
        "flow": [{"channel": c, "from": s} for c, s in steps],
        "default": default,
    }


def service_exception(response: httpx.Response) -> dict[str, Any]:
    found: dict[str, Any] = response.json()["requestError"]["serviceException"]
    return found


@pytest.fixture
def http(sandbox: SandboxThread) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"App {sandbox.api_key}"}
    with httpx.Client(base_url=sandbox.url, headers=headers, timeout=10) as client:
        yield client


def test_create_answers_201_with_a_hex_key_and_get_put_read_it_back(http: httpx.Client) -> None:
    created = http.post(PATH, json=body("Viber, SMS", ("VIBER", "Shop"), ("SMS", "InfoSMS")))
    assert created.status_code == 201
    key = created.json()["key"]
    assert re.fullmatch(r"[0-9A-F]{32}", key)
    assert http.get(f"{PATH}/{key}").json()["name"] == "Viber, SMS"
    changed = http.put(f"{PATH}/{key}", json=body("SMS only now", ("SMS", "InfoSMS")))
    assert changed.status_code == 200
    assert http.get(f"{PATH}/{key}").json()["flow"] == [{"from": "InfoSMS", "channel": "SMS"}]


def test_list_pages_through_limit_and_page(http: httpx.Client) -> None:
    for n in range(5):
        http.post(PATH, json=body(f"S{n}", ("SMS", "InfoSMS"))).raise_for_status()
    names = []
    for page in range(4):
        got = http.get(PATH, params={"limit": 2, "page": page}).json()["scenarios"]
        assert len(got) == (2 if page < 3 else 1)
        names += [s["name"] for s in got]
    assert names == ["Viber, then SMS, then e-mail", "SMS only", "S0", "S1", "S2", "S3", "S4"]
    assert http.get(PATH, params={"limit": 2, "page": 9}).json()["scenarios"] == []
    assert http.get(PATH, params={"page": -1}).status_code == 400


def test_one_default_at_a_time_and_the_2018_spelling_is_read(http: httpx.Client) -> None:
    made = http.post(
        PATH,
        json={
            "name": "Old SDK",
            "flow": [{"channel": "SMS", "from": "Shop"}],
            "defaultScenario": True,
        },
    )
    assert made.status_code == 201
    assert made.json()["default"] is True
    defaults = http.get(PATH, params={"isDefault": "true"}).json()["scenarios"]
    assert [s["key"] for s in defaults] == [made.json()["key"]]
    assert http.get(f"{PATH}/{DEFAULT_SCENARIO_KEY}").json()["default"] is False
    # Making the seeded one the default again clears the new one.
    seeded = http.get(f"{PATH}/{DEFAULT_SCENARIO_KEY}").json()
    del seeded["key"]
    http.put(f"{PATH}/{DEFAULT_SCENARIO_KEY}", json=dict(seeded, default=True)).raise_for_status()
    defaults = http.get(PATH, params={"isDefault": "true"}).json()["scenarios"]
    assert [s["key"] for s in defaults] == [DEFAULT_SCENARIO_KEY]


@pytest.mark.parametrize(
    ("steps", "field", "words"),
    [
        ((("FAX", "x"),), "flow[0].channel", "'FAX'"),
        ((("SMS", "Shop"), ("SMS", "Other")), "flow[1].channel", "only once"),
        ((("SMS", "Informational"),), "flow[0].from", "at most 11"),
        ((("SMS", "Shop<b>!"),), "flow[0].from", "letters A-Z"),
        ((("EMAIL", "not-an-address"),), "flow[0].from", "e-mail address"),
        ((("VOICE", "Shop"),), "flow[0].from", "phone number"),
    ],
)
def test_an_invalid_flow_gets_the_error_envelope_and_nothing_is_made(
    http: httpx.Client, steps: tuple[tuple[str, str], ...], field: str, words: str
) -> None:
    refused = http.post(PATH, json=body("Bad", *steps))
    assert refused.status_code == 400
    service = service_exception(refused)
    assert service["messageId"] == "BAD_REQUEST"
    assert words in service["text"]
    assert words in " ".join(service["validationErrors"][field])
    assert len(http.get(PATH).json()["scenarios"]) == 2


def test_an_invalid_update_changes_nothing(http: httpx.Client) -> None:
    before = http.get(f"{PATH}/{SMS_SCENARIO_KEY}").json()
    refused = http.put(f"{PATH}/{SMS_SCENARIO_KEY}", json=body("", ("SMS", "+12")))
    assert refused.status_code == 400
    text = service_exception(refused)["text"]
    assert "needs a name" in text and "3 to 15 digits" in text
    assert http.get(f"{PATH}/{SMS_SCENARIO_KEY}").json() == before


def test_unknown_keys_get_404_in_the_envelope(http: httpx.Client) -> None:
    for response in (
        http.get(f"{PATH}/{'0' * 32}"),
        http.put(f"{PATH}/{'0' * 32}", json=body("x", ("SMS", "Shop"))),
    ):
        assert response.status_code == 404
        assert service_exception(response)["messageId"] == "NOT_FOUND"


def test_hostile_bodies_are_refused_plainly(http: httpx.Client) -> None:
    deep: Any = []
    for _ in range(200):
        deep = [deep]
    cases: list[Any] = [
        deep,
        "text",
        {"name": "x", "flow": "SMS"},
        {"name": 5, "flow": []},
        {"name": "x", "flow": [{"channel": "SMS", "from": 7}]},
        {"name": "x", "flow": [{"channel": "SMS"}], "default": "yes"},
    ]
    for case in cases:
        refused = http.post(PATH, json=case)
        assert refused.status_code == 400, case
        assert service_exception(refused)["text"]
    assert len(http.get(PATH).json()["scenarios"]) == 2


def test_creates_and_updates_are_throttled_with_retry_after(
    slow_sandbox: SandboxThread, manual_clock: Any
) -> None:
    slow_sandbox.limits.creates = 2
    slow_sandbox.limits.updates = 3
    headers = {"Authorization": f"App {slow_sandbox.api_key}"}
    with httpx.Client(base_url=slow_sandbox.url, headers=headers, timeout=10) as http:
        assert http.post(PATH, json=body("A", ("SMS", "Shop"))).status_code == 201
        manual_clock.advance(60)
        assert http.post(PATH, json=body("B", ("SMS", "Shop"))).status_code == 201
        throttled = http.post(PATH, json=body("C", ("SMS", "Shop")))
        assert throttled.status_code == 429
        assert service_exception(throttled)["messageId"] == "TOO_MANY_REQUESTS"
        # The oldest of the two leaves the ten-minute window 540 s from now.
        assert throttled.headers["Retry-After"] == "540"
        assert len(http.get(PATH).json()["scenarios"]) == 4
        # Updates have their own count.
        seeded = body("SMS only", ("SMS", "InfoSMS"))
        codes = [http.put(f"{PATH}/{SMS_SCENARIO_KEY}", json=seeded).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        manual_clock.advance(541)
        assert http.post(PATH, json=body("C", ("SMS", "Shop"))).status_code == 201


def test_the_default_limits_are_the_apis(sandbox: SandboxThread) -> None:
    assert (sandbox.limits.creates, sandbox.limits.updates, sandbox.limits.window) == (
        20,
        40,
        600.0,
    )


def test_a_created_scenario_carries_a_send(http: httpx.Client) -> None:
    made = http.post(
        PATH,
        json=body("Voice, then e-mail", ("VOICE", "41441234567"), ("EMAIL", "shop@example.com")),
    )
    key = made.json()["key"]
    sent = http.post(
        "/omni/1/advanced",
        json={
            "scenarioKey": key,
            "bulkId": "made-here",
            "destinations": [
                {
                    "messageId": "phone-off",
                    "to": {"phoneNumber": "41791234568", "emailAddress": "ana@example.com"},
                },
            ],
            "voice": {"text": "Hello", "validityPeriod": 1, "validityPeriodTimeUnit": "HOURS"},
            "email": {"subject": "Hi", "text": "Hello"},
        },
    )
    assert sent.status_code == 200
    reports: list[dict[str, Any]] = []
    give_up = time.monotonic() + 5
    while not reports and time.monotonic() < give_up:
        reports = http.get("/omni/1/reports", params={"bulkId": "made-here"}).json()["results"]
        time.sleep(0.02)
    # The phone is off (ends in 8): the voice step expires and the flow's e-mail step delivers.
    assert [(r["channel"], r["status"]["name"]) for r in reports] == [
        ("EMAIL", "DELIVERED_TO_HANDSET")
    ]
