"""The time zone chosen for each draft file, kept beside the app's data, not in the draft.

A draft (`.omni.json`) stays the pure request body, whose `sendAt` carries an offset only; the
zone box's choice (say Europe/Zurich) is remembered here per draft path, so a reopened draft
shows the zone it was written in. A small JSON object, written atomically, bounded in size;
a damaged or hostile file counts as empty.
"""

from __future__ import annotations

import json
from pathlib import Path

from omni_desktop.core import jsonsafe

from omni_desktop.storage.drafts import atomic_write_text

MAX_DRAFTS = 200  # the most recent drafts keep their zone; older ones fall back to local time
MAX_FILE_BYTES = 256 * 1024
MAX_NAME = 64  # IANA names are shorter; anything longer is not a zone


class DraftZones:
    """Draft path -> zone name; missing, damaged or oversized files read as empty."""

    def __init__(self, file: Path) -> None:
        self.file = file

    def zone_of(self, draft: Path) -> str | None:
        """The zone last saved with `draft`, or None (local time)."""
        return self._read().get(_key(draft))

    def remember(self, draft: Path, zone: str | None) -> None:
        """Keep `zone` for `draft` (None forgets it). A write that fails costs nothing now."""
        zones = self._read()
        key = _key(draft)
        zones.pop(key, None)
        if zone:
            zones[key] = zone[:MAX_NAME]
        kept = dict(list(zones.items())[-MAX_DRAFTS:])  # insertion order: the newest last
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.file, json.dumps(kept, indent=1, ensure_ascii=False))
        except OSError:
            pass

    def _read(self) -> dict[str, str]:
        try:
            if self.file.stat().st_size > MAX_FILE_BYTES:
                return {}
            data = jsonsafe.loads(self.file.read_text(encoding="utf-8"), "draft zones")
        except (OSError, ValueError, UnicodeError, RecursionError, MemoryError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            k: v
            for k, v in data.items()
            if isinstance(k, str) and isinstance(v, str) and 0 < len(v) <= MAX_NAME
        }


def _key(draft: Path) -> str:
    try:
        return str(draft.resolve())
    except (OSError, RuntimeError):
        return str(draft.absolute())
