"""The time zone chosen for each draft file, kept beside the app's data, not in the draft.

A draft (`.omni.json`) stays the pure request body, whose `sendAt` carries an offset only; the
zone box's choice (say Europe/Zurich) is remembered here per draft path, so a reopened draft
shows the zone it was written in. A small JSON object, written atomically, bounded in size;
a damaged or hostile file counts as empty.
"""

from __future__ import annotations

from pathlib import Path

from omni_desktop.storage.json_maps import JsonMap

MAX_DRAFTS = 200  # the most recent drafts keep their zone; older ones fall back to local time
MAX_NAME = 64  # IANA names are shorter; anything longer is not a zone


class DraftZones:
    """Draft path -> zone name; missing, damaged or oversized files read as empty."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self._map = JsonMap(file, "draft zones", lambda _k, v: 0 < len(v) <= MAX_NAME, MAX_DRAFTS)

    def zone_of(self, draft: Path) -> str | None:
        """The zone last saved with `draft`, or None (local time)."""
        return self._map.read().get(_key(draft))

    def remember(self, draft: Path, zone: str | None) -> None:
        """Keep `zone` for `draft` (None forgets it). A write that fails costs nothing now."""
        zones = self._map.read()
        key = _key(draft)
        zones.pop(key, None)
        if zone:
            zones[key] = zone[:MAX_NAME]
        self._map.write(zones)


def _key(draft: Path) -> str:
    try:
        return str(draft.resolve())
    except (OSError, RuntimeError):
        return str(draft.absolute())
