"""The headless commands' arguments, apart from their code so that `--help` and the window's
start-up do not import the client, storage and sandbox just to build the parser."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_commands(sub: Any) -> None:
    """Register `send` and `sandbox` on the main parser's subparsers."""
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
        "--timeout", type=float, default=30.0, help="total deadline in seconds (default 30)"
    )
    send.add_argument("--json", action="store_true", help="print the API's response JSON on stdout")
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
