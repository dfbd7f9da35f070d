"""Small text-to-text maps the app remembers between runs (a draft's time zone, an import's
default country): one JSON object per file, written atomically, bounded in size and entries.

A missing, damaged, oversized or hostile file reads as empty, and a write that fails costs
only the memory: these are conveniences, never the operator's data.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from omni_desktop.core import jsonsafe

from omni_desktop.storage.drafts import atomic_write_text

MAX_FILE_BYTES = 256 * 1024


class JsonMap:
    """`read()` the map, `write()` it back keeping the `max_entries` newest (insertion order:
    the newest last). `keep(key, value)` decides which read entries are sound; `file` None
    keeps the map in memory only."""

    def __init__(
        self, file: Path | None, what: str, keep: Callable[[str, str], bool], max_entries: int
    ) -> None:
        self.file = file
        self._what = what
        self._keep = keep
        self._max = max_entries
        self._memory: dict[str, str] = {}

    def read(self) -> dict[str, str]:
        if self.file is None:
            return dict(self._memory)
        try:
            if self.file.stat().st_size > MAX_FILE_BYTES:
                return {}
            data = jsonsafe.loads(self.file.read_text(encoding="utf-8"), self._what)
        except (OSError, ValueError, UnicodeError, RecursionError, MemoryError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)
            and self._keep(k, v)
        }  # fmt: skip

    def write(self, entries: dict[str, str]) -> None:
        kept = dict(list(entries.items())[-self._max :])
        self._memory = kept
        if self.file is None:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.file, json.dumps(kept, indent=1, ensure_ascii=False))
        except OSError:
            pass


__all__ = ["MAX_FILE_BYTES", "JsonMap"]
