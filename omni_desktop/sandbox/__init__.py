"""A local OMNI API for demos and tests: same paths, auth, bodies and errors as the real one.

`SandboxServer` runs on the caller's loop, `SandboxThread` on its own loop in a daemon thread,
and `serve_forever` is the `omni-desktop sandbox` command. Delivery outcomes are deterministic,
by the last digit of the phone number (9: undeliverable everywhere, 8: phone off so only e-mail
delivers, 7: Viber expires, 0: not on Viber, else delivered); see `omni_desktop.sandbox.rules`.
Faults (latency, 5xx, 429, dropped connections, garbled bodies, held sends) are in `Faults`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from omni_desktop.sandbox.faults import Faults
    from omni_desktop.sandbox.scenarios import DEFAULT_SCENARIO_KEY, SMS_SCENARIO_KEY
    from omni_desktop.sandbox.server import SandboxServer, SandboxThread, serve_forever
    from omni_desktop.sandbox.throttle import ScenarioLimits
    from omni_desktop.sandbox.wire import SEND_PATH

# Loaded on first use, so that `omni_desktop.sandbox.process` (what the window imports to
# start the sandbox in a child process) does not pull aiohttp into the window's start-up.
_WHERE = {
    "Faults": "faults",
    "DEFAULT_SCENARIO_KEY": "scenarios",
    "SMS_SCENARIO_KEY": "scenarios",
    "ScenarioLimits": "throttle",
    "SEND_PATH": "wire",
    "SandboxServer": "server",
    "SandboxThread": "server",
    "serve_forever": "server",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)


__all__ = [
    "DEFAULT_SCENARIO_KEY",
    "SEND_PATH",
    "SMS_SCENARIO_KEY",
    "Faults",
    "SandboxServer",
    "SandboxThread",
    "ScenarioLimits",
    "serve_forever",
]
