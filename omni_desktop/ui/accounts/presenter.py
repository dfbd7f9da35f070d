"""The Accounts dialog's presenter: every read and write of the accounts goes through
`AccountsService` in a task and comes back as a signal, so the dialog never waits on the
settings file, the keyring (which can block on D-Bus) or the network.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.settings import InvalidSettings, Settings

from omni_desktop.services.accounts import AccountsService

from omni_desktop.ui.qt_common import TaskKeeper

# What `secret_state` says of a profile's secret.
IN_MEMORY, STORED, NONE = "memory", "stored", "none"


@dataclass(frozen=True)
class Removed:
    """A removed profile: the settings without it, and why its key stayed, if it did."""

    settings: Settings
    name: str
    problem: str | None = None


class AccountsPresenter(QObject):
    """Loads, saves, removes and tests accounts for one Accounts dialog."""

    settings_loaded = Signal(object)  # Settings
    load_failed = Signal(str)
    saved = Signal(object)  # services.accounts.Saved
    save_failed = Signal(str)  # the problems, one a line
    removed = Signal(object)  # Removed
    remove_failed = Signal(str)
    tested = Signal(object)  # None: connected; else why not, one sentence
    secret_state = Signal(str, str)  # profile name, IN_MEMORY | STORED | NONE

    def __init__(self, accounts: AccountsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        # A save or removal that has started writing is let finish; reads and tests are not.
        self.tasks = TaskKeeper(awaited=("save", "remove"))

    def load(self) -> asyncio.Task[Any]:
        """Read the settings in a worker thread; `settings_loaded` or `load_failed` follows."""
        return self.tasks.start(self._load(), "load")

    def save(self, profile: Profile, secret: str, replacing: str | None) -> asyncio.Task[Any]:
        """Write `profile` (in place of `replacing`) and its secret; `saved` or `save_failed`."""
        return self.tasks.start(self._save(profile, secret, replacing), "save")

    def remove(self, name: str) -> asyncio.Task[Any]:
        """Remove the profile and its key; `removed` or `remove_failed` follows."""
        return self.tasks.start(self._remove(name), "remove")

    def test(self, profile: Profile, secret: str, stored: str | None) -> asyncio.Task[Any]:
        """Test connection with `secret`, or when it is empty with the key stored for `stored`."""
        self.tasks.cancel("test connection")  # only the newest settings' answer matters
        return self.tasks.start(self._test(profile, secret, stored), "test connection")

    def check_secret(self, name: str) -> asyncio.Task[Any] | None:
        """Say (by `secret_state`) whether `name` has a key in memory, in the keyring, or none."""
        if self.accounts.in_memory(name):
            self.secret_state.emit(name, IN_MEMORY)
            return None
        return self.tasks.start(self._check_secret(name), "check secret")

    def remember_in_memory(self, name: str, secret: str) -> None:
        """Keep the key in this process only, after the operator agreed; never written."""
        self.accounts.remember_in_memory(name, secret)
        self.secret_state.emit(name, IN_MEMORY)

    async def close(self) -> None:
        """Let a save or removal finish, stop the rest, and wait for all of it."""
        await self.tasks.close()

    # --- tasks ---------------------------------------------------------------------------------

    async def _load(self) -> None:
        try:
            settings = await self.accounts.settings()
        except (InvalidSettings, StorageError) as exc:
            self.load_failed.emit(_sentence(exc))
            return
        self.settings_loaded.emit(settings)

    async def _save(self, profile: Profile, secret: str, replacing: str | None) -> None:
        try:
            saved = await self.accounts.save(profile, secret, replacing)
        except (InvalidSettings, StorageError) as exc:
            self.save_failed.emit(_sentence(exc))
            return
        self.saved.emit(saved)

    async def _remove(self, name: str) -> None:
        try:
            settings, problem = await self.accounts.remove(name)
        except (InvalidSettings, StorageError) as exc:
            self.remove_failed.emit(_sentence(exc))
            return
        self.removed.emit(Removed(settings, name, problem))

    async def _test(self, profile: Profile, secret: str, stored: str | None) -> None:
        if not secret.strip():
            secret = await self.accounts.stored_secret(stored) or ""
        self.tested.emit(await self.accounts.test_connection(profile, secret))

    async def _check_secret(self, name: str) -> None:
        secret = await self.accounts.stored_secret(name)
        if self.accounts.in_memory(name):  # kept in memory while the keyring was asked
            self.secret_state.emit(name, IN_MEMORY)
        else:
            self.secret_state.emit(name, NONE if secret is None else STORED)


def _sentence(exc: Exception) -> str:
    if isinstance(exc, InvalidSettings):
        return "\n".join(exc.problems)
    return str(exc)


__all__ = ["IN_MEMORY", "NONE", "STORED", "AccountsPresenter", "Removed"]
