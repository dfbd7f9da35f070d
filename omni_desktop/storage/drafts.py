"""Drafts on disk: the request body itself as `*.omni.json`, written atomically; recipients
imported from a spreadsheet keep their other columns there too, under "fields" (never sent).

Reading refuses, in one sentence, what the rest of the app cannot hold (`core.jsonsafe`, the
schema's types); writing refuses the same, so a saved draft always opens again.
"""

from __future__ import annotations

import contextlib
import json
import operator
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from omni_desktop.core import jsonsafe
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import (
    Destination,
    JsonObject,
    MessageFormatError,
    OmniMessage,
    from_json,
    to_json,
)

DRAFT_SUFFIX = ".omni.json"
MAX_DRAFT_BYTES = 256 * 1024 * 1024  # 100,000 recipients take about 10 MB


class DraftError(Exception):
    """A draft could not be read or written; str() is one plain sentence for the operator."""


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that a crash leaves either the old file or the new one."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def set_aside(path: Path, moment: datetime, companions: tuple[str, ...] = ()) -> Path:
    """Rename a damaged file to `<name>.damaged-<UTC time>` beside it, and each existing
    `<name><suffix>` of `companions` (SQLite's "-wal", "-shm") to match; the new path.

    The file is kept for whoever wants to look into it; OSError if it cannot be renamed.
    """
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    count = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", *companions)):
        count += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{count}")
    path.replace(aside)
    for suffix in companions:
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.replace(Path(f"{aside}{suffix}"))
    return aside


def draft_text(message: OmniMessage) -> str:
    """The draft file's text; DraftError (one sentence) for anything `load_draft` would refuse.
    The recipients' spreadsheet fields are kept with them (`core.message.FIELDS_KEY`)."""
    big = len(message.destinations) >= BIG_DRAFT
    body = to_json(replace(message, destinations=[]) if big else message, fields=True)
    rows = _ROWS.made(message.destinations) if big else None
    if rows is None:
        _ROWS.forget()  # a small draft now: a big one's rows are let go
    try:
        text: str | None = _json_text(body, rows.texts if rows is not None else None) + "\n"
    except (ValueError, TypeError, RecursionError):
        text = None
    problem = _refusal(message, body) if text is not None else None
    if text is None or problem or _lone_surrogate(text, rows):
        whole = to_json(message, fields=True) if big else body
        problem = problem or jsonsafe.problem(whole) or tr("it holds a value JSON cannot hold")
        raise DraftError(
            tr("The draft cannot be saved as it is: {problem}").format(problem=_clause(problem))
        )
    if rows is not None:
        _ROWS.keep(rows)
    return text


BIG_DRAFT = 500  # recipients from which each is written on a line of its own


@dataclass(frozen=True)
class _Rows:
    """A big draft's recipients as JSON texts, in order, made of `objects`; `new`, the texts
    made for this save (the others were written, and checked, by an earlier one)."""

    objects: list[Destination]
    texts: list[str]
    new: list[str]


class _RowTexts:
    """A big draft's recipients as JSON text, kept per `Destination` object from one save to
    the next. A recipient is the same object until it is edited (the recipients table's
    `RecipientRow.made`; nothing changes a Destination in place), so an autosave of 100,000
    unchanged recipients encodes none of them again: 0.3 s of the interpreter each time
    before, in a worker beside the window's painting. Only the last save's rows are kept, and
    they hold their objects, so no other object can have the id of one of them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept = _Rows([], [], [])

    def made(self, destinations: list[Destination]) -> _Rows:
        """Each recipient's text: kept, or made now (json's C encoder, a row at a time:
        indenting them all would take its pure-Python one, 1.2 s for 100,000)."""
        with self._lock:
            kept = self._kept
        objects = list(destinations)
        if len(kept.objects) == len(objects) and all(map(operator.is_, kept.objects, objects)):
            return _Rows(objects, kept.texts, [])  # the usual autosave: nothing edited
        by_id = {id(d): t for d, t in zip(kept.objects, kept.texts, strict=True)}
        texts: list[str] = []
        missing: list[int] = []
        for at, dest in enumerate(objects):
            text = by_id.get(id(dest))
            if text is None:
                missing.append(at)
                text = ""
            texts.append(text)
        new: list[str] = []
        if missing:
            wanted = OmniMessage(destinations=[objects[at] for at in missing])
            encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
            for at, entry in zip(
                missing, to_json(wanted, fields=True)["destinations"], strict=True
            ):
                texts[at] = encode(entry)
                new.append(texts[at])
        return _Rows(objects, texts, new)

    def keep(self, rows: _Rows) -> None:
        """Keep the rows of a save that succeeded (one that failed keeps the earlier ones)."""
        with self._lock:
            self._kept = rows

    def forget(self) -> None:
        with self._lock:
            self._kept = _Rows([], [], [])


_ROWS = _RowTexts()


def _json_text(body: JsonObject, rows: list[str] | None) -> str:
    """The body indented by two; a big draft's recipients (`rows`, made apart) one per line."""
    if rows is None:
        return json.dumps(body, ensure_ascii=False, indent=2, allow_nan=False)
    head = json.dumps({**body, "destinations": []}, ensure_ascii=False, indent=2, allow_nan=False)
    # The key is the only place the text `"destinations": []` can stand: in a string value
    # its quotes would be escaped.
    return head.replace(
        '"destinations": []', '"destinations": [\n    ' + ",\n    ".join(rows) + "\n  ]", 1
    )


def _lone_surrogate(text: str, rows: _Rows | None) -> bool:
    """Whether the text holds half a surrogate pair; of a big draft's rows only those made
    now are looked at (a kept row was looked at when it was made)."""
    if rows is None:
        return jsonsafe.has_lone_surrogate(text)
    head = len(text) - sum(map(len, rows.texts))  # all but the rows: small
    return jsonsafe.has_lone_surrogate(text[:head]) or any(
        map(jsonsafe.has_lone_surrogate, rows.new)
    )


def _refusal(message: OmniMessage, body: JsonObject) -> str | None:
    """What reading `body` back would refuse; the recipients' own fields are left to the
    caller's check of the text, which is cheaper for 100,000 of them."""
    try:
        from_json({k: v for k, v in body.items() if k != "destinations"})
    except MessageFormatError as exc:
        return str(exc)
    for index, dest in enumerate(message.destinations):
        if dest.extra or dest.extra_to:
            entry = to_json(OmniMessage(destinations=[dest]), fields=True)["destinations"][0]
            problem = jsonsafe.problem(entry, f"destinations[{index}]", 2)
            if problem:
                return problem
    return None


def _clause(sentence: str) -> str:
    """A sentence to follow a colon; it keeps its own full stop."""
    return sentence if sentence.endswith(".") else sentence + "."


def save_draft(path: Path, message: OmniMessage) -> None:
    """Save the draft; channel content outside the scenario's flow is kept too."""
    text = draft_text(message)
    try:
        atomic_write_text(path, text)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        raise DraftError(
            tr(
                "The draft could not be saved to {path}: {reason}. It is still open; "
                "choose another folder with Save As, or free some disk space."
            ).format(path=path, reason=reason)
        ) from None


class JsonFileError(ValueError):
    """A JSON file that cannot be read; `str()` is one plain sentence for the operator."""


def read_json_file(path: Path, max_bytes: int, too_big: Callable[[int], str], not_text: str) -> Any:
    """The JSON in `path`, read within limits (`core.jsonsafe`); JsonFileError, one sentence,
    otherwise. `too_big(size)` and `not_text` are the sentences for a file over `max_bytes`
    and for one that is not UTF-8 text: what the file should have been is the caller's to say."""
    too_much_memory = tr("{path} is too big to open with the memory there is.").format(path=path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise JsonFileError(too_big(size))
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise JsonFileError(not_text) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        if isinstance(exc, JsonFileError):
            raise
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        raise JsonFileError(
            tr("{path} could not be opened: {reason}.").format(path=path, reason=reason)
        ) from None
    except MemoryError:
        raise JsonFileError(too_much_memory) from None
    try:
        return jsonsafe.loads(text, what=path.name)
    except json.JSONDecodeError as exc:
        raise JsonFileError(
            tr("{name} is not valid JSON (line {line}, column {column}: {reason}).").format(
                name=path.name, line=exc.lineno, column=exc.colno, reason=exc.msg
            )
        ) from None
    except jsonsafe.UnsafeJson as exc:
        raise JsonFileError(str(exc)) from None
    except MemoryError:
        raise JsonFileError(too_much_memory) from None


def load_draft(path: Path) -> OmniMessage:
    """Read a draft; DraftError, one sentence, when it cannot be read or is not a request."""
    try:
        data = read_json_file(
            path,
            MAX_DRAFT_BYTES,
            too_big=lambda size: tr(
                "{name} is {size} MB, far more than any draft (100,000 recipients take "
                "about 10 MB), so it is not opened."
            ).format(name=path.name, size=size // (1024 * 1024)),
            not_text=tr("{path} is not a text file, so it is not a draft.").format(path=path),
        )
    except JsonFileError as exc:
        raise DraftError(str(exc)) from None
    try:
        return from_json(data)
    except MessageFormatError as exc:
        raise DraftError(
            tr("{name} is not an OMNI request: {reason}").format(name=path.name, reason=exc)
        ) from None
