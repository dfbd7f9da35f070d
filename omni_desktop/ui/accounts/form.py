"""The Accounts dialog's form: one account's name, base URL, sign-in and default region."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from omni_desktop.storage.profiles import Profile

from omni_desktop.ui.accounts.models import SECRET_NAMES, SIGN_IN
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label


class AccountForm(QWidget):
    """The fields of one account; the secret field is always shown empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(tr("e.g. Production"))
        self.name_edit.setAccessibleName(tr("Account name"))
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://xxxxx.api.infobip.com")
        self.url_edit.setAccessibleName(tr("Base URL"))
        self.url_edit.setToolTip(
            tr("Your account's API base URL, shown on the Infobip portal's home page")
        )
        self.scheme_combo = QComboBox(self)
        for scheme, label, _, _ in SIGN_IN:
            self.scheme_combo.addItem(tr(label), scheme)
        self.scheme_combo.setAccessibleName(tr("Sign-in method"))
        self.username_edit = QLineEdit(self)
        self.username_edit.setAccessibleName(tr("Username"))
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setObjectName("secret_edit")
        self.secret_edit.setToolTip(
            tr(
                "Kept in the system keyring under the account's name, never in the settings "
                "file. Leave it empty to keep the one stored."
            )
        )
        self.region_edit = QLineEdit(self)
        self.region_edit.setMaxLength(2)
        self.region_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), self.region_edit)
        )
        self.region_edit.setFixedWidth(self.fontMetrics().horizontalAdvance("e.g. CH") + 24)
        self.region_edit.setPlaceholderText(tr("e.g. CH"))
        self.region_edit.setAccessibleName(tr("Default region for national numbers"))
        self.region_edit.setToolTip(
            tr("The country of phone numbers written without +country code, e.g. CH or HR")
        )
        self.region_hint = QLabel(tr("optional: the country of numbers without +country code"))
        self.region_hint.setEnabled(False)  # the palette's muted text colour
        self.region_hint.setWordWrap(True)
        region_row = QHBoxLayout()
        region_row.addWidget(self.region_edit)
        region_row.addWidget(self.region_hint, 1)
        self.test_button = QPushButton(tr("&Test connection"), self)
        self.test_button.setToolTip(tr("Ask the server for its scenarios with these settings"))
        self.test_label = plain_label("", self)  # quotes the server's answer
        self.test_label.setObjectName("test_result")
        self.test_label.setWordWrap(True)
        self.test_label.setAccessibleName(tr("Connection test result"))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_label, 1)
        self.form_layout = QFormLayout(self)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.form_layout.addRow(tr("&Name:"), self.name_edit)
        self.form_layout.addRow(tr("Base &URL:"), self.url_edit)
        self.form_layout.addRow(tr("Si&gn-in:"), self.scheme_combo)
        self.form_layout.addRow(tr("Us&ername:"), self.username_edit)
        self.secret_label = QLabel(self)
        self.secret_label.setBuddy(self.secret_edit)
        self.form_layout.addRow(self.secret_label, self.secret_edit)
        region_label = QLabel(tr("&Default region:"), self)
        region_label.setBuddy(self.region_edit)
        self.form_layout.addRow(region_label, region_row)
        self.form_layout.addRow(test_row)
        self.scheme_combo.currentIndexChanged.connect(self._on_scheme_combo_changed)
        self.show_scheme()

    def profile(self) -> Profile:
        """The account as typed (the secret apart): a username only for Basic sign-in."""
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

    def load(self, profile: Profile) -> None:
        """Show `profile`; the secret field and the test result are cleared."""
        self.name_edit.setText(profile.name)
        self.url_edit.setText(profile.base_url)
        self.scheme_combo.blockSignals(True)
        self.scheme_combo.setCurrentIndex(max(self.scheme_combo.findData(profile.auth_scheme), 0))
        self.scheme_combo.blockSignals(False)
        self.username_edit.setText(profile.username or "")
        self.secret_edit.clear()
        self.region_edit.setText(profile.default_region or "")
        self.test_label.clear()
        self.show_scheme()

    def show_scheme(self) -> None:
        """The username row for Basic only; the secret named as the sign-in method calls it."""
        scheme = str(self.scheme_combo.currentData())
        self.form_layout.setRowVisible(self.username_edit, scheme == "Basic")
        label = tr(SECRET_NAMES[scheme][0])
        self.secret_label.setText(label + ":")
        self.secret_edit.setAccessibleName(label)

    def _on_scheme_combo_changed(self, _index: int) -> None:
        self.show_scheme()
        self.test_label.clear()  # a result for other settings would mislead


__all__ = ["AccountForm"]
