"""The sandbox's routes: the OMNI paths, and `/_sandbox/faults` to change faults in a demo.

The gate in `server` checks the key (the control paths too) and caps the body before a route runs.
The routes see the server only as a `SandboxState`, so this module never imports `server`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from aiohttp import web

from omni_desktop.core.message import parse_send_at

from omni_desktop.sandbox.faults import Faults
from omni_desktop.sandbox.rules import RULES
from omni_desktop.sandbox.scenarios import BadRequest, ScenarioStore
from omni_desktop.sandbox.send_request import parse_send_request
from omni_desktop.sandbox.simulation import LogQuery, Simulator
from omni_desktop.sandbox.throttle import CREATE, UPDATE, Throttle
from omni_desktop.sandbox.wire import BODY, SEND_PATH, UNREADABLE, error_response, json_response

GENERAL_STATUSES = ("ACCEPTED", "PENDING", "UNDELIVERABLE", "DELIVERED", "EXPIRED", "REJECTED")


class SandboxState(Protocol):
    """What the routes need of the server: its clock, scenarios, simulated sends and faults."""

    @property
    def faults(self) -> Faults: ...

    @property
    def scenarios(self) -> ScenarioStore: ...

    @property
    def simulator(self) -> Simulator: ...

    @property
    def throttle(self) -> Throttle: ...

    def now(self) -> float:
        """The time, as epoch seconds."""
        ...

    def now_datetime(self) -> datetime: ...


# --- query parameters ---------------------------------------------------------------------


def _int(request: web.Request, name: str, default: int, lowest: int, cap: int | None) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, not {raw!r}.") from None
    if value < lowest:
        raise BadRequest(f"{name} must be at least {lowest}.")
    return value if cap is None else min(value, cap)


def _bool(request: web.Request, name: str) -> bool | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    if raw.lower() not in ("true", "false"):
        raise BadRequest(f"{name} must be true or false, not {raw!r}.")
    return raw.lower() == "true"


def _time(request: web.Request, name: str) -> float | None:
    raw = request.query.get(name)
    if not raw:
        return None
    try:
        # A raw '+' in a query string arrives as a space; put it back.
        return parse_send_at(raw.replace(" ", "+")).timestamp()
    except ValueError:
        raise BadRequest(
            f"{name} {raw!r} is not a date-time like 2026-06-01T10:45:00.000+00:00."
        ) from None


def _choice(request: web.Request, name: str, allowed: Any) -> str | None:
    raw = request.query.get(name)
    if not raw:
        return None
    if raw not in allowed:
        raise BadRequest(f"{name} {raw!r} is not one of {', '.join(allowed)}.")
    return raw


def _body(request: web.Request) -> Any:
    body = request.get(BODY)
    if body is UNREADABLE:
        raise BadRequest("The request body is not valid JSON.")
    return body


# --- routes -------------------------------------------------------------------------------


def add_routes(app: web.Application, server: SandboxState) -> None:
    """Bind every route to `server`'s state."""

    async def send(request: web.Request) -> web.StreamResponse:
        now = server.now()
        checked = parse_send_request(_body(request), server.scenarios, server.now_datetime())
        return json_response(server.simulator.send(checked, now))

    async def list_scenarios(request: web.Request) -> web.StreamResponse:
        found = server.scenarios.list(
            _bool(request, "isDefault"),
            _int(request, "limit", 100, 0, None),
            _int(request, "page", 0, 0, None),
        )
        return json_response({"scenarios": [s.to_json() for s in found]})

    def throttled(kind: str) -> web.Response | None:
        wait = server.throttle.take(kind, server.now())
        if wait is None:
            return None
        return error_response(
            429, "TOO_MANY_REQUESTS", "Too many requests", {"Retry-After": str(wait)}
        )

    async def create_scenario(request: web.Request) -> web.StreamResponse:
        refused = throttled(CREATE)
        if refused is not None:
            return refused
        return json_response(server.scenarios.create(_body(request)).to_json(), status=201)

    async def get_scenario(request: web.Request) -> web.StreamResponse:
        key = request.match_info["key"]
        found = server.scenarios.get(key)
        if found is None:
            return error_response(404, "NOT_FOUND", f"Scenario {key} was not found.")
        return json_response(found.to_json())

    async def update_scenario(request: web.Request) -> web.StreamResponse:
        refused = throttled(UPDATE)
        if refused is not None:
            return refused
        key = request.match_info["key"]
        updated = server.scenarios.update(key, _body(request))
        if updated is None:
            return error_response(404, "NOT_FOUND", f"Scenario {key} was not found.")
        return json_response(updated.to_json())

    async def reports(request: web.Request) -> web.StreamResponse:
        results = server.simulator.reports(
            server.now(),
            bulk_id=request.query.get("bulkId") or None,
            message_id=request.query.get("messageId") or None,
            channel=_choice(request, "channel", RULES),
            limit=_int(request, "limit", 50, 1, 1000),
        )
        return json_response({"results": results})

    async def logs(request: web.Request) -> web.StreamResponse:
        query = LogQuery(
            bulk_ids=tuple(v for v in request.query.getall("bulkId", []) if v),
            message_ids=tuple(v for v in request.query.getall("messageId", []) if v),
            general_status=_choice(request, "generalStatus", GENERAL_STATUSES),
            channel=_choice(request, "channel", RULES),
            sent_since=_time(request, "sentSince"),
            sent_until=_time(request, "sentUntil"),
            sender=request.query.get("from") or None,
            to=request.query.get("to") or None,
            limit=_int(request, "limit", 50, 1, 1000),
        )
        return json_response({"results": server.simulator.logs(server.now(), query)})

    async def get_faults(request: web.Request) -> web.StreamResponse:
        return json_response(server.faults.to_json())

    async def set_faults(request: web.Request) -> web.StreamResponse:
        try:
            changes = await request.json()
        except (ValueError, RecursionError):
            raise BadRequest('The faults are not valid JSON; send e.g. {"latency": 2}.') from None
        if not isinstance(changes, dict):
            raise BadRequest('Send the faults as a JSON object, e.g. {"latency": 2}.')
        try:
            server.faults.update(changes)
        except ValueError as exc:
            raise BadRequest(str(exc)) from None
        return json_response(server.faults.to_json())

    async def clear_faults(request: web.Request) -> web.StreamResponse:
        server.faults.clear()
        return json_response(server.faults.to_json())

    app.router.add_post(SEND_PATH, send)
    app.router.add_get("/omni/1/scenarios", list_scenarios)
    app.router.add_post("/omni/1/scenarios", create_scenario)
    app.router.add_get("/omni/1/scenarios/{key}", get_scenario)
    app.router.add_put("/omni/1/scenarios/{key}", update_scenario)
    app.router.add_get("/omni/1/reports", reports)
    app.router.add_get("/omni/1/logs", logs)
    app.router.add_get("/_sandbox/faults", get_faults)
    app.router.add_post("/_sandbox/faults", set_faults)
    app.router.add_delete("/_sandbox/faults", clear_faults)
