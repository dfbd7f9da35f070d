"""Accounts for a screen: the profiles in the settings file, their secrets in the keyring,
and Test connection, built with the same credentials (`targets`) as every send.

Every method that touches the disk, the keyring (which may wait on a D-Bus service) or the
network is a coroutine that does its work in a worker thread or on the loop's sockets.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace

from omni_desktop.core.i18n import tr
from omni_desktop.core.regions import check_region

from omni_desktop.api.errors import OmniError
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.profiles import Profile, profile_problems
from omni_desktop.storage.secrets import NoKeyring, SecretStore
from omni_desktop.storage.settings import InvalidSettings, Settings, SettingsFile

from omni_desktop.services.targets import TargetError, from_profile

CONNECT_DEADLINE = 15.0  # seconds for Test connection, retries included
# The secret of each sign-in method, as a sentence names it.
_SECRET_NOUNS = {
    "App": tr("the API key"),
    "Basic": tr("the password"),
    "IBSSO": tr("the IBSSO token"),
    "Bearer": tr("the access token"),
}


@dataclass(frozen=True)
class Saved:
    """What saving a profile did: the settings as written, and what to tell the operator."""

    settings: Settings
    notes: list[str] = field(default_factory=list)
    problem: bool = False  # a note says something went wrong (the profile itself was saved)
    no_keyring: NoKeyring | None = None  # the secret could not be stored: offer memory


class AccountsService:
    """The settings file and the keyring, for the Accounts dialog and the account menu."""

    def __init__(self, settings_file: SettingsFile, secrets: SecretStore) -> None:
        self.settings_file = settings_file
        self.secrets = secrets

    async def settings(self) -> Settings:
        return (await asyncio.to_thread(self.settings_file.load)).settings

    async def save(self, profile: Profile, secret: str, replacing: str | None) -> Saved:
        """Check and write `profile` (in place of `replacing`), then its secret.

        InvalidSettings with the problems when it cannot be saved; StorageError when the file
        cannot be written. The settings file is read again first, so changes made elsewhere
        are kept.
        """
        return await asyncio.to_thread(self._save, profile, secret.strip(), replacing)

    def _save(self, profile: Profile, secret: str, replacing: str | None) -> Saved:
        fresh = self.settings_file.load().settings
        others = [p for p in fresh.profiles if p.name != replacing]
        problems = profile_problems(profile, others)
        if replacing is None and not secret:
            problems.append(
                tr("Enter {noun}; it is kept in the system keyring.").format(
                    noun=_SECRET_NOUNS.get(profile.auth_scheme, tr("the key"))
                )
            )
        if problems:
            raise InvalidSettings(problems)
        updated = fresh.with_profile(profile, replacing=replacing)
        self.settings_file.save(updated)
        name = profile.name.strip()
        notes = [tr("Saved “{name}”.").format(name=name)]
        problem = False
        if replacing is not None and replacing != name:
            try:
                self.secrets.rename(replacing, name)
            except (NoKeyring, StorageError) as exc:
                problem = True
                notes.append(
                    tr(
                        "Its key could not be moved to the new name ({reason}); enter it again."
                    ).format(reason=exc.sentence)
                )
        if secret:
            try:
                self.secrets.set(name, secret)
            except NoKeyring as exc:
                return Saved(updated, notes, problem, exc)
            notes.append(tr("The key is in the system keyring."))
        return Saved(updated, notes, problem)

    async def remove(self, name: str) -> tuple[Settings, str | None]:
        """Remove the profile, then its secret; the settings and a keyring problem, if any.

        InvalidSettings or StorageError when the settings file cannot be written.
        """
        return await asyncio.to_thread(self._remove, name)

    def _remove(self, name: str) -> tuple[Settings, str | None]:
        updated = self.settings_file.load().settings.without_profile(name)
        self.settings_file.save(updated)
        try:
            self.secrets.delete(name)
        except StorageError as exc:
            return updated, str(exc)
        return updated, None

    async def set_sandbox_region(self, region: str | None) -> Settings:
        """Keep the sandbox's default region (None: numbers need their country code).

        TargetError for a code that is not a country's; StorageError when it cannot be saved.
        """
        code = None
        if region is not None and region.strip():
            code, problem = check_region(region)
            if code is None:
                raise TargetError(problem or "")
        return await asyncio.to_thread(self._set_sandbox_region, code)

    def _set_sandbox_region(self, code: str | None) -> Settings:
        updated = replace(self.settings_file.load().settings, sandbox_region=code)
        self.settings_file.save(updated)
        return updated

    def remember_in_memory(self, name: str, secret: str) -> None:
        self.secrets.remember_in_memory(name, secret.strip())

    def in_memory(self, name: str) -> bool:
        return self.secrets.in_memory(name)

    async def stored_secret(self, name: str | None) -> str | None:
        """The profile's secret, or None when there is none or no keyring to ask."""
        if name is None:
            return None
        try:
            return await asyncio.to_thread(self.secrets.get, name)
        except NoKeyring:
            return None

    async def test_connection(self, profile: Profile, secret: str) -> str | None:
        """None when the account answers `GET /omni/1/scenarios`, else why not, one sentence."""
        try:
            client = from_profile(profile, secret).client(deadline=CONNECT_DEADLINE)
        except TargetError as exc:
            return str(exc)
        async with client:
            try:
                await client.list_scenarios()
            except OmniError as exc:
                return exc.sentence
        return None


__all__ = ["CONNECT_DEADLINE", "AccountsService", "Saved"]
