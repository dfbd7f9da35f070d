"""Headless commands, thin callers of the same services as the window: `send DRAFT`, `sandbox`.

Exit codes of `send`: 0 accepted; 2 invalid draft or usage, nothing sent; 3 rejected by the API
(4xx, including 401 and a 429 that outlasted its retries); 4 outcome unknown, not retried;
5 not sent (could not connect). Every failure prints one plain sentence, never a traceback;
server text is printed with terminal escape codes removed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from omni_desktop.core.message import OmniMessage
from omni_desktop.core.text import terminal_safe

from omni_desktop.api.client import OmniClient, SendResponse
from omni_desktop.storage.drafts import DraftError, load_draft
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.logging_setup import configure_logging, redact_secret
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.secrets import SecretStore
from omni_desktop.storage.sends import SendState
from omni_desktop.storage.settings import SettingsFile

from omni_desktop.services.preparing import check, load_flow, problems_text, reuse_problem
from omni_desktop.services.sending import Sender
from omni_desktop.services.targets import (
    Target,
    TargetError,
    environment_target,
    profile_target,
)

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
    """`send DRAFT`: the window's send path, headless; never a traceback, never exit 1."""
    posted: list[bool] = []  # set once the POST may have started
    try:
        return _send_command(args, out, err, posted)
    except Exception as exc:  # the last line of defence: one sentence, the details in the log
        logging.getLogger("omni_desktop").exception("send stopped")
        where = "after the request went out" if posted else "before anything was sent"
        print(f"The send stopped {where} ({type(exc).__name__}).", file=err)
        return EXIT_UNKNOWN if posted else EXIT_NOT_SENT


def _send_command(args: argparse.Namespace, out: TextIO, err: TextIO, posted: list[bool]) -> int:
    try:
        target = _target(args)
        message = _load(args.draft)
        client = target.client(deadline=args.timeout)
    except (UsageError, TargetError) as exc:
        print(terminal_safe(str(exc)), file=err)
        return EXIT_USAGE
    redact_secret(*target.auth().secrets())
    if target.key_source:
        print(f"Signing in with {target.key_source}.", file=err)
    try:
        paths = AppPaths.default().ensure()
        configure_logging(paths.log)
        outbox = Outbox(paths.history_file)
    except StorageError as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    with outbox:
        return asyncio.run(_send(client, target, outbox, message, args, out, err, posted))


async def _send(
    client: OmniClient,
    target: Target,
    outbox: Outbox,
    message: OmniMessage,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    posted: list[bool],
) -> int:
    async with client:
        flow = await load_flow(client, message.scenario_key)
        if flow.error:
            print(f"error: {terminal_safe(flow.error)}", file=err)
            return EXIT_USAGE
        if flow.warning:
            print(f"warning: {terminal_safe(flow.warning)}", file=err)
        now = datetime.now(UTC)
        result = check(message, target, flow.keys, now)
        reused = reuse_problem(outbox, message)
        problems = [*result.errors, *([reused] if reused else [])]
        for line in problems_text(result.warnings):
            print(f"warning: {line}", file=err)
        if problems:
            for line in problems_text(problems):
                print(f"error: {line}", file=err)
            count = len(problems)
            plural = "s" if count != 1 else ""
            print(f"The draft has {count} error{plural}; nothing was sent.", file=err)
            return EXIT_USAGE
        sender = Sender(client, target, outbox)
        try:
            recorded = await asyncio.to_thread(sender.record, result.prepared, flow.keys, now)
        except StorageError as exc:
            print(str(exc), file=err)
            return EXIT_USAGE
        posted.append(True)
        outcome = await sender.post(recorded)
    if outcome.record_problem:
        print(f"warning: {outcome.record_problem}", file=err)
    if outcome.state is not SendState.ACCEPTED:
        error = outcome.error
        text = str(error) if error is not None else outcome.sentence or ""
        print(terminal_safe(text), file=err)
        if outcome.state is SendState.UNKNOWN:
            _print_ids(recorded.body, err)
        return EXIT_CODES[outcome.state]
    assert outcome.response is not None
    if args.json:
        json.dump(outcome.response.raw, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_table(outcome.response, out)
    return EXIT_OK


EXIT_CODES = {
    SendState.ACCEPTED: EXIT_OK,
    SendState.REJECTED: EXIT_REJECTED,
    SendState.UNKNOWN: EXIT_UNKNOWN,
    SendState.NOT_SENT: EXIT_NOT_SENT,
}


def _target(args: argparse.Namespace) -> Target:
    """Where to send: a settings profile (--profile), else --base-url / the environment."""
    if not args.timeout > 0 or args.timeout > 3600:
        raise UsageError("--timeout must be a number of seconds above zero (at most 3600).")
    env = dict(os.environ)
    if args.profile:
        loaded = SettingsFile(AppPaths.default().settings_file).load()
        target = profile_target(
            loaded.settings, SecretStore(), args.profile, env=env, base_url=args.base_url
        )
    else:
        base_url = args.base_url or env.get("INFOBIP_BASE_URL")
        if not base_url:
            raise UsageError(
                "No API base URL: pass --base-url or --profile, or set INFOBIP_BASE_URL "
                "(run 'omni-desktop sandbox' for a local one)."
            )
        target = environment_target(base_url, env)
    if args.region is not None:
        target = target.with_region(args.region)
    return target


def _load(path: Path) -> OmniMessage:
    try:
        return load_draft(path)
    except DraftError as exc:
        raise UsageError(str(exc)) from None


def _print_ids(body: dict[str, Any], err: TextIO) -> None:
    ids = [d.get("messageId", "") for d in body.get("destinations", [])]
    print(f"bulkId {body.get('bulkId', '')}; messageIds: {', '.join(ids[:20])}", file=err)
    if len(ids) > 20:
        print(f"... and {len(ids) - 20} more", file=err)


def _print_table(response: SendResponse, out: TextIO) -> None:
    rows: list[tuple[str, ...]] = [("TO", "MESSAGE ID", "STATUS", "DESCRIPTION")]
    for message in response.messages:
        cells = (
            message.to,
            message.message_id,
            f"{message.status.group_name}/{message.status.name}",
            message.status.description,
        )
        rows.append(tuple(terminal_safe(cell) for cell in cells))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    if response.bulk_id:
        out.write(f"bulkId: {terminal_safe(response.bulk_id)}\n")
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)))
        out.write(f"  {row[3]}\n")
    count = len(response.messages)
    out.write(f"{count} message{'s' if count != 1 else ''} accepted.\n")
