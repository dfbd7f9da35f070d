"""A campaign's test send, and its requests of unknown outcome after a crash: settled by the
logs, and planned again (new IDs) only for those the logs do not show, once the operator agrees."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from omni_desktop.core.i18n import tr
from omni_desktop.core.message import OmniMessage

from omni_desktop.storage import campaigns as store
from omni_desktop.storage.sends import SendState

from omni_desktop.services.campaign_plan import fresh_ids
from omni_desktop.services.sending import Outcome, Sender

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.outbox import Outbox

# --- a test send ---------------------------------------------------------------------------------


class BadTestAddress(ValueError):
    """The address typed for a test send is not a phone number or e-mail address."""


def message_for_test(
    prepared: OmniMessage,
    row: int,
    address: str,
    region: str | None,
    fallbacks: Mapping[str, str],
    flow: Sequence[str] | None,
) -> OmniMessage:
    """One message to `address`, its content rendered for row `row` (0-based) of the draft;
    BadTestAddress (one sentence) for an address that is neither a number nor an e-mail."""
    from omni_desktop.core.addresses import check_email, check_phone
    from omni_desktop.core.message import Destination
    from omni_desktop.core.personalise import render_message

    text = address.strip()
    if "@" in text:
        email, problem = check_email(text)
        destination = Destination(email=email)
    else:
        phone, problem = check_phone(text, region)
        destination = Destination(phone=phone)
    if problem is not None or not (destination.phone or destination.email):
        raise BadTestAddress(
            tr("The test address {address}: {reason}").format(
                address=text or "—",
                reason=problem or tr("type a phone number or an e-mail address."),
            )
        )
    fields = prepared.destinations[row].fields if 0 <= row < len(prepared.destinations) else {}
    rendered = render_message(prepared, fields, fallbacks, flow)
    return replace(rendered, bulk_id=None, destinations=[destination])


async def send_test(
    sender: Sender, message: OmniMessage, flow: Sequence[str] | None, now: datetime
) -> Outcome:
    """Record the test message (marked as a test: never counted in a campaign) and post it.

    StorageError when it could not be recorded: then nothing was sent."""
    recorded = await asyncio.to_thread(partial(sender.record, message, flow, now, is_test=True))
    return await sender.post(recorded)


# --- after a crash --------------------------------------------------------------------------------


async def settle_unknown(client: OmniClient, outbox: Outbox, campaign_id: int) -> list[int]:
    """Ask the logs about each request of unknown outcome; returns the send ids whose messages
    the logs do not show at all (they may never have arrived: sent again only if agreed)."""
    from omni_desktop.services.reports import check_status

    requests = await asyncio.to_thread(store.request_sends, outbox, campaign_id)
    missing = []
    for _seq, send_id, state in requests:
        if send_id is None or state != SendState.UNKNOWN.value:
            continue
        record = await check_status(outbox, client, send_id)
        if record.state is SendState.UNKNOWN:
            missing.append(send_id)
    return missing


def resend_missing(outbox: Outbox, campaign_id: int, send_ids: Sequence[int], now: datetime) -> int:
    """Plan the requests of these unknown sends again, with new IDs (the operator agreed);
    returns how many. Their old sends stay in the history as unknown."""
    requests = store.started_requests(outbox, campaign_id, send_ids)
    for request in requests:
        bulk_id, body = fresh_ids(request.body_json, now)
        store.replan(outbox, campaign_id, request.seq, bulk_id, body)
    return len(requests)
