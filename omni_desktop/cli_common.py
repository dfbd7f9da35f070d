"""What every headless command that talks to an account shares: its target from the
arguments (`--profile`, else `--base-url` / the environment), built one way for all of them."""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable
from typing import TextIO

from omni_desktop.core.i18n import tr

from omni_desktop.storage.logging_setup import configure_logging, redact_secret
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.secrets import SecretStore
from omni_desktop.storage.settings import SettingsFile

from omni_desktop.services.targets import Target, environment_target, profile_target

# The exit codes of every headless command (README: "send exits with ...").
EXIT_OK = 0
EXIT_USAGE = 2  # invalid input or usage: nothing was sent
EXIT_REJECTED = 3  # the API refused it
EXIT_UNKNOWN = 4  # the outcome is unknown: never retried by itself
EXIT_NOT_SENT = 5  # nothing could be sent


class UsageError(Exception):
    """Wrong arguments or environment: nothing was sent."""


def guarded(run: Callable[[list[bool]], int], err: TextIO, stopped: str, before: str) -> int:
    """Run a command that may post: never a traceback, never exit 1.

    `run(posted)` appends to `posted` once a request may have left. An exception it lets out
    is logged and said in one sentence, `stopped` with {where} (`before`, or after the request
    went out) and {kind}: exit 4 when something may have gone out, else 5.
    """
    posted: list[bool] = []
    try:
        return run(posted)
    except Exception as exc:  # the last line of defence: one sentence, the details in the log
        logging.getLogger("omni_desktop").exception("command stopped")
        where = tr("after the request went out") if posted else before
        print(stopped.format(where=where, kind=type(exc).__name__), file=err)
        return EXIT_UNKNOWN if posted else EXIT_NOT_SENT


def target_from_args(args: argparse.Namespace) -> Target:
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
    region = getattr(args, "region", None)
    if region is not None:
        target = target.with_region(region)
    return target


__all__ = ["UsageError", "target_from_args"]


def sign_in(target: Target, err: TextIO) -> AppPaths:
    """Before the first call: mask the target's secret in every log line, say which key signs
    in (when it matters), and set up the log; the app's folders. StorageError when they
    cannot be made."""
    redact_secret(*target.auth().secrets())
    if target.key_source:
        print(tr("Signing in with {source}.").format(source=target.key_source), file=err)
    paths = AppPaths.default().ensure()
    configure_logging(paths.log)
    return paths
