"""A local OMNI API for demos and tests: same paths, auth, bodies and errors as the real one.

`SandboxServer` runs on the caller's loop, `SandboxThread` on its own loop in a daemon thread,
and `serve_forever` is the `omni-desktop sandbox` command. Delivery outcomes are deterministic,
by the last digit of the phone number (9: undeliverable everywhere, 8: phone off so only e-mail
delivers, 7: Viber expires, 0: not on Viber, else delivered); see `omni_desktop.sandbox.rules`.
Faults (latency, 5xx, 429, dropped connections, garbled bodies, held sends) are in `Faults`.
"""

from __future__ import annotations

from omni_desktop.sandbox.faults import Faults
from omni_desktop.sandbox.scenarios import DEFAULT_SCENARIO_KEY, SMS_SCENARIO_KEY
from omni_desktop.sandbox.server import SEND_PATH, SandboxServer, SandboxThread, serve_forever

__all__ = [
    "DEFAULT_SCENARIO_KEY",
    "SEND_PATH",
    "SMS_SCENARIO_KEY",
    "Faults",
    "SandboxServer",
    "SandboxThread",
    "serve_forever",
]
