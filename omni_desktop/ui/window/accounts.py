"""`AccountController`: the Account menu, switching accounts, and the sandbox's default country.

A switch is always explicit (a menu choice), refused while a send is in flight, and said in the
status bar once done; the window's banner, preview and recipients follow the new target.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.region_dialog import RegionDialog, region_name

if TYPE_CHECKING:
    from omni_desktop.storage.settings import Settings

    from omni_desktop.ui.accounts import AccountsDialog
    from omni_desktop.ui.window.window import MainWindow


class AccountController(QObject):
    """Fills the Account menu and switches the window's target through its `Session`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        session = window.session
        self._profile_names = [p.name for p in session.settings.profiles] if session else []
        window.presenter.target_changed.connect(self._on_presenter_target_changed)

    def fill_menu(self) -> None:
        commands = self._window.commands
        menu, group = commands.account_menu, commands.account_group
        menu.clear()
        for act in group.actions():
            group.removeAction(act)
        current = self._window.presenter.target.profile
        names: list[str | None] = [None]
        if self._window.session is not None:
            names += self._profile_names
        for name in names:
            label = tr("Sandbox (built-in, nothing is delivered)") if name is None else name
            act = menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(name == current)
            act.setEnabled(self._window.session is not None)
            act.triggered.connect(lambda _=False, n=name: self.switch_account(n))
            group.addAction(act)
        menu.addSeparator()
        menu.addAction(commands.accounts)
        menu.addAction(commands.sandbox_region)

    def switch_account(self, name: str | None) -> asyncio.Task[Any] | None:
        """Send through profile `name` (None: the sandbox) from now on; explicit, never silent."""
        window = self._window
        if window.session is None or name == window.presenter.target.profile:
            return None
        if window.presenter.busy:
            window.warn(tr("Not now"), tr("A send is in progress; switch after its answer."))
            self.fill_menu()
            return None
        return window.tasks.start(self._switch(name), "switch account")

    def open_sandbox_region(self) -> RegionDialog:
        """Ask for the sandbox's default country (opened, never exec()'d)."""
        window = self._window
        target = window.presenter.target
        current = target.default_region if target.is_sandbox else None
        if not target.is_sandbox and window.session is not None:
            current = window.session.settings.sandbox_region
        dialog = RegionDialog(tr("Sandbox's default country"), current, window)
        dialog.setObjectName("sandbox_region_dialog")
        dialog.accepted.connect(
            lambda: window.tasks.start(self._set_sandbox_region(dialog.region()), "sandbox region")
        )
        window.keep_open(dialog)
        dialog.open()
        return dialog

    def open_accounts(self, profile: str | None = None) -> AccountsDialog | None:
        """Open the Accounts dialog (on `profile`, to enter its key, when given)."""
        window = self._window
        if window.session is None:
            return None
        from omni_desktop.ui.accounts import AccountsDialog

        dialog = AccountsDialog(window.session.accounts, window)
        if profile is not None:
            dialog.edit_profile(profile)
        dialog.profiles_changed.connect(self._on_accounts_profiles_changed)
        window.keep_open(dialog)
        dialog.open()
        return dialog

    # --- internals -----------------------------------------------------------------------------

    async def _set_sandbox_region(self, region: str | None) -> None:
        session = self._window.session
        if session is None or session.set_sandbox_region is None:
            return
        problem = await session.set_sandbox_region(region)
        if problem is not None:
            self._window.warn(tr("The default country could not be kept"), problem)
            return
        self._window.statusBar().showMessage(
            tr("The sandbox reads numbers without a country code as {country}'s.").format(
                country=region_name(region)
            )
            if region
            else tr("The sandbox now needs every number with its country code."),
            6000,
        )

    async def _switch(self, name: str | None) -> None:
        assert self._window.session is not None
        problem = await self._window.session.switch_target(name)
        if problem is not None:
            self._window.warn(tr("The account could not be used"), problem)
        self.fill_menu()

    def _on_presenter_target_changed(self) -> None:
        window = self._window
        target = window.presenter.target
        window.recipients.model.default_region = target.default_region
        window.banner.set_target(target.name, target.base_url, target.is_sandbox)
        window.preview.base_url = target.base_url
        window.preview.set_auth_scheme(target.auth_scheme)
        window.target_status.setText(
            tr("Sandbox") if target.is_sandbox else f"{target.name} · {target.base_url}"
        )
        window.status_panel.clear_error()
        window.statusBar().showMessage(
            tr("Now sending through {name}.").format(name=target.name), 6000
        )
        self.fill_menu()

    def _on_accounts_profiles_changed(self, settings: Settings) -> None:
        self._profile_names = [p.name for p in settings.profiles]
        self.fill_menu()
