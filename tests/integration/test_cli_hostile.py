"""`omni-desktop send` against a hostile server, as a process: whatever the answer, the exit code
keeps its promise (4 unknown, 3 rejected), the outbox record is settled, and the terminal gets
one plain sentence: no traceback, no escape codes, never exit 1.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli import app_folders, assert_plain, run_cli, write_draft
from test_hostile_server import OK_SCENARIOS, HostileServer, Peer, Script, gzip_bomb, serve

from omni_desktop.api.answer import MAX_ANSWER_BYTES
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.sends import SendState

__all__ = ["app_folders", "serve"]  # fixtures: the CLI's own folders; the hostile server

DRAFT = {
    "destinations": [{"to": {"phoneNumber": "+41 79 302 67 27"}}],
    "sms": {"text": "Your parcel is on its way."},
}
DEEP = b"[" * 100_000 + b"]" * 100_000


def scenarios_then(post: Callable[[Peer], None]) -> Script:
    """Answer the scenario list plainly (request 0), then the POST with `post`."""

    def script(peer: Peer) -> None:
        if peer.head.startswith(b"GET "):
            peer.answer(200, OK_SCENARIOS)
        else:
            post(peer)

    return script


def send_to(server: HostileServer, tmp_path: Path, *options: str) -> tuple[int, str, float]:
    started = time.monotonic()
    result = run_cli(
        "send", str(write_draft(tmp_path, DRAFT)), *options, base_url=server.url, key="k"
    )
    assert_plain(result)
    assert "\x1b" not in result.stdout + result.stderr
    return result.returncode, result.stderr, time.monotonic() - started


def settled_state(paths: AppPaths) -> str:
    with Outbox(paths.history_file) as outbox:
        (record,) = outbox.history()
    return record.state


@pytest.mark.parametrize(("status", "code"), [(200, 4), (400, 3), (500, 4)])
def test_a_100000_deep_answer_keeps_the_exit_code(
    serve: Callable[[Script], HostileServer],
    tmp_path: Path,
    app_folders: AppPaths,
    status: int,
    code: int,
) -> None:
    server = serve(scenarios_then(lambda peer: peer.answer(status, DEEP)))
    returncode, stderr, _ = send_to(server, tmp_path)
    assert returncode == code, stderr
    expected = SendState.REJECTED if code == 3 else SendState.UNKNOWN
    assert settled_state(app_folders) == expected


def test_an_answer_over_the_size_cap_is_unknown(
    serve: Callable[[Script], HostileServer], tmp_path: Path, app_folders: AppPaths
) -> None:
    big = b'{"messages":["' + b"x" * (MAX_ANSWER_BYTES + 1024) + b'"]}'
    server = serve(scenarios_then(lambda peer: peer.answer(200, big)))
    returncode, stderr, _ = send_to(server, tmp_path)
    assert returncode == 4, stderr
    assert settled_state(app_folders) == SendState.UNKNOWN


def test_a_gzip_bomb_is_unknown(
    serve: Callable[[Script], HostileServer], tmp_path: Path, app_folders: AppPaths
) -> None:
    bomb = gzip_bomb(1024)  # a GiB once inflated
    server = serve(
        scenarios_then(lambda peer: peer.answer(200, bomb, {"Content-Encoding": "gzip"}))
    )
    returncode, stderr, elapsed = send_to(server, tmp_path)
    assert returncode == 4, stderr
    assert elapsed < 30


def test_the_deadline_is_total_against_a_trickle(
    serve: Callable[[Script], HostileServer], tmp_path: Path, app_folders: AppPaths
) -> None:
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n" + b" " * 500
    server = serve(scenarios_then(lambda peer: peer.trickle(answer, every=1.0)))
    returncode, stderr, elapsed = send_to(server, tmp_path, "--timeout", "5")
    assert returncode == 4, stderr
    assert 4 <= elapsed < 9, elapsed  # about 5 s (plus the interpreter's start), not 500
    assert settled_state(app_folders) == SendState.UNKNOWN


def test_server_text_reaches_the_terminal_without_escape_codes(
    serve: Callable[[Script], HostileServer], tmp_path: Path
) -> None:
    envelope = (
        b'{"requestError":{"serviceException":{"messageId":"BAD_REQUEST",'
        b'"text":"Bad \\u001b[2J\\u001b]0;pwned\\u0007 request"}}}'
    )
    server = serve(scenarios_then(lambda peer: peer.answer(400, envelope)))
    returncode, stderr, _ = send_to(server, tmp_path)
    assert returncode == 3
    assert "Bad" in stderr and "request" in stderr and "pwned" not in stderr
