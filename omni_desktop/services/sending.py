"""Sending and settling: the outbox records a send durably, the client posts it, and every
outcome, an unexpected error included, settles that record.

The states: accepted (the API answered 2xx), rejected (4xx: nothing was sent), not sent (no
byte left the machine) and unknown (anything else: the message may or may not have gone, so
it is never posted again by itself). Nothing a server or a bug throws escapes `Sender.post`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import OmniMessage, to_json, with_ids

from omni_desktop.api.errors import NotSent, OmniError, OutcomeUnknown
from omni_desktop.api.responses import SendResponse
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.sends import MessageUpdate, SendState

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.outbox import Outbox

    from omni_desktop.services.targets import Target

log = logging.getLogger("omni_desktop.services")

UNEXPECTED = tr(
    "An unexpected error stopped the send ({name}); the message may or may not have been sent: "
    "use Check status before sending it again."
)


@dataclass(frozen=True)
class Recorded:
    """A send as recorded in the outbox, ready to post: its IDs made, its body encoded once."""

    send_id: int | None  # None when no outbox is kept (never for the window or the CLI)
    message: OmniMessage | None  # the prepared message with its IDs (None: a campaign's request)
    body: dict[str, Any]
    encoded: bytes

    @property
    def bulk_id(self) -> str:
        return str(self.body.get("bulkId", ""))


@dataclass(frozen=True)
class Outcome:
    """How a send ended, as recorded in the outbox."""

    state: SendState
    recorded: Recorded
    response: SendResponse | None = None
    sentence: str | None = None  # the failure, in one plain sentence
    error: OmniError | None = None
    record_problem: str | None = None  # the outbox could not keep the outcome

    @property
    def bulk_id(self) -> str:
        if self.response is not None and self.response.bulk_id:
            return self.response.bulk_id
        return self.recorded.bulk_id


def state_of(error: OmniError) -> SendState:
    """The state a send ends in after `error`."""
    if isinstance(error, OutcomeUnknown):
        return SendState.UNKNOWN
    if isinstance(error, NotSent):
        return SendState.NOT_SENT
    return SendState.REJECTED


class Sender:
    """Records and posts sends for one target through one client."""

    def __init__(self, client: OmniClient, target: Target, outbox: Outbox | None) -> None:
        self.client = client
        self.target = target
        self.outbox = outbox

    def record(
        self,
        prepared: OmniMessage,
        flow: Sequence[str] | None,
        now: datetime,
        *,
        is_test: bool = False,
    ) -> Recorded:
        """IDs, the body cut to the flow and encoded, and its durable outbox record.

        Runs in a worker thread for a big send. StorageError (DuplicateSend among them) means
        nothing may be sent.
        """
        from omni_desktop.api.client import encode_body  # httpx: not before the first paint

        with gc_paused():
            outgoing = with_ids(prepared, now)
        body = to_json(outgoing, channels=list(flow) if flow is not None else None)
        encoded = encode_body(body)
        send_id = None
        if self.outbox is not None:
            send_id = self.outbox.record_before_send(
                self.target.profile,
                self.target.base_url,
                body,
                encoded.decode("utf-8"),
                is_test=is_test,
            )
        return Recorded(send_id, outgoing, body, encoded)

    async def post(self, recorded: Recorded) -> Outcome:
        """POST the recorded send once and settle its record; never raises an Exception."""
        try:
            response = await self.client.send_advanced(recorded.body, recorded.encoded)
        except OmniError as exc:
            return await self._failed(recorded, state_of(exc), exc.sentence, exc)
        except Exception as exc:  # a bug or a library's surprise: the POST may have gone out
            log.exception("The send stopped unexpectedly")
            sentence = UNEXPECTED.format(name=type(exc).__name__)
            return await self._failed(recorded, SendState.UNKNOWN, sentence, None)
        except BaseException:  # cancelled or interrupted with the POST perhaps on the wire
            self._settle_now(recorded, SendState.UNKNOWN, UNEXPECTED.format(name="cancelled"))
            raise

        def keep(outbox: Outbox, send_id: int) -> None:
            updates = [MessageUpdate(m.message_id, m.status) for m in response.messages]
            outbox.record_answer(
                send_id,
                response.raw,
                text=response.text,
                updates=updates,
                destinations=_later(recorded),
            )

        problem = await self._write(recorded, keep)
        return Outcome(SendState.ACCEPTED, recorded, response, record_problem=problem)

    async def _failed(
        self, recorded: Recorded, state: SendState, sentence: str, error: OmniError | None
    ) -> Outcome:
        problem = await self._write(
            recorded,
            lambda outbox, sid: outbox.record_failure(
                sid, state, sentence, destinations=_later(recorded)
            ),
        )
        return Outcome(state, recorded, sentence=sentence, error=error, record_problem=problem)

    async def _write(
        self, recorded: Recorded, write: Callable[[Outbox, int], object]
    ) -> str | None:
        """Keep the outcome in the outbox (off the event loop); a failure is said, not raised."""
        outbox, send_id = self.outbox, recorded.send_id
        if outbox is None or send_id is None:
            return None
        try:
            await asyncio.to_thread(write, outbox, send_id)
        except StorageError as exc:
            log.warning("The send's outcome could not be recorded: %s", exc)
            return str(exc)
        return None

    def _settle_now(self, recorded: Recorded, state: SendState, sentence: str) -> None:
        if self.outbox is not None and recorded.send_id is not None:
            try:
                self.outbox.record_failure(
                    recorded.send_id, state, sentence, destinations=_later(recorded)
                )
            except StorageError as exc:
                log.warning("The send's outcome could not be recorded: %s", exc)


def _later(recorded: Recorded) -> list[dict[str, Any]] | None:
    """A campaign request's destinations: its message rows are written with its outcome."""
    if recorded.message is not None:
        return None
    found = recorded.body.get("destinations")
    return found if isinstance(found, list) else []


__all__ = ["Outcome", "Recorded", "Sender", "state_of"]
