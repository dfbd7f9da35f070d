"""Scenarios: list all of an account's, create and update them, for the window and the CLI.

A scenario is checked before anything is sent (`check`). A create whose answer is lost
(`OutcomeUnknown`) is never retried: the list is reloaded and searched for what was sent, so
the operator learns "saved" (with its key) or "not saved, safe to try again", and the app never
makes two scenarios. The API's throttling (20 creates, 40 updates per 10 minutes) is one
sentence with the wait.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from omni_desktop.core import jsonsafe
from omni_desktop.core.i18n import tr, trn
from omni_desktop.core.scenario import (
    Scenario,
    ScenarioError,
    ScenarioProblem,
    scenario_from_body,
    scenario_problems,
)

from omni_desktop.api.errors import (
    InvalidRequest,
    NotSent,
    OmniError,
    OutcomeUnknown,
    RateLimited,
)
from omni_desktop.storage.drafts import JsonFileError, read_json_file

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient

PAGE_SIZE = 100  # the API's default page
MAX_PAGES = 1000  # 100,000 scenarios: far past any account; a server paging forever stops here
MAX_FILE_BYTES = 1024 * 1024  # a scenario body is a few hundred bytes
CREATES_PER_WINDOW = 20  # the API's throttling of POST /omni/1/scenarios
UPDATES_PER_WINDOW = 40  # and of PUT /omni/1/scenarios/{key}
WINDOW_MINUTES = 10


class SaveState(Enum):
    SAVED = "saved"
    INVALID = "invalid"  # our own check refused it: nothing was sent
    REJECTED = "rejected"  # the API refused it (4xx): correct it first
    THROTTLED = "throttled"  # 429: try again after the wait
    NOT_SAVED = "not saved"  # certainly not saved: safe to save again
    UNKNOWN = "unknown"  # may or may not be saved: reload before saving again


@dataclass(frozen=True)
class SaveOutcome:
    """How a save ended, with one sentence for the operator (`sentence`)."""

    state: SaveState
    sentence: str
    scenario: Scenario | None = None  # the saved scenario, with its key
    problems: tuple[ScenarioProblem, ...] = ()  # INVALID: each problem, by field
    error: OmniError | None = None
    retry_after: float | None = None  # THROTTLED: seconds to wait, when the API said
    recovered: bool = False  # SAVED although the answer was lost (found by reloading)

    @property
    def safe_to_retry(self) -> bool:
        """Whether saving the same again cannot make a second scenario."""
        return self.state in (SaveState.NOT_SAVED, SaveState.THROTTLED, SaveState.INVALID)


class ScenarioFileError(ValueError):
    """A scenario file that cannot be used; `str()` is one plain sentence (or several, one
    per problem, for an invalid flow), and `problems` holds them by field."""

    def __init__(self, sentence: str, problems: list[ScenarioProblem] | None = None) -> None:
        super().__init__(sentence)
        self.problems = problems or []


def check(scenario: Scenario) -> list[ScenarioProblem]:
    """What stops `scenario` from being saved; empty when nothing does."""
    return scenario_problems(scenario)


async def list_all(client: OmniClient, page_size: int = PAGE_SIZE) -> list[Scenario]:
    """Every scenario of the account, page by page until a short page; OmniError when a page
    cannot be had. A key seen on an earlier page is not listed twice, and a page that brings
    nothing new ends the list (a server that ignores `page` would repeat itself forever)."""
    found: dict[str, Scenario] = {}
    unkeyed: list[Scenario] = []
    for page in range(MAX_PAGES):
        batch = await client.list_scenarios(limit=page_size, page=page)
        new = [s for s in batch if s.key not in found or not s.key]
        for scenario in new:
            if scenario.key:
                found[scenario.key] = scenario
            else:
                unkeyed.append(scenario)
        if len(batch) < page_size or not new:
            return [*found.values(), *unkeyed]
    raise OutcomeUnknown(
        tr("the scenario list went on past {pages} pages").format(pages=MAX_PAGES), effect=None
    )


async def save(
    client: OmniClient, scenario: Scenario, known: Collection[str] | None = None
) -> SaveOutcome:
    """Create `scenario` (no key) or update it (a key); never retried when the answer is lost.

    `known` are the keys the caller listed before: after a lost answer to a create, only a
    scenario equal to `scenario` with another key counts as the one just made. Without it any
    equal scenario counts.
    """
    problems = check(scenario)
    if problems:
        sentence = trn("The scenario has %n problem(s); nothing was sent.", None, len(problems))
        return SaveOutcome(SaveState.INVALID, sentence, problems=tuple(problems))
    creating = not scenario.key
    try:
        if creating:
            saved = await client.create_scenario(scenario)
        else:
            saved = await client.update_scenario(scenario.key, scenario)
    except RateLimited as exc:
        return SaveOutcome(
            SaveState.THROTTLED, throttled_sentence(creating, exc.retry_after), error=exc,
            retry_after=exc.retry_after,
        )  # fmt: skip
    except InvalidRequest as exc:
        return SaveOutcome(SaveState.REJECTED, str(exc), error=exc)
    except NotSent as exc:
        return SaveOutcome(SaveState.NOT_SAVED, str(exc), error=exc)
    except OutcomeUnknown as exc:
        return await _settle_unknown(client, scenario, known, exc)
    return SaveOutcome(SaveState.SAVED, _saved_sentence(saved), scenario=saved)


async def _settle_unknown(
    client: OmniClient, sent: Scenario, known: Collection[str] | None, lost: OutcomeUnknown
) -> SaveOutcome:
    """After a lost answer: reload and compare, so the operator is told saved or not."""
    try:
        if sent.key:
            listed = [await client.get_scenario(sent.key)]
        else:
            listed = await list_all(client)
    except OmniError as exc:
        sentence = tr(
            "The request went out but no answer came back ({reason}), and the scenarios could "
            "not be reloaded to check ({check}); reload them before saving again."
        ).format(reason=lost.reason or lost.sentence, check=exc.sentence)
        return SaveOutcome(SaveState.UNKNOWN, sentence, error=lost)
    skip = set() if sent.key or known is None else set(known)
    matches = [s for s in listed if s.key not in skip and s.same_content(sent)]
    if matches:
        found = matches[-1]
        sentence = tr(
            "The answer was lost, but the reloaded list shows the scenario was saved: {saved}"
        ).format(saved=_saved_sentence(found))
        return SaveOutcome(SaveState.SAVED, sentence, scenario=found, error=lost, recovered=True)
    sentence = tr(
        "The answer was lost, and the reloaded list does not have the scenario, so it was not "
        "saved; it is safe to save it again."
    )
    return SaveOutcome(SaveState.NOT_SAVED, sentence, error=lost)


def _saved_sentence(saved: Scenario) -> str:
    return tr("Saved the scenario {name!r} with the key {key}.").format(
        name=saved.name, key=saved.key
    )


def throttled_sentence(creating: bool, retry_after: float | None) -> str:
    """`The API allows 20 new scenarios per 10 minutes; try again in 7 minutes.`"""
    if creating:
        allows = tr("The API allows {count} new scenarios per {minutes} minutes").format(
            count=CREATES_PER_WINDOW, minutes=WINDOW_MINUTES
        )
    else:
        allows = tr("The API allows {count} scenario changes per {minutes} minutes").format(
            count=UPDATES_PER_WINDOW, minutes=WINDOW_MINUTES
        )
    if retry_after is None:
        wait = tr("try again in a few minutes")
    elif retry_after < 60:
        wait = trn("try again in %n second(s)", None, max(1, math.ceil(retry_after)))
    else:
        wait = trn("try again in %n minute(s)", None, math.ceil(retry_after / 60))
    return f"{allows}; {wait}."


def read_scenario_file(path: Path) -> Scenario:
    """The scenario in a file holding the API's scenario body (JSON, read within limits);
    ScenarioFileError when it cannot be read or the scenario could not be saved. A `key` in
    the file is ignored: the server gives keys."""
    try:
        data = read_json_file(
            path,
            MAX_FILE_BYTES,
            too_big=lambda _size: tr(
                "{name} is bigger than {kib} KiB, far more than a scenario."
            ).format(name=path.name, kib=MAX_FILE_BYTES // 1024),
            not_text=tr("{name} is not UTF-8 text, so it is not a scenario.").format(
                name=path.name
            ),
        )
    except JsonFileError as exc:
        raise ScenarioFileError(str(exc)) from None
    unsafe = jsonsafe.problem(data)
    if unsafe is not None:
        raise ScenarioFileError(unsafe)
    try:
        return scenario_from_body(data)
    except ScenarioError as exc:
        raise ScenarioFileError(str(exc), exc.problems) from None


__all__ = [
    "SaveOutcome",
    "SaveState",
    "ScenarioFileError",
    "check",
    "list_all",
    "read_scenario_file",
    "save",
    "throttled_sentence",
]
