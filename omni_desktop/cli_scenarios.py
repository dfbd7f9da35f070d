"""`omni-desktop scenarios list|create|update`: the scenario service, headless.

Exit codes as `send`: 0 done; 2 usage or an invalid scenario, nothing sent; 3 refused by the
API (4xx, 429 included); 4 outcome unknown, not retried; 5 not saved (could not connect, or a
lost answer the reloaded list shows was not acted on). Server text is printed terminal-safe.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import TextIO

from omni_desktop.core.i18n import tr, trn
from omni_desktop.core.scenario import Scenario
from omni_desktop.core.text import terminal_safe

from omni_desktop.api.client import OmniClient
from omni_desktop.api.errors import InvalidRequest, NotSent, OmniError, RateLimited
from omni_desktop.storage.errors import StorageError

from omni_desktop.services.scenarios import (
    SaveState,
    ScenarioFileError,
    list_all,
    read_scenario_file,
    save,
)
from omni_desktop.services.targets import TargetError

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

EXIT_CODES = {
    SaveState.SAVED: EXIT_OK,
    SaveState.INVALID: EXIT_USAGE,
    SaveState.REJECTED: EXIT_REJECTED,
    SaveState.THROTTLED: EXIT_REJECTED,
    SaveState.UNKNOWN: EXIT_UNKNOWN,
    SaveState.NOT_SAVED: EXIT_NOT_SENT,
}


def scenarios_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run one `scenarios` action; never a traceback, never exit 1."""
    return guarded(
        lambda posted: _scenarios_command(args, out, err, posted),
        err,
        tr("The command stopped {where} ({kind})."),
        tr("before anything was saved"),
    )


def _scenarios_command(
    args: argparse.Namespace, out: TextIO, err: TextIO, posted: list[bool]
) -> int:
    scenario: Scenario | None = None
    try:
        target = target_from_args(args)
        if args.action in ("create", "update"):
            key = args.key.strip() if args.action == "update" else ""
            if args.action == "update" and not key:
                raise UsageError(tr("Give the key of the scenario to update."))
            scenario = _read(args.file, key, err)
            if scenario is None:
                return EXIT_USAGE
        client = target.client(deadline=args.timeout)
    except (UsageError, TargetError) as exc:
        print(terminal_safe(str(exc)), file=err)
        return EXIT_USAGE
    try:
        sign_in(target, err)
    except StorageError as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    if scenario is None:
        return asyncio.run(_list(client, args.json, out, err))
    return asyncio.run(_save(client, scenario, out, err, posted))


def _read(path: Path, key: str, err: TextIO) -> Scenario | None:
    """The file's scenario under `key`, or None after saying on `err` why it cannot be saved."""
    try:
        read = read_scenario_file(path)
        return Scenario(key, read.name, read.flow, read.default)
    except ScenarioFileError as exc:
        if exc.problems:
            for problem in exc.problems:
                where = f"{problem.path}: " if problem.path else ""
                print(terminal_safe(f"error: {where}{problem.sentence}"), file=err)
            print(tr("The scenario is not valid; nothing was sent."), file=err)
        else:
            print(terminal_safe(str(exc)), file=err)
        return None


async def _list(client: OmniClient, as_json: bool, out: TextIO, err: TextIO) -> int:
    async with client:
        try:
            scenarios = await list_all(client)
        except OmniError as exc:
            print(terminal_safe(str(exc)), file=err)
            return _exit_for(exc)
    if as_json:
        text = json.dumps(
            {"scenarios": [s.to_json() for s in scenarios]}, ensure_ascii=False, indent=2
        )
        out.write(terminal_safe(text) + "\n")
        return EXIT_OK
    rows = [[tr("KEY"), tr("DEFAULT"), tr("NAME"), tr("FLOW")]]
    for s in scenarios:
        cells = [s.key, "*" if s.default else "", s.name, s.flow_label()]
        rows.append([terminal_safe(c).replace("\n", " ").replace("\t", " ") for c in cells])
    widths = [min(40, max(len(r[i]) for r in rows)) for i in range(3)]
    for row in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True)))
        out.write(f"  {row[3]}\n")
    out.write(trn("%n scenario(s).", None, len(scenarios)) + "\n")
    return EXIT_OK


async def _save(
    client: OmniClient, scenario: Scenario, out: TextIO, err: TextIO, posted: list[bool]
) -> int:
    async with client:
        known: list[str] | None = None
        if not scenario.key:
            # The keys there are now, so that after a lost answer only a new one counts.
            try:
                known = [s.key for s in await list_all(client)]
            except OmniError:
                known = None
        posted.append(True)
        outcome = await save(client, scenario, known)
    if outcome.state is SaveState.INVALID:
        for problem in outcome.problems:
            print(terminal_safe(f"error: {problem.path}: {problem.sentence}"), file=err)
    if outcome.state is SaveState.SAVED and outcome.scenario is not None:
        if outcome.recovered:
            print(terminal_safe(outcome.sentence), file=err)
        if scenario.key:
            print(terminal_safe(outcome.sentence), file=out)
        else:
            print(terminal_safe(outcome.scenario.key), file=out)
        return EXIT_OK
    print(terminal_safe(outcome.sentence), file=err)
    return EXIT_CODES[outcome.state]


def _exit_for(error: OmniError) -> int:
    if isinstance(error, InvalidRequest | RateLimited):
        return EXIT_REJECTED
    if isinstance(error, NotSent):
        return EXIT_NOT_SENT
    return EXIT_UNKNOWN


__all__ = ["scenarios_command"]
