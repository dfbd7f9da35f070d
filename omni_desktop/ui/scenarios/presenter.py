"""The scenario manager's presenter: lists and saves through services.scenarios off the GUI
thread, each answer coming back as a signal. A save is never repeated by itself."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from omni_desktop.core.scenario import Scenario

from omni_desktop.api.client import OmniClient
from omni_desktop.api.errors import OmniError

from omni_desktop.services import scenarios as service
from omni_desktop.services.scenarios import SaveOutcome, SaveState

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import TaskKeeper


class ScenariosPresenter(QObject):
    """Loads every scenario of the account and saves one; `client` gives the current client."""

    listed = Signal(object)  # list[Scenario]
    list_failed = Signal(str)  # one plain sentence
    saved = Signal(object)  # SaveOutcome, whatever its state

    def __init__(
        self, client: Callable[[], OmniClient | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._client = client
        self.scenarios: list[Scenario] = []
        self.tasks = TaskKeeper(awaited=("save scenario",))  # a save's outcome must be told

    @property
    def saving(self) -> bool:
        return bool(self.tasks.running("save scenario"))

    def reload(self) -> asyncio.Task[Any]:
        """List every scenario; `listed` or `list_failed` follows."""
        self.tasks.cancel("list scenarios")
        return self.tasks.start(self._reload(), "list scenarios")

    def save(self, scenario: Scenario) -> asyncio.Task[Any]:
        """Create (no key) or update `scenario` once; `saved` follows with the outcome."""
        return self.tasks.start(self._save(scenario), "save scenario")

    def _no_client(self) -> str:
        return tr("The app is not connected to an account yet; try again in a moment.")

    async def _reload(self) -> None:
        client = self._client()
        if client is None:
            self.list_failed.emit(self._no_client())
            return
        try:
            found = await service.list_all(client)
        except OmniError as exc:
            self.list_failed.emit(exc.sentence)
            return
        self.scenarios = found
        self.listed.emit(found)

    async def _save(self, scenario: Scenario) -> None:
        known = [s.key for s in self.scenarios if s.key]
        client = self._client()
        if client is None:
            self.saved.emit(SaveOutcome(SaveState.NOT_SAVED, self._no_client()))
            return
        outcome = await service.save(client, scenario, known)
        self.saved.emit(outcome)
        if outcome.state in (SaveState.SAVED, SaveState.UNKNOWN, SaveState.NOT_SAVED):
            await self._reload()

    async def shutdown(self) -> None:
        await self.tasks.close()
