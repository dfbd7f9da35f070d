"""Hostile drafts: `omni-desktop send` refuses each in one sentence, exit 2, nothing recorded.

NaN, deep nesting, endless numbers, lone surrogates, impossible time-zone offsets and values
of the wrong JSON type. Saving never writes what opening would refuse.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from omni_desktop.core.message import ChannelContent, Destination, OmniMessage, to_json
from omni_desktop.core.validation import validate

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.drafts import DraftError, load_draft, save_draft
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths

from omni_desktop.app import main

GOOD = (
    '{"destinations": [{"to": {"phoneNumber": "41793026727"}}], '
    '"sms": {"text": "Your parcel is on its way.", "validityPeriod": 60}'
)


def draft(tail: str = "", sms: str | None = None) -> str:
    """The good draft's text with `tail` added at its top level, or another `sms` object."""
    text = GOOD if sms is None else GOOD.split(', "sms"')[0] + f', "sms": {sms}'
    return text + tail + "}"


DEEP_900 = "[" * 900 + "]" * 900
DEEP_100K = "[" * 100_000 + "]" * 100_000

# (the draft's text, what the one sentence must name)
HOSTILE = {
    "NaN": (draft(sms='{"text": "Hi", "validityPeriod": NaN}'), "NaN"),
    "-Infinity": (draft(sms='{"text": "Hi", "validityPeriod": -Infinity}'), "Infinity"),
    "1e999": (draft(', "futureField": 1e999'), "1e999"),
    "900 deep": (draft(f', "futureField": {DEEP_900}'), "nested more than 64 levels"),
    "100,000 deep": (draft(f', "futureField": {DEEP_100K}'), "nested more than 64 levels"),
    "5,000 digits": (draft(', "futureField": ' + "9" * 5000), "more than 100 digits"),
    "validity 10**30": (
        draft(sms='{"text": "Hi", "validityPeriod": ' + str(10**30) + "}"),
        "sms.validityPeriod",
    ),
    "lone surrogate": (draft(sms='{"text": "Hi \\ud83d there"}'), "sms.text"),
    "offset +99:99": (draft(', "sendAt": "2026-06-01T10:00:00.000+99:99"'), "+99:99"),
    "offset +24:00": (draft(', "sendAt": "2026-06-01T10:00:00.000+24:00"'), "+24:00"),
    "text as number": (draft(sms='{"text": 12345}'), "sms.text should be text, not a number"),
    "flag as text": (
        draft(', "viber": {"text": "Hi", "isPromotional": "yes"}'),
        "viber.isPromotional should be true or false, not text",
    ),
    "period as text": (
        draft(sms='{"text": "Hi", "validityPeriod": "soon"}'),
        "sms.validityPeriod should be a whole number, not text",
    ),
    "destinations as object": (
        '{"destinations": {"to": {"phoneNumber": "41793026727"}}, "sms": {"text": "Hi"}}',
        "destinations should be a list, not an object",
    ),
    "phone as list": (
        '{"destinations": [{"to": {"phoneNumber": ["41793026727"]}}], "sms": {"text": "Hi"}}',
        "destinations[0].to.phoneNumber should be text, not a list",
    ),
    "notify as text": (draft(', "notify": "yes"'), "notify should be true or false, not text"),
    "fields as list": (
        '{"destinations": [{"to": {"phoneNumber": "41793026727"}, "fields": ["Ana"]}], '
        '"sms": {"text": "Hi"}}',
        "destinations[0].fields should be an object, not a list",
    ),
    "field as list": (
        '{"destinations": [{"to": {"phoneNumber": "41793026727"}, '
        '"fields": {"First name": ["Ana"]}}], "sms": {"text": "Hi"}}',
        "destinations[0].fields.First name should be text, not a list",
    ),
}


@pytest.fixture(autouse=True)
def app_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """The CLI's settings, history and logs go to this test's own folders."""
    for kind in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / "xdg" / kind.lower()))
    return AppPaths.default()


def assert_nothing_recorded(paths: AppPaths, sandbox: SandboxThread) -> None:
    assert sandbox.server.received_sends == []
    if paths.history_file.exists():
        with Outbox(paths.history_file) as outbox:
            assert outbox.history() == []


def assert_one_sentence(stderr: str, names: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr[:2000]
    assert names in lines[0]
    assert lines[0].endswith(".")
    assert len(lines[0]) < 400, "the sentence quotes too much of the draft"
    assert "Traceback" not in stderr and "Error:" not in stderr


@pytest.mark.parametrize("case", HOSTILE)
def test_send_refuses_a_hostile_draft_in_one_sentence(
    case: str,
    tmp_path: Path,
    sandbox: SandboxThread,
    app_folders: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text, names = HOSTILE[case]
    path = tmp_path / "hostile.omni.json"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("INFOBIP_BASE_URL", sandbox.url)
    monkeypatch.setenv("INFOBIP_API_KEY", sandbox.api_key)
    code = main(["send", str(path)])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert captured.out == ""
    assert_one_sentence(captured.err, names)
    assert_nothing_recorded(app_folders, sandbox)


def test_the_real_process_refuses_them_too(
    tmp_path: Path, sandbox: SandboxThread, app_folders: AppPaths
) -> None:
    env = dict(os.environ, INFOBIP_BASE_URL=sandbox.url, INFOBIP_API_KEY=sandbox.api_key)
    for case in ("NaN", "100,000 deep", "lone surrogate", "offset +99:99"):
        text, names = HOSTILE[case]
        path = tmp_path / "hostile.omni.json"
        path.write_text(text, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "omni_desktop", "send", str(path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 2, (case, result.stderr)
        assert_one_sentence(result.stderr, names)
    assert_nothing_recorded(app_folders, sandbox)


def test_a_good_draft_still_opens_with_its_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "good.omni.json"
    path.write_text(draft(', "futureField": {"deep": [[[1, 2.5, "x"]]]}'), encoding="utf-8")
    message = load_draft(path)
    assert message.extra == {"futureField": {"deep": [[[1, 2.5, "x"]]]}}
    assert message.channels["sms"].validity_period == 60


def good_message() -> OmniMessage:
    return OmniMessage(
        destinations=[Destination(phone="41793026727")],
        channels={"sms": ChannelContent(values={"text": "Hi"})},
    )


@pytest.mark.parametrize(
    ("spoil", "names"),
    [
        (lambda m: m.extra.update(futureField=float("nan")), "futureField is NaN"),
        (lambda m: m.extra.update(futureField=_nested(80)), "64 levels"),
        (lambda m: m.channels["sms"].values.update(text="Hi \ud83d"), "sms.text"),
        (lambda m: setattr(m.channels["sms"], "validity_period", 10**30), "sms.validityPeriod"),
        (
            lambda m: setattr(
                m, "send_at", datetime(2026, 6, 1, tzinfo=timezone(timedelta(hours=23)))
            ),
            "+23:00",
        ),
        (lambda m: m.destinations[0].extra.update(note=float("inf")), "destinations[0].note"),
        (lambda m: m.destinations.append(Destination(phone="4179\udc00")), "broken character"),
    ],
)
def test_saving_refuses_what_opening_would_refuse(
    tmp_path: Path, spoil: object, names: str
) -> None:
    path = tmp_path / "draft.omni.json"
    save_draft(path, good_message())
    before = path.read_bytes()
    message = good_message()
    spoil(message)  # type: ignore[operator]
    with pytest.raises(DraftError) as caught:
        save_draft(path, message)
    sentence = str(caught.value)
    assert sentence.startswith("The draft cannot be saved as it is: ")
    assert names in sentence and sentence.endswith(".")
    assert path.read_bytes() == before, "the last good save was kept"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.omni.json"]
    load_draft(path)  # and what is there still opens


def test_recipients_keep_their_spreadsheet_fields_in_the_draft_never_in_a_request(
    tmp_path: Path,
) -> None:
    message = good_message()
    message.destinations = [
        Destination(phone="41793026727", fields={"First name": "Ana", "Time": "14:30"}),
        Destination(email="jurg@example.com", fields={"First name": "Jürg 😀", "Time": ""}),
        Destination(phone="41793026728"),
    ]
    path = tmp_path / "draft.omni.json"
    save_draft(path, message)
    assert load_draft(path) == message
    saved = json.loads(path.read_text(encoding="utf-8"))["destinations"]
    assert saved[0]["fields"] == {"First name": "Ana", "Time": "14:30"}
    assert "fields" not in saved[2]
    assert all("fields" not in d for d in to_json(message)["destinations"])
    # A number where a text is expected (as a spreadsheet program might write it) reads as text.
    path.write_text(
        '{"destinations": [{"to": {"phoneNumber": "41793026727"}, "fields": {"Code": 42}}]}',
        encoding="utf-8",
    )
    assert load_draft(path).destinations[0].fields == {"Code": "42"}


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


def test_a_saved_draft_in_every_documented_form_opens_again(tmp_path: Path) -> None:
    message = good_message()
    message.send_at = datetime(
        2026, 6, 1, 10, 45, tzinfo=timezone(timedelta(hours=-9, minutes=-30))
    )
    message.extra["futureField"] = {"list": [1, 2.5, None, True, "ä😀"]}
    message.channels["sms"].validity_period = 2**31 - 1
    path = tmp_path / "draft.omni.json"
    save_draft(path, message)
    assert load_draft(path) == message
    assert json.loads(path.read_text(encoding="utf-8"))["sendAt"].endswith("-09:30")


@pytest.mark.parametrize("period", [10**30, -(10**30), 2**31, 10**400])
def test_validation_refuses_an_absurd_validity_made_in_code(period: int) -> None:
    message = good_message()
    message.channels["sms"].validity_period = period
    result = validate(message, datetime(2026, 6, 1, tzinfo=UTC))
    [problem] = result.for_path("sms.validityPeriod")
    assert problem in result.errors
    assert problem.message.startswith("The SMS validity period is a number of ")
    assert problem.message.endswith("far beyond any the platform takes; use at most 48 h.")
