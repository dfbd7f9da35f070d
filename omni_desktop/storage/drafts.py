"""Drafts on disk: the request body itself as `*.omni.json`, written atomically; recipients
imported from a spreadsheet keep their other columns there too, under "fields" (never sent).

Reading refuses, in one sentence, what the rest of the app cannot hold (`core.jsonsafe`, the
schema's types); writing refuses the same, so a saved draft always opens again.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from omni_desktop.core import jsonsafe
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import (
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
    body = to_json(message, fields=True)
    try:
        text: str | None = _json_text(body) + "\n"
    except (ValueError, TypeError, RecursionError):
        text = None
    problem = _refusal(message, body) if text is not None else None
    if text is None or problem or jsonsafe.has_lone_surrogate(text):
        problem = problem or jsonsafe.problem(body) or tr("it holds a value JSON cannot hold")
        raise DraftError(
            tr("The draft cannot be saved as it is: {problem}").format(problem=_clause(problem))
        )
    return text


BIG_DRAFT = 500  # recipients from which each is written on a line of its own


def _json_text(body: JsonObject) -> str:
    """The body indented by two; a big draft's recipients one per line, each made by json's
    C encoder (indenting all of them takes its pure-Python one: 1.2 s for 100,000)."""
    destinations = body.get("destinations")
    if not isinstance(destinations, list) or len(destinations) < BIG_DRAFT:
        return json.dumps(body, ensure_ascii=False, indent=2, allow_nan=False)
    head = json.dumps({**body, "destinations": []}, ensure_ascii=False, indent=2, allow_nan=False)
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    rows = ",\n    ".join(map(encode, destinations))
    # The key is the only place the text `"destinations": []` can stand: in a string value
    # its quotes would be escaped.
    return head.replace('"destinations": []', '"destinations": [\n    ' + rows + "\n  ]", 1)


def _refusal(message: OmniMessage, body: JsonObject) -> str | None:
    """What reading `body` back would refuse; the recipients' own fields are left to the
    caller's check of the text, which is cheaper for 100,000 of them."""
    try:
        from_json({k: v for k, v in body.items() if k != "destinations"})
    except MessageFormatError as exc:
        return str(exc)
    entries = body.get("destinations", [])
    for index, dest in enumerate(message.destinations):
        if dest.extra or dest.extra_to:
            problem = jsonsafe.problem(entries[index], f"destinations[{index}]", 2)
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
