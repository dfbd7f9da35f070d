"""The scenario endpoints' throttling, as the API documents it: 20 creates and 40 updates per
10 minutes (`x-throttling-info`), answered with 429 and `Retry-After`.

Windows are in the sandbox's own time (`SandboxServer.now()`: real seconds, which tests move
with their own clock; `time_scale` speeds up failover only). The limits are a setting of the
sandbox, changeable while it runs, so a test can lower them instead of making 20 scenarios.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from dataclasses import dataclass

CREATE = "create"
UPDATE = "update"


@dataclass
class ScenarioLimits:
    """Requests allowed per `window` seconds; 0 turns a limit off."""

    creates: int = 20
    updates: int = 40
    window: float = 600.0

    def allowed(self, kind: str) -> int:
        return self.creates if kind == CREATE else self.updates


class Throttle:
    """Counts scenario writes in a sliding window; says how long to wait when one is too many."""

    def __init__(self, limits: ScenarioLimits) -> None:
        self.limits = limits
        self._seen: dict[str, deque[float]] = {CREATE: deque(), UPDATE: deque()}
        self._lock = threading.Lock()

    def take(self, kind: str, now: float) -> int | None:
        """Count one `kind` request at `now`; None when allowed, else whole seconds to wait
        (it is then not counted)."""
        allowed, window = self.limits.allowed(kind), self.limits.window
        with self._lock:
            seen = self._seen[kind]
            while seen and seen[0] <= now - window:
                seen.popleft()
            if allowed > 0 and len(seen) >= allowed:
                return max(1, math.ceil(seen[len(seen) - allowed] + window - now))
            seen.append(now)
            return None


__all__ = ["CREATE", "UPDATE", "ScenarioLimits", "Throttle"]
