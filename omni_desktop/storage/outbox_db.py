"""The outbox's SQLite file: opening it (WAL), its schema by version, its errors in words.

The schema version is SQLite's `user_version`; `SCHEMA[n]` brings version n to n+1, so a
future change is one more step at the end, run once by whichever process opens the file first.
A file that is not a database, or a damaged one, is set aside at start (`open_outbox_or_set_aside`)
so that the app still opens, on a new history.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from omni_desktop.core.i18n import tr, tr_noop

from omni_desktop.storage.drafts import set_aside
from omni_desktop.storage.errors import StorageError, os_reason
from omni_desktop.storage.paths import ensure_folder

if TYPE_CHECKING:
    from omni_desktop.storage.outbox import Outbox

log = logging.getLogger("omni_desktop.storage")

T = TypeVar("T")

BUSY_TIMEOUT = 5.0  # seconds to wait for another process's write before "database is locked"
# WAL pages between checkpoints (default 1,000): a campaign writes about 1 MB a request, and
# each checkpoint copies and syncs the file; the WAL may grow to ~40 MB meanwhile.
CHECKPOINT_PAGES = 10_000
CACHE_KIB = 16 * 1024  # SQLite's page cache (default 2 MiB): a campaign's indexes stay in it
IN_BATCH = 500  # values per SQL `IN (...)`, well under SQLite's variable limit

# Append a step for each change; never edit a released one.
SCHEMA: list[list[str]] = [
    [
        """CREATE TABLE IF NOT EXISTS sends (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            profile TEXT,
            base_url TEXT NOT NULL,
            scenario_key TEXT,
            bulk_id TEXT NOT NULL,
            request_json TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN
                ('sending', 'accepted', 'rejected', 'unknown', 'not_sent')),
            answered_at TEXT,
            response_json TEXT,
            error_sentence TEXT,
            recipients_count INTEGER NOT NULL,
            settled_at TEXT,
            checked_at TEXT)""",
        "CREATE INDEX IF NOT EXISTS sends_created ON sends (created_at)",
        "CREATE INDEX IF NOT EXISTS sends_bulk ON sends (bulk_id)",
        "CREATE INDEX IF NOT EXISTS sends_state ON sends (state)",
        """CREATE TABLE IF NOT EXISTS messages (
            send_id INTEGER NOT NULL REFERENCES sends (id) ON DELETE CASCADE,
            message_id TEXT NOT NULL,
            to_address TEXT NOT NULL,
            status_group TEXT NOT NULL,
            status_name TEXT NOT NULL,
            status_description TEXT NOT NULL DEFAULT '',
            channel TEXT,
            price REAL,
            currency TEXT,
            error TEXT,
            updated_at TEXT,
            PRIMARY KEY (send_id, message_id))""",
        "CREATE INDEX IF NOT EXISTS messages_id ON messages (message_id)",
        "CREATE INDEX IF NOT EXISTS messages_to ON messages (to_address)",
    ],
    [  # campaigns: a plan of requests recorded before the first, each a send once started
        """CREATE TABLE IF NOT EXISTS campaigns (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            profile TEXT,
            base_url TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'cancelled', 'finished')),
            chunk_size INTEGER NOT NULL,
            request_count INTEGER NOT NULL,
            message_count INTEGER NOT NULL,
            note TEXT,
            finished_at TEXT)""",
        """CREATE TABLE IF NOT EXISTS campaign_requests (
            campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            bulk_id TEXT NOT NULL,
            body_json TEXT NOT NULL,
            message_count INTEGER NOT NULL,
            send_id INTEGER REFERENCES sends (id),
            PRIMARY KEY (campaign_id, seq))""",
        "CREATE INDEX IF NOT EXISTS campaign_requests_send ON campaign_requests (send_id)",
        "ALTER TABLE sends ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id)",
        "ALTER TABLE sends ADD COLUMN is_test INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX IF NOT EXISTS sends_campaign ON sends (campaign_id)",
        # Searches match recipients with LIKE '%...%', which no index serves; its random
        # inserts made each 1,000-recipient request rewrite about a thousand pages.
        "DROP INDEX IF EXISTS messages_to",
    ],
]
SCHEMA_VERSION = len(SCHEMA)

_LOCKED = tr_noop("another program is using the history file (database is locked)")
_NOT_A_DATABASE = tr_noop("the history file is damaged (it is not a database)")
_HEADER = b"SQLite format 3\x00"
_REASONS = (  # by SQLite error name, prefix match (extended codes such as SQLITE_IOERR_WRITE)
    ("SQLITE_BUSY", _LOCKED),
    ("SQLITE_LOCKED", _LOCKED),
    ("SQLITE_FULL", tr_noop("the disk is full")),
    ("SQLITE_READONLY", tr_noop("the history file or its folder is read-only")),
    ("SQLITE_CANTOPEN", tr_noop("the file cannot be opened there")),
    ("SQLITE_PERM", tr_noop("permission was denied")),
    ("SQLITE_IOERR", tr_noop("the disk could not be read or written")),
    ("SQLITE_NOTADB", _NOT_A_DATABASE),
    ("SQLITE_CORRUPT", tr_noop("the history file is damaged")),
)


class DamagedHistory(StorageError):
    """The history file is not a database, or a damaged one; it may be set aside."""


_DAMAGE = ("SQLITE_NOTADB", "SQLITE_CORRUPT")
COMPANIONS = ("-wal", "-shm")  # SQLite's files beside the database, moved aside with it


def reason(exc: sqlite3.Error) -> str:
    """A short cause for an sqlite3 error, fit to go inside a sentence."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    for prefix, text in _REASONS:
        if name.startswith(prefix):
            return tr(text)
    message = str(exc)
    if "locked" in message:
        return tr(_LOCKED)
    return message or type(exc).__name__


def storage_error(path: Path, exc: sqlite3.Error, action: str) -> StorageError:
    return StorageError(
        tr("The history at {path} could not {action}: {reason}.").format(
            path=path, action=action, reason=reason(exc)
        )
    )


def chunks(items: Sequence[T], size: int = IN_BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def marks(count: int) -> str:
    """`?,?,?` for an `IN (...)` of `count` values."""
    return ",".join("?" * count)


def open_database(path: Path, busy_timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    """The file opened in WAL mode and brought to SCHEMA_VERSION; StorageError if it cannot
    (DamagedHistory if it is not a database or a damaged one)."""
    ensure_folder(path.parent)
    if not _has_sqlite_header(path):
        # Refused before SQLite opens it: SQLite would delete the -wal file beside it.
        raise DamagedHistory(
            tr("The history at {path} could not {action}: {reason}.").format(
                path=path, action=tr("be opened"), reason=tr(_NOT_A_DATABASE)
            )
        )
    try:
        db = sqlite3.connect(
            path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise storage_error(path, exc, tr("be opened")) from None
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
        _migrate(db, path)
        # What every start reads first (the sends left in flight): damage there shows now.
        db.execute("SELECT * FROM sends WHERE state = 'sending'").fetchall()
    except sqlite3.Error as exc:
        db.close()
        error = storage_error(path, exc, tr("be opened"))
        name = str(getattr(exc, "sqlite_errorname", "") or "")
        if name.startswith(_DAMAGE):
            raise DamagedHistory(error.sentence) from None
        raise error from None
    except BaseException:
        db.close()
        raise
    return db


def open_outbox_or_set_aside(
    path: Path, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> tuple[Outbox, str | None]:
    """The outbox at `path`; if that file is damaged, it is set aside (with its -wal and -shm)
    and a new one started: then also the sentence that says so. StorageError otherwise."""
    from omni_desktop.storage.outbox import Outbox  # outbox.py imports this module

    try:
        return Outbox(path), None
    except DamagedHistory as exc:
        log.warning("%s Setting it aside.", exc)
    try:
        aside = set_aside(path, clock(), COMPANIONS)
    except OSError as exc:
        raise StorageError(
            tr(
                "The history at {path} is damaged and could not be moved aside ({reason}); "
                "move it away yourself, then start omni-desktop again."
            ).format(path=path, reason=os_reason(exc))
        ) from None
    sentence = tr(
        "The send history was damaged; it was kept as {aside} and a new, empty history was "
        "started, so earlier sends are not listed in History."
    ).format(aside=aside)
    return Outbox(path), sentence


def _has_sqlite_header(path: Path) -> bool:
    """Whether the file starts as every SQLite database does (or is empty, or is not there:
    SQLite makes a new one; or cannot be read: SQLite says why)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_HEADER))
    except OSError:
        return True
    return not head or head == _HEADER


def user_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    for step, statements in enumerate(SCHEMA):
        if user_version(db) > step:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            if user_version(db) == step:  # another process may have done it meanwhile
                for statement in statements:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {step + 1}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    found = user_version(db)
    if found > SCHEMA_VERSION:
        raise StorageError(
            tr(
                "The history at {path} was written by a newer omni-desktop (schema {found}, "
                "this one knows {known}); update omni-desktop to use it."
            ).format(path=path, found=found, known=SCHEMA_VERSION)
        )


__all__ = [
    "SCHEMA",
    "SCHEMA_VERSION",
    "DamagedHistory",
    "open_database",
    "open_outbox_or_set_aside",
    "storage_error",
]
