"""The problems of the message being composed, as a list the operator can jump from.

Each row names its field as the operator knows it ("Row 4, phone", "Viber button URL"), with the
JSON path as the tooltip. Activating a problem (double-click or Enter) emits its path, e.g.
`destinations[3].to.phoneNumber`; the main window focuses that field.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.channels import CHANNELS_BY_KEY
from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.validation import Problem, Severity

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label, plain_tooltip
from omni_desktop.ui.qt_common import AnyIndex

PATH_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The problem's path in the request, e.g. `sms.text`."""
SEVERITY_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The problem's `Severity`."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
}


_ROW = re.compile(r"destinations\[(\d{1,9})\](?:\.(.+))?")
_ROW_FIELDS = {
    "to.phoneNumber": tr_noop("phone"),
    "to.emailAddress": tr_noop("e-mail"),
    "messageId": tr_noop("message ID"),
}
_TOP_FIELDS = {
    "destinations": tr_noop("Recipients"),
    "sendAt": tr_noop("Send time"),
    "callbackData": tr_noop("Callback data"),
    "notifyUrl": tr_noop("Notify URL"),
}


def field_name(path: str) -> str:
    """The field at a problem's JSON path as the operator knows it: `destinations[1].to.phoneNumber`
    -> "Row 2, phone", `viber.buttonURL` -> "Viber button URL"; an unknown path as it is."""
    row = _ROW.fullmatch(path)
    if row is not None:
        number, rest = int(row.group(1)) + 1, row.group(2)
        if rest is None or rest == "to":
            return tr("Row {row}").format(row=number)
        field = tr(_ROW_FIELDS[rest]) if rest in _ROW_FIELDS else rest
        return tr("Row {row}, {field}").format(row=number, field=field)
    if path in _TOP_FIELDS:
        return tr(_TOP_FIELDS[path])
    key, _, rest = path.partition(".")
    spec = CHANNELS_BY_KEY.get(key)
    if spec is None:
        return path
    if not rest:
        return spec.label
    if rest == "validityPeriod":
        return tr("{channel} validity period").format(channel=spec.label)
    try:
        label = tr(spec.field(rest).label)
    except KeyError:
        return path
    # "Button URL" -> "button URL": lower the first letter only, so acronyms stay.
    return tr("{channel} {field}").format(channel=spec.label, field=label[:1].lower() + label[1:])


def _names_its_row(problem: Problem) -> bool:
    """A recipient's problem that starts with its own row ("Row 5, +41 12: …") needs no
    "Row 5, phone —" before it."""
    row = _ROW.fullmatch(problem.path)
    return row is not None and problem.message.startswith(
        tr("Row {row}").format(row=int(row.group(1)) + 1)
    )


def _severity_icon(severity: Severity) -> QIcon:
    return QApplication.style().standardIcon(_ICONS[severity])


def problems_summary(problems: list[Problem]) -> str:
    """`2 errors, 1 warning`, or `No problems`."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    parts = []
    if errors:
        parts.append(tr("1 error") if errors == 1 else tr("{n} errors").format(n=errors))
    if warnings:
        parts.append(tr("1 warning") if warnings == 1 else tr("{n} warnings").format(n=warnings))
    return ", ".join(parts) if parts else tr("No problems")


class ProblemsModel(QAbstractListModel):
    """A list of `Problem`s, shown as `field — message` with the JSON path as the tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._icons: dict[Severity, QIcon] = {}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (_DISPLAY, _ACCESSIBLE):
            if not problem.path or _names_its_row(problem):
                return problem.message
            return f"{field_name(problem.path)} — {problem.message}"
        if role == _DECORATION:
            icon = self._icons.get(problem.severity)
            if icon is None:
                icon = self._icons[problem.severity] = _severity_icon(problem.severity)
            return icon
        if role == _TOOLTIP:  # a problem may quote a file's or the server's text
            return plain_tooltip(f"{problem.path}\n{problem.message}".lstrip("\n"))
        if role == PATH_ROLE:
            return problem.path
        if role == SEVERITY_ROLE:
            return problem.severity
        return None

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(self._problems)

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()


class ProblemsView(QWidget):
    """A count line (`2 errors, 1 warning`) over the list of problems."""

    problem_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None, model: ProblemsModel | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems_view")
        self.model = model if model is not None else ProblemsModel(self)
        self.header_label = plain_label("", self)
        self.header_label.setObjectName("problems_header")
        self.header_label.setAccessibleName(tr("Problem count"))
        self.header_label.setToolTip(tr("Errors stop the send; warnings do not"))
        self.list_view = QListView(self)
        self.list_view.setObjectName("problems_list")
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName(tr("Problems"))
        self.list_view.setToolTip(tr("Double-click a problem or press Enter to go to its field"))
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setWordWrap(False)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.header_label.setBuddy(self.list_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header_label)
        layout.addWidget(self.list_view, 1)
        self.list_view.activated.connect(self._on_list_view_activated)
        self.model.modelReset.connect(self._on_model_model_reset)
        self._on_model_model_reset()

    def set_problems(self, problems: list[Problem]) -> None:
        self.model.set_problems(problems)

    def _on_model_model_reset(self) -> None:
        problems = list(self.model.problems)
        self.header_label.setText(problems_summary(problems))
        has_errors = any(p.severity is Severity.ERROR for p in problems)
        self.header_label.setStyleSheet("color: #e53935; font-weight: bold;" if has_errors else "")

    def _on_list_view_activated(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if isinstance(path, str):
            self.problem_activated.emit(path)
