"""The outbox and history: every send in SQLite, recorded durably before its request goes out.

`history.sqlite3` in the data folder, WAL journal. `record_before_send` commits with
`synchronous=FULL`, so the send (with its client-made bulkId and messageIds) is on disk before
the POST; the answer, a failure, reports and logs then update it. A send left `sending` by a
crash becomes `unknown` at the next start (`recover_unanswered`) and is never resent by itself;
`services.reports.check_status` settles it from `GET /omni/1/logs`. A send in flight holds an
OS lock (`storage.instance.SendLocks`) from its record to its answer, so a send that another
living process (`omni-desktop send`) is posting is never taken for a crashed one. One
connection, guarded by a lock, so the UI thread and worker threads may share an `Outbox`, one
call at a time.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from omni_desktop.core import jsonsafe
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import OmniMessage, from_json, to_json, with_ids
from omni_desktop.core.report import LogEntry, Report
from omni_desktop.core.status import Status

from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.instance import SendLocks
from omni_desktop.storage.outbox_db import (
    BUSY_TIMEOUT,
    chunks,
    marks,
    open_database,
    storage_error,
)
from omni_desktop.storage.sends import (
    FAILURE_STATES,
    PENDING_GROUP,
    PENDING_NAME,
    JsonObject,
    MessageRecord,
    MessageUpdate,
    SendRecord,
    SendState,
    address,
    dump,
    is_final,
    request_ids,
    to_db_time,
    updates_from_answer,
    updates_from_logs,
    updates_from_reports,
)

LOGS_BATCH = 100  # message IDs per `GET /omni/1/logs`
LOGS_LIMIT = 1000  # entries per logs call: the API's maximum

RECOVERED = tr(
    "The app stopped before the server's answer arrived, so the message may or may not have "
    "been sent; use Check status before sending again."
)


# A search: part of a bulk or message ID, a recipient, the scenario key, account or error
# sentence (ignoring case), or a state exactly; with `search_params`' values.
LIKE = "LIKE :like ESCAPE '\\'"
SEND_MATCH = (
    f"(s.state = :exact OR s.bulk_id {LIKE} OR s.scenario_key {LIKE} "
    f"OR COALESCE(s.profile, 'Sandbox') {LIKE} OR s.error_sentence {LIKE} "
    f"OR EXISTS (SELECT 1 FROM messages m WHERE m.send_id = s.id "
    f"AND (m.message_id {LIKE} OR m.to_address {LIKE})))"
)


def search_params(text: str) -> dict[str, str]:
    """The values of a search clause for `text` (stripped): the state, and the LIKE pattern."""
    like = "%" + "".join("\\" + c if c in "\\%_" else c for c in text) + "%"
    return {"exact": text.lower(), "like": like}


class DuplicateSend(StorageError):
    """The request reuses a bulkId or messageId of an earlier send: it must get new IDs."""

    def __init__(self, sentence: str, send_id: int) -> None:
        super().__init__(sentence)
        self.send_id = send_id


class Outbox:
    """`history.sqlite3`: the sends, their messages and outcomes. Use `with` or `close()`."""

    def __init__(
        self,
        path: Path,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        busy_timeout: float = BUSY_TIMEOUT,
    ) -> None:
        self.path = path
        self._clock = clock
        self._lock = threading.RLock()
        self._durable: bool | None = None
        self._db = open_database(path, busy_timeout)
        self._flights = SendLocks(path.parent)

    def close(self) -> None:
        """Close the file; the locks of sends still in flight are let go (as a crash would)."""
        with self._lock:
            self._flights.release_all()
            self._db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _write(self, action: str, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """One transaction; `durable` commits with synchronous=FULL (the WAL is fsynced)."""
        with self._lock:
            try:
                if self._durable is not durable:
                    self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
                    self._durable = durable
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise storage_error(self.path, exc, action) from None

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise storage_error(self.path, exc, tr("be read")) from None

    # --- a send's life ------------------------------------------------------------------------

    def record_before_send(
        self,
        profile: str | None,
        base_url: str,
        body: JsonObject,
        text: str | None = None,
        *,
        campaign: tuple[int, int] | None = None,
        is_test: bool = False,
    ) -> int:
        """Record the request durably, before it is posted; returns the new send's id.

        `body` is the exact request body (it holds no credentials), with `bulkId` and a
        `messageId` on every destination (ValueError otherwise); `text`, its JSON as posted,
        when the caller has made it already. DuplicateSend if an earlier send used one of those
        IDs. Any StorageError means nothing may be sent. The send's lock is held from here
        until `record_answer` or `record_failure` (or `close`, or the process's end).
        `campaign` (campaign id, request seq) links the send to that planned request, in the
        same transaction, and refuses a request that was started before (it is never posted
        twice); `is_test` marks a test send, never counted in a campaign. A campaign request's
        IDs were made (and checked) with its plan, and its messages are written with its
        outcome (`destinations=` there), or from its body by `recover_unanswered` if the app
        stops first: its record before the POST is one small durable write.
        """
        bulk_id, destinations = request_ids(body)
        scenario_key = body.get("scenarioKey")
        now = to_db_time(self._clock())
        action = tr("record the send before sending it, so nothing was sent")
        with self._holding() as hold, self._write(action, durable=True) as db:
            if campaign is None:
                self._refuse_reused(db, bulk_id, [d["messageId"] for d in destinations])
            cursor = db.execute(
                "INSERT INTO sends (created_at, profile, base_url, scenario_key, bulk_id, "
                "request_json, state, recipients_count, campaign_id, is_test) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    profile,
                    base_url,
                    scenario_key if isinstance(scenario_key, str) else None,
                    bulk_id,
                    dump(body) if text is None else text,
                    SendState.SENDING.value,
                    len(destinations),
                    campaign[0] if campaign else None,
                    int(is_test),
                ),
            )
            send_id = int(cursor.lastrowid or 0)
            if campaign is not None:
                self._link(db, campaign, send_id)
            else:
                self._add_messages(db, send_id, destinations, {}, now)
            hold(send_id)  # before the commit: no one sees it `sending` unlocked
        return send_id

    @staticmethod
    def _add_messages(
        db: sqlite3.Connection,
        send_id: int,
        destinations: list[JsonObject],
        statuses: dict[str, Status],
        now: str,
    ) -> bool:
        """The send's message rows, with the status the answer gave each (else pending);
        whether every row's status is final (the send is settled)."""
        rows: list[tuple[int, str, str, str, str, str, str | None]] = []
        given: list[Status] = []  # each run of one status object once (an answer has a few)
        waiting = not destinations
        for d in destinations:
            message_id = d["messageId"]
            status = statuses.get(message_id)
            shown = address(d.get("to"))
            if status is None:
                waiting = True
                rows.append((send_id, message_id, shown, PENDING_GROUP, PENDING_NAME, "", None))
            else:
                if not given or status is not given[-1]:
                    given.append(status)
                group, name, text = status.group_name, status.name, status.description
                rows.append((send_id, message_id, shown, group, name, text, now))
        db.executemany(
            "INSERT INTO messages (send_id, message_id, to_address, status_group, status_name, "
            "status_description, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return not waiting and all(s.is_final for s in given)

    @staticmethod
    def _link(db: sqlite3.Connection, campaign: tuple[int, int], send_id: int) -> None:
        linked = db.execute(
            "UPDATE campaign_requests SET send_id = ? "
            "WHERE campaign_id = ? AND seq = ? AND send_id IS NULL",
            (send_id, *campaign),
        ).rowcount
        if linked != 1:
            raise StorageError(
                tr(
                    "Request {seq} of campaign #{id} was started before; it is not sent again."
                ).format(seq=campaign[1] + 1, id=campaign[0])
            )

    @contextmanager
    def transaction(self, action: str, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction for the outbox's companions (storage.campaigns)."""
        with self._write(action, durable) as db:
            yield db

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self._read() as db:
            yield db

    @contextmanager
    def _holding(self) -> Iterator[Callable[[int], None]]:
        """Gives the function that takes a send's lock; let go again if the record fails."""
        held: list[int] = []

        def hold(send_id: int) -> None:
            self._flights.hold(send_id)
            held.append(send_id)

        try:
            yield hold
        except BaseException:
            with self._lock:
                for send_id in held:
                    self._flights.release(send_id)
            raise

    def _refuse_reused(self, db: sqlite3.Connection, bulk_id: str, message_ids: list[str]) -> None:
        row = db.execute("SELECT id FROM sends WHERE bulk_id = ? LIMIT 1", (bulk_id,)).fetchone()
        if row is not None:
            self._duplicate(f"bulkId {bulk_id}", int(row[0]))
        for batch in chunks(message_ids):
            row = db.execute(
                f"SELECT send_id, message_id FROM messages WHERE message_id IN "
                f"({marks(len(batch))}) LIMIT 1",
                tuple(batch),
            ).fetchone()
            if row is not None:
                self._duplicate(f"messageId {row[1]}", int(row[0]))

    def reused(self, bulk_id: str | None, message_ids: list[str]) -> DuplicateSend | None:
        """Why a request with these IDs would be refused as a reuse, or None (a read only)."""
        with self._read() as db:
            try:
                self._refuse_reused(db, bulk_id or "", [i for i in message_ids if i])
            except DuplicateSend as exc:
                return exc
        return None

    @staticmethod
    def _duplicate(what: str, send_id: int) -> None:
        raise DuplicateSend(
            tr(
                "This request reuses the {what} of send #{id} in the history; the two could not "
                "be told apart, so send it with new IDs."
            ).format(what=what, id=send_id),
            send_id,
        )

    def record_answer(
        self,
        send_id: int,
        response: JsonObject,
        *,
        text: str | None = None,
        updates: list[MessageUpdate] | None = None,
        destinations: list[JsonObject] | None = None,
    ) -> None:
        """The server accepted the send: keep its answer (as received) and each message's status.

        `text` is the answer's JSON text as received, `updates` its messages' statuses, when the
        caller has them already (neither is made again then: a 1,000-message answer is ~200 KB);
        `destinations`, a campaign request's, whose message rows are written now. The send is
        not read back (`get` does): a campaign settles a request in a few milliseconds this way,
        where the read-back counted its 1,000 rows again.
        """
        now = to_db_time(self._clock())
        # Not fsynced: an answer lost with a power cut leaves the send `sending`, so the next
        # start makes it `unknown` and Check status settles it from the logs.
        with self._landed(send_id), self._write(tr("record the server's answer")) as db:
            db.execute(
                "UPDATE sends SET state = ?, answered_at = ?, response_json = ?, "
                "error_sentence = NULL WHERE id = ?",
                (SendState.ACCEPTED.value, now, text or dump(response), send_id),
            )
            if updates is None:
                updates = updates_from_answer(response)
            if destinations is None:
                self._answer_messages(db, updates, now, send_id)
                self._settle(db, [send_id], now)
                return
            # Its rows are new and hold the answer's statuses: settled if all are final.
            statuses = {u.message_id: u.status for u in updates}
            if self._add_messages(db, send_id, destinations, statuses, now):
                self._mark_settled(db, send_id, now)

    @staticmethod
    def _answer_messages(
        db: sqlite3.Connection, updates: list[MessageUpdate], now: str, send_id: int
    ) -> None:
        """The answer's statuses: one UPDATE per distinct status and batch of IDs (an answer of
        1,000 messages has one or two statuses). Nothing of a new send is final yet, so unlike
        reports no row's status needs reading first."""
        by_status: dict[tuple[str, str, str], list[str]] = {}
        for update in updates:
            status = update.status
            key = (status.group_name, status.name, status.description)
            by_status.setdefault(key, []).append(update.message_id)
        for (group, name, description), ids in by_status.items():
            for batch in chunks(ids):
                db.execute(
                    "UPDATE messages SET status_group = ?, status_name = ?, "
                    "status_description = ?, updated_at = ? "
                    f"WHERE send_id = ? AND message_id IN ({marks(len(batch))})",
                    (group, name, description, now, send_id, *batch),
                )

    def record_failure(
        self,
        send_id: int,
        state: SendState | str,
        sentence: str,
        response: JsonObject | None = None,
        destinations: list[JsonObject] | None = None,
    ) -> SendRecord:
        """The send failed: `rejected` (4xx), `unknown` (no usable answer) or `not_sent`.

        `sentence` is the operator's sentence (our errors never hold a secret). The message
        rows keep their pending status: the send's `state` is what says it failed.
        """
        state = SendState(state)
        if state not in FAILURE_STATES:
            raise ValueError(f"{state} is not a failure state")
        now = to_db_time(self._clock())
        answered = now if state is SendState.REJECTED else None
        with self._landed(send_id), self._write(tr("record the failed send"), True) as db:
            db.execute(
                "UPDATE sends SET state = ?, error_sentence = ?, answered_at = ?, "
                "response_json = ? WHERE id = ?",
                (state.value, sentence, answered, dump(response), send_id),
            )
            if destinations is not None:
                self._add_messages(db, send_id, destinations, {}, now)
        return self.get(send_id)

    def withdraw(self, send_id: int) -> None:
        """Forget a send recorded `sending` that was never posted (a campaign paused between
        recording its next request and posting it): its rows go, its campaign request is
        pending again, its lock is let go. Only a send still `sending` is withdrawn."""
        with self._landed(send_id), self._write(tr("withdraw the request never posted")) as db:
            state = db.execute("SELECT state FROM sends WHERE id = ?", (send_id,)).fetchone()
            if state is None or state[0] != SendState.SENDING.value:
                return
            db.execute("UPDATE campaign_requests SET send_id = NULL WHERE send_id = ?", (send_id,))
            db.execute("DELETE FROM messages WHERE send_id = ?", (send_id,))
            db.execute("DELETE FROM sends WHERE id = ?", (send_id,))

    @contextmanager
    def _landed(self, send_id: int) -> Iterator[None]:
        """The send is no longer in flight once its outcome is written (or could not be)."""
        try:
            yield
        finally:
            with self._lock:
                self._flights.release(send_id)

    def apply_reports(self, reports: Iterable[Report]) -> list[int]:
        """Update messages from delivery reports; returns the ids of the sends touched."""
        return self._apply(updates_from_reports(reports))

    def apply_logs(self, entries: Iterable[LogEntry], checked: int | None = None) -> list[int]:
        """Update messages from log entries; returns the ids of the sends touched.

        `checked`: the send whose status was asked for; its `checked_at` is set.
        """
        return self._apply(updates_from_logs(entries), checked)

    def _apply(self, updates: list[MessageUpdate], checked: int | None = None) -> list[int]:
        now = to_db_time(self._clock())
        with self._write(tr("record the delivery reports")) as db:
            touched = set(self._update_messages(db, updates, now))
            if checked is not None:
                db.execute("UPDATE sends SET checked_at = ? WHERE id = ?", (now, checked))
                touched.add(checked)
            self._settle(db, touched, now)
        return sorted(touched)

    def _update_messages(
        self,
        db: sqlite3.Connection,
        updates: list[MessageUpdate],
        now: str,
        send_id: int | None = None,
    ) -> list[int]:
        """Write the updates; a final status is never replaced by a later non-final one."""
        held: dict[str, tuple[int, bool]] = {}
        for batch in chunks([u.message_id for u in updates]):
            sql = "SELECT send_id, message_id, status_group, status_name FROM messages "
            sql += f"WHERE message_id IN ({marks(len(batch))})"
            params: tuple[Any, ...] = tuple(batch)
            if send_id is not None:
                sql, params = sql + " AND send_id = ?", (*params, send_id)
            for row in db.execute(sql, params):
                held[row[1]] = (row[0], is_final(row[2], row[3]))
        rows = []
        for update in updates:
            owner, final = held.get(update.message_id, (None, False))
            if owner is None or (final and not update.status.is_final):
                continue
            status, price = update.status, update.price
            amount, currency = (price.price_per_message, price.currency) if price else (None, None)
            rows.append(
                (
                    *(status.group_name, status.name, status.description, update.channel),
                    *(amount, currency, update.error, now, owner, update.message_id),
                )
            )
        db.executemany(
            "UPDATE messages SET status_group = ?, status_name = ?, status_description = ?, "
            "channel = COALESCE(?, channel), price = COALESCE(?, price), "
            "currency = COALESCE(?, currency), error = COALESCE(?, error), updated_at = ? "
            "WHERE send_id = ? AND message_id = ?",
            rows,
        )
        return sorted({row[8] for row in rows})

    def _settle(self, db: sqlite3.Connection, send_ids: Iterable[int], now: str) -> None:
        """The server has a message of it: an unknown send was accepted. All final: settled."""
        for send_id in send_ids:
            heard = db.execute(
                "SELECT 1 FROM messages WHERE send_id = ? AND updated_at IS NOT NULL LIMIT 1",
                (send_id,),
            ).fetchone()
            if heard is not None:
                db.execute(
                    "UPDATE sends SET state = ?, error_sentence = NULL WHERE id = ? AND state = ?",
                    (SendState.ACCEPTED.value, send_id, SendState.UNKNOWN.value),
                )
            rows = db.execute(
                "SELECT DISTINCT status_group, status_name FROM messages WHERE send_id = ?",
                (send_id,),
            ).fetchall()
            if rows and all(is_final(r["status_group"], r["status_name"]) for r in rows):
                self._mark_settled(db, send_id, now)

    @staticmethod
    def _mark_settled(db: sqlite3.Connection, send_id: int, now: str) -> None:
        """Every message of the send has a final status: it is settled (the first time only)."""
        db.execute(
            "UPDATE sends SET settled_at = ? WHERE id = ? AND settled_at IS NULL", (now, send_id)
        )

    def recover_unanswered(self) -> list[SendRecord]:
        """At start: each send still `sending` whose sender died becomes `unknown`, never resent.

        A send whose lock a living process holds (a CLI send being posted) stays `sending`.
        """
        with self._write(tr("mark the unanswered sends"), durable=True) as db:
            sending = [r[0] for r in db.execute("SELECT id FROM sends WHERE state = 'sending'")]
            ids = [i for i in sending if self._flights.is_free(i)]
            db.executemany(
                "UPDATE sends SET state = 'unknown', error_sentence = ? WHERE id = ?",
                [(RECOVERED, i) for i in ids],
            )
            now = to_db_time(self._clock())
            for send_id in ids:  # a campaign request's messages, from its body
                if db.execute("SELECT 1 FROM messages WHERE send_id = ?", (send_id,)).fetchone():
                    continue
                row = db.execute("SELECT request_json FROM sends WHERE id = ?", (send_id,))
                body = jsonsafe.loads(row.fetchone()[0])
                self._add_messages(db, send_id, request_ids(body)[1], {}, now)
        return [self.get(i) for i in ids]

    # --- reading ------------------------------------------------------------------------------

    def get(self, send_id: int) -> SendRecord:
        """The send; KeyError if there is no such send."""
        found = self._sends("WHERE s.id = ?", (send_id,))
        if not found:
            raise KeyError(send_id)
        return found[0]

    def messages(self, send_id: int) -> list[MessageRecord]:
        """The send's messages, in the order of its destinations."""
        with self._read() as db:
            rows = db.execute(
                "SELECT * FROM messages WHERE send_id = ? ORDER BY rowid", (send_id,)
            ).fetchall()
        return [MessageRecord.from_row(r) for r in rows]

    def unknown_sends(self) -> list[SendRecord]:
        """The sends whose outcome is unknown, oldest first."""
        return self._sends("WHERE s.state = 'unknown' ORDER BY s.created_at, s.id", ())

    def history(self, search: str = "", limit: int = 200, offset: int = 0) -> list[SendRecord]:
        """Newest first. `search` matches part of a bulk or message ID, a recipient, the
        scenario key, profile or error sentence (ignoring case), or a state exactly."""
        page = "ORDER BY s.created_at DESC, s.id DESC LIMIT :limit OFFSET :offset"
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        text = search.strip()
        if not text:
            return self._sends(page, params)
        params.update(search_params(text))
        return self._sends(f"WHERE {SEND_MATCH} {page}", params)

    def _sends(self, tail: str, params: tuple[Any, ...] | dict[str, Any]) -> list[SendRecord]:
        with self._read() as db:
            rows = db.execute(f"SELECT s.* FROM sends s {tail}", params).fetchall()
            counts: dict[int, dict[str, int]] = {}
            for batch in chunks([int(r["id"]) for r in rows]):
                for row in db.execute(
                    "SELECT send_id, status_group, COUNT(*) FROM messages "
                    f"WHERE send_id IN ({marks(len(batch))}) GROUP BY send_id, status_group",
                    tuple(batch),
                ):
                    counts.setdefault(row[0], {})[row[1]] = row[2]
        return [SendRecord.from_row(r, counts.get(r["id"], {})) for r in rows]

    # --- sending again ------------------------------------------------------------------------

    def draft_from(self, send_id: int) -> OmniMessage:
        """The send's request as a new draft: the same content, its IDs cleared."""
        message = from_json(self.get(send_id).request())
        destinations = [replace(d, message_id=None) for d in message.destinations]
        return replace(message, bulk_id=None, destinations=destinations)

    def new_ids_for_resend(self, send_id: int, now: datetime) -> JsonObject:
        """A copy of the send's request body with a NEW bulkId and NEW messageIds."""
        return to_json(with_ids(self.draft_from(send_id), now))


__all__ = ["LOGS_BATCH", "RECOVERED", "DuplicateSend", "Outbox"]
