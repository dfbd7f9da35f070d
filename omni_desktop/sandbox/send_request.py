"""Reading and checking a `POST /omni/1/advanced` body as the sandbox's platform would."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from omni_desktop.core.channels import SEND_AT_MAX_DAYS
from omni_desktop.core.message import parse_send_at
from omni_desktop.core.scenario import Scenario

from omni_desktop.sandbox.rules import (
    ADDRESS_KEYS,
    DEFAULT_VALIDITY,
    RULES,
    RULES_BY_KEY,
    TIME_UNITS,
)
from omni_desktop.sandbox.scenarios import BadRequest, ScenarioStore

_PHONE = re.compile(r"^[0-9]{5,15}$")
_CONTENT_SKIP = frozenset({"validityPeriod", "validityPeriodTimeUnit"})


@dataclass(frozen=True)
class StepPlan:
    """One step of the scenario as this request can use it."""

    flow: str
    sender: str
    text: str | None
    validity: float  # seconds


@dataclass
class SendRequest:
    scenario: Scenario
    steps: tuple[StepPlan, ...]  # only the steps the request has content for
    destinations: list[dict[str, Any]]  # checked entries: `to` (dict) and maybe `messageId`
    bulk_id: str | None
    send_at: datetime | None
    callback_data: str | None


def _has_content(obj: dict[str, Any]) -> bool:
    return any(k not in _CONTENT_SKIP and v not in (None, "", [], {}) for k, v in obj.items())


def _validity(key: str, obj: dict[str, Any], cap: int) -> float | None:
    period = obj.get("validityPeriod")
    unit = obj.get("validityPeriodTimeUnit", "MINUTES")
    if unit not in TIME_UNITS:
        raise BadRequest(
            f"{key}.validityPeriodTimeUnit {unit!r} is not one of {', '.join(TIME_UNITS)}."
        )
    if period is None:
        return None
    if isinstance(period, bool) or not isinstance(period, int):
        raise BadRequest(f"{key}.validityPeriod must be a whole number, not {period!r}.")
    if period <= 0:
        raise BadRequest(f"{key}.validityPeriod must be greater than zero.")
    return min(period * TIME_UNITS[unit], float(cap))


def _steps(scenario: Scenario, body: dict[str, Any]) -> tuple[StepPlan, ...]:
    validities: dict[str, float | None] = {}
    for key, rule in RULES_BY_KEY.items():
        obj = body.get(key)
        if obj is None:
            continue
        if not isinstance(obj, dict):
            raise BadRequest(f"{key} must be a JSON object.")
        validities[key] = _validity(key, obj, rule.max_validity) if obj else None
    steps = []
    for step in scenario.flow:
        found = RULES.get(step.channel)
        obj = body.get(found.key) if found else None
        if found is None or not isinstance(obj, dict) or not _has_content(obj):
            continue
        rule = found
        text = obj.get("text")
        validity = validities.get(rule.key)
        steps.append(
            StepPlan(
                flow=step.channel,
                sender=step.sender,
                text=text if isinstance(text, str) else None,
                validity=float(DEFAULT_VALIDITY) if validity is None else validity,
            )
        )
    if not steps:
        channels = ", ".join(s.channel for s in scenario.flow)
        raise BadRequest(
            f"The message has no content for any channel of scenario {scenario.name!r} "
            f"({channels})."
        )
    return tuple(steps)


def _destinations(raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or not raw:
        raise BadRequest("The request has no destinations.")
    for index, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            raise BadRequest(f"Destination {index} is not a JSON object.")
        to = entry.get("to")
        if not isinstance(to, dict) or not any(
            isinstance(to.get(k), str) and to[k] for k in ADDRESS_KEYS
        ):
            raise BadRequest(f"Destination {index} has no address.")
        phone = to.get("phoneNumber")
        if phone is not None and (not isinstance(phone, str) or not _PHONE.match(phone)):
            raise BadRequest(
                f"Destination {index}: the phone number {phone!r} is not 5 to 15 digits "
                "in international format without '+'."
            )
        message_id = entry.get("messageId")
        if message_id is not None and (not isinstance(message_id, str) or not message_id):
            raise BadRequest(f"Destination {index}: messageId must be a non-empty string.")
    return raw


def _send_at(raw: Any, now: datetime) -> datetime | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise BadRequest("sendAt must be a date-time string like 2026-06-01T10:45:00.000+0000.")
    try:
        moment = parse_send_at(raw)
    except ValueError:
        raise BadRequest(
            f"sendAt {raw!r} is not a date-time like 2026-06-01T10:45:00.000+0000."
        ) from None
    if moment > now + timedelta(days=SEND_AT_MAX_DAYS):
        raise BadRequest(f"sendAt must be less than {SEND_AT_MAX_DAYS} days ahead.")
    return moment


def parse_send_request(body: Any, scenarios: ScenarioStore, now: datetime) -> SendRequest:
    """The checked request, or BadRequest with one plain reason."""
    if not isinstance(body, dict):
        raise BadRequest("The request body is not a JSON object.")
    key = body.get("scenarioKey")
    if key is None:
        scenario = scenarios.default()
        if scenario is None:
            raise BadRequest("No scenarioKey was given and the account has no default scenario.")
    else:
        found = scenarios.get(key) if isinstance(key, str) else None
        if found is None:
            raise BadRequest(f"Scenario {key!r} does not exist.")
        scenario = found
    bulk_id = body.get("bulkId")
    if bulk_id is not None and (not isinstance(bulk_id, str) or not bulk_id):
        raise BadRequest("bulkId must be a non-empty string.")
    callback = body.get("callbackData")
    if callback is not None and not isinstance(callback, str):
        raise BadRequest("callbackData must be a string.")
    destinations = _destinations(body.get("destinations"))
    return SendRequest(
        scenario=scenario,
        steps=_steps(scenario, body),
        destinations=destinations,
        bulk_id=bulk_id,
        send_at=_send_at(body.get("sendAt"), now),
        callback_data=callback,
    )
