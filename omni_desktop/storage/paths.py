"""Where the application keeps its files: the platform's config, data, log and cache folders.

`AppPaths.default()` asks platformdirs (per user, `omni-desktop`, no vendor folder);
`AppPaths.under(root)` puts all four under one folder, for tests and portable runs. Nothing
here creates a folder until `ensure()` is called.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from omni_desktop.core.i18n import tr

from omni_desktop.storage.errors import StorageError, os_reason

APP_NAME = "omni-desktop"

SETTINGS_FILE = "settings.json"
RECENT_FILE = "recent.json"
HISTORY_FILE = "history.sqlite3"
AUTOSAVE_FOLDER = "autosave"
LOG_FILE = "omni-desktop.log"


@dataclass(frozen=True)
class AppPaths:
    """The four folders; secrets are never written to any of them."""

    config: Path  # settings.json, recent.json
    data: Path  # history.sqlite3, autosave/
    log: Path  # omni-desktop.log and its rotated copies
    cache: Path  # anything that may be deleted at any time

    @classmethod
    def default(cls) -> AppPaths:
        """The platform's per-user folders (e.g. ~/.config/omni-desktop on Linux)."""
        return cls(
            config=platformdirs.user_config_path(APP_NAME, appauthor=False),
            data=platformdirs.user_data_path(APP_NAME, appauthor=False),
            log=platformdirs.user_log_path(APP_NAME, appauthor=False),
            cache=platformdirs.user_cache_path(APP_NAME, appauthor=False),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """All four folders under `root` (`root/config`, `root/data`, ...)."""
        return cls(
            config=root / "config", data=root / "data", log=root / "log", cache=root / "cache"
        )

    def folders(self) -> tuple[Path, ...]:
        return (self.config, self.data, self.log, self.cache)

    def ensure(self) -> AppPaths:
        """Create the folders that are missing; StorageError with a plain sentence if one fails."""
        for folder in self.folders():
            ensure_folder(folder)
        return self

    @property
    def settings_file(self) -> Path:
        return self.config / SETTINGS_FILE

    @property
    def recent_file(self) -> Path:
        return self.config / RECENT_FILE

    @property
    def history_file(self) -> Path:
        return self.data / HISTORY_FILE

    @property
    def autosave_folder(self) -> Path:
        return self.data / AUTOSAVE_FOLDER

    @property
    def log_file(self) -> Path:
        return self.log / LOG_FILE


def ensure_folder(folder: Path) -> Path:
    """`folder`, created with its parents if missing; StorageError when that is not possible."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            tr("The folder {folder} could not be created: {reason}.").format(
                folder=folder, reason=os_reason(exc)
            )
        ) from None
    return folder


__all__ = ["APP_NAME", "AppPaths", "ensure_folder"]
