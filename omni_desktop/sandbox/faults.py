"""Faults the sandbox can inject, changeable while it runs (from another thread, or over HTTP at
`/_sandbox/faults` with the sandbox's key).

Counters ("the next N requests") count API requests only (`/omni/...`), never the control
endpoints. In one request the faults apply in this order: latency, hold (sends only), then
429, then 5xx (neither is processed), then drop or garble (both processed first: the message
is accepted, only the answer is lost, the case a client must not resend blindly).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Faults:
    latency: float = 0.0  # seconds added before every API answer
    error_rate: float = 0.0  # 0..1 of API requests answered `error_status`; deterministic
    error_status: int = 500
    fail_next: int = 0  # the next N API requests get `error_status`
    throttle_next: int = 0  # the next N API requests get 429 with `Retry-After`
    retry_after: int = 1  # seconds, sent in the Retry-After header
    drop_next: int = 0  # the next N: processed, then the connection is closed without answer
    garble_next: int = 0  # the next N: processed, then a 200 with a cut-off JSON body
    hold_sends: bool = False  # hold POST /omni/1/advanced open until this turns False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _error_debt: float = field(default=0.0, repr=False, compare=False)

    def take(self, counter: str) -> bool:
        """Use up one of a "next N" counter; True when this request is one of the N."""
        with self._lock:
            left = int(getattr(self, counter))
            if left <= 0:
                return False
            setattr(self, counter, left - 1)
            return True

    def take_error(self) -> bool:
        """Whether this request fails, from `fail_next`, then from `error_rate`.

        The rate is applied as a running debt (0.25 fails every 4th request) so that a demo
        or a test sees the same sequence every time.
        """
        if self.take("fail_next"):
            return True
        with self._lock:
            rate = min(max(float(self.error_rate), 0.0), 1.0)
            if rate <= 0.0:
                self._error_debt = 0.0
                return False
            self._error_debt += rate
            if self._error_debt >= 1.0 - 1e-9:
                self._error_debt -= 1.0
                return True
            return False

    def clear(self) -> None:
        """Back to no faults at all."""
        self.update({f.name: f.default for f in fields(self) if not f.name.startswith("_")})
        with self._lock:
            self._error_debt = 0.0

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if not f.name.startswith("_")}

    def update(self, changes: dict[str, Any]) -> None:
        """Set the named knobs; a ValueError names the first unknown knob or bad value."""
        known = {f.name: f for f in fields(self) if not f.name.startswith("_")}
        checked: dict[str, Any] = {}
        for name, value in changes.items():
            spec = known.get(name)
            if spec is None:
                raise ValueError(f"There is no fault called {name!r}; known: {', '.join(known)}.")
            checked[name] = _coerce(name, spec.type, value)
        with self._lock:
            for name, value in checked.items():
                setattr(self, name, value)


def _coerce(name: str, kind: Any, value: Any) -> Any:
    # `kind` is the annotation as a string under `from __future__ import annotations`.
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be true or false.")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number.")
    if value < 0:
        raise ValueError(f"{name} must not be negative.")
    if kind == "int":
        if value != int(value):
            raise ValueError(f"{name} must be a whole number.")
        return int(value)
    if name == "error_rate" and value > 1:
        raise ValueError("error_rate must be between 0 and 1.")
    return float(value)


__all__ = ["Faults"]
