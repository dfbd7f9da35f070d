"""Scenarios: the ordered failover flow a message follows, and its timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from omni_desktop.core.channels import CHANNELS_BY_FLOW, DEFAULT_TIME_UNIT
from omni_desktop.core.message import OmniMessage

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

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Scenario:
        """Read a scenario; `default` falls back to the 2018 clients' `defaultScenario`."""
        default = obj.get("default", obj.get("defaultScenario", False))
        flow = tuple(
            Step(channel=str(s.get("channel", "")), sender=str(s.get("from") or ""))
            for s in obj.get("flow") or []
            if isinstance(s, dict)
        )
        return cls(
            key=str(obj.get("key", "")),
            name=str(obj.get("name") or ""),
            flow=flow,
            default=bool(default),
        )


@dataclass(frozen=True)
class TimelineStep:
    step: Step
    starts_after: int  # seconds after the first attempt
    lasts: int  # seconds this step is tried


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


def describe_seconds(seconds: int) -> str:
    """A short human duration: 90 s, 2 min, 1 h 30 min."""
    if seconds < 120 and seconds % 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


__all__ = ["DEFAULT_TIME_UNIT", "Scenario", "Step", "TimelineStep", "describe_seconds", "timeline"]
