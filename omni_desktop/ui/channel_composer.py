"""One compose widget per channel, built from the channel registry.

Each field of the channel's `ChannelSpec` becomes an editor (`ui.editors`, by the field's
kind); the validity period and its unit follow, within the channel's own limits; the live
counter under the text is the one the registry names (SMS segments, characters of a limit,
speaking time).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.channels import ChannelSpec, Counter, TimeUnit
from omni_desktop.core.message import ChannelContent
from omni_desktop.core.scenario import describe_seconds
from omni_desktop.core.sms import count_sms
from omni_desktop.core.validation import Problem, Severity
from omni_desktop.core.voice import speaking_seconds

from omni_desktop.ui.editors import Editor, make_editor, read_value, show_value
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.theme import error_colour, error_css, warning_colour


class ProblemLabel(QLabel):
    """A small line beside a field that shows that field's problems, hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # problems quote what was typed
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_problems(self, problems: list[Problem]) -> None:
        if not problems:
            self.clear()
            self.setVisible(False)
            return
        error = any(p.severity is Severity.ERROR for p in problems)
        colour = error_colour() if error else warning_colour()
        self.setStyleSheet(f"color: {colour};")
        self.setText("\n".join(("✖ " if error else "⚠ ") + p.message for p in problems))
        self.setAccessibleDescription(self.text())
        self.setVisible(True)


class ChannelComposer(QWidget):
    """Edits one channel's content: its fields, validity period and unit, with live counters."""

    content_changed = Signal()

    def __init__(self, spec: ChannelSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._personal_note = ""
        self.spec = spec
        self._loading = False
        self._editors: dict[str, Editor] = {}
        self._problem_labels: dict[str, ProblemLabel] = {}
        self.setObjectName(f"composer_{spec.key}")

        self.flow_note = plain_label("", self)  # names the scenario's sender: server text
        self.flow_note.setWordWrap(True)
        self.flow_note.setObjectName("flow_note")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: label above
        for field in spec.fields:
            editor = make_editor(field, spec.label, self, self._on_editor_changed)
            editor.setObjectName(f"{spec.key}_{field.path.replace('.', '_')}")
            self._editors[field.path] = editor
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(editor)
            if field.path == spec.counted or field.max_length:
                counter = plain_label("", self)
                counter.setObjectName(f"counter_{field.path}")
                counter.setWordWrap(True)  # a long count never widens the pane (the preview's)
                counter.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                box.addWidget(counter)
                setattr(self, f"counter_{field.path.replace('.', '_')}", counter)
            problems = ProblemLabel(self)
            self._problem_labels[f"{spec.key}.{field.path}"] = problems
            box.addWidget(problems)
            label = QLabel(tr(field.label) + ":", self)
            label.setBuddy(editor)
            form.addRow(label, box)

        self.validity_period = QSpinBox(self)
        self.validity_period.setRange(0, 1_000_000)
        self.validity_period.setSpecialValueText(tr("Platform default (48 h)"))
        self.validity_period.setAccessibleName(
            tr("{channel} validity period").format(channel=spec.label)
        )
        least, most = describe_seconds(spec.validity.least), describe_seconds(spec.validity.most)
        self.validity_period.setToolTip(
            tr(
                "How long the platform tries this channel before it fails over to the next "
                "step. At least {least}; more than {most} is cut to {most}."
            ).format(least=least, most=most)
        )
        self.validity_unit = QComboBox(self)
        for unit in TimeUnit:
            self.validity_unit.addItem(tr(unit.value.capitalize()), unit)
        self.validity_unit.setCurrentIndex(list(TimeUnit).index(TimeUnit.MINUTES))
        self.validity_unit.setAccessibleName(
            tr("{channel} validity unit").format(channel=spec.label)
        )
        validity_row = QHBoxLayout()
        validity_row.addWidget(self.validity_period, 1)
        validity_row.addWidget(self.validity_unit)
        validity_box = QVBoxLayout()
        validity_box.addLayout(validity_row)
        validity_problems = ProblemLabel(self)
        self._problem_labels[f"{spec.key}.validityPeriod"] = validity_problems
        validity_box.addWidget(validity_problems)
        validity_label = QLabel(tr("Validity:"), self)
        validity_label.setBuddy(self.validity_period)
        form.addRow(validity_label, validity_box)
        self.validity_period.valueChanged.connect(self._on_editor_changed)
        self.validity_unit.currentIndexChanged.connect(self._on_editor_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.flow_note)
        layout.addLayout(form)
        layout.addStretch(1)
        self._update_counters()

    # --- building ----------------------------------------------------------------------------

    def editor(self, path: str) -> Editor:
        return self._editors[path]

    # --- content -----------------------------------------------------------------------------

    def content(self) -> ChannelContent:
        values: dict[str, Any] = {}
        for field in self.spec.fields:
            value = read_value(field, self._editors[field.path])
            if value is not None:
                values[field.path] = value
        period = self.validity_period.value() or None
        unit = self.validity_unit.currentData() if period is not None else None
        return ChannelContent(values=values, validity_period=period, validity_unit=unit)

    def set_content(self, content: ChannelContent | None) -> None:
        """Show `content` without emitting a change for every field."""
        content = content or ChannelContent()
        self._loading = True
        try:
            for field in self.spec.fields:
                show_value(field, self._editors[field.path], content.values.get(field.path))
            self.validity_period.setValue(content.validity_period or 0)
            unit = content.validity_unit or TimeUnit.MINUTES
            self.validity_unit.setCurrentIndex(self.validity_unit.findData(unit))
        finally:
            self._loading = False
        self._update_counters()

    def _on_editor_changed(self, *_: object) -> None:
        self._update_counters()
        if not self._loading:
            self.content_changed.emit()

    # --- flow and problems ---------------------------------------------------------------------

    def set_flow_step(self, step: int | None, sender: str, known: bool) -> None:
        """Say whether this channel is in the chosen scenario's flow, and at which step."""
        if not known:
            self.flow_note.setText(tr("The scenario's flow is not known yet: all content is sent."))
            self.flow_note.setStyleSheet("")
        elif step is None:
            self.flow_note.setText(
                tr(
                    "{channel} is not in the chosen scenario's flow: "
                    "what you write here is kept in the draft but not sent."
                ).format(channel=self.spec.label)
            )
            self.flow_note.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        else:
            if sender:
                note = tr("Step {n} of the scenario's flow, sent from {sender}.")
            else:
                note = tr("Step {n} of the scenario's flow.")
            self.flow_note.setText(note.format(n=step, sender=sender))
            self.flow_note.setStyleSheet("")

    def show_problems(self, problems: list[Problem]) -> None:
        """Show each problem beside its field (the problems of this channel only)."""
        for path, label in self._problem_labels.items():
            label.show_problems([p for p in problems if p.path == path])

    def focus_path(self, path: str) -> bool:
        """Put the keyboard focus on the field at JSON path `path`, if it is one of ours."""
        prefix = self.spec.key + "."
        if not path.startswith(prefix):
            return False
        field = path[len(prefix) :]
        if field.startswith("validityPeriod"):
            self.validity_period.setFocus()
            return True
        editor = self._editors.get(field)
        if editor is None:
            return False
        editor.setFocus()
        return True

    # --- counters ------------------------------------------------------------------------------

    def refresh_counters(self) -> None:
        self._update_counters()

    def set_personal_note(self, note: str) -> None:
        """A line under the counter for placeholders filled per row ("1-3 segments...")."""
        if note != self._personal_note:
            self._personal_note = note
            self._update_counters()

    def _update_counters(self) -> None:
        counted = self._editors.get(self.spec.counted)
        counter = getattr(self, f"counter_{self.spec.counted.replace('.', '_')}", None)
        if isinstance(counted, QPlainTextEdit) and isinstance(counter, QLabel):
            text = counted.toPlainText()
            limit = self.spec.field(self.spec.counted).max_length
            over = False
            if self.spec.counter is Counter.SEGMENTS:
                line = _sms_counter_text(text)
                over = count_sms(text).too_long
                if self._personal_note:  # on the first line: the second may be scrolled away
                    first, newline, rest = line.partition("\n")
                    line = f"{first} · {self._personal_note}{newline}{rest}"
                counter.setText(line)
            elif limit:
                counter.setText(_limit_text(len(text), limit))
                over = len(text) > limit
            elif self.spec.counter is Counter.SPEAKING_TIME and (seconds := speaking_seconds(text)):
                counter.setText(
                    tr("{n:,} characters · about {time} to speak").format(
                        n=len(text), time=describe_seconds(seconds)
                    )
                )
            else:
                counter.setText(tr("{n:,} characters").format(n=len(text)))
            # The counters are plain text (they quote the typed characters): over the limit,
            # the whole line turns the error colour.
            counter.setStyleSheet(error_css() if over else "")
        for field in self.spec.fields:
            if field.path == self.spec.counted or not field.max_length:
                continue
            label = getattr(self, f"counter_{field.path.replace('.', '_')}", None)
            editor = self._editors[field.path]
            if isinstance(label, QLabel) and isinstance(editor, QLineEdit):
                used = len(editor.text())
                label.setText(_limit_text(used, field.max_length))
                label.setStyleSheet(error_css() if used > field.max_length else "")


def _limit_text(used: int, limit: int) -> str:
    text = tr("{used:,} / {limit:,} characters").format(used=used, limit=limit)
    if used > limit:
        over = tr("{n:,} too many").format(n=used - limit)
        return f"{text} — {over}"
    return text


def describe_char(char: str) -> str:
    """`“—” (em dash)`: the character and its Unicode name, so invisible ones can be found."""
    name = unicodedata.name(char, f"U+{ord(char):04X}").lower()
    shown = char if char.isprintable() and not char.isspace() else " "
    return f"“{shown}” ({name})"


def _sms_counter_text(text: str) -> str:
    count = count_sms(text)
    parts = tr("1 segment") if count.segments == 1 else tr("{n} segments").format(n=count.segments)
    line = tr("{encoding} · {chars:,} characters · {parts} · {left} left in this segment").format(
        encoding=count.encoding, chars=count.characters, parts=parts, left=count.remaining
    )
    if count.unicode_chars:
        shown = ", ".join(describe_char(c) for c in count.unicode_chars[:6])
        if len(count.unicode_chars) > 6:
            shown += " " + tr("and {n} more").format(n=len(count.unicode_chars) - 6)
        line += "\n" + tr("Sent as Unicode (UCS-2) because of {chars}.").format(chars=shown)
    return line
