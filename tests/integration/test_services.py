"""The service layer the window and the CLI share, against a real sandbox and real files.

Every outcome of a send settles its outbox record: accepted, rejected, not sent, unknown, and
an unexpected error too. Credentials are built one way and refused before anything leaves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from stand_ins import DictKeyring

from omni_desktop.core.message import Destination, OmniMessage

from omni_desktop.api import OmniClient
from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.secrets import SecretStore
from omni_desktop.storage.sends import SendState
from omni_desktop.storage.settings import Settings, SettingsFile

from omni_desktop.services.accounts import AccountsService
from omni_desktop.services.history import HistoryService, NoClient, phone_query
from omni_desktop.services.preparing import check, load_flow, reuse_problem
from omni_desktop.services.sending import Outcome, Sender
from omni_desktop.services.targets import (
    Target,
    TargetError,
    credentials,
    profile_target,
    sandbox_target,
)

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def message(*numbers: str, scenario: str | None = SMS_SCENARIO_KEY) -> OmniMessage:
    draft = OmniMessage(destinations=[Destination(n) for n in numbers], scenario_key=scenario)
    draft.content("sms").values["text"] = "Your parcel is on its way."
    return draft


def send(
    target: Target,
    outbox: Outbox,
    draft: OmniMessage,
    client: OmniClient | None = None,
    arm: Callable[[], None] = lambda: None,
) -> Outcome:
    """The window's and the CLI's path: flow, checks, record, post; `arm` runs before the POST."""

    async def main() -> Outcome:
        async with client or target.client(deadline=5) as used:
            flow = await load_flow(used, draft.scenario_key)
            arm()
            result = check(draft, target, flow.keys, datetime.now(UTC))
            assert result.ok, result.errors
            sender = Sender(used, target, outbox)
            recorded = await asyncio.to_thread(
                sender.record, result.prepared, flow.keys, datetime.now(UTC)
            )
            return await sender.post(recorded)

    return asyncio.run(main())


@pytest.fixture
def outbox(tmp_path: Path) -> Any:
    with Outbox(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.fixture
def target(sandbox: SandboxThread) -> Target:
    return sandbox_target(sandbox.url, sandbox.api_key, region="CH")


def test_an_accepted_send_is_recorded_with_the_numbers_the_server_got(
    target: Target, outbox: Outbox
) -> None:
    outcome = send(target, outbox, message("079 302 67 27", "+44 7700 561913"))
    assert outcome.state is SendState.ACCEPTED
    record = outbox.get(outcome.recorded.send_id or 0)
    assert record.state == SendState.ACCEPTED
    sent = [d["to"]["phoneNumber"] for d in record.request()["destinations"]]
    answered = [m.to for m in outcome.response.messages] if outcome.response else []
    assert sent == answered == ["41793026727", "447700561913"]


@pytest.mark.parametrize(
    ("faults", "state"),
    [
        ({"fail_next": 1, "error_status": 500}, SendState.UNKNOWN),
        ({"drop_next": 1}, SendState.UNKNOWN),
        ({"garble_next": 1}, SendState.UNKNOWN),
        ({"fail_next": 1, "error_status": 400}, SendState.REJECTED),
    ],
)
def test_every_failure_settles_the_record(
    sandbox: SandboxThread,
    target: Target,
    outbox: Outbox,
    faults: dict[str, Any],
    state: SendState,
) -> None:
    draft = message("+41 79 302 67 27")
    outcome = send(target, outbox, draft, arm=lambda: sandbox.faults.update(faults))
    assert outcome.state is state
    assert outcome.sentence
    record = outbox.get(outcome.recorded.send_id or 0)
    assert record.state == state
    assert record.error_sentence == outcome.sentence


def test_nothing_listening_is_not_sent(closed_port: int, outbox: Outbox) -> None:
    target = sandbox_target(f"http://127.0.0.1:{closed_port}", "key")
    outcome = send(target, outbox, message("+41 79 302 67 27", scenario=None))
    assert outcome.state is SendState.NOT_SENT
    assert outbox.get(outcome.recorded.send_id or 0).state == SendState.NOT_SENT


class ExplodingClient(OmniClient):
    """A client with a bug after the POST may have left: the one fake here, since no real
    server can make our own code raise something unexpected."""

    async def send_advanced(self, body: dict[str, Any], encoded: bytes | None = None) -> Any:
        await super().send_advanced(body, encoded)
        raise RuntimeError("a bug")


def test_an_unexpected_error_settles_the_record_as_unknown(
    sandbox: SandboxThread, target: Target, outbox: Outbox
) -> None:
    client = ExplodingClient(sandbox.url, target.auth(), deadline=5)
    outcome = send(target, outbox, message("+41 79 302 67 27"), client=client)
    assert outcome.state is SendState.UNKNOWN
    assert "may or may not have been sent" in (outcome.sentence or "")
    assert outbox.get(outcome.recorded.send_id or 0).state == SendState.UNKNOWN


def test_reused_ids_are_refused_before_the_confirm_step(target: Target, outbox: Outbox) -> None:
    draft = message("+41 79 302 67 27")
    draft.destinations[0] = Destination("+41 79 302 67 27", message_id="order-1")
    assert reuse_problem(outbox, draft) is None
    assert send(target, outbox, draft).state is SendState.ACCEPTED
    problem = reuse_problem(outbox, draft)
    assert problem is not None and "reuses the messageId order-1" in problem.message


@pytest.mark.parametrize(
    ("scheme", "secret", "username", "says"),
    [
        ("App", "   ", "", "The API key is empty"),
        ("App", "k\u00e9y", "", "characters that cannot be sent ('é'"),
        ("Bearer", "tok\nen", "", "cannot contain line breaks"),
        ("Basic", "pw", "", "needs a username"),
        ("Token", "x", "", "must be App, Basic, IBSSO or Bearer"),
    ],
)
def test_credentials_are_refused_in_one_sentence(
    scheme: str, secret: str, username: str, says: str
) -> None:
    with pytest.raises(TargetError) as raised:
        credentials(scheme, secret, username)
    assert says in str(raised.value)


def test_credentials_drop_surrounding_spaces() -> None:
    assert credentials("App", "  abc \n").header_value() == "App abc"
    assert credentials("Basic", " pw ", " ana ").username == "ana"


def test_a_profile_takes_the_keyring_key_and_says_so(
    tmp_path: Path, os_keyring: DictKeyring
) -> None:
    settings = Settings(profiles=(Profile("Shop", "https://shop.example", default_region="HR"),))
    SecretStore().set("Shop", "keyring-key")
    env = {"INFOBIP_API_KEY": "environment-key"}
    target = profile_target(settings, SecretStore(), "Shop", env=env)
    assert target.api_key == "keyring-key" and target.default_region == "HR"
    assert "keyring" in target.key_source
    with pytest.raises(TargetError, match="no account named 'Nope'"):
        profile_target(settings, SecretStore(), "Nope")


def test_history_finds_a_send_by_a_number_typed_with_spaces(target: Target, outbox: Outbox) -> None:
    send(target, outbox, message("+41 76 977 75 60"))
    history = HistoryService(outbox, lambda _profile: None)
    assert phone_query("+41 76 977 75 60") == "41769777560"
    assert len(asyncio.run(history.search("+41 76 977 75 60", 10))) == 1
    assert len(asyncio.run(history.search("0041 76 977 75 60", 10))) == 1
    assert asyncio.run(history.search("+41 76 000 00 00", 10)) == []
    (record,) = asyncio.run(history.search("", 10))
    with pytest.raises(NoClient, match="sandbox is not running"):
        history.client_for(record)


def test_accounts_save_test_and_remove_against_the_sandbox(
    sandbox: SandboxThread, tmp_path: Path, os_keyring: DictKeyring
) -> None:
    accounts = AccountsService(SettingsFile(tmp_path / "settings.json"), SecretStore())
    profile = Profile("Shop", sandbox.url)

    async def main() -> None:
        saved = await accounts.save(profile, f" {sandbox.api_key} ", None)
        assert saved.settings.profile("Shop") == profile and not saved.problem
        assert await accounts.stored_secret("Shop") == sandbox.api_key
        assert await accounts.test_connection(profile, sandbox.api_key) is None
        wrong = await accounts.test_connection(profile, "wrong-key")
        assert wrong is not None and "key" in wrong.lower()
        settings, problem = await accounts.remove("Shop")
        assert settings.profiles == () and problem is None
        assert await accounts.stored_secret("Shop") is None

    asyncio.run(main())
