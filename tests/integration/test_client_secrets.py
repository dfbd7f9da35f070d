"""Credentials never show: not in errors, not in logs; and never over plain http off-machine."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable

import pytest

from omni_desktop.api import Auth, OmniClient, OmniError, RetryPolicy
from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread

MakeClient = Callable[..., OmniClient]


def every_text(error: BaseException) -> str:
    """Everything an error could show: str, repr, args, the full chained traceback."""
    parts = [str(error), repr(error), *map(repr, error.args)]
    parts.extend(traceback.format_exception(error))
    parts.extend(repr(v) for v in vars(error).values())
    return "\n".join(parts)


@pytest.mark.parametrize(
    "auth_of",
    [
        lambda key: Auth.app(key),
        lambda key: Auth.basic("sandbox", key),
        lambda key: Auth.ibsso(key),
        lambda key: Auth.bearer(key),
    ],
    ids=["app", "basic", "ibsso", "bearer"],
)
def test_auth_never_shows_its_secret(auth_of: Callable[[str], Auth]) -> None:
    auth = auth_of("s3cret-value-123")
    for text in (repr(auth), str(auth), f"{auth}", repr([auth])):
        for secret in auth.secrets():
            assert secret not in text
    assert "hidden" in repr(auth)


def test_header_values() -> None:
    assert Auth.app("k1").header_value() == "App k1"
    assert Auth.basic("user", "pass").header_value() == "Basic dXNlcjpwYXNz"
    assert Auth.ibsso("t1").header_value() == "IBSSO t1"
    assert Auth.bearer("t2").header_value() == "Bearer t2"
    with pytest.raises(ValueError, match="empty"):
        Auth.app("  ")


def test_the_key_never_appears_in_errors_or_logs(
    make_client: MakeClient,
    sandbox: SandboxThread,
    closed_port: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = sandbox.api_key
    body = {
        "scenarioKey": SMS_SCENARIO_KEY,
        "destinations": [{"to": {"phoneNumber": "385911234561"}}],
        "sms": {"text": "Hi"},
    }
    errors: list[OmniError] = []

    async def collect(client: OmniClient, fault: dict[str, object] | None = None) -> None:
        if fault:
            sandbox.faults.update(fault)
        try:
            await client.send_advanced(body)
        except OmniError as exc:
            errors.append(exc)
        finally:
            sandbox.faults.clear()

    async def no_wait(seconds: float) -> None:
        return None

    async def main() -> None:
        options = {"sleep": no_wait, "retry": RetryPolicy(attempts=2), "deadline": 0.5}
        async with make_client(**options) as client:
            await collect(client, {"fail_next": 1})
            await collect(client, {"drop_next": 1})
            await collect(client, {"garble_next": 1})
            await collect(client, {"throttle_next": 5, "retry_after": 0})
            await collect(client, {"latency": 2.0})
            body["destinations"] = [{"to": {"phoneNumber": "1"}}]
            await collect(client)
        async with make_client(auth=Auth.basic("sandbox", key + "-wrong"), **options) as client:
            await collect(client)
        async with OmniClient(f"http://127.0.0.1:{closed_port}", Auth.app(key), **options) as c:
            await collect(c)

    with caplog.at_level(logging.DEBUG):
        asyncio.run(main())
    kinds = {type(e).__name__ for e in errors}
    assert kinds == {"OutcomeUnknown", "RateLimited", "InvalidRequest", "Unauthorized", "NotSent"}
    assert len(errors) == 8
    for error in errors:
        assert key not in every_text(error)
    assert caplog.records  # the client and httpx did log
    assert key not in caplog.text
    assert all(key not in str(r.args) for r in caplog.records)


@pytest.mark.parametrize(
    "url",
    [
        "http://api.infobip.com",
        "http://xxxxx.api.infobip.com/",
        "http://10.0.0.5:8080",
        "http://128.0.0.1",
        "ftp://127.0.0.1",
        "api.infobip.com",
        "https://user:pass@api.infobip.com",
    ],
)
def test_unsafe_base_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match=r"https://|credentials") as caught:
        OmniClient(url, Auth.app("k"))
    assert caught.value.args[0].endswith(".")  # a whole sentence


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("https://xxxxx.api.infobip.com/", "https://xxxxx.api.infobip.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.5.6.7", "http://127.5.6.7"),
        ("http://localhost:9000/", "http://localhost:9000"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ],
)
def test_https_and_loopback_http_are_accepted(url: str, normalised: str) -> None:
    async def main() -> None:
        async with OmniClient(url, Auth.app("zz-secret-zz")) as client:
            assert client.base_url == normalised
            assert "zz-secret-zz" not in repr(client)

    asyncio.run(main())
