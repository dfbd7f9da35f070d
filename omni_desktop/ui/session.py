"""What a window session has besides its presenter: the accounts and history services,
autosave, and how to switch accounts. Widgets reach storage, the keyring and the clients only
through these services, never directly.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from omni_desktop.storage.autosave import Autosave
from omni_desktop.storage.draft_zones import DraftZones
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.sends import SendRecord
from omni_desktop.storage.settings import Settings

from omni_desktop.services.accounts import AccountsService
from omni_desktop.services.history import HistoryService


@dataclass
class Session:
    """Built by the composition root; the window uses it for accounts, history and autosave."""

    paths: AppPaths
    accounts: AccountsService
    history: HistoryService
    autosave: Autosave
    # Switch to a profile by name (None: the sandbox); returns None or a plain sentence.
    switch_target: Callable[[str | None], Awaitable[str | None]]
    # Keep the sandbox's default region (None: none); returns None or a plain sentence.
    set_sandbox_region: Callable[[str | None], Awaitable[str | None]] | None = None
    # The settings as read at start: the autosave interval and the account menu's first list
    # (later lists come with the Accounts dialog's `profiles_changed`).
    settings: Settings = field(default_factory=Settings)
    # The schedule's time zone per draft file (the draft keeps only sendAt's offset).
    draft_zones: DraftZones | None = None
    notices: list[str] = field(default_factory=list)  # said once, at start
    recovered: list[SendRecord] = field(default_factory=list)  # unknown after a crash
