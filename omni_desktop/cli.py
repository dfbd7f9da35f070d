"""Headless commands on the same core and client as the window: `send DRAFT`, `sandbox`.

Exit codes of `send`: 0 accepted; 2 invalid draft or usage, nothing sent; 3 rejected by the API
(4xx, including 401 and a 429 that outlasted its retries); 4 outcome unknown, not retried;
5 not sent (could not connect). Every failure prints one plain sentence, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from omni_desktop.core.message import to_json, with_ids
from omni_desktop.core.validation import validate

from omni_desktop.api.auth import Auth, AuthScheme
from omni_desktop.api.client import OmniClient, SendResponse
from omni_desktop.api.errors import NotSent, OmniError, OutcomeUnknown
from omni_desktop.storage.drafts import DraftError, load_draft
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.logging_setup import configure_logging, redact_secret
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.secrets import NoKeyring, SecretStore
from omni_desktop.storage.sends import SendState
from omni_desktop.storage.settings import SettingsFile

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_UNKNOWN = 4
EXIT_NOT_SENT = 5


class UsageError(Exception):
    """Wrong arguments or environment: nothing was sent."""


def run(args: argparse.Namespace) -> int:
    if args.command == "send":
        return send_command(args, sys.stdout, sys.stderr)
    if args.command == "sandbox":
        return sandbox_command(args)
    raise AssertionError(f"unknown command {args.command!r}")


def sandbox_command(args: argparse.Namespace) -> int:
    if args.exit_with_parent and hasattr(os, "nice"):
        # The window's own sandbox: let the window have the CPU first, from before the server's
        # modules load (two busy processes on a two-core laptop otherwise take turns with the
        # window, at its start-up and under its event loop).
        with contextlib.suppress(OSError):
            os.nice(10)
    from omni_desktop.sandbox import serve_forever

    async def serve() -> None:
        task = asyncio.ensure_future(
            serve_forever(
                port=args.port,
                api_key=args.key,
                time_scale=args.time_scale,
                print_fn=lambda line: print(line, flush=True),
            )
        )
        if args.exit_with_parent:
            loop = asyncio.get_running_loop()
            threading.Thread(
                target=_cancel_at_eof, args=(loop, task), name="parent-watch", daemon=True
            ).start()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"The sandbox could not start: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    return 0


def _cancel_at_eof(loop: asyncio.AbstractEventLoop, task: asyncio.Future[None]) -> None:
    """Stop the server when standard input closes: the parent app quit or was killed."""
    while sys.stdin.buffer.read(1024):
        pass
    loop.call_soon_threadsafe(task.cancel)


def send_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        account = _account(args)
        body = _prepare(args.draft, err)
    except UsageError as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    try:
        auth = Auth(AuthScheme(account.scheme), account.secret, account.username)
        client = OmniClient(account.base_url, auth, deadline=args.timeout)
    except ValueError as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    redact_secret(*auth.secrets())
    # Recorded in the same outbox as the window's sends, durably, before the request goes out.
    try:
        paths = AppPaths.default().ensure()
        configure_logging(paths.log)
        outbox = Outbox(paths.history_file)
        send_id = outbox.record_before_send(account.profile, account.base_url, body)
    except StorageError as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    with outbox:
        try:
            response = asyncio.run(_send(client, body))
        except OmniError as exc:
            print(exc.sentence, file=err)
            state, code = SendState.REJECTED, EXIT_REJECTED
            if isinstance(exc, OutcomeUnknown):
                state, code = SendState.UNKNOWN, EXIT_UNKNOWN
                _print_ids(body, err)
            elif isinstance(exc, NotSent):
                state, code = SendState.NOT_SENT, EXIT_NOT_SENT
            sentence = exc.sentence
            _record(lambda: outbox.record_failure(send_id, state, sentence), err)
            return code
        _record(lambda: outbox.record_answer(send_id, response.raw), err)
    if args.json:
        json.dump(response.raw, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_table(response, out)
    return EXIT_OK


def _record(write: Callable[[], object], err: TextIO) -> None:
    try:
        write()
    except StorageError as exc:
        print(f"warning: {exc}", file=err)


@dataclass(frozen=True)
class Account:
    base_url: str
    secret: str = field(repr=False)
    scheme: str = "App"
    username: str = ""
    profile: str | None = None


def _account(args: argparse.Namespace) -> Account:
    """Where to send: a settings profile (--profile), else --base-url / the environment."""
    if args.timeout <= 0:
        raise UsageError("--timeout must be a number of seconds above zero.")
    env_key = os.environ.get("INFOBIP_API_KEY", "")
    if args.profile:
        loaded = SettingsFile(AppPaths.default().settings_file).load()
        profile = loaded.settings.profile(args.profile)
        if profile is None:
            names = ", ".join(p.name for p in loaded.settings.profiles) or "none yet"
            raise UsageError(f"There is no account named {args.profile!r} (accounts: {names}).")
        secret = env_key
        if not secret:
            try:
                secret = SecretStore().get(profile.name) or ""
            except NoKeyring as exc:
                raise UsageError(f"{exc.sentence} Set INFOBIP_API_KEY instead.") from None
        if not secret:
            raise UsageError(
                f"No key is stored for {profile.name}: add it in the app's Accounts dialog "
                "or set INFOBIP_API_KEY."
            )
        return Account(
            args.base_url or profile.base_url,
            secret,
            profile.auth_scheme,
            profile.username or "",
            profile.name,
        )
    base_url = args.base_url or os.environ.get("INFOBIP_BASE_URL")
    if not base_url:
        raise UsageError(
            "No API base URL: pass --base-url or --profile, or set INFOBIP_BASE_URL "
            "(run 'omni-desktop sandbox' for a local one)."
        )
    if not env_key:
        raise UsageError("No API key: set INFOBIP_API_KEY to the account's API key.")
    return Account(base_url, env_key)


def _prepare(path: Path, err: TextIO) -> dict[str, Any]:
    """Read, validate and complete the draft; warnings go to `err`, errors stop here."""
    try:
        message = load_draft(path)
    except DraftError as exc:
        raise UsageError(str(exc)) from None
    now = datetime.now(UTC)
    result = validate(message, now)
    for problem in result.warnings:
        print(f"warning: {problem.path}: {problem.message}", file=err)
    if result.errors:
        for problem in result.errors:
            print(f"error: {problem.path}: {problem.message}", file=err)
        count = len(result.errors)
        raise UsageError(
            f"The draft has {count} error{'s' if count != 1 else ''}; nothing was sent."
        )
    return to_json(with_ids(result.prepared, now))


async def _send(client: OmniClient, body: dict[str, Any]) -> SendResponse:
    async with client:
        return await client.send_advanced(body)


def _print_ids(body: dict[str, Any], err: TextIO) -> None:
    ids = [d.get("messageId", "") for d in body.get("destinations", [])]
    print(f"bulkId {body.get('bulkId', '')}; messageIds: {', '.join(ids[:20])}", file=err)
    if len(ids) > 20:
        print(f"... and {len(ids) - 20} more", file=err)


def _print_table(response: SendResponse, out: TextIO) -> None:
    rows = [("TO", "MESSAGE ID", "STATUS", "DESCRIPTION")]
    for message in response.messages:
        rows.append(
            (
                message.to,
                message.message_id,
                f"{message.status.group_name}/{message.status.name}",
                message.status.description,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    if response.bulk_id:
        out.write(f"bulkId: {response.bulk_id}\n")
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)))
        out.write(f"  {row[3]}\n")
    out.write(f"{len(response.messages)} message(s) accepted.\n")
