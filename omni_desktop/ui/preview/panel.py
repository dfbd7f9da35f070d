"""The device-preview side panel beside the channel tabs, shown and hidden with F8.

It follows the current channel tab, the scenario (the sender of each step) and the chosen
recipient row. Edits are coalesced to one redraw per turn of the event loop, and nothing is
drawn while the panel is hidden, so typing costs what one preview's redraw costs, or nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.channels import CHANNELS
from omni_desktop.core.message import ChannelContent
from omni_desktop.core.personalise import render_content

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.preview.base import ChannelPreview, PreviewInput
from omni_desktop.ui.preview.images import ImageLoader
from omni_desktop.ui.preview.others import ChatPreview, EmailPreview, VoicePreview
from omni_desktop.ui.preview.sms import SmsPreview
from omni_desktop.ui.preview.viber import ViberPreview

if TYPE_CHECKING:
    from omni_desktop.ui.channel_composer import ChannelComposer
    from omni_desktop.ui.recipients.model import RecipientRow
    from omni_desktop.ui.window.window import MainWindow

PANEL_WIDTH = 280
PANEL_MIN_WIDTH = 200


class PreviewPanel(QWidget):
    """One preview per channel in a stack; the current tab's is shown, for one recipient."""

    rendered = Signal()  # a preview was redrawn (the benchmark and tests wait for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("device_preview")
        self.setAccessibleName(tr("Device preview"))
        # Narrower on a narrow window (the tabs keep their room at 1024 px), never wider.
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self.setMaximumWidth(PANEL_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._window: MainWindow | None = None
        self._row_chosen = False  # the operator picked a row: keep it while rows change
        # Values for {{Field}} placeholders a row leaves empty (`set_fallbacks`).
        self.fallbacks: Mapping[str, str] = {}
        self.loader = ImageLoader(self)
        self.previews: dict[str, ChannelPreview] = {}
        self.stack = QStackedWidget(self)
        for spec in CHANNELS:
            preview = self._make_preview(spec.key)
            self.previews[spec.key] = preview
            self.stack.addWidget(preview)

        self.title = plain_label("", self)
        self.title.setObjectName("preview_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.row_box = QSpinBox(self)
        self.row_box.setObjectName("preview_row")
        self.row_box.setPrefix(tr("Row "))
        self.row_box.setRange(0, 0)
        self.row_box.setAccessibleName(tr("Recipient row shown in the preview"))
        self.row_box.setToolTip(tr("The recipients table row the preview shows"))
        self.row_box.valueChanged.connect(self._on_row_box_value_changed)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.row_box)

        device = QFrame(self)
        device.setObjectName("preview_device")
        device.setFrameShape(QFrame.Shape.StyledPanel)
        device_layout = QVBoxLayout(device)
        device_layout.setContentsMargins(8, 8, 8, 8)
        # It scrolls rather than make the window taller than 700 px on a short screen.
        scroller = QScrollArea(device)
        scroller.setObjectName("preview_scroll")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.stack)
        device_layout.addWidget(scroller)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(device, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # coalesce a burst of edits (a paste, key repeat) into one
        self._timer.timeout.connect(self.refresh_now)
        self.toggle_action = QAction(tr("Device &preview"), self)
        self.toggle_action.setObjectName("preview_action")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key.Key_F8))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.toggle_action.setIconText(tr("Preview"))  # the button beside the tabs
        self.toggle_action.setToolTip(tr("Show or hide the device preview (F8)"))
        self.toggle_action.toggled.connect(self.setVisible)
        self.toggle_button = QToolButton()
        self.toggle_button.setObjectName("preview_toggle")
        self.toggle_button.setDefaultAction(self.toggle_action)
        self.toggle_button.setAutoRaise(True)
        self.setVisible(False)

    def _make_preview(self, key: str) -> ChannelPreview:
        if key == "sms":
            return SmsPreview(self)
        if key == "viber":
            return ViberPreview(self.loader, self)
        if key == "email":
            return EmailPreview(self)
        if key == "voice":
            return VoicePreview(self)
        return ChatPreview(key, self)

    # --- wiring ------------------------------------------------------------------------------

    def attach(self, window: MainWindow) -> None:
        """Follow `window`'s channel tabs, composers, scenario and recipients."""
        self._window = window
        window.addAction(self.toggle_action)
        window.tabs.setCornerWidget(self.toggle_button, Qt.Corner.TopRightCorner)
        window.tabs.currentChanged.connect(self.refresh)
        window.presenter.scenario_changed.connect(self.refresh)
        window.presenter.scenarios_loaded.connect(self.refresh)
        # Every edit (a key typed in a composer, a draft opened) reaches the presenter's draft
        # first, then this signal: the preview draws from the draft.
        window.presenter.message_changed.connect(self.refresh)
        window.recipients.recipients_changed.connect(self._on_recipients_changed)
        self._on_recipients_changed()

    def set_fallbacks(self, fallbacks: Mapping[str, str]) -> None:
        """Fill placeholders a row leaves empty with these values from now on."""
        self.fallbacks = dict(fallbacks)
        self.refresh()

    def _on_recipients_changed(self) -> None:
        rows = self._rows()
        self.row_box.blockSignals(True)
        try:
            self.row_box.setRange(1 if rows else 0, len(rows))
            # Qt shows the special text whenever the value is the minimum: only for no rows.
            self.row_box.setSpecialValueText("" if rows else tr("No recipient"))
            if not self._row_chosen or self.row_box.value() > len(rows):
                self._row_chosen = False
                self.row_box.setValue(_first_valid(rows))
        finally:
            self.row_box.blockSignals(False)
        self.refresh()

    def _on_row_box_value_changed(self, _value: int) -> None:
        self._row_chosen = True
        self.refresh()

    # --- drawing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw soon (once, however many edits arrive before the loop turns)."""
        if self.isVisible():
            self._timer.start()

    def refresh_now(self) -> None:
        """Redraw the current channel's preview from the window's state."""
        self._timer.stop()
        preview_input = self.current_input()
        if preview_input is None:
            return
        preview = self.previews[preview_input.channel]
        self.stack.setCurrentWidget(preview)
        label = next(s.label for s in CHANNELS if s.key == preview_input.channel)
        self.title.setText(tr("{channel} preview").format(channel=label))
        preview.show_input(preview_input)
        self.rendered.emit()

    def current_input(self) -> PreviewInput | None:
        """What the current tab's preview shows: its content, with its `{{Field}}` placeholders
        filled from the chosen recipient's row, the sender and that recipient."""
        composer = self._current_composer()
        if composer is None or self._window is None:
            return None
        key = composer.spec.key
        scenario = self._window.presenter.scenario
        sender = ""
        if scenario is not None:
            sender = next((s.sender for s in scenario.flow if s.channel_key == key), "")
        model = self._window.recipients.model
        row = self.row_box.value() - 1 if self.row_box.value() > 0 else None
        phone = email = ""
        fields: Mapping[str, str] = {}
        if row is not None and row < model.rowCount():
            item = model.row_at(row)
            # International digits as the platform gets them, with the + a handset shows.
            phone = f"+{item.normalised_phone}" if item.normalised_phone else item.phone
            email = item.normalised_email or item.email
            fields = item.fields
        content = self._window.presenter.message.channels.get(key) or ChannelContent()
        content = render_content(key, content, fields, self.fallbacks)
        return PreviewInput(key, content, sender, phone, email, row)

    def _current_composer(self) -> ChannelComposer | None:
        if self._window is None:
            return None
        return self._window.composer_at(self._window.tabs.currentIndex())

    def _rows(self) -> tuple[RecipientRow, ...]:
        return self._window.recipients.model.rows if self._window is not None else ()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.toggle_action.isChecked():
            self.toggle_action.setChecked(True)
        self._timer.start()  # drawn from a slot: never inside Qt's show handling

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def sizeHint(self) -> QSize:
        return QSize(PANEL_WIDTH, super().sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        """Re-pick the bubbles' colours when the OS switches light and dark."""
        if event.type() == QEvent.Type.PaletteChange:
            for preview in self.previews.values():
                recolour = getattr(preview, "recolour", None)
                if recolour is not None:
                    recolour()
        super().changeEvent(event)

    async def shutdown(self) -> None:
        """End the image loading and close its client."""
        await self.loader.shutdown()


def _first_valid(rows: tuple[RecipientRow, ...]) -> int:
    """The 1-based number of the first valid row (the first row when none is; 0: no rows)."""
    for number, item in enumerate(rows, start=1):
        if item.is_valid:
            return number
    return 1 if rows else 0


__all__ = ["PreviewPanel"]
