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
import os
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from omni_desktop.core.addresses import homes_named
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import OmniMessage
from omni_desktop.core.text import terminal_safe

from omni_desktop.api.client import OmniClient, SendResponse
from omni_desktop.storage.drafts import DraftError, load_draft
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.services.campaign_plan import goes_as_campaign
from omni_desktop.services.importing import ImportResult, read_recipients, remove_duplicates
from omni_desktop.services.preparing import (
    check,
    load_flow,
    problems_text,
    read_as_home,
    reuse_problem,
)
from omni_desktop.services.sending import Sender
from omni_desktop.services.targets import Target, TargetError

from omni_desktop.cli_campaigns import fallbacks_from, options_from, print_plan, run_campaign
from omni_desktop.cli_common import (
    EXIT_NOT_SENT,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_UNKNOWN,
    EXIT_USAGE,
    UsageError,
    guarded,
    sign_in,
    target_from_args,
)


def run(args: argparse.Namespace) -> int:
    if args.command == "send":
        return send_command(args, sys.stdout, sys.stderr)
    if args.command == "sandbox":
        return sandbox_command(args)
    if args.command in ("resume", "status"):
        from omni_desktop import cli_campaigns

        run_command = (
            cli_campaigns.resume_command
            if args.command == "resume"
            else cli_campaigns.status_command
        )
        return run_command(args, sys.stdout, sys.stderr)
    if args.command == "scenarios":
        from omni_desktop.cli_scenarios import scenarios_command

        return scenarios_command(args, sys.stdout, sys.stderr)
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
    return guarded(
        lambda posted: _send_command(args, out, err, posted),
        err,
        tr("The send stopped {where} ({kind})."),
        tr("before anything was sent"),
    )


def _send_command(args: argparse.Namespace, out: TextIO, err: TextIO, posted: list[bool]) -> int:
    try:
        target = target_from_args(args)
        message = _load(args.draft)
        options_from(args), fallbacks_from(args)  # their usage errors before anything else
        row_number = None
        if getattr(args, "recipients", None) is not None:
            message, row_number = _with_recipients(message, target, args, err)
        client = target.client(deadline=args.timeout)
    except (UsageError, TargetError, StorageError) as exc:
        print(terminal_safe(str(exc)), file=err)
        return EXIT_USAGE
    try:
        paths = sign_in(target, err)
        outbox = Outbox(paths.history_file)
    except StorageError as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    with outbox:
        return asyncio.run(
            _send(client, target, outbox, message, args, out, err, posted, row_number)
        )


async def _send(
    client: OmniClient,
    target: Target,
    outbox: Outbox,
    message: OmniMessage,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    posted: list[bool],
    row_number: Callable[[int], int] | None = None,
) -> int:
    async with client:
        flow = await load_flow(client, message.scenario_key)
        if flow.error:
            print(f"error: {terminal_safe(flow.error)}", file=err)
            return EXIT_USAGE
        if flow.warning:
            print(f"warning: {terminal_safe(flow.warning)}", file=err)
        now = datetime.now(UTC)
        fallbacks = fallbacks_from(args)
        result = check(message, target, flow.keys, now, fallbacks=fallbacks, row_number=row_number)
        if getattr(args, "prefer_region", False):
            homes = result.checked.read_abroad if result.checked else {}
            country = homes_named(homes.values(), target.default_region or "")
            message, changed = read_as_home(message, result)
            if changed:
                print(
                    f"note: {changed} number(s) valid abroad too are read as numbers of "
                    f"{country} (--prefer-region).",
                    file=err,
                )
                result = check(
                    message, target, flow.keys, now, fallbacks=fallbacks, row_number=row_number
                )
        # As the window decides: personalised, or more recipients than one request takes.
        chunk = options_from(args).chunk_size
        campaign = getattr(args, "recipients", None) is not None or goes_as_campaign(
            result.prepared, flow.keys, chunk
        )
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
        if getattr(args, "dry_run", False):
            _print_dry_run(result.prepared, out)
            if campaign:
                print_plan(result.prepared, flow.keys, fallbacks, options_from(args), out)
            return EXIT_OK
        if campaign:
            return await run_campaign(
                client, target, outbox, result.prepared, flow.keys, args, out, err, posted
            )
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


def _load(path: Path) -> OmniMessage:
    try:
        return load_draft(path)
    except DraftError as exc:
        raise UsageError(str(exc)) from None


INVALID_SHOWN = 10


def _with_recipients(
    message: OmniMessage, target: Target, args: argparse.Namespace, err: TextIO
) -> tuple[OmniMessage, Callable[[int], int] | None]:
    """The draft with the file's rows added to its own destinations, and, when it has none of
    its own, each recipient's row in the file (problems name the rows the operator sees);
    UsageError (exit 2) for a file problem or any invalid row, duplicates dropped with a
    warning."""
    columns: dict[str, str] = {}
    for choice in args.column:
        kind, equals, name = choice.partition("=")
        if not equals or not name.strip():
            raise UsageError(f"--column {choice}: write it as KIND=NAME, e.g. phone=Mobile.")
        columns[kind] = name
    result = read_recipients(
        args.recipients,
        None,
        target.default_region,
        sheet=args.sheet,
        exclusions=args.exclude,
        columns=columns,
        encoding=args.encoding,
    )
    _check_rows(result, args.recipients, show_all=bool(getattr(args, "dry_run", False)))
    if result.duplicate_count:
        print(
            f"warning: {result.duplicate_count} duplicate row(s) dropped "
            f"(the same number or e-mail as an earlier row).",
            file=err,
        )
        result = remove_duplicates(result)
    if result.excluded_count:
        print(f"{result.excluded_count} row(s) left out: on the exclusion list.", file=err)
    if result.cut_cells:
        print(f"warning: {result.cut_cells} over-long cell(s) were cut.", file=err)
    own = bool(message.destinations)
    message.destinations = [*message.destinations, *(r.destination for r in result.rows)]
    return message, None if own else [r.row for r in result.rows].__getitem__


def _check_rows(result: ImportResult, path: Path, *, show_all: bool = False) -> None:
    """UsageError for a file without recipients, or with invalid rows: the first
    INVALID_SHOWN of them named (all with `show_all`, the dry run's)."""
    invalid = result.invalid
    if not result.rows and not result.excluded:
        raise UsageError(f"{path.name} has no recipients; nothing was sent.")
    if result.rows and all(
        r.destination.phone is None and r.destination.email is None for r in result.rows
    ):
        raise UsageError(
            "Could not tell which column holds phone numbers or e-mail addresses; "
            "name it with --column phone=NAME or --column email=NAME."
        )
    if invalid:
        shown = invalid if show_all else invalid[:INVALID_SHOWN]
        lines = [f"row {r.row}: {r.problem}" for r in shown]
        more = len(invalid) - len(shown)
        if more > 0:
            lines.append(f"... and {more} more (--dry-run lists them all)")
        raise UsageError(
            "\n".join(
                [
                    f"{path.name}: {len(invalid)} invalid row(s); nothing was sent.",
                    *lines,
                    "Fix or remove these rows in the file, then run the command again.",
                ]
            )
        )


def _print_dry_run(prepared: OmniMessage, out: TextIO) -> None:
    """What a send would post: the count and the first destinations, normalised."""
    destinations = prepared.destinations
    out.write(f"Dry run: {len(destinations)} recipient(s) would be sent to; nothing was sent.\n")
    for destination in destinations[:20]:
        cells = [destination.phone, destination.email, destination.message_id]
        out.write("  " + "  ".join(terminal_safe(c) for c in cells if c) + "\n")
    if len(destinations) > 20:
        out.write(f"  ... and {len(destinations) - 20} more\n")


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
