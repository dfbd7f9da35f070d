"""A campaign's plan: its options, and its requests' bodies made one at a time and recorded in
the outbox before the first request goes (destinations grouped by rendered content, each group
cut into requests of at most `chunk_size`)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.message import OmniMessage, new_ids, to_json, with_ids
from omni_desktop.core.personalise import content_groups, group_sizes, used_fields

from omni_desktop.storage import campaigns as store

if TYPE_CHECKING:
    from omni_desktop.storage.outbox import Outbox

    from omni_desktop.services.targets import Target

CHUNK_SIZE = 1000  # destinations per request, by default
CONCURRENCY = 4  # requests in flight, by default


@dataclass(frozen=True)
class Options:
    chunk_size: int = CHUNK_SIZE
    concurrency: int = CONCURRENCY
    per_minute: int | None = None  # messages per minute at most; None: as fast as allowed

    def __post_init__(self) -> None:
        if self.chunk_size < 1 or self.concurrency < 1:
            raise ValueError("A campaign needs chunks of one or more and one request in flight.")
        if self.per_minute is not None and self.per_minute < 1:
            raise ValueError("A sending speed limit must be one message a minute or more.")


@dataclass(frozen=True)
class PlanFigures:
    """What a campaign would send, for the confirm step."""

    requests: int
    messages: int
    texts: int  # distinct rendered contents


def plan_figures(
    prepared: OmniMessage, flow: Sequence[str] | None, fallbacks: Mapping[str, str], chunk: int
) -> PlanFigures:
    sizes = group_sizes(prepared, flow, fallbacks)
    return PlanFigures(request_count(sizes, chunk), len(prepared.destinations), len(sizes))


def goes_as_campaign(prepared: OmniMessage, flow: Sequence[str] | None, chunk: int) -> bool:
    """Whether a send goes as a campaign, in the window and on the command line alike: it is
    personalised ({{Field}} in a text of the flow), or has more recipients than one request."""
    return len(prepared.destinations) > chunk or bool(used_fields(prepared, flow))


def request_count(group_sizes: Sequence[int], chunk: int) -> int:
    """How many requests groups of these sizes take at `chunk` destinations a request."""
    return sum(-(-size // chunk) for size in group_sizes)


def plan_bodies(
    prepared: OmniMessage,
    flow: Sequence[str] | None,
    fallbacks: Mapping[str, str],
    chunk: int,
    now: datetime,
) -> Iterator[tuple[str, str, int]]:
    """Each request's (bulkId, body as posted, destinations), made one at a time: groups of
    identical rendered content, each cut into requests of at most `chunk` destinations.

    IDs are made a request at a time, so a plan of 100,000 holds one request's copies at once;
    the cycle collector is held meanwhile (nothing made here forms a cycle, and its full passes
    over 100,000 recipients would hold the interpreter for a tenth of a second each).
    """
    from omni_desktop.api.client import encode_body  # httpx: not before the first paint

    with gc_paused():
        groups = content_groups(prepared, flow, fallbacks)
        total = request_count([len(indices) for _, indices in groups], chunk)
        bulk_ids = iter(new_ids(now, total, "b-"))
        channels = list(flow) if flow is not None else None
        destinations = prepared.destinations
        for rendered, indices in groups:
            for start in range(0, len(indices), chunk):
                part = [destinations[i] for i in indices[start : start + chunk]]
                bulk_id = next(bulk_ids)
                request = with_ids(replace(rendered, bulk_id=bulk_id, destinations=part), now)
                body = to_json(request, channels)
                yield bulk_id, encode_body(body).decode("utf-8"), len(part)


def plan(
    outbox: Outbox,
    target: Target,
    prepared: OmniMessage,
    flow: Sequence[str] | None,
    fallbacks: Mapping[str, str],
    options: Options,
    now: datetime,
    name: str = "",
) -> int:
    """Record the whole plan durably, streamed; returns the campaign id (StorageError: none)."""
    return store.record_plan(
        outbox,
        profile=target.profile,
        base_url=target.base_url,
        name=name,
        chunk_size=options.chunk_size,
        requests=plan_bodies(prepared, flow, fallbacks, options.chunk_size, now),
        now=now,
    )


def fresh_ids(body_json: str, now: datetime) -> tuple[str, str]:
    """A request body with a new bulkId and new messageIds: (bulkId, body as posted)."""
    from omni_desktop.api.client import encode_body

    body = json.loads(body_json)
    destinations = body.get("destinations") or []
    ids = new_ids(now, len(destinations), "m-")
    for destination, message_id in zip(destinations, ids, strict=True):
        destination["messageId"] = message_id
    body["bulkId"] = bulk_id = new_ids(now, 1, "b-")[0]
    return bulk_id, encode_body(body).decode("utf-8")
