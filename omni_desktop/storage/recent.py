"""The recent-files list, kept as JSON in the platform's config folder."""

from __future__ import annotations

import json
from pathlib import Path

from omni_desktop.storage.drafts import atomic_write_text

MAX_RECENT = 10


class RecentFiles:
    """Most recent first; a missing or damaged list file is treated as empty."""

    def __init__(self, file: Path) -> None:
        self.file = file

    def paths(self) -> list[Path]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError, MemoryError):  # damaged: as if empty
            return []
        if not isinstance(data, list):
            return []
        return [Path(p) for p in data if isinstance(p, str)]

    def add(self, path: Path) -> list[Path]:
        resolved = path.resolve()
        paths = [resolved, *[p for p in self.paths() if p != resolved]][:MAX_RECENT]
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.file, json.dumps([str(p) for p in paths], indent=1))
        except OSError:
            pass  # a recent list that cannot be written costs the operator nothing now
        return paths
