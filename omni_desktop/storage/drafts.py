"""Drafts on disk: the request body itself as `*.omni.json`, written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from omni_desktop.core.message import MessageFormatError, OmniMessage, from_json, to_json

DRAFT_SUFFIX = ".omni.json"


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


def save_draft(path: Path, message: OmniMessage) -> None:
    """Save the draft; channel content outside the scenario's flow is kept too."""
    text = json.dumps(to_json(message), ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DraftError(
            f"The draft could not be saved to {path}: {reason}. It is still open; "
            "choose another folder with Save As, or free some disk space."
        ) from None


def load_draft(path: Path) -> OmniMessage:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DraftError(f"{path} could not be opened: {exc.strerror or exc}.") from None
    except UnicodeDecodeError:
        raise DraftError(f"{path} is not a text file, so it is not a draft.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DraftError(
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    try:
        return from_json(data)
    except MessageFormatError as exc:
        raise DraftError(f"{path.name} is not an OMNI request: {exc}") from None
