"""Campaigns headless: `send DRAFT --recipients FILE` runs one, `resume ID` continues one,
`status ID [--json]` prints one's state from the outbox (no network; `--check` fetches the
delivery reports waiting at the API first).

The send ID is printed on standard error before the first POST, then a progress line. Exit
codes, for the whole campaign: 0 every request accepted; 3 a request was rejected; 4 a request's
outcome is unknown; 5 requests were not sent (nothing at all, or the rest after a pause or a
connection failure: `resume ID` continues). Ctrl+C pauses after the requests in flight.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from omni_desktop.core.message import OmniMessage
from omni_desktop.core.status import FARED_ORDER
from omni_desktop.core.text import terminal_safe

from omni_desktop.storage import awaiting
from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignRecord, CampaignState
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.sends import SendState

from omni_desktop.services.campaigns import (
    CampaignRunner,
    Options,
    Progress,
    duration_text,
    plan,
    plan_figures,
    resend_missing,
    settle_unknown,
)
from omni_desktop.services.targets import TargetError

from omni_desktop.cli_common import (
    EXIT_NOT_SENT,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_UNKNOWN,
    EXIT_USAGE,
    UsageError,
    sign_in,
    target_from_args,
)

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient

    from omni_desktop.services.targets import Target

PROGRESS_EVERY = 1.0  # seconds between progress lines when standard error is not a terminal


def options_from(args: argparse.Namespace) -> Options:
    try:
        return Options(
            chunk_size=args.chunk_size, concurrency=args.concurrency, per_minute=args.per_minute
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def fallbacks_from(args: argparse.Namespace) -> dict[str, str]:
    """`--fallback NAME=VALUE`: the value for {{NAME}} where a row has none."""
    found: dict[str, str] = {}
    for choice in getattr(args, "fallback", None) or []:
        name, equals, value = choice.partition("=")
        if not equals or not name.strip():
            raise UsageError(
                f"--fallback {choice}: write it as NAME=VALUE, e.g. 'First name=there'."
            )
        found[name.strip()] = value
    return found


def print_plan(
    prepared: OmniMessage,
    flow: Sequence[str] | None,
    fallbacks: Mapping[str, str],
    options: Options,
    out: TextIO,
) -> None:
    """The dry run's campaign figures: requests, distinct texts and SMS segments."""
    from omni_desktop.core.personalise import segment_range

    figures = plan_figures(prepared, flow, fallbacks, options.chunk_size)
    out.write(
        f"{figures.requests} request(s) of at most {options.chunk_size}, "
        f"{figures.texts} distinct text(s).\n"
    )
    segments = segment_range(prepared, flow, fallbacks)
    if segments is not None:
        low, high, total = segments
        span = f"{low}" if low == high else f"{low}-{high}"
        out.write(f"SMS: {span} segment(s) per message, {total} in all.\n")


async def run_campaign(
    client: OmniClient,
    target: Target,
    outbox: Outbox,
    prepared: OmniMessage,
    flow: Sequence[str] | None,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    posted: list[bool],
) -> int:
    """Plan the campaign in the outbox, print its ID, then send it."""
    options = options_from(args)
    now = datetime.now(UTC)
    try:
        campaign_id = await asyncio.to_thread(
            plan,
            outbox,
            target,
            prepared,
            flow,
            fallbacks_from(args),
            options,
            now,
            args.draft.name,
        )
    except StorageError as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    print(f"send ID: {campaign_id}", file=err, flush=True)
    posted.append(True)
    record = await _run(client, target, outbox, campaign_id, options, err)
    return _finish(record, args, out, err)


async def _run(
    client: OmniClient,
    target: Target,
    outbox: Outbox,
    campaign_id: int,
    options: Options,
    err: TextIO,
) -> CampaignRecord:
    line = ProgressLine(err)
    runner = CampaignRunner(client, target, outbox, campaign_id, options, progress=line.show)
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):

        def interrupted() -> None:
            print("\nPausing after the requests in flight...", file=err, flush=True)
            runner.pause("Paused with Ctrl+C.")

        loop.add_signal_handler(signal.SIGINT, interrupted)
    try:
        return await runner.run()
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.remove_signal_handler(signal.SIGINT)
        line.end()


class ProgressLine:
    """One line of progress on standard error: rewritten in a terminal, else once a second."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.tty = bool(getattr(err, "isatty", lambda: False)())
        self._last = 0.0
        self._shown: Progress | None = None
        self._pending: Progress | None = None

    def show(self, progress: Progress) -> None:
        now = time.monotonic()
        self._pending = progress
        if self.tty or now - self._last >= PROGRESS_EVERY:
            self._write(progress)
            self._last = now

    def end(self) -> None:
        if self._pending is not None and self._pending is not self._shown:
            self._write(self._pending)
        if self.tty and self._shown is not None:
            self.err.write("\n")
        self.err.flush()

    def _write(self, p: Progress) -> None:
        self._shown = p
        text = (
            f"{p.requests_done}/{p.requests_total} requests, "
            f"{p.messages_done:,}/{p.messages_total:,} messages"
        )
        if p.rate_per_minute:
            text += f", {p.rate_per_minute:,.0f}/min"
        if p.eta_seconds is not None and p.messages_done < p.messages_total:
            text += f", about {duration_text(p.eta_seconds)} left"
        self.err.write(("\r" + text + "\x1b[K") if self.tty else text + "\n")
        self.err.flush()


def exit_code(record: CampaignRecord) -> int:
    """The whole campaign's exit code (see the module's docstring)."""
    if record.count(SendState.UNKNOWN) or record.count(SendState.SENDING):
        return EXIT_UNKNOWN
    if record.count(SendState.REJECTED):
        return EXIT_REJECTED
    if record.pending or record.count(SendState.NOT_SENT):
        return EXIT_NOT_SENT
    return EXIT_OK


def _finish(record: CampaignRecord, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if getattr(args, "json", False):
        json.dump(status_json(record), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_status(record, out)
    code = exit_code(record)
    if record.note:
        print(terminal_safe(record.note), file=err)
    if record.resumable and record.state is not CampaignState.CANCELLED:
        print(f"Continue it with: omni-desktop resume {record.id}", file=err)
    return code


def status_json(
    record: CampaignRecord, delivery: Mapping[str, int] | None = None
) -> dict[str, Any]:
    """The campaign as `status --json` prints it (`delivery`: its messages by status group)."""
    found: dict[str, Any] = {
        "sendId": record.id,
        "name": record.name,
        "state": record.state.value,
        "createdAt": record.created_at.isoformat(),
        "finishedAt": record.finished_at.isoformat() if record.finished_at else None,
        "account": record.profile or record.base_url,
        "chunkSize": record.chunk_size,
        "requests": {"total": record.request_count, **record.requests},
        "messages": {"total": record.message_count, **record.messages},
        "note": record.note,
        "resumable": record.resumable,
    }
    if delivery is not None:
        found["delivery"] = {group: delivery[group] for group in _by_group_order(delivery)}
    return found


STATE_WORDS = {
    CampaignState.RUNNING: "running (or stopped without finishing)",
    CampaignState.PAUSED: "paused",
    CampaignState.CANCELLED: "cancelled",
    CampaignState.FINISHED: "finished",
}
REQUEST_WORDS = (
    (SendState.ACCEPTED.value, "accepted"),
    (SendState.REJECTED.value, "rejected"),
    (SendState.UNKNOWN.value, "outcome unknown"),
    (SendState.SENDING.value, "in flight"),
    (SendState.NOT_SENT.value, "not sent"),
    (store.PENDING, "not started"),
)


def _by_group_order(delivery: Mapping[str, int]) -> list[str]:
    """The status group names in the order the history lists them (`FARED_ORDER`)."""
    known = {group.name: i for i, group in enumerate(FARED_ORDER)}
    return sorted(delivery, key=lambda group: (known.get(group, len(known)), group))


def delivery_line(delivery: Mapping[str, int]) -> str:
    """`delivery: 2,950 delivered, 50 undeliverable`; UNKNOWN is a message nothing was
    heard of, its request's outcome unknown."""
    parts = [
        f"{delivery[group]:,} {'not heard of' if group == 'UNKNOWN' else group.lower()}"
        for group in _by_group_order(delivery)
    ]
    return "delivery: " + ", ".join(parts)


def print_status(record: CampaignRecord, out: TextIO) -> None:
    name = f" ({terminal_safe(record.name)})" if record.name else ""
    out.write(f"Send {record.id}{name}: {STATE_WORDS[record.state]}\n")
    out.write(f"  account: {terminal_safe(record.profile or record.base_url)}\n")
    out.write(
        f"  {record.request_count} request(s), {record.message_count:,} message(s); "
        f"created {record.created_at.astimezone():%Y-%m-%d %H:%M}\n"
    )
    for key, words in REQUEST_WORDS:
        if record.count(key):
            out.write(
                f"  {words}: {record.count(key)} request(s), "
                f"{record.messages.get(key, 0):,} message(s)\n"
            )


# --- status and resume ----------------------------------------------------------------------------


def _outbox() -> Outbox:
    paths = AppPaths.default().ensure()
    return Outbox(paths.history_file)


def _campaign(outbox: Outbox, send_id: int) -> CampaignRecord:
    try:
        return store.get(outbox, send_id)
    except KeyError:
        raise UsageError(
            f"There is no send {send_id} in the history (a campaign's ID is printed as "
            "'send ID: N' when it starts)."
        ) from None


def status_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`status ID [--json] [--check]`: the campaign's state from the outbox, with its messages'
    delivery as last heard (`--check`: the reports waiting at the API fetched first); the exit
    code is its send's. A check that fails is said on standard error; the history's state is
    printed all the same."""
    try:
        with _outbox() as outbox:
            record = _campaign(outbox, args.send_id)
            if args.check:
                _check_reports(outbox, record, args, err)
            delivery = store.delivery(outbox, record.id)
    except (UsageError, TargetError, StorageError) as exc:
        print(terminal_safe(str(exc)), file=err)
        return EXIT_USAGE
    if args.json:
        json.dump(status_json(record, delivery), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_status(record, out)
        if delivery:
            out.write(f"  {delivery_line(delivery)}\n")
        if record.note:
            out.write(f"  {terminal_safe(record.note)}\n")
    return exit_code(record)


def _check_reports(
    outbox: Outbox, record: CampaignRecord, args: argparse.Namespace, err: TextIO
) -> None:
    """The reports waiting for the campaign's accepted requests, fetched into the outbox."""
    from omni_desktop.api.errors import OmniError

    from omni_desktop.services.reports import fetch_reports

    target = target_from_args(args)
    _same_account(record, target)
    sign_in(target, err)
    bulks = awaiting.of_campaign(outbox, record.id)
    if not bulks:
        print("No message is waiting for a delivery report.", file=err)
        return
    client = target.client(deadline=args.timeout)

    async def fetch() -> int:
        async with client:
            return await fetch_reports(client, outbox, bulks)

    try:
        count = asyncio.run(fetch())
    except OmniError as exc:
        print(f"The delivery reports could not be fetched: {terminal_safe(exc.sentence)}", file=err)
        return
    print(f"{count:,} delivery report(s) fetched.", file=err)


def resume_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`resume ID`: settle the unknown requests by the logs, then send the ones never started
    (and, with --resend-missing or a yes at the prompt, those the logs show never arrived)."""
    try:
        target = target_from_args(args)
        outbox = _outbox()
    except (UsageError, TargetError, StorageError) as exc:
        print(terminal_safe(str(exc)), file=err)
        return EXIT_USAGE
    with outbox:
        try:
            record = _campaign(outbox, args.send_id)
            _same_account(record, target)
            client = target.client(deadline=args.timeout)
            sign_in(target, err)
            outbox.recover_unanswered()
        except (UsageError, TargetError, StorageError) as exc:
            print(terminal_safe(str(exc)), file=err)
            return EXIT_USAGE
        if record.state is CampaignState.CANCELLED:
            print(f"Send {record.id} was cancelled; its other requests are never sent.", file=err)
            print_status(record, out)
            return exit_code(record)
        return asyncio.run(_resume(client, target, outbox, record, args, out, err))


def _same_account(record: CampaignRecord, target: Target) -> None:
    if record.base_url.rstrip("/") != target.base_url.rstrip("/"):
        raise UsageError(
            f"Send {record.id} went to {record.base_url}; use the same account "
            f"(--base-url {record.base_url}"
            + (f" or --profile {record.profile})." if record.profile else ").")
        )


async def _resume(
    client: OmniClient,
    target: Target,
    outbox: Outbox,
    record: CampaignRecord,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
) -> int:
    from omni_desktop.api.errors import OmniError

    async with client:
        try:
            missing = await settle_unknown(client, outbox, record.id)
        except (OmniError, StorageError) as exc:
            print(f"The unknown requests could not be checked: {terminal_safe(str(exc))}", file=err)
            return EXIT_UNKNOWN
        if missing:
            count = len(missing)
            print(
                f"The logs show no message of {count} request(s) whose outcome was unknown "
                f"(send #{', #'.join(str(i) for i in missing)}): they may never have arrived.",
                file=err,
            )
            if args.resend_missing or _agreed(err):
                resent = await asyncio.to_thread(
                    resend_missing, outbox, record.id, missing, datetime.now(UTC)
                )
                print(f"{resent} request(s) planned again with new IDs.", file=err)
            else:
                print("They are not sent again (use --resend-missing to send them).", file=err)
        print(f"send ID: {record.id}", file=err, flush=True)
        options = Options(
            chunk_size=record.chunk_size, concurrency=args.concurrency, per_minute=args.per_minute
        )
        final = await _run(client, target, outbox, record.id, options, err)
    return _finish(final, args, out, err)


def _agreed(err: TextIO) -> bool:
    if not sys.stdin.isatty():
        return False
    err.write("Send them again, with new IDs? [y/N] ")
    err.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


__all__ = [
    "exit_code",
    "print_plan",
    "resume_command",
    "run_campaign",
    "status_command",
    "status_json",
]
