"""Message > Send a test…: the message rendered for one recipient row, sent to one address the
operator types, so they see the real text on their own phone or mailbox before a campaign.

The send is recorded in the outbox as a test (History marks it; never counted in a campaign).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.channels import CHANNELS_BY_KEY
from omni_desktop.core.message import OmniMessage
from omni_desktop.core.personalise import render_message, text_fields
from omni_desktop.core.validation import Problem, ValidationResult

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label, set_plain
from omni_desktop.ui.presenter import refusal_sentence
from omni_desktop.ui.problems_view import field_name
from omni_desktop.ui.theme import error_css

if TYPE_CHECKING:
    from omni_desktop.ui.presenter import ComposerPresenter

_ROW = re.compile(r"destinations\[(\d+)\]")


def invalid_rows(result: ValidationResult) -> set[int]:
    """The 0-based indices of the recipient rows with an error of their own."""
    rows: set[int] = set()
    for problem in result.errors:
        found = _ROW.match(problem.path)
        if found is not None:
            rows.add(int(found.group(1)))
    return rows


def blocking_errors(result: ValidationResult, row: int) -> list[Problem]:
    """The errors that stop a test send of row `row`: every one, except those about the list of
    recipients or about another row (the test goes to one typed address, not to them)."""
    blocking: list[Problem] = []
    for problem in result.errors:
        if problem.path.startswith("destinations"):
            found = _ROW.match(problem.path)
            if found is None or int(found.group(1)) != row:
                continue
        blocking.append(problem)
    return blocking


def rendered_lines(message: OmniMessage, flow: list[str] | None) -> str:
    """Each text of the channels in `flow` (None: all), one "SMS: Hi Jürg…" entry each."""
    lines: list[str] = []
    for path, value in text_fields(message, flow):
        key, _, field = path.partition(".")
        name = CHANNELS_BY_KEY[key].label if field == "text" else field_name(path)
        lines.append(f"{name}: {value}")
    return "\n\n".join(lines) or tr("The message has no text yet.")


class TestSendDialog(QDialog):
    """Pick a row, see its rendered message, type an address and send it that message alone."""

    __test__ = False  # pytest: not a test class despite its name
    address_used = Signal(str)  # the address typed: offered again next time this session

    def __init__(
        self, presenter: ComposerPresenter, address: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self._waiting = False  # a test of this dialog is on its way
        self._row_chosen = False  # the operator picked a row: keep it while the draft changes
        self.setWindowTitle(tr("Send a test"))

        intro = plain_label(
            tr(
                "Sends the message as it reads for one recipient row to the address you type, "
                "and to no one else. History marks it as a test; it is never counted in a "
                "campaign."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.address_edit = QLineEdit(address, self)
        self.address_edit.setObjectName("test_address")
        self.address_edit.setPlaceholderText(
            tr("A phone number (+41 79 123 45 67) or an e-mail address")
        )
        self.address_edit.setAccessibleName(tr("Test address"))
        self.address_edit.setClearButtonEnabled(True)
        self.row_box = QSpinBox(self)
        self.row_box.setObjectName("test_row")
        self.row_box.setPrefix(tr("Row "))
        self.row_box.setAccessibleName(tr("Recipient row whose text is sent"))
        self.row_address = plain_label("", self)
        self.row_address.setObjectName("test_row_address")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("test_preview")
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName(tr("The test message"))
        self.outcome = plain_label("", self)
        self.outcome.setObjectName("test_outcome")
        self.outcome.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.send_button = QPushButton(tr("Send &test"), self)
        self.send_button.setObjectName("test_send")
        self.send_button.setDefault(True)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self._on_send_button_clicked)

        address_label = QLabel(tr("&Address:"), self)
        address_label.setBuddy(self.address_edit)
        row_label = QLabel(tr("Text &of:"), self)
        row_label.setBuddy(self.row_box)
        grid = QGridLayout()
        grid.addWidget(address_label, 0, 0)
        grid.addWidget(self.address_edit, 0, 1, 1, 2)
        grid.addWidget(row_label, 1, 0)
        grid.addWidget(self.row_box, 1, 1)
        grid.addWidget(self.row_address, 1, 2)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.resize(560, 440)

        self._follow(presenter.validate_now())  # the draft as it is now, not as last checked
        self.row_box.valueChanged.connect(self._on_row_box_value_changed)
        presenter.validation_changed.connect(self._on_presenter_validation_changed)
        presenter.campaign.test_finished.connect(self._on_campaign_test_finished)

    # --- the row and its text ----------------------------------------------------------------

    @property
    def row(self) -> int:
        """The chosen row, 0-based; -1 when the draft has no recipients."""
        return self.row_box.value() - 1

    def _on_presenter_validation_changed(self, result: ValidationResult) -> None:
        self._follow(result)

    def _follow(self, result: ValidationResult) -> None:
        """The row range of the draft now, the first valid row unless one was picked."""
        count = len(result.prepared.destinations)
        self.row_box.blockSignals(True)
        try:
            self.row_box.setRange(1 if count else 0, count)
            self.row_box.setSpecialValueText("" if count else tr("No recipient"))
            if not self._row_chosen or self.row_box.value() > count:
                self._row_chosen = False
                invalid = invalid_rows(result)
                first = next((i for i in range(count) if i not in invalid), 0)
                self.row_box.setValue(first + 1 if count else 0)
        finally:
            self.row_box.blockSignals(False)
        self._show_row()

    def _on_row_box_value_changed(self, _value: int) -> None:
        self._row_chosen = True
        self._show_row()

    def _show_row(self) -> None:
        presenter = self.presenter
        result = presenter.result or presenter.validate_now()
        prepared = result.prepared
        row = self.row
        fields: dict[str, str] = {}
        if 0 <= row < len(prepared.destinations):
            destination = prepared.destinations[row]
            fields = dict(destination.fields)
            phone = destination.phone or ""
            # International digits as the platform gets them, with the + a handset shows.
            phone = "+" + phone if phone.isdigit() else phone
            set_plain(self.row_address, phone or destination.email or "—")
        else:
            set_plain(self.row_address, tr("(no recipient row: placeholders use the fallbacks)"))
        flow = presenter.flow_keys()
        rendered = render_message(prepared, fields, presenter.fallbacks, flow)
        self.preview.setPlainText(rendered_lines(rendered, flow))

    # --- sending -----------------------------------------------------------------------------

    def refusal(self) -> str | None:
        """Why the test cannot go now (one sentence), or None."""
        result = self.presenter.validate_now()
        return refusal_sentence(blocking_errors(result, self.row))

    def _on_send_button_clicked(self) -> None:
        presenter = self.presenter
        why = self.refusal()
        address = self.address_edit.text().strip()
        if why is None:
            assert presenter.result is not None  # validate_now() set it
            why = presenter.campaign.send_test(
                presenter.result.prepared,
                self.row,
                address,
                presenter.fallbacks,
                presenter.flow_keys(),
            )
        if why is not None:
            self._say(why, error=True)
            return
        self._waiting = True
        self.send_button.setEnabled(False)
        self._say(tr("Sending the test message to {to}…").format(to=address), error=False)
        self.address_used.emit(address)

    def _on_campaign_test_finished(self, accepted: bool, sentence: str) -> None:
        if not self._waiting:
            return  # another window's test
        self._waiting = False
        self.send_button.setEnabled(True)
        self._say(sentence or tr("The test message was not sent."), error=not accepted)

    def _say(self, sentence: str, error: bool) -> None:
        self.outcome.setStyleSheet(error_css() if error else "")
        set_plain(self.outcome, sentence)

    @property
    def waiting(self) -> bool:
        """Whether a test send of this dialog has not answered yet."""
        return self._waiting

    def done(self, result: int) -> None:
        """Closing keeps the address typed for the next test of this session."""
        self.address_used.emit(self.address_edit.text().strip())
        super().done(result)


__all__ = ["TestSendDialog"]
