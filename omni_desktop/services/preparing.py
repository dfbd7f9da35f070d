"""Preparing a send: the checks the window and the CLI both make before anything is recorded.

Validation reads national numbers with the target's default region and checks only the
channels of the scenario's flow; the body is cut to that flow. A request that reuses the IDs
of an earlier send is refused here, before the confirm step, not after it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from omni_desktop.core.i18n import tr
from omni_desktop.core.message import OmniMessage
from omni_desktop.core.personalise import check_fields
from omni_desktop.core.scenario import Scenario
from omni_desktop.core.validation import Problem, Severity, ValidationResult, validate

from omni_desktop.api.errors import OmniError

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.outbox import Outbox

    from omni_desktop.services.targets import Target


def check(
    message: OmniMessage,
    target: Target,
    flow: Sequence[str] | None,
    now: datetime,
    previous: ValidationResult | None = None,
    *,
    fallbacks: Mapping[str, str] | None = None,
    row_number: Callable[[int], int] | None = None,
) -> ValidationResult:
    """The draft's problems under `target`'s region and the scenario's `flow`, placeholders
    included: a `{{Field}}` some row cannot fill is an error unless `fallbacks` has a value.
    Its rows are named by `row_number(index)` (the file's own rows), else by position."""
    result = validate(
        message, now, flow=flow, default_region=target.default_region, previous=previous
    )
    result.problems.extend(check_fields(result.prepared, flow, fallbacks or {}, row_number))
    return result


def read_as_home(message: OmniMessage, result: ValidationResult) -> tuple[OmniMessage, int]:
    """`message` with the numbers `result` read abroad, though valid in the default region
    too, written as the region's (`+` and the digits it reads), and how many; `result` is
    `message` checked. The window's "Read N as … numbers" does this to its rows."""
    checked = result.checked
    if checked is None or not checked.read_abroad or checked.inputs is not message.destinations:
        return message, 0
    destinations = list(message.destinations)
    for index, home in checked.read_abroad.items():
        destinations[index] = replace(destinations[index], phone=home.written)
    return replace(message, destinations=destinations), len(checked.read_abroad)


def reuse_problem(outbox: Outbox | None, message: OmniMessage) -> Problem | None:
    """An error when the draft's own bulkId or messageIds were sent before (a read only)."""
    if outbox is None:
        return None
    ids = [d.message_id for d in message.destinations if d.message_id]
    if not ids and not message.bulk_id:
        return None
    reused = outbox.reused(message.bulk_id, ids)
    return None if reused is None else Problem("", Severity.ERROR, str(reused))


def choose_scenario(scenarios: Sequence[Scenario], key: str | None) -> Scenario | None:
    """The scenario `key` names, or the account's default when no key is set."""
    for scenario in scenarios:
        if (key and scenario.key == key) or (not key and scenario.default):
            return scenario
    return None


@dataclass(frozen=True)
class Flow:
    """The scenario a send goes through, as far as the account told us."""

    scenario: Scenario | None
    keys: list[str] | None  # channel keys in flow order; None: unknown, nothing is cut
    warning: str | None = None  # the draft goes, but the operator should know this
    error: str | None = None  # the draft cannot go this way


async def load_flow(client: OmniClient, key: str | None) -> Flow:
    """Ask the account for its scenarios and find the draft's flow, as the window does.

    When the list cannot be had (a key allowed to send but not to manage scenarios gets 403),
    the flow is unknown and the draft goes as it is, with a warning saying so. A key the
    account does not have is an error: the API would refuse the send.
    """
    from omni_desktop.services.scenarios import list_all

    try:
        scenarios = await list_all(client)
    except OmniError as exc:
        return Flow(
            None,
            None,
            warning=tr(
                "The scenarios could not be loaded ({reason}); the draft goes as it is."
            ).format(reason=exc.sentence),
        )
    scenario = choose_scenario(scenarios, key)
    if scenario is not None:
        return Flow(scenario, scenario.channel_keys())
    if key:
        return Flow(
            None,
            None,
            error=tr(
                "The account has no scenario with the key {key}; use the key of one of its "
                "scenarios."
            ).format(key=key),
        )
    return Flow(
        None, None, warning=tr("The account has no default scenario; the draft goes as it is.")
    )


def problems_text(problems: Sequence[Problem]) -> list[str]:
    """One line a problem, for the CLI: the field's place, then its sentence."""
    return [f"{p.path}: {p.message}" if p.path else p.message for p in problems]


__all__ = [
    "Flow",
    "check",
    "choose_scenario",
    "load_flow",
    "problems_text",
    "reuse_problem",
]
