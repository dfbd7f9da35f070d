"""The headless commands' arguments, apart from their code so that `--help` and the window's
start-up do not import the client, storage and sandbox just to build the parser."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_commands(sub: Any) -> None:
    """Register `send`, `resume`, `status`, `scenarios` and `sandbox` on the main parser."""
    send = sub.add_parser(
        "send",
        help="send a draft (*.omni.json) without opening the window",
        description="Validate a draft and post it to POST /omni/1/advanced.",
    )
    send.add_argument("draft", type=Path, help="the draft file: the request body as JSON")
    send.add_argument(
        "--base-url",
        help="the API base URL (default: $INFOBIP_BASE_URL); the key is $INFOBIP_API_KEY",
    )
    send.add_argument(
        "--profile", help="send through this account of the app's settings (key from the keyring)"
    )
    send.add_argument(
        "--region",
        metavar="CC",
        help="read phone numbers written without their country code as this country's "
        "(a two-letter code such as CH; default: the account's default region)",
    )
    send.add_argument(
        "--prefer-region",
        action="store_true",
        help="where bare digits are a valid number both abroad and in the region, read them "
        "as the region's (without it they are read abroad, with a warning)",
    )
    send.add_argument(
        "--timeout", type=float, default=30.0, help="total deadline in seconds (default 30)"
    )
    send.add_argument(
        "--json",
        action="store_true",
        help="print the API's response JSON on stdout (a campaign's status, as status --json)",
    )
    send.add_argument(
        "--recipients",
        type=Path,
        metavar="FILE",
        help="add the rows of a spreadsheet (.csv, .tsv, .txt, .xlsx, .xls, .ods) as recipients",
    )
    send.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="KIND=NAME",
        help="the column holding phone, email or messageId, by header name or number "
        "(e.g. --column phone=Mobile; default: proposed from the headers and the cells)",
    )
    send.add_argument("--sheet", metavar="NAME", help="the workbook's sheet (default: the first)")
    send.add_argument(
        "--encoding",
        metavar="NAME",
        help="a text file's encoding: utf-8, utf-8-sig, utf-16, cp1252 (Western) or cp1250 "
        "(Central European) (default: detected)",
    )
    send.add_argument(
        "--exclude",
        type=Path,
        metavar="FILE",
        help="an opt-out list: numbers and e-mails in this file are never sent to",
    )
    send.add_argument(
        "--dry-run",
        action="store_true",
        help="validate and print what would be sent; send and record nothing",
    )
    _add_campaign_options(send)
    send.add_argument(
        "--fallback",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="the text for {{NAME}} in rows where that column is empty (e.g. 'First name=there')",
    )
    _add_campaigns(sub)
    _add_scenarios(sub)
    sandbox = sub.add_parser(
        "sandbox",
        help="run the built-in sandbox server (a local OMNI API)",
        description="Run a local server that behaves like the OMNI API, until Ctrl+C.",
    )
    sandbox.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any)")
    sandbox.add_argument("--key", help="the API key it accepts (default: made up and printed)")
    sandbox.add_argument(
        "--exit-with-parent",
        action="store_true",
        help=argparse.SUPPRESS,  # the app's own sandbox: stop when standard input closes
    )
    sandbox.add_argument(
        "--time-scale",
        type=float,
        default=60.0,
        help="how many times faster failover runs than in reality (default 60)",
    )


def _add_account(command: Any) -> None:
    command.add_argument(
        "--base-url",
        help="the API base URL (default: $INFOBIP_BASE_URL); the key is $INFOBIP_API_KEY",
    )
    command.add_argument(
        "--profile", help="use this account of the app's settings (key from the keyring)"
    )
    command.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="deadline of each request in seconds (default 30)",
    )


def _add_campaign_options(command: Any, chunks: bool = True) -> None:
    """The campaign's pacing: with --recipients a send goes in chunks (`resume` keeps them)."""
    if chunks:
        command.add_argument(
            "--chunk-size",
            type=int,
            default=1000,
            metavar="N",
            help="at most N recipients per request (default 1000); a send of more, or a "
            "personalised one ({{Field}}), goes as a campaign of such requests",
        )
    command.add_argument(
        "--concurrency",
        type=int,
        default=4,
        metavar="N",
        help="requests in flight at once (default 4)",
    )
    command.add_argument(
        "--per-minute",
        type=int,
        metavar="N",
        help="send at most N messages a minute (default: as fast as the API allows)",
    )


def _add_campaigns(sub: Any) -> None:
    """`resume ID` and `status ID [--json]`, for the sends made with --recipients."""
    resume = sub.add_parser(
        "resume",
        help="continue a campaign (send --recipients) that was paused or stopped",
        description="Settle the requests of unknown outcome by the logs, then send the ones "
        "never started. A request the logs do not show is sent again only with "
        "--resend-missing (or a yes at the prompt).",
    )
    resume.add_argument("send_id", type=int, metavar="SEND_ID", help="the send ID it printed")
    _add_account(resume)
    _add_campaign_options(resume, chunks=False)
    resume.add_argument(
        "--resend-missing",
        action="store_true",
        help="send again, with new IDs, the requests of unknown outcome the logs do not show",
    )
    resume.add_argument("--json", action="store_true", help="print the final state as JSON")
    status = sub.add_parser(
        "status",
        help="print a campaign's state from the history (no network, unless --check)",
        description="Print a campaign's requests and messages by outcome, and its messages' "
        "delivery as last heard. With --check, the delivery reports waiting at the API are "
        "fetched first (and kept in the history, as the window's are).",
    )
    status.add_argument("send_id", type=int, metavar="SEND_ID", help="the send ID it printed")
    status.add_argument("--json", action="store_true", help="print it as JSON")
    status.add_argument(
        "--check",
        action="store_true",
        help="fetch the delivery reports waiting at the API first (the campaign's account)",
    )
    _add_account(status)


def _add_scenarios(sub: Any) -> None:
    """`scenarios list [--json]`, `scenarios create FILE`, `scenarios update KEY FILE`."""
    scenarios = sub.add_parser(
        "scenarios",
        help="list, create or update the account's scenarios",
        description="List, create or update OMNI scenarios (the failover flows).",
    )
    actions = scenarios.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list every scenario of the account")
    listing.add_argument("--json", action="store_true", help="print the scenarios as JSON")
    create = actions.add_parser("create", help="create a scenario from a file; prints its key")
    update = actions.add_parser("update", help="replace a scenario with a file's")
    update.add_argument("key", help="the key of the scenario to change")
    for action in (create, update):
        action.add_argument(
            "file", type=Path, help='the scenario body as JSON: {"name", "flow", "default"}'
        )
    for action in (listing, create, update):
        action.add_argument(
            "--base-url",
            help="the API base URL (default: $INFOBIP_BASE_URL); the key is $INFOBIP_API_KEY",
        )
        action.add_argument(
            "--profile", help="use this account of the app's settings (key from the keyring)"
        )
        action.add_argument(
            "--timeout", type=float, default=30.0, help="total deadline in seconds (default 30)"
        )
