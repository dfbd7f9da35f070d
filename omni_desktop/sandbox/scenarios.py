"""The sandbox's scenarios: two seeded ones, and those created or updated while it runs.

Bodies are checked as the app checks them (`core.scenario`); keys are 32 hexadecimal
characters; at most one scenario is the default (setting one clears the others).
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from typing import Any

from omni_desktop.core.scenario import Scenario, ScenarioError, Step, scenario_from_body

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
    """A request the sandbox answers with 400 and this plain reason (and, for an invalid
    scenario, the API's `validationErrors`: sentences by the field they are about)."""

    def __init__(self, text: str, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.errors = errors


def parse_scenario(body: Any, key: str) -> Scenario:
    """A scenario from a create/update body, or BadRequest saying what is wrong (the app's
    own check, `scenario_from_body`: the sandbox refuses what the app would refuse)."""
    try:
        return scenario_from_body(body, key)
    except ScenarioError as exc:
        errors: dict[str, list[str]] = {}
        for problem in exc.problems:
            errors.setdefault(problem.path or "scenario", []).append(problem.sentence)
        raise BadRequest(str(exc), errors) from None


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
        return self._store(parse_scenario(body, self._new_key()))

    def _new_key(self) -> str:
        """32 upper-case hexadecimal characters, as the API's keys."""
        key = secrets.token_hex(16).upper()
        while key in self._items:  # pragma: no cover - 128 random bits
            key = secrets.token_hex(16).upper()
        return key

    def seed(self, body: dict[str, Any]) -> Scenario:
        """Store `body` unchecked under a new key (tests and demos): what an account made
        elsewhere may hold, such as a sender the API's checks refuse today."""
        return self._store(replace(Scenario.from_json(body), key=self._new_key()))

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
