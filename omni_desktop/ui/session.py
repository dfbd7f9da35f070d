"""What a window session has besides its presenter: storage, accounts and how to switch them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from omni_desktop.api.client import OmniClient
from omni_desktop.storage.autosave import Autosave
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.secrets import SecretStore
from omni_desktop.storage.sends import SendRecord
from omni_desktop.storage.settings import SettingsFile


@dataclass
class Session:
    """Built by the composition root; the window uses it for accounts, history and autosave."""

    paths: AppPaths
    settings_file: SettingsFile
    secrets: SecretStore
    outbox: Outbox
    autosave: Autosave
    # Switch to a profile by name (None: the sandbox); returns None or a plain sentence.
    switch_target: Callable[[str | None], Awaitable[str | None]]
    # The client for a profile's sends (None: the sandbox), or None when it is not available.
    client_for: Callable[[str | None], OmniClient | None]
    notices: list[str] = field(default_factory=list)  # said once, at start
    recovered: list[SendRecord] = field(default_factory=list)  # unknown after a crash
