"""Send now or at a chosen moment, in a chosen time zone, shown in local time and UTC.

The zone box finds a zone by any part of its name, in any case, with spaces for underscores:
"zur" -> Europe/Zurich, "new york" -> America/New_York.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDateTime, QModelIndex, QPersistentModelIndex, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QRadioButton,
    QWidget,
)

from omni_desktop.core.channels import SEND_AT_MAX_DAYS
from omni_desktop.core.i18n import weekday_name

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.theme import error_css

LOCAL_ZONE = tr("Local time")  # translated once, at import: compared with the box text
SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""A zone's name as the zone box matches it: lower case, underscores also as spaces."""


def _zone_names() -> list[str]:
    try:
        names = sorted(available_timezones())
    except Exception:  # no tz database: UTC and local still work
        names = []
    return [LOCAL_ZONE, "UTC", *[n for n in names if "/" in n and not n.startswith("Etc/")]]


def search_text(name: str) -> str:
    """`America/New_York` -> `america/new_york america/new york`, matched by any part."""
    folded = name.casefold()
    spaced = folded.replace("_", " ")
    return folded if spaced == folded else f"{folded} {spaced}"


class ZoneCompleter(QCompleter):
    """Completes a time zone from any part of its name (`SEARCH_ROLE`), and puts in the box
    the zone's own name, not the text it was matched by."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo.model(), combo)
        self.setCompletionRole(SEARCH_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:
        return [path.casefold().strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class ScheduleEditor(QWidget):
    """Radio "Now" / "At", a QDateTimeEdit and a time-zone combo; refuses past or > 180 days."""

    send_at_changed = Signal(object)  # datetime | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now_radio = QRadioButton(tr("Send now"), self)
        self.at_radio = QRadioButton(tr("Send at:"), self)
        self.now_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.now_radio)
        group.addButton(self.at_radio)
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("send_at")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(tr("Send at date and time"))
        self.when.setDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.zone = QComboBox(self)
        self.zone.setObjectName("send_at_zone")
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._add_zones([LOCAL_ZONE, "UTC"])  # the rest when scheduling: listing takes 30 ms
        self._zones_listed = False
        self.zone.setCompleter(ZoneCompleter(self.zone))
        self.zone.setAccessibleName(tr("Time zone of the send time"))
        self.zone.setToolTip(tr("The time zone the date and time above are in."))
        self.shown = plain_label("", self)  # the zone's name and the refusal: plain text
        self.shown.setObjectName("send_at_shown")
        self.shown.setWordWrap(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.now_radio, 0, 0)
        layout.addWidget(self.at_radio, 1, 0)
        layout.addWidget(self.when, 1, 1)
        layout.addWidget(self.zone, 1, 2)
        layout.addWidget(self.shown, 2, 0, 1, 3)
        layout.setColumnStretch(2, 1)
        self.now_radio.toggled.connect(self._on_changed)
        self.when.dateTimeChanged.connect(self._on_changed)
        self.zone.currentTextChanged.connect(self._on_changed)
        self._loading = False
        self._refresh()

    def _tz(self) -> ZoneInfo | None:
        name = self.zone.currentText()
        if name == LOCAL_ZONE:
            return None
        try:
            return ZoneInfo(name)
        except (KeyError, ValueError):
            return None

    def send_at(self) -> datetime | None:
        """The chosen moment, timezone-aware, or None for "send now"."""
        if self.now_radio.isChecked():
            return None
        qdt = self.when.dateTime()
        naive = datetime(
            qdt.date().year(), qdt.date().month(), qdt.date().day(),
            qdt.time().hour(), qdt.time().minute(),
        )  # fmt: skip
        zone = self._tz()
        return naive.replace(tzinfo=zone) if zone else naive.astimezone()

    def set_send_at(self, moment: datetime | None) -> None:
        self._loading = True
        try:
            if moment is None:
                self.now_radio.setChecked(True)
            else:
                self.at_radio.setChecked(True)
                local = moment.astimezone()
                self.zone.setCurrentText(LOCAL_ZONE)
                self.when.setDateTime(
                    QDateTime.fromSecsSinceEpoch(int(local.timestamp()), QTimeZone.systemTimeZone())
                )
        finally:
            self._loading = False
        self._refresh()

    def refusal(self, now: datetime | None = None) -> str | None:
        """Why the chosen moment cannot be used, or None."""
        moment = self.send_at()
        if moment is None:
            return None
        now = now or datetime.now(UTC)
        if moment <= now:
            return tr("This moment has passed: choose a time in the future, or Send now.")
        if moment - now >= timedelta(days=SEND_AT_MAX_DAYS):
            return tr("The platform accepts a send time less than 180 days ahead.")
        if self.zone.currentText() != LOCAL_ZONE and self._tz() is None:
            return tr("Unknown time zone: pick one from the list.")
        return None

    def _list_zones(self) -> None:
        if not self._zones_listed:
            self._zones_listed = True
            current = self.zone.currentText()
            self.zone.blockSignals(True)
            self._add_zones(_zone_names()[2:])
            self.zone.setCurrentText(current)
            self.zone.blockSignals(False)

    def _add_zones(self, names: list[str]) -> None:
        start = self.zone.count()
        self.zone.addItems(names)
        for row, name in enumerate(names, start):
            self.zone.setItemData(row, search_text(name), SEARCH_ROLE)

    def _refresh(self) -> None:
        scheduled = self.at_radio.isChecked()
        if scheduled:
            self._list_zones()
        self.when.setEnabled(scheduled)
        self.zone.setEnabled(scheduled)
        moment = self.send_at()
        if moment is None:
            self.shown.setText(tr("The first step is tried as soon as the request is accepted."))
            self.shown.setStyleSheet("")
            return
        refusal = self.refusal()
        local = moment.astimezone()
        text = tr("Local: {local} · UTC: {utc}").format(
            local=f"{weekday_name(local)} {local:%Y-%m-%d %H:%M} {local.tzname() or ''}".strip(),
            utc=f"{moment.astimezone(UTC):%Y-%m-%d %H:%M}",
        )
        if refusal:
            text += "\n✖ " + refusal
        self.shown.setText(text)
        self.shown.setStyleSheet(error_css() if refusal else "")

    def _on_changed(self, *_: object) -> None:
        self._refresh()
        if not self._loading:
            self.send_at_changed.emit(self.send_at())
