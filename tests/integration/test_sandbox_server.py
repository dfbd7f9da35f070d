"""The sandbox as an API, spoken to with a plain HTTP client: auth, checks, faults, life cycle."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from omni_desktop.core.message import format_send_at

from omni_desktop.sandbox import (
    SMS_SCENARIO_KEY,
    Faults,
    SandboxServer,
    SandboxThread,
    serve_forever,
)
from omni_desktop.sandbox.server import MAX_REQUEST_BYTES


@pytest.fixture
def http(sandbox: SandboxThread) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"App {sandbox.api_key}"}
    with httpx.Client(base_url=sandbox.url, headers=headers, timeout=10) as client:
        yield client


def sms(*phones: str, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "scenarioKey": SMS_SCENARIO_KEY,
        "destinations": [{"to": {"phoneNumber": p}} for p in phones],
        "sms": {"text": "Hi"},
    }
    body.update(extra)
    return body


def reason(response: httpx.Response) -> str:
    service = response.json()["requestError"]["serviceException"]
    return f"{service['messageId']}: {service['text']}"


@pytest.mark.parametrize("header", [None, "App wrong", "Basic c2FuZGJveDp3cm9uZw==", "Token x"])
def test_bad_credentials_get_the_401_envelope(sandbox: SandboxThread, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = httpx.get(sandbox.url + "/omni/1/scenarios", headers=headers)
    assert response.status_code == 401
    assert response.json() == {
        "requestError": {
            "serviceException": {"messageId": "UNAUTHORIZED", "text": "Invalid login details"}
        }
    }


FAR = format_send_at(SandboxServer().now_datetime() + timedelta(days=181))


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (b"{not json", "not valid JSON"),
        ({"sms": {"text": "Hi"}}, "no destinations"),
        ({**sms(), "destinations": []}, "no destinations"),
        ({**sms(), "destinations": [{"to": {}}]}, "Destination 1 has no address"),
        ({**sms(), "destinations": [{"messageId": "x"}]}, "Destination 1 has no address"),
        (sms("38591", "1234"), "Destination 2: the phone number '1234' is not 5 to 15 digits"),
        (sms("+385911234567"), "is not 5 to 15 digits"),
        (sms("3859112345678901"), "is not 5 to 15 digits"),
        (sms("385911234567", scenarioKey="NOPE"), "Scenario 'NOPE' does not exist"),
        (
            {**sms("385911234567"), "sms": {"text": "Hi", "validityPeriodTimeUnit": "WEEKS"}},
            "WEEKS",
        ),
        ({**sms("385911234567"), "sms": {"text": "Hi", "validityPeriod": "2"}}, "whole number"),
        ({**sms("385911234567"), "sms": {"text": "Hi", "validityPeriod": 1.5}}, "whole number"),
        (sms("385911234567", sendAt="tomorrow"), "sendAt 'tomorrow' is not a date-time"),
        (sms("385911234567", sendAt=FAR), "less than 180 days ahead"),
        ({**sms("385911234567"), "sms": {}, "viber": {"text": "Hi"}}, "no content for any"),
        ({**sms("385911234567"), "sms": {"validityPeriod": 5}}, "no content for any"),
    ],
)
def test_bad_sends_get_400_with_a_plain_reason(
    http: httpx.Client, sandbox: SandboxThread, body: Any, text: str
) -> None:
    if isinstance(body, bytes):
        response = http.post("/omni/1/advanced", content=body)
    else:
        response = http.post("/omni/1/advanced", json=body)
    assert response.status_code == 400
    assert reason(response).startswith("BAD_REQUEST: ")
    assert text in reason(response)
    assert len(sandbox.server.received_sends) == 1  # recorded even when refused


def test_bulk_id_and_message_ids(http: httpx.Client) -> None:
    alone = http.post("/omni/1/advanced", json=sms("385911234561")).json()
    assert "bulkId" not in alone
    (message,) = alone["messages"]
    assert len(message["messageId"]) == 36  # a UUID
    assert message["to"] == {"phoneNumber": "385911234561"}
    given = http.post("/omni/1/advanced", json=sms("385911234561", bulkId="mine")).json()
    assert given["bulkId"] == "mine"
    many = http.post("/omni/1/advanced", json=sms("385911234561", "385911234562")).json()
    assert len(many["bulkId"]) == 36


def test_a_used_message_id_is_rejected_and_not_simulated(http: httpx.Client) -> None:
    body = sms("385911234561", "385911234562")
    body["destinations"][0]["messageId"] = "dup"
    first = http.post("/omni/1/advanced", json=body).json()
    second = http.post("/omni/1/advanced", json=body).json()
    assert first["messages"][0]["status"]["name"] == "PENDING_ENROUTE"
    rejected = second["messages"][0]["status"]
    assert (rejected["groupId"], rejected["id"], rejected["name"]) == (
        5,
        23,
        "REJECTED_DUPLICATE_MESSAGE_ID",
    )
    assert second["messages"][1]["status"]["name"] == "PENDING_ENROUTE"
    logs = http.get("/omni/1/logs", params={"messageId": "dup"}).json()["results"]
    assert len(logs) == 1
    assert logs[0]["bulkId"] == first["bulkId"]


def test_scenario_endpoints(http: httpx.Client) -> None:
    flow = [{"channel": "SMS", "from": "Me"}]
    created = http.post("/omni/1/scenarios", json={"name": "Mine", "flow": flow})
    assert created.status_code == 201
    key = created.json()["key"]
    assert http.get(f"/omni/1/scenarios/{key}").json()["flow"] == flow
    assert (
        http.put("/omni/1/scenarios/" + "A" * 32, json={"name": "x", "flow": flow}).status_code
        == 404
    )
    refused = http.post("/omni/1/scenarios", json={"name": "x", "flow": [{"channel": "FAX"}]})
    assert refused.status_code == 400
    assert "FAX" in reason(refused)
    assert http.get("/omni/1/scenarios", params={"isDefault": "maybe"}).status_code == 400


def test_query_limits(http: httpx.Client) -> None:
    body = sms(*(f"3859100{i:05d}" for i in range(1200)), bulkId="big")
    http.post("/omni/1/advanced", json=body).raise_for_status()
    assert len(http.get("/omni/1/logs", params={"bulkId": "big"}).json()["results"]) == 50
    capped = http.get("/omni/1/logs", params={"bulkId": "big", "limit": 5000})
    assert len(capped.json()["results"]) == 1000
    assert http.get("/omni/1/reports", params={"limit": "many"}).status_code == 400
    assert http.get("/omni/1/logs", params={"generalStatus": "LOST"}).status_code == 400
    assert http.get("/omni/1/logs", params={"sentSince": "yesterday"}).status_code == 400


def test_ten_thousand_destinations_are_cheap(http: httpx.Client, sandbox: SandboxThread) -> None:
    body = sms(*(f"38591{i:07d}" for i in range(10_000)))
    started = time.monotonic()
    response = http.post("/omni/1/advanced", json=body)
    took = time.monotonic() - started
    assert response.status_code == 200
    assert len(response.json()["messages"]) == 10_000
    assert took < 2.0
    time.sleep(0.05)
    started = time.monotonic()
    reports = http.get("/omni/1/reports", params={"limit": 1000}).json()["results"]
    assert len(reports) == 1000
    assert time.monotonic() - started < 1.0


def test_fault_control_endpoint(sandbox: SandboxThread, http: httpx.Client) -> None:
    control = "/_sandbox/faults"
    changed = http.post(control, json={"latency": 0.25, "throttle_next": 1}).json()
    assert (changed["latency"], changed["throttle_next"]) == (0.25, 1)
    assert sandbox.faults.latency == 0.25
    started = time.monotonic()
    assert http.get("/omni/1/scenarios").status_code == 429
    assert time.monotonic() - started >= 0.25
    refused = http.post(control, json={"latency": -1})
    assert refused.status_code == 400
    assert "negative" in reason(refused)
    assert http.post(control, json={"warp": 1}).status_code == 400
    assert http.delete(control).json()["latency"] == 0.0
    assert http.get(control).json() == sandbox.faults.to_json()


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_fault_control_needs_the_key(sandbox: SandboxThread, method: str) -> None:
    sandbox.faults.update({"fail_next": 3})
    for header in ({}, {"Authorization": "App wrong"}):
        answer = httpx.request(
            method, sandbox.url + "/_sandbox/faults", json={"fail_next": 0}, headers=header
        )
        assert answer.status_code == 401
        assert reason(answer) == "UNAUTHORIZED: Invalid login details"
    assert sandbox.faults.fail_next == 3  # nobody without the key changed anything


@pytest.mark.parametrize(
    "body", [b"", b"latency=2", b"{not json", b"[" * 100_000 + b"]" * 100_000, b'"text"']
)
def test_fault_control_wants_a_json_object(
    http: httpx.Client, sandbox: SandboxThread, body: bytes
) -> None:
    answer = http.post("/_sandbox/faults", content=body)
    assert answer.status_code == 400
    assert reason(answer).startswith("BAD_REQUEST: ")
    assert "{" in reason(answer)  # it shows the shape it wants
    assert sandbox.faults.to_json() == Faults().to_json()


def test_deeply_nested_send_is_a_plain_400(http: httpx.Client) -> None:
    answer = http.post("/omni/1/advanced", content=b'{"a":' * 100_000 + b"1" + b"}" * 100_000)
    assert answer.status_code == 400
    assert reason(answer) == "BAD_REQUEST: The request body is not valid JSON."


def raw_exchange(url: str, head: bytes, body: bytes = b"", limit: float = 5.0) -> bytes:
    """Send `head` (and `body`) on a plain socket; what the server answers within `limit` s."""
    host, port = httpx.URL(url).host, httpx.URL(url).port
    assert port is not None
    with socket.create_connection((host, port), timeout=limit) as sock:
        sock.sendall(head + body)
        received = b""
        give_up = time.monotonic() + limit
        while b"\r\n\r\n" not in received and time.monotonic() < give_up:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        with contextlib.suppress(OSError):  # read the short body too, if it came already
            sock.settimeout(0.2)
            received += sock.recv(65536)
        return received


def test_the_key_is_checked_before_the_body_is_read(sandbox: SandboxThread) -> None:
    """A caller without the key declares a 1 GB body and sends none of it: refused at once."""
    head = (
        b"POST /omni/1/advanced HTTP/1.1\r\nHost: x\r\nAuthorization: App wrong\r\n"
        b"Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n"
    )
    started = time.monotonic()
    answer = raw_exchange(sandbox.url, head)
    assert answer.startswith(b"HTTP/1.1 401 ")
    assert b'"UNAUTHORIZED"' in answer
    assert time.monotonic() - started < 2.0
    assert sandbox.server.received_sends == []


def test_a_declared_body_over_the_cap_is_refused_with_the_envelope(sandbox: SandboxThread) -> None:
    head = (
        f"POST /omni/1/advanced HTTP/1.1\r\nHost: x\r\nAuthorization: App {sandbox.api_key}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {MAX_REQUEST_BYTES + 1}\r\n\r\n"
    ).encode()
    started = time.monotonic()
    answer = raw_exchange(sandbox.url, head)
    assert answer.startswith(b"HTTP/1.1 413 ")
    envelope = json.loads(answer.partition(b"\r\n\r\n")[2])
    assert envelope["requestError"]["serviceException"]["messageId"] == "REQUEST_ENTITY_TOO_LARGE"
    assert "64 MiB" in envelope["requestError"]["serviceException"]["text"]
    assert time.monotonic() - started < 2.0
    assert sandbox.server.received_sends == []


def test_a_chunked_body_over_the_cap_is_refused_with_the_envelope(
    http: httpx.Client, sandbox: SandboxThread
) -> None:
    """No Content-Length to go by: the sandbox stops reading at the cap."""
    piece = b" " * (1024 * 1024)

    def pieces() -> Iterator[bytes]:
        yield b"["
        for _ in range(MAX_REQUEST_BYTES // len(piece) + 2):
            yield piece
        yield b"]"

    answer = http.post("/omni/1/advanced", content=pieces())
    assert answer.status_code == 413
    assert reason(answer).startswith("REQUEST_ENTITY_TOO_LARGE: ")
    assert sandbox.server.received_sends == []


def test_error_rate_is_a_fixed_sequence(sandbox: SandboxThread, http: httpx.Client) -> None:
    sandbox.faults.update({"error_rate": 0.5})
    codes = [http.get("/omni/1/scenarios").status_code for _ in range(6)]
    assert codes == [200, 500, 200, 500, 200, 500]


def test_held_sends_wait_for_release(sandbox: SandboxThread, http: httpx.Client) -> None:
    sandbox.faults.hold_sends = True
    answers: list[int] = []
    worker = threading.Thread(
        target=lambda: answers.append(
            http.post("/omni/1/advanced", json=sms("38591123")).status_code
        )
    )
    worker.start()
    give_up = time.monotonic() + 5
    while sandbox.server.holding == 0 and time.monotonic() < give_up:
        time.sleep(0.01)
    assert sandbox.server.holding == 1
    assert len(sandbox.server.received_sends) == 1  # it arrived ...
    time.sleep(0.1)
    assert answers == []  # ... and has no answer yet
    sandbox.faults.hold_sends = False
    worker.join(5)
    assert answers == [200]


def test_stopping_releases_held_sends_promptly(sandbox: SandboxThread) -> None:
    sandbox.faults.hold_sends = True
    url, key = sandbox.url, sandbox.api_key
    failures: list[BaseException] = []

    def post() -> None:
        try:
            httpx.post(
                url + "/omni/1/advanced",
                json=sms("38591123"),
                headers={"Authorization": f"App {key}"},
            )
        except httpx.HTTPError as exc:
            failures.append(exc)

    worker = threading.Thread(target=post)
    worker.start()
    while sandbox.server.holding == 0:
        time.sleep(0.01)
    started = time.monotonic()
    sandbox.stop()
    assert time.monotonic() - started < 3.0
    worker.join(5)
    assert not worker.is_alive()


def test_only_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        SandboxServer(host="0.0.0.0")
    with pytest.raises(ValueError, match="loopback"):
        SandboxThread(host="192.168.1.10")


def test_port_in_use_fails_start(sandbox: SandboxThread) -> None:
    with pytest.raises(OSError, match=r"(?i)in use"):
        SandboxThread(port=sandbox.server.port).start()


def test_serve_forever_prints_and_stops_on_cancel() -> None:
    lines: list[str] = []

    async def main() -> None:
        task = asyncio.create_task(serve_forever(port=0, api_key="demo-key", print_fn=lines.append))
        while len(lines) < 4:
            await asyncio.sleep(0.01)
        url = lines[0].rsplit(" ", 1)[1]
        async with httpx.AsyncClient() as client:
            answer = await client.get(
                url + "/omni/1/scenarios", headers={"Authorization": "App demo-key"}
            )
            assert answer.status_code == 200
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        async with httpx.AsyncClient() as client:
            with pytest.raises(httpx.ConnectError):
                await client.get(url + "/omni/1/scenarios")

    asyncio.run(main())
    assert lines[0].startswith("OMNI sandbox listening on http://127.0.0.1:")
    assert "demo-key" in lines[1]


def test_a_stopped_sandbox_thread_can_start_again() -> None:
    sandbox = SandboxThread()
    key = {"Authorization": f"App {sandbox.api_key}"}
    with sandbox:
        first = httpx.get(sandbox.url + "/_sandbox/faults", headers=key).status_code
    with sandbox:
        again = httpx.get(sandbox.url + "/_sandbox/faults", headers=key).status_code
    assert (first, again) == (200, 200)


def test_call_runs_on_the_sandbox_loop(sandbox: SandboxThread) -> None:
    async def loop_thread() -> str:
        await asyncio.sleep(0)
        return threading.current_thread().name

    assert sandbox.call(loop_thread()) == "omni-sandbox"
