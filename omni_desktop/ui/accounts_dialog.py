"""The accounts (profiles) dialog: where each OMNI account is, how it signs in, its secret.

The settings file keeps the profiles; the secret goes to the system keyring through
`SecretStore`, or, when there is none and the operator agrees, into memory for this session.
A secret is never shown, logged or put in a sentence: the field is empty, and a placeholder
says whether one is stored.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.api.auth import Auth
from omni_desktop.api.client import OmniClient
from omni_desktop.api.errors import OmniError
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.profiles import Profile, normalize_base_url, profile_problems
from omni_desktop.storage.secrets import NoKeyring, SecretStore
from omni_desktop.storage.settings import InvalidSettings, Settings, SettingsFile

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.theme import error_css, is_dark

AnyIndex = QModelIndex | QPersistentModelIndex
TestConnection = Callable[[Profile, str], Awaitable[str | None]]

# (auth scheme, how the operator knows it, what the secret is called, the secret in a sentence)
SIGN_IN = (
    ("App", "API key", "API key", "the API key"),
    ("Basic", "Basic (username and password)", "Password", "the password"),
    ("IBSSO", "IBSSO token", "Token", "the IBSSO token"),
    ("Bearer", "OAuth bearer token", "Access token", "the access token"),
)
_SECRET_NAMES = {scheme: (label, noun) for scheme, _, label, noun in SIGN_IN}
CONNECT_DEADLINE = 15.0  # seconds for Test connection, retries included
SANDBOX_NOTE = "The built-in sandbox is always available and needs no account."


def auth_for(profile: Profile, secret: str) -> Auth:
    """The credentials of `profile` with its secret; ValueError (a plain sentence) if unusable."""
    if profile.auth_scheme == "Basic":
        return Auth.basic(profile.username or "", secret)
    if profile.auth_scheme == "IBSSO":
        return Auth.ibsso(secret)
    if profile.auth_scheme == "Bearer":
        return Auth.bearer(secret)
    return Auth.app(secret)


async def check_connection(profile: Profile, secret: str) -> str | None:
    """None when the account answers `GET /omni/1/scenarios`, else why not, as one sentence."""
    try:
        client = OmniClient(profile.base_url, auth_for(profile, secret), deadline=CONNECT_DEADLINE)
    except ValueError as exc:
        return str(exc)
    async with client:
        try:
            await client.list_scenarios()
        except OmniError as exc:
            return exc.sentence
    return None


def _success_css() -> str:
    return f"color: {'#7ee787' if is_dark() else '#2e7d32'};"


class ProfileListModel(QAbstractListModel):
    """The saved profiles by name, plus one "New account" row while one is being added."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profiles: list[Profile] = []
        self._new_row = False

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._profiles) + self._new_row

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        profile = self.profile_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return profile.name if profile else tr("New account")
        if role == Qt.ItemDataRole.ToolTipRole:
            if profile is None:
                return tr("Not saved yet")
            return f"{profile.base_url}\n{tr(_scheme_label(profile.auth_scheme))}"
        if role == Qt.ItemDataRole.FontRole and profile is None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def set_profiles(self, profiles: Sequence[Profile], new_row: bool) -> None:
        self.beginResetModel()
        self._profiles, self._new_row = list(profiles), new_row
        self.endResetModel()

    def profile_at(self, row: int) -> Profile | None:
        """The saved profile of `row`; None for the "New account" row."""
        return self._profiles[row] if row < len(self._profiles) else None

    def row_of(self, name: str | None) -> int:
        """The row of the profile `name`; None gives the "New account" row; -1 if absent."""
        if name is None:
            return len(self._profiles) if self._new_row else -1
        return next((i for i, p in enumerate(self._profiles) if p.name == name), -1)


def _scheme_label(scheme: str) -> str:
    return next((label for s, label, _, _ in SIGN_IN if s == scheme), scheme)


class AccountsDialog(QDialog):
    """Add, edit, test and remove accounts; Save writes the settings file and the keyring."""

    profiles_changed = Signal()  # after a save or removal, and when a secret was kept in memory

    def __init__(
        self,
        settings_file: SettingsFile,
        secrets: SecretStore,
        test_connection: TestConnection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings_file = settings_file
        self.secrets = secrets
        self._test_connection = test_connection
        self._tasks: set[asyncio.Task[Any]] = set()
        self._settings: Settings = settings_file.load().settings
        self._editing: str | None = None  # the saved profile in the form; None: a new one
        self._loaded = Profile("", "")  # what the form held when loaded, to see changes
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
        first = self._settings.active() or next(iter(self._settings.profiles), None)
        self._switch_to(first.name if first else None, new=False)
        if first is None:
            self._say(tr("No accounts yet: press Add to add one."))

    def _build(self) -> None:
        self.list_model = ProfileListModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("profiles_list")
        self.list_view.setModel(self.list_model)
        self.list_view.setAccessibleName(tr("Accounts"))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.selectionModel().currentRowChanged.connect(
            self._on_list_view_current_row_changed
        )
        self.add_button = QPushButton(tr("&Add"), self)
        self.add_button.setToolTip(tr("Add an account"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(tr("&Remove…"), self)
        self.remove_button.setToolTip(
            tr("Remove the selected account and delete its key from the keyring")
        )
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
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

        self.form = QWidget(self)
        self.name_edit = QLineEdit(self.form)
        self.name_edit.setPlaceholderText(tr("e.g. Production"))
        self.name_edit.setAccessibleName(tr("Account name"))
        self.url_edit = QLineEdit(self.form)
        self.url_edit.setPlaceholderText("https://xxxxx.api.infobip.com")
        self.url_edit.setAccessibleName(tr("Base URL"))
        self.url_edit.setToolTip(
            tr("Your account's API base URL, shown on the Infobip portal's home page")
        )
        self.scheme_combo = QComboBox(self.form)
        for scheme, label, _, _ in SIGN_IN:
            self.scheme_combo.addItem(tr(label), scheme)
        self.scheme_combo.setAccessibleName(tr("Sign-in method"))
        self.username_edit = QLineEdit(self.form)
        self.username_edit.setAccessibleName(tr("Username"))
        self.secret_edit = QLineEdit(self.form)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setObjectName("secret_edit")
        self.secret_edit.setToolTip(
            tr(
                "Kept in the system keyring under the account's name, never in the settings "
                "file. Leave it empty to keep the one stored."
            )
        )
        self.region_edit = QLineEdit(self.form)
        self.region_edit.setMaxLength(2)
        self.region_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), self.region_edit)
        )
        self.region_edit.setFixedWidth(self.fontMetrics().horizontalAdvance("e.g. CH") + 24)
        self.region_edit.setPlaceholderText(tr("e.g. CH"))
        self.region_hint = QLabel(tr("optional: the country of numbers without +country code"))
        self.region_hint.setEnabled(False)  # the palette's muted text colour
        self.region_hint.setWordWrap(True)
        region_row = QHBoxLayout()
        region_row.addWidget(self.region_edit)
        region_row.addWidget(self.region_hint, 1)
        self.region_edit.setAccessibleName(tr("Default region for national numbers"))
        self.region_edit.setToolTip(
            tr("The country of phone numbers written without +country code, e.g. CH or HR")
        )
        self.test_button = QPushButton(tr("&Test connection"), self.form)
        self.test_button.setToolTip(tr("Ask the server for its scenarios with these settings"))
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.test_label = QLabel(self.form)
        self.test_label.setObjectName("test_result")
        self.test_label.setWordWrap(True)
        self.test_label.setAccessibleName(tr("Connection test result"))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_label, 1)
        self.form_layout = QFormLayout(self.form)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.form_layout.addRow(tr("&Name:"), self.name_edit)
        self.form_layout.addRow(tr("Base &URL:"), self.url_edit)
        self.form_layout.addRow(tr("Si&gn-in:"), self.scheme_combo)
        self.form_layout.addRow(tr("Us&ername:"), self.username_edit)
        self.secret_label = QLabel(self.form)
        self.secret_label.setBuddy(self.secret_edit)
        self.form_layout.addRow(self.secret_label, self.secret_edit)
        region_label = QLabel(tr("&Default region:"), self.form)
        region_label.setBuddy(self.region_edit)
        self.form_layout.addRow(region_label, region_row)
        self.form_layout.addRow(test_row)
        for edit in (self.name_edit, self.url_edit, self.username_edit, self.secret_edit):
            edit.textEdited.connect(self._on_form_edited)
        self.scheme_combo.currentIndexChanged.connect(self._on_scheme_combo_changed)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("accounts_message")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(tr("Problems and results"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(tr("Write the account to the settings and its key to the keyring"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        for button in (self.add_button, self.remove_button, self.test_button):
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

    # --- API -----------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """The settings as this dialog last read or wrote them."""
        return self._settings

    def editing(self) -> str | None:
        """The name of the saved profile in the form; None for a new one (or none at all)."""
        return self._editing

    def message_text(self) -> str:
        return self.message_label.text()

    def save(self) -> bool:
        """Check and write the profile in the form, then its secret; False if nothing was saved.

        The settings file is read again first, so changes made elsewhere are kept.
        """
        if not self.form.isEnabled():
            self._say(tr("Nothing to save: press Add to add an account."))
            return False
        profile, secret = self._form_profile(), self.secret_edit.text()
        fresh = self.settings_file.load().settings
        others = [p for p in fresh.profiles if p.name != self._editing]
        problems = profile_problems(profile, others)
        if self._editing is None and not secret:
            problems.append(
                tr("Enter {noun}; it is kept in the system keyring.").format(
                    noun=tr(_SECRET_NAMES[profile.auth_scheme][1])
                )
            )
        if problems:
            self._say("\n".join(problems), error=True)
            return False
        try:
            updated = fresh.with_profile(profile, replacing=self._editing)
            self.settings_file.save(updated)
        except InvalidSettings as exc:
            self._say("\n".join(exc.problems), error=True)
            return False
        except StorageError as exc:
            self._say(str(exc), error=True)
            return False
        old, name = self._editing, profile.name.strip()
        self._settings = updated
        notes = [tr("Saved “{name}”.").format(name=name)]
        if old is not None and old != name:
            try:
                self.secrets.rename(old, name)
            except (NoKeyring, StorageError) as exc:
                notes.append(
                    tr(
                        "Its key could not be moved to the new name ({reason}); enter it again."
                    ).format(reason=exc.sentence)
                )
        self._switch_to(name, new=False)
        error = len(notes) > 1
        if secret:
            try:
                self.secrets.set(name, secret)
            except NoKeyring as exc:
                self._offer_memory(name, secret, exc, notes)
                self.profiles_changed.emit()
                return True
            notes.append(tr("The key is in the system keyring."))
            self._show_secret_state()
        self._say(" ".join(notes), error=error)
        self.profiles_changed.emit()
        return True

    async def shutdown(self) -> None:
        """Stop a connection test still running and wait for it."""
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(list(self._tasks))

    def reject(self) -> None:
        """Close; unsaved changes are discarded only after asking."""
        if self._dirty():
            self._ask_discard(self._close_now)
            return
        super().reject()

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
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Remove account"),
            tr("Remove the account “{name}”?").format(name=self._editing),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(
            tr("Its key is deleted from the system keyring. Its sends stay in the history.")
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        updated = self.settings_file.load().settings.without_profile(name)
        try:
            self.settings_file.save(updated)
        except InvalidSettings as exc:
            self._say("\n".join(exc.problems), error=True)
            return
        except StorageError as exc:
            self._say(str(exc), error=True)
            return
        self._settings = updated
        self._discard_form()
        self._switch_to(self._first_name(), new=False)
        try:
            self.secrets.delete(name)
        except StorageError as exc:
            self._say(str(exc), error=True)
        else:
            self._say(tr("Removed “{name}”.").format(name=name))
        self.profiles_changed.emit()

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
            self.secrets.remember_in_memory(name, secret)
            self._say(
                tr(
                    "Saved “{name}”. Its key is kept in memory for this session only; enter it "
                    "again after the next start."
                ).format(name=name)
            )
            self.profiles_changed.emit()
        else:
            self._say(
                tr("Saved “{name}” without its key; enter the key again to use it.").format(
                    name=name
                ),
                error=True,
            )
        self._show_secret_state()

    def _on_scheme_combo_changed(self, _index: int) -> None:
        self._show_scheme()
        self._on_form_edited()

    def _on_form_edited(self, _text: str = "") -> None:
        self.test_label.clear()  # a result for other settings would mislead

    def _on_test_button_clicked(self) -> None:
        profile = self._form_profile()
        # Only what reaches the server matters here, so any name will do for the check.
        problems = replace(profile, name="test").problems()
        secret = self.secret_edit.text() or self._stored_secret()
        if not problems and not secret:
            problems = [
                tr("Enter {noun} to test the connection.").format(
                    noun=tr(_SECRET_NAMES[profile.auth_scheme][1])
                )
            ]
        if problems:
            self._show_test_result(" ".join(problems))
            return
        assert secret is not None
        profile = replace(profile, base_url=normalize_base_url(profile.base_url))
        self.test_button.setEnabled(False)
        self.test_button.setText(tr("Testing…"))
        self.test_label.setStyleSheet("")
        self.test_label.setText(tr("Connecting to {url}…").format(url=profile.base_url))
        self._start(self._test(profile, secret), "test connection")

    def _on_buttons_accepted(self) -> None:
        self.save()

    # --- internals -----------------------------------------------------------------------------

    def _start(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _test(self, profile: Profile, secret: str) -> None:
        try:
            problem = await self._test_connection(profile, secret)
        finally:
            self.test_button.setEnabled(True)
            self.test_button.setText(tr("&Test connection"))
        self._show_test_result(problem)

    def _show_test_result(self, problem: str | None) -> None:
        if problem is None:
            self.test_label.setText(tr("Connected: the server accepted the credentials."))
            self.test_label.setStyleSheet(_success_css())
        else:
            self.test_label.setText(problem)
            self.test_label.setStyleSheet(error_css())

    def _form_profile(self) -> Profile:
        scheme = str(self.scheme_combo.currentData())
        username = self.username_edit.text().strip() if scheme == "Basic" else ""
        region = self.region_edit.text().strip().upper()
        return Profile(
            name=self.name_edit.text(),
            base_url=self.url_edit.text().strip(),
            auth_scheme=scheme,
            username=username or None,
            default_region=region or None,
        )

    def _dirty(self) -> bool:
        if not self.form.isEnabled():
            return False
        return self._form_profile() != self._loaded or bool(self.secret_edit.text())

    def _ask_discard(self, then: Callable[[], None]) -> None:
        """Run `then` now, or after the operator agreed to drop the unsaved changes."""
        if not self._dirty():
            then()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Unsaved changes"),
            tr("The changes to “{name}” are not saved.").format(
                name=self._editing or tr("New account")
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_discard_box_finished)
        self.discard_box, self._after_discard = box, then
        box.open()

    def _offer_memory(self, name: str, secret: str, problem: NoKeyring, notes: list[str]) -> None:
        self._say(" ".join([*notes, problem.sentence]), error=True)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("No keyring"),
            problem.sentence,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(
            tr(
                "Keep the key of “{name}” in memory until omni-desktop quits? It is never "
                "written to a file."
            ).format(name=name)
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_memory_box_finished)
        self.memory_box, self._pending_secret = box, (name, secret)
        box.open()

    def _close_now(self) -> None:
        super().reject()

    def _discard_form(self) -> None:
        self._load_form(self._loaded)

    def _first_name(self) -> str | None:
        return self._settings.profiles[0].name if self._settings.profiles else None

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
            self.name_edit.setFocus()

    def _select_row(self, name: str | None) -> None:
        self._syncing = True
        try:
            row = self.list_model.row_of(name)
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        finally:
            self._syncing = False

    def _load_form(self, profile: Profile) -> None:
        self.name_edit.setText(profile.name)
        self.url_edit.setText(profile.base_url)
        self.scheme_combo.blockSignals(True)
        self.scheme_combo.setCurrentIndex(max(self.scheme_combo.findData(profile.auth_scheme), 0))
        self.scheme_combo.blockSignals(False)
        self.username_edit.setText(profile.username or "")
        self.secret_edit.clear()
        self.region_edit.setText(profile.default_region or "")
        self.test_label.clear()
        self._show_scheme()
        self._show_secret_state()

    def _show_scheme(self) -> None:
        scheme = str(self.scheme_combo.currentData())
        self.form_layout.setRowVisible(self.username_edit, scheme == "Basic")
        label = tr(_SECRET_NAMES[scheme][0])
        self.secret_label.setText(label + ":")
        self.secret_edit.setAccessibleName(label)

    def _show_secret_state(self) -> None:
        name = self._editing
        if name is not None and self.secrets.in_memory(name):
            text = tr("•••• kept in memory for this session")
        elif name is not None and self._stored_secret() is not None:
            text = tr("•••• stored")
        else:
            text = tr("stored in the system keyring")
        self.secret_edit.setPlaceholderText(text)

    def _stored_secret(self) -> str | None:
        if self._editing is None:
            return None
        try:
            return self.secrets.get(self._editing)
        except NoKeyring:
            return None

    def _say(self, sentence: str, error: bool = False) -> None:
        self.message_label.setText(sentence)
        self.message_label.setStyleSheet(error_css() if error else "")
