"""The accounts (profiles) dialog: where each OMNI account is, how it signs in, its secret.

The dialog drives an `AccountsPresenter`: the settings file and the keyring are read and
written in worker threads, and the answers come back as signals. A secret is never shown,
logged or put in a sentence: the field is empty, and a placeholder says whether one is stored.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.i18n import tr_noop

from omni_desktop.storage.profiles import Profile, normalize_base_url
from omni_desktop.storage.secrets import NoKeyring
from omni_desktop.storage.settings import Settings

from omni_desktop.services.accounts import AccountsService, Saved

from omni_desktop.ui.accounts.boxes import discard_box, memory_box, remove_box
from omni_desktop.ui.accounts.form import AccountForm
from omni_desktop.ui.accounts.models import SECRET_NAMES, ProfileListModel
from omni_desktop.ui.accounts.presenter import IN_MEMORY, STORED, AccountsPresenter, Removed
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.theme import error_css, is_dark

SANDBOX_NOTE = tr_noop("The built-in sandbox is always available and needs no account.")
SECRET_PLACEHOLDERS = {
    IN_MEMORY: tr_noop("•••• kept in memory for this session"),
    STORED: tr_noop("•••• stored"),
}
NO_SECRET_PLACEHOLDER = tr_noop("stored in the system keyring")


def _success_css() -> str:
    return f"color: {'#7ee787' if is_dark() else '#2e7d32'};"


class AccountsDialog(QDialog):
    """Add, edit, test and remove accounts; Save writes the settings file and the keyring."""

    profiles_changed = Signal(object)  # Settings: after a save or removal, or a key in memory

    def __init__(self, accounts: AccountsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = AccountsPresenter(accounts, self)
        self._settings = Settings()
        self._loaded_once = False
        self._wanted: str | None = None  # a profile asked for before the settings arrived
        self._editing: str | None = None  # the saved profile in the form; None: a new one
        self._loaded = Profile("", "")  # what the form held when loaded, to see changes
        self._secret_state: tuple[str, str] | None = None  # (profile, IN_MEMORY/STORED/NONE)
        self._saving: tuple[Profile, str] | None = None  # only while a save is under way
        self._syncing = False
        self._after_discard: Callable[[], None] | None = None
        self._pending_secret: tuple[str, str] | None = None  # only while memory_box is open
        self.discard_box: QMessageBox | None = None
        self.memory_box: QMessageBox | None = None
        self.remove_box: QMessageBox | None = None
        self.setWindowTitle(tr("Accounts"))
        self.setSizeGripEnabled(True)
        self.resize(760, 440)
        self._build()
        self._connect()
        self._set_loading(True)
        self._say(tr("Loading…"))
        self.presenter.load()

    def _build(self) -> None:
        self.list_model = ProfileListModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("profiles_list")
        self.list_view.setModel(self.list_model)
        self.list_view.setAccessibleName(tr("Accounts"))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(tr("&Add"), self)
        self.add_button.setToolTip(tr("Add an account"))
        self.remove_button = QPushButton(tr("&Remove…"), self)
        self.remove_button.setToolTip(
            tr("Remove the selected account and delete its key from the keyring")
        )
        self.sandbox_note = QLabel(tr(SANDBOX_NOTE), self)
        self.sandbox_note.setWordWrap(True)
        self.sandbox_note.setEnabled(False)  # the palette's muted text colour
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.add_button)
        list_buttons.addWidget(self.remove_button)
        left = QVBoxLayout()
        left.addWidget(self.list_view, 1)
        left.addLayout(list_buttons)
        left.addWidget(self.sandbox_note)

        self.form = AccountForm(self)
        self.message_label = plain_label("", self)
        self.message_label.setObjectName("accounts_message")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(tr("Problems and results"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(
            tr("Write the account to the settings and its key to the keyring")
        )
        for button in (self.add_button, self.remove_button, self.form.test_button):
            button.setAutoDefault(False)

        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.message_label)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.list_view.selectionModel().currentRowChanged.connect(
            self._on_list_view_current_row_changed
        )
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.form.test_button.clicked.connect(self._on_test_button_clicked)
        for edit in (
            self.form.name_edit,
            self.form.url_edit,
            self.form.username_edit,
            self.form.secret_edit,
        ):
            edit.textEdited.connect(self._on_form_edited)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        p = self.presenter
        p.settings_loaded.connect(self._on_presenter_settings_loaded)
        p.load_failed.connect(self._on_presenter_load_failed)
        p.saved.connect(self._on_presenter_saved)
        p.save_failed.connect(self._on_presenter_save_failed)
        p.removed.connect(self._on_presenter_removed)
        p.remove_failed.connect(self._on_presenter_remove_failed)
        p.tested.connect(self._on_presenter_tested)
        p.secret_state.connect(self._on_presenter_secret_state)

    # --- API -----------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """The settings as this dialog last read or wrote them."""
        return self._settings

    def loaded(self) -> bool:
        """Whether the settings have arrived (until then the form waits, disabled)."""
        return self._loaded_once

    def editing(self) -> str | None:
        """The name of the saved profile in the form; None for a new one (or none at all)."""
        return self._editing

    def message_text(self) -> str:
        return self.message_label.text()

    def edit_profile(self, name: str) -> None:
        """Show the profile `name` (asking first about unsaved changes), to enter its key."""
        if not self._loaded_once:
            self._wanted = name
            return
        self._ask_discard(lambda: self._show_wanted(name))

    def save(self) -> asyncio.Task[Any] | None:
        """Check and write the profile in the form, then its secret; None if nothing is saved.

        The settings file is read again first, so changes made elsewhere are kept; the answer
        comes as a message (and `profiles_changed`) when the task ends.
        """
        if self._saving is not None:
            return None
        if not self.form.isEnabled():
            self._say(tr("Nothing to save: press Add to add an account."))
            return None
        profile, secret = self.form.profile(), self.form.secret_edit.text()
        self._saving = (profile, secret)
        self._set_busy(True)
        self._say(tr("Saving…"))
        return self.presenter.save(profile, secret, self._editing)

    async def shutdown(self) -> None:
        """Let a save finish, stop a connection test or a read, and wait for them."""
        await self.presenter.close()

    def reject(self) -> None:
        """Close; unsaved changes are discarded only after asking."""
        if self._dirty():
            self._ask_discard(self._close_now)
            return
        super().reject()

    # --- presenter -----------------------------------------------------------------------------

    def _on_presenter_settings_loaded(self, settings: Settings) -> None:
        self._settings, self._loaded_once = settings, True
        self._set_loading(False)
        wanted, self._wanted = self._wanted, None
        first = settings.active() or next(iter(settings.profiles), None)
        self._switch_to(first.name if first else None, new=False)
        if wanted is not None:
            self._show_wanted(wanted)
        elif first is None:
            self._say(tr("No accounts yet: press Add to add one."))

    def _on_presenter_load_failed(self, sentence: str) -> None:
        self._loaded_once = True
        self._set_loading(False)
        self._switch_to(None, new=False)
        self._say(sentence, error=True)

    def _on_presenter_saved(self, saved: Saved) -> None:
        pending, self._saving = self._saving, None
        self._set_busy(False)
        if pending is None:
            return
        name, secret = pending[0].name.strip(), pending[1].strip()
        self._settings = saved.settings
        self._switch_to(name, new=False)
        if saved.no_keyring is not None:
            self._offer_memory(name, secret, saved.no_keyring, saved.notes)
        else:
            if secret:
                self._show_secret_state(name, STORED)
            self._say(" ".join(saved.notes), error=saved.problem)
        self.profiles_changed.emit(self._settings)

    def _on_presenter_save_failed(self, problems: str) -> None:
        self._saving = None
        self._set_busy(False)
        self._say(problems, error=True)

    def _on_presenter_removed(self, removed: Removed) -> None:
        self._set_busy(False)
        self._settings = removed.settings
        self._discard_form()
        self._switch_to(self._first_name(), new=False)
        if removed.problem is not None:
            self._say(removed.problem, error=True)
        else:
            self._say(tr("Removed “{name}”.").format(name=removed.name))
        self.profiles_changed.emit(self._settings)

    def _on_presenter_remove_failed(self, sentence: str) -> None:
        self._set_busy(False)
        self._say(sentence, error=True)

    def _on_presenter_tested(self, problem: str | None) -> None:
        self.form.test_button.setEnabled(True)
        self.form.test_button.setText(tr("&Test connection"))
        self._show_test_result(problem)

    def _on_presenter_secret_state(self, name: str, state: str) -> None:
        self._show_secret_state(name, state)

    # --- slots ---------------------------------------------------------------------------------

    def _on_list_view_current_row_changed(
        self, current: QModelIndex, _previous: QModelIndex
    ) -> None:
        if self._syncing or not current.isValid():
            return
        profile = self.list_model.profile_at(current.row())
        target = profile.name if profile else None
        if target == self._editing:
            return
        self._select_row(self._editing)  # stay until the change is settled
        self._ask_discard(lambda: self._switch_to(target, new=target is None))

    def _on_add_button_clicked(self) -> None:
        self._ask_discard(lambda: self._switch_to(None, new=True))

    def _on_remove_button_clicked(self) -> None:
        if self._editing is None:  # an unsaved new account: nothing to remove but the form
            self._discard_form()
            self._switch_to(self._first_name(), new=False)
            return
        box = remove_box(self, self._editing)
        box.finished.connect(self._on_remove_box_finished)
        self.remove_box = box
        box.open()

    def _on_remove_box_finished(self, _result: int) -> None:
        box, self.remove_box = self.remove_box, None
        name = self._editing
        if box is None or name is None:
            return
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        self._set_busy(True)
        self.presenter.remove(name)

    def _on_discard_box_finished(self, _result: int) -> None:
        box, self.discard_box = self.discard_box, None
        then, self._after_discard = self._after_discard, None
        if box is None or then is None:
            return
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
            self._discard_form()
            then()

    def _on_memory_box_finished(self, _result: int) -> None:
        box, self.memory_box = self.memory_box, None
        pending, self._pending_secret = self._pending_secret, None
        if box is None or pending is None:
            return
        name, secret = pending
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self.presenter.remember_in_memory(name, secret)
            self._say(
                tr(
                    "Saved “{name}”. Its key is kept in memory for this session only; enter it "
                    "again after the next start."
                ).format(name=name)
            )
            self.profiles_changed.emit(self._settings)
        else:
            self._say(
                tr("Saved “{name}” without its key; enter the key again to use it.").format(
                    name=name
                ),
                error=True,
            )

    def _on_form_edited(self, _text: str = "") -> None:
        self.form.test_label.clear()  # a result for other settings would mislead

    def _on_test_button_clicked(self) -> None:
        profile = self.form.profile()
        # Only what reaches the server matters here, so any name will do for the check.
        problems = replace(profile, name="test").problems()
        typed = self.form.secret_edit.text()
        if not problems and not typed.strip() and not self._has_secret():
            problems = [
                tr("Enter {noun} to test the connection.").format(
                    noun=tr(SECRET_NAMES[profile.auth_scheme][1])
                )
            ]
        if problems:
            self._show_test_result(" ".join(problems))
            return
        profile = replace(profile, base_url=normalize_base_url(profile.base_url))
        self.form.test_button.setEnabled(False)
        self.form.test_button.setText(tr("Testing…"))
        self.form.test_label.setStyleSheet("")
        self.form.test_label.setText(tr("Connecting to {url}…").format(url=profile.base_url))
        self.presenter.test(profile, typed, self._editing)

    def _on_buttons_accepted(self) -> None:
        self.save()

    # --- internals -----------------------------------------------------------------------------

    def _set_loading(self, loading: bool) -> None:
        """Until the settings arrive nothing can be chosen, added or saved."""
        for widget in (self.list_view, self.add_button, self.save_button):
            widget.setEnabled(not loading)
        if loading:
            self.form.setEnabled(False)
            self.remove_button.setEnabled(False)

    def _set_busy(self, busy: bool) -> None:
        """While a save or removal is written, the form and list wait for its answer."""
        for widget in (self.list_view, self.add_button, self.save_button, self.form):
            widget.setEnabled(not busy)
        self.remove_button.setEnabled(not busy)
        if not busy:
            shown = self._editing is not None or self.list_model.row_of(None) >= 0
            self.form.setEnabled(shown)
            self.remove_button.setEnabled(shown)

    def _show_test_result(self, problem: str | None) -> None:
        if problem is None:
            self.form.test_label.setText(tr("Connected: the server accepted the credentials."))
            self.form.test_label.setStyleSheet(_success_css())
        else:
            self.form.test_label.setText(problem)
            self.form.test_label.setStyleSheet(error_css())

    def _dirty(self) -> bool:
        if not self.form.isEnabled():
            return False
        return self.form.profile() != self._loaded or bool(self.form.secret_edit.text())

    def _ask_discard(self, then: Callable[[], None]) -> None:
        """Run `then` now, or after the operator agreed to drop the unsaved changes."""
        if not self._dirty():
            then()
            return
        box = discard_box(self, self._editing or tr("New account"))
        box.finished.connect(self._on_discard_box_finished)
        self.discard_box, self._after_discard = box, then
        box.open()

    def _offer_memory(self, name: str, secret: str, problem: NoKeyring, notes: list[str]) -> None:
        self._say(" ".join([*notes, problem.sentence]), error=True)
        box = memory_box(self, name, problem)
        box.finished.connect(self._on_memory_box_finished)
        self.memory_box, self._pending_secret = box, (name, secret)
        box.open()

    def _close_now(self) -> None:
        super().reject()

    def _discard_form(self) -> None:
        self._load_form(self._loaded)

    def _first_name(self) -> str | None:
        return self._settings.profiles[0].name if self._settings.profiles else None

    def _show_wanted(self, name: str) -> None:
        self._switch_to(name, new=False)
        if self._editing == name:
            self._say(tr("Enter the key of “{name}”, then Save.").format(name=name))
            self.form.secret_edit.setFocus()

    def _switch_to(self, name: str | None, new: bool) -> None:
        """Show profile `name` in the form (None with `new`: a blank new account)."""
        self.list_model.set_profiles(self._settings.profiles, new_row=new)
        profile = self._settings.profile(name)
        self._editing = profile.name if profile else None
        if profile is not None or new:
            self._select_row(self._editing)
        else:
            self.list_view.setCurrentIndex(QModelIndex())
        self.form.setEnabled(profile is not None or new)
        self.remove_button.setEnabled(profile is not None or new)
        self._loaded = profile or Profile("", "")
        self._load_form(self._loaded)
        self.message_label.clear()
        if new:
            self.form.name_edit.setFocus()

    def _select_row(self, name: str | None) -> None:
        self._syncing = True
        try:
            row = self.list_model.row_of(name)
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        finally:
            self._syncing = False

    def _load_form(self, profile: Profile) -> None:
        self.form.load(profile)
        self.form.secret_edit.setPlaceholderText(tr(NO_SECRET_PLACEHOLDER))
        if self._editing is not None:
            self.presenter.check_secret(self._editing)

    def _show_secret_state(self, name: str, state: str) -> None:
        """The secret field's placeholder says whether `name` (if in the form) has a key."""
        self._secret_state = (name, state)
        if name == self._editing:
            text = SECRET_PLACEHOLDERS.get(state, NO_SECRET_PLACEHOLDER)
            self.form.secret_edit.setPlaceholderText(tr(text))

    def _has_secret(self) -> bool:
        """Whether a key is known to be kept for the profile in the form (or may be: unknown)."""
        if self._editing is None:
            return False
        if self._secret_state is None or self._secret_state[0] != self._editing:
            return True  # not known yet: the presenter reads the keyring and says
        return self._secret_state[1] in (IN_MEMORY, STORED)

    def _say(self, sentence: str, error: bool = False) -> None:
        self.message_label.setText(sentence)
        self.message_label.setStyleSheet(error_css() if error else "")
