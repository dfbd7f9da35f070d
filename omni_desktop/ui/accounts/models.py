"""The accounts list's model, and how each sign-in method is named on screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from omni_desktop.core.i18n import tr_noop

from omni_desktop.storage.profiles import Profile

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_tooltip
from omni_desktop.ui.qt_common import AnyIndex

# (auth scheme, how the operator knows it, what the secret is called, the secret in a sentence)
SIGN_IN = (
    ("App", tr_noop("API key"), tr_noop("API key"), tr_noop("the API key")),
    (
        "Basic",
        tr_noop("Basic (username and password)"),
        tr_noop("Password"),
        tr_noop("the password"),
    ),
    ("IBSSO", tr_noop("IBSSO token"), tr_noop("Token"), tr_noop("the IBSSO token")),
    ("Bearer", tr_noop("OAuth bearer token"), tr_noop("Access token"), tr_noop("the access token")),
)
SECRET_NAMES = {scheme: (label, noun) for scheme, _, label, noun in SIGN_IN}


def scheme_label(scheme: str) -> str:
    """The sign-in method as the operator knows it (`Basic (username and password)`)."""
    return next((label for s, label, _, _ in SIGN_IN if s == scheme), scheme)


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
            return plain_tooltip(f"{profile.base_url}\n{tr(scheme_label(profile.auth_scheme))}")
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


__all__ = ["SECRET_NAMES", "SIGN_IN", "ProfileListModel", "scheme_label"]
