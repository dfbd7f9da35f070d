"""Scenarios: the ordered failover flow a message follows, its checks, and its timeline.

Keys are strings everywhere: some specifications type them as numbers, real keys are 32
hexadecimal characters. `scenario_problems` is the one check of a flow, shared by the sandbox,
the service and the window; `scenario_from_body` reads a scenario body strictly (a file, a
request), where `Scenario.from_json` reads a server's answer leniently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from omni_desktop.core.channels import CHANNELS_BY_FLOW, DEFAULT_TIME_UNIT
from omni_desktop.core.i18n import day_text, tr
from omni_desktop.core.message import OmniMessage
from omni_desktop.core.senders import OMNI_CHANNELS, sender_problem

DEFAULT_VALIDITY_SECONDS = 48 * 3600  # the platform's own cap, used when none is given


@dataclass(frozen=True)
class Step:
    channel: str  # OmniChannel value: "SMS", "VIBER", ...
    sender: str = ""

    @property
    def channel_key(self) -> str | None:
        """The request key of this step's channel, or None for a channel we cannot compose."""
        spec = CHANNELS_BY_FLOW.get(self.channel)
        return spec.key if spec else None

    def label(self) -> str:
        return f"{self.channel} ({self.sender})" if self.sender else self.channel


@dataclass(frozen=True)
class Scenario:
    key: str
    name: str
    flow: tuple[Step, ...] = field(default_factory=tuple)
    default: bool = False

    def flow_label(self) -> str:
        """`VIBER (sender) -> SMS (sender) -> EMAIL (sender)`."""
        return " -> ".join(step.label() for step in self.flow)

    def channel_keys(self) -> list[str]:
        """Request keys of the flow's channels, in flow order."""
        return [k for k in (s.channel_key for s in self.flow) if k is not None]

    def step_of(self, channel_key: str) -> int | None:
        """1-based position of a channel in the flow, or None when it is not in it."""
        for index, step in enumerate(self.flow, start=1):
            if step.channel_key == channel_key:
                return index
        return None

    def to_json(self, with_key: bool = True) -> dict[str, Any]:
        body: dict[str, Any] = {
            "name": self.name,
            "flow": [{"from": s.sender, "channel": s.channel} for s in self.flow],
            "default": self.default,
        }
        if with_key:
            body = {"key": self.key, **body}
        return body

    def same_content(self, other: Scenario) -> bool:
        """Whether both have the same name, flow and default flag (keys aside)."""
        return (self.name, self.flow, self.default) == (other.name, other.flow, other.default)

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Scenario:
        """Read a scenario; `default` falls back to the 2018 clients' `defaultScenario`, and a
        numeric key is read as its digits."""
        default = obj.get("default")
        if default is None:
            default = obj.get("defaultScenario")
        flow = tuple(
            Step(channel=str(s.get("channel", "")), sender=str(s.get("from") or ""))
            for s in obj.get("flow") or []
            if isinstance(s, dict)
        )
        return cls(
            key=key_text(obj.get("key")),
            name=str(obj.get("name") or ""),
            flow=flow,
            default=default is True or (isinstance(default, str) and default.lower() == "true"),
        )


def key_text(raw: Any) -> str:
    """A scenario key as the string it is: text as it is, a whole number as its digits."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 2**63:
        return str(int(raw))
    return ""


@dataclass(frozen=True)
class ScenarioProblem:
    """One thing wrong with a scenario: where (`path`, e.g. "flow[1].from"; `step` is the
    0-based step, None for the name or the flow as a whole) and one plain sentence."""

    path: str
    sentence: str
    step: int | None = None

    def __str__(self) -> str:
        return self.sentence


class ScenarioError(ValueError):
    """A scenario body that cannot be used; `problems` says why, `str()` joins them."""

    def __init__(self, problems: list[ScenarioProblem]) -> None:
        super().__init__(" ".join(p.sentence for p in problems))
        self.problems = problems


def scenario_problems(scenario: Scenario) -> list[ScenarioProblem]:
    """Everything wrong with a scenario: no name, no steps, an unknown channel, a channel
    twice, a sender its channel cannot use. Empty when it can be saved."""
    problems: list[ScenarioProblem] = []
    if not scenario.name.strip():
        problems.append(ScenarioProblem("name", tr("The scenario needs a name.")))
    if not scenario.flow:
        problems.append(
            ScenarioProblem("flow", tr("The scenario needs a flow with at least one step."))
        )
    seen: dict[str, int] = {}
    for index, step in enumerate(scenario.flow):
        number = index + 1
        where = f"flow[{index}]"
        if step.channel not in OMNI_CHANNELS:
            text = tr("Step {n} has the channel {channel!r}; use one of {known}.").format(
                n=number, channel=step.channel, known=", ".join(OMNI_CHANNELS)
            )
            problems.append(ScenarioProblem(where + ".channel", text, index))
            continue
        if step.channel in seen:
            text = tr(
                "Step {n} uses {channel} again (step {first} has it); a channel can be in a "
                "flow only once."
            ).format(n=number, channel=step.channel, first=seen[step.channel])
            problems.append(ScenarioProblem(where + ".channel", text, index))
        seen.setdefault(step.channel, number)
        reason = sender_problem(step.channel, step.sender)
        if reason is not None:
            text = tr("Step {n} ({channel}): {reason}").format(
                n=number, channel=step.channel, reason=reason
            )
            problems.append(ScenarioProblem(where + ".from", text, index))
    return problems


def scenario_from_body(body: Any, key: str = "") -> Scenario:
    """A scenario from the API's create/update body (a file, a request), read strictly:
    ScenarioError when it is not shaped like one or `scenario_problems` finds anything."""
    if not isinstance(body, dict):
        raise ScenarioError([ScenarioProblem("", tr("The scenario is not a JSON object."))])
    shape: list[ScenarioProblem] = []
    name = body.get("name", "")
    if not isinstance(name, str):
        shape.append(ScenarioProblem("name", tr("The scenario's name must be text.")))
        name = ""
    default = body.get("default")
    if default is None:
        default = body.get("defaultScenario", False)
    if not isinstance(default, bool):
        shape.append(ScenarioProblem("default", tr("'default' must be true or false.")))
        default = False
    raw_flow = body.get("flow")
    if raw_flow is not None and not isinstance(raw_flow, list):
        shape.append(ScenarioProblem("flow", tr("The flow must be a list of steps.")))
        raw_flow = None
    steps: list[Step] = []
    for index, raw in enumerate(raw_flow or []):
        step = _step_from_body(raw, index, shape)
        if step is not None:
            steps.append(step)
    if shape:
        raise ScenarioError(shape)
    scenario = Scenario(key=key, name=name, flow=tuple(steps), default=default)
    problems = scenario_problems(scenario)
    if problems:
        raise ScenarioError(problems)
    return scenario


def _step_from_body(raw: Any, index: int, shape: list[ScenarioProblem]) -> Step | None:
    where, number = f"flow[{index}]", index + 1
    if not isinstance(raw, dict):
        text = tr("Step {n} of the flow is not a JSON object.").format(n=number)
        shape.append(ScenarioProblem(where, text, index))
        return None
    channel, sender = raw.get("channel"), raw.get("from", "")
    if not isinstance(channel, str):
        text = tr('Step {n} needs a channel, such as "SMS".').format(n=number)
        shape.append(ScenarioProblem(where + ".channel", text, index))
        return None
    if sender is None:
        sender = ""
    if not isinstance(sender, str):
        text = tr("Step {n} has a sender ('from') that is not text.").format(n=number)
        shape.append(ScenarioProblem(where + ".from", text, index))
        return None
    return Step(channel=channel, sender=sender)


@dataclass(frozen=True)
class TimelineStep:
    step: Step
    starts_after: int  # seconds after the first attempt
    lasts: int  # seconds this step is tried


def tried(step: Step, message: OmniMessage) -> bool:
    """Whether the platform tries `step` for `message`: it skips a step whose channel has no
    content at once."""
    key = step.channel_key
    content = message.channels.get(key) if key else None
    return content is not None and not content.is_empty()


def tried_channels(scenario: Scenario | None, message: OmniMessage) -> list[str]:
    """The channels of the flow tried for `message`, in order: the delivery funnel's bars."""
    if scenario is None:
        return []
    return [step.channel for step in scenario.flow if tried(step, message)]


def timeline(scenario: Scenario, message: OmniMessage) -> list[TimelineStep]:
    """When each step of the flow is tried, from the validity periods in the message."""
    out: list[TimelineStep] = []
    offset = 0
    for step in scenario.flow:
        key = step.channel_key
        content = message.channels.get(key) if key else None
        seconds = content.validity_seconds if content else None
        if seconds is None:
            seconds = DEFAULT_VALIDITY_SECONDS
        out.append(TimelineStep(step, offset, seconds))
        offset += seconds
    return out


@dataclass(frozen=True)
class TimedStep:
    """One step of the flow at clock times: tried from `starts` until `ends` (in the zone)."""

    step: Step
    starts: datetime
    ends: datetime


@dataclass(frozen=True)
class TimedTimeline:
    """The steps tried, in flow order, and when the message gives up (all in one zone)."""

    steps: tuple[TimedStep, ...]
    gives_up: datetime

    def text(self) -> str:
        """`VIBER 09:00 → SMS 09:10 if not delivered → … → gives up 13:10`; the date is
        added to a time that falls on another day than the start."""
        if not self.steps:
            return tr("No step of the flow has content: nothing would be tried.")
        first_day = self.steps[0].starts.date()
        parts: list[str] = []
        for index, item in enumerate(self.steps):
            when = clock_text(item.starts, first_day)
            spec = CHANNELS_BY_FLOW.get(item.step.channel)
            name = spec.label if spec else item.step.channel
            if index == 0:
                parts.append(f"{name} {when}")
            else:
                parts.append(
                    tr("{channel} {time} if not delivered").format(channel=name, time=when)
                )
        parts.append(tr("gives up {time}").format(time=clock_text(self.gives_up, first_day)))
        return " → ".join(parts)


def timed_timeline(
    scenario: Scenario, message: OmniMessage, start: datetime, zone: tzinfo | None = None
) -> TimedTimeline:
    """The flow's steps at clock times from `start` (aware), shown in `zone` (None: the
    system's local zone). Steps whose channel has no content are skipped, as the platform
    skips them at once. Arithmetic is done in UTC, so a DST change moves only the wall clock.
    """
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("the start of a timeline must carry a time zone")
    base = start.astimezone(UTC)

    def shown(offset: int) -> datetime:
        moment = base + timedelta(seconds=offset)
        return moment.astimezone(zone) if zone is not None else moment.astimezone()

    steps: list[TimedStep] = []
    offset = 0
    for item in timeline(scenario, message):
        if not tried(item.step, message):
            continue
        steps.append(TimedStep(item.step, shown(offset), shown(offset + item.lasts)))
        offset += item.lasts
    return TimedTimeline(tuple(steps), shown(offset))


def clock_text(moment: datetime, day: date | None = None) -> str:
    """`09:10`, or `Mon 30 Mar 09:10` when `moment` is on another day than `day`."""
    if day is not None and moment.date() != day:
        return f"{day_text(moment)} {moment:%H:%M}"
    return f"{moment:%H:%M}"


def describe_seconds(seconds: int) -> str:
    """A short human duration: 90 s, 2 min, 1 h 30 min."""
    if seconds < 120 and seconds % 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


__all__ = [
    "DEFAULT_TIME_UNIT",
    "Scenario",
    "ScenarioError",
    "ScenarioProblem",
    "Step",
    "TimedStep",
    "TimedTimeline",
    "TimelineStep",
    "clock_text",
    "describe_seconds",
    "key_text",
    "scenario_from_body",
    "scenario_problems",
    "timed_timeline",
    "timeline",
]
