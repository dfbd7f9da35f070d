"""The sandbox's scenarios: two seeded ones, and those created or updated while it runs."""

from __future__ import annotations

import secrets
from typing import Any

from omni_desktop.core.scenario import Scenario, Step

from omni_desktop.sandbox.rules import RULES

DEFAULT_SCENARIO_KEY = "5F0C1B2A3D4E6F708192A3B4C5D6E7F8"
SMS_SCENARIO_KEY = "9A8B7C6D5E4F30211203F4E5D6C7B8A9"

SEEDS = (
    Scenario(
        key=DEFAULT_SCENARIO_KEY,
        name="Viber, then SMS, then e-mail",
        flow=(
            Step("VIBER", "OmniShop"),
            Step("SMS", "InfoSMS"),
            Step("EMAIL", "shop@example.com"),
        ),
        default=True,
    ),
    Scenario(key=SMS_SCENARIO_KEY, name="SMS only", flow=(Step("SMS", "InfoSMS"),)),
)


class BadRequest(Exception):
    """A request the sandbox answers with 400 and this plain reason."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def parse_scenario(body: Any, key: str) -> Scenario:
    """A scenario from a create/update body, or BadRequest saying what is wrong."""
    if not isinstance(body, dict):
        raise BadRequest("The scenario is not a JSON object.")
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BadRequest("The scenario needs a name.")
    flow = body.get("flow")
    if not isinstance(flow, list) or not flow:
        raise BadRequest("The scenario needs a flow with at least one step.")
    steps = []
    for index, raw in enumerate(flow, start=1):
        if not isinstance(raw, dict):
            raise BadRequest(f"Step {index} of the flow is not a JSON object.")
        channel = raw.get("channel")
        if channel not in RULES:
            raise BadRequest(
                f"Step {index} has channel {channel!r}; use one of {', '.join(RULES)}."
            )
        sender = raw.get("from", "")
        if not isinstance(sender, str):
            raise BadRequest(f"Step {index} has a sender ('from') that is not text.")
        steps.append(Step(channel=channel, sender=sender))
    default = body.get("default", body.get("defaultScenario", False))
    if not isinstance(default, bool):
        raise BadRequest("'default' must be true or false.")
    return Scenario(key=key, name=name, flow=tuple(steps), default=default)


class ScenarioStore:
    """Scenarios by key, in creation order; at most one is the default."""

    def __init__(self) -> None:
        self._items: dict[str, Scenario] = {s.key: s for s in SEEDS}

    def get(self, key: str) -> Scenario | None:
        return self._items.get(key)

    def default(self) -> Scenario | None:
        return next((s for s in self._items.values() if s.default), None)

    def list(self, is_default: bool | None, limit: int, page: int) -> list[Scenario]:
        found = [s for s in self._items.values() if is_default is None or s.default == is_default]
        return found[page * limit : (page + 1) * limit]

    def create(self, body: Any) -> Scenario:
        key = secrets.token_hex(16).upper()
        while key in self._items:  # pragma: no cover - 128 random bits
            key = secrets.token_hex(16).upper()
        return self._store(parse_scenario(body, key))

    def update(self, key: str, body: Any) -> Scenario | None:
        if key not in self._items:
            return None
        return self._store(parse_scenario(body, key))

    def _store(self, scenario: Scenario) -> Scenario:
        if scenario.default:
            for other in list(self._items.values()):
                if other.default and other.key != scenario.key:
                    self._items[other.key] = Scenario(other.key, other.name, other.flow, False)
        self._items[scenario.key] = scenario
        return scenario
