"""`ImportDialog`: the mapping step of an import (sheet, header row, columns, default country,
exclusion list, the first rows), its progress with Cancel, and the result in one place with
Remove duplicates, Remove invalid rows and Export invalid rows…. Opened with `open()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.audience import Mapping
from omni_desktop.core.i18n import tr_noop

from omni_desktop.services.importing import SUFFIXES, TEXT_ENCODINGS, ImportResult, Preview

from omni_desktop.ui.file_dialogs import documents_folder, save_dialog
from omni_desktop.ui.i18n import grouped, tr, trn
from omni_desktop.ui.importing.presenter import Choices, ImportPresenter
from omni_desktop.ui.importing.preview_model import PreviewModel
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.region_dialog import region_combo

MAPPING_PAGE, PROGRESS_PAGE, RESULT_PAGE = range(3)
_DELIMITERS = {
    ",": tr_noop("commas"),
    ";": tr_noop("semicolons"),
    "\t": tr_noop("tabs"),
    "|": tr_noop("vertical bars"),
}


def file_filter() -> str:
    patterns = " ".join(f"*{s}" for s in SUFFIXES)
    return tr("Spreadsheets ({patterns})").format(patterns=patterns)


class ImportDialog(QDialog):
    """The import of one file, from the mapping step to the result."""

    def __init__(self, presenter: ImportPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        presenter.setParent(self)
        self.setObjectName("import_dialog")
        self.setWindowTitle(tr("Import recipients from {name}").format(name=presenter.path.name))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_mapping())
        self.stack.addWidget(self._build_progress())
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.resize(820, 600)
        self._filling = False
        presenter.preview_changed.connect(self._on_presenter_preview_changed)
        presenter.preview_failed.connect(self._on_presenter_preview_failed)
        presenter.progress_changed.connect(self._on_presenter_progress_changed)
        presenter.import_finished.connect(self._on_presenter_import_finished)
        presenter.import_failed.connect(self._on_presenter_import_failed)
        presenter.export_finished.connect(self.export_status.setText)
        self.exclusions: Path | None = None
        self.exclusion_dialog: QFileDialog | None = None
        self.export_dialog: QFileDialog | None = None

    # --- building ------------------------------------------------------------------------------

    def _build_mapping(self) -> QWidget:
        page = QWidget(self)
        self.file_info = plain_label(tr("Reading {name}…").format(name=self.presenter.path.name))
        self.file_info.setObjectName("file_info")
        self.file_info.setWordWrap(True)
        self.error = plain_label("", page)
        self.error.setObjectName("import_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #e53935;")
        self.sheet = QComboBox(page)
        self.sheet.setAccessibleName(tr("Sheet"))
        self.sheet_label = QLabel(tr("&Sheet:"), page)
        # A text file's encoding, as detected; another when the names show wrong letters.
        self.encoding = QComboBox(page)
        self.encoding.setObjectName("encoding_box")
        self.encoding.setAccessibleName(tr("Encoding"))
        self.encoding.setToolTip(
            tr("How the file's bytes are read as letters; choose another if names look wrong")
        )
        for codec in TEXT_ENCODINGS:
            self.encoding.addItem(tr(_ENCODINGS[codec]), codec)
        self.encoding_label = QLabel(tr("E&ncoding:"), page)
        self.encoding_label.setBuddy(self.encoding)
        self.header_row = QSpinBox(page)
        self.header_row.setAccessibleName(tr("Header row"))
        self.header_row.setSpecialValueText(tr("None: the data starts in row 1"))
        self.header_row.setToolTip(tr("The row holding the column names; 0 when there is none"))
        self.phone = self._column_box(tr("Phone column"))
        self.email = self._column_box(tr("E-mail column"))
        self.message_id = self._column_box(tr("Message ID column"))
        self.region = region_combo(self.presenter.region, page)
        self.region.setToolTip(
            tr("How numbers written without their country code are read, e.g. 079 302 67 27")
        )
        self.exclusion_label = plain_label(tr("None"), page)
        self.exclusion_label.setObjectName("exclusion_label")
        self.exclusion_button = QPushButton(tr("Choose…"), page)
        self.exclusion_button.setAccessibleName(tr("Choose an exclusion list"))
        self.exclusion_button.setToolTip(
            tr("A file of numbers or e-mails that must never be sent to (opt-outs)")
        )
        self.exclusion_clear = QPushButton(tr("No list"), page)
        self.exclusion_clear.setAccessibleName(tr("Use no exclusion list"))
        exclusion_row = QHBoxLayout()
        exclusion_row.addWidget(self.exclusion_label, 1)
        exclusion_row.addWidget(self.exclusion_button)
        exclusion_row.addWidget(self.exclusion_clear)
        form = QFormLayout()
        form.addRow(self.sheet_label, self.sheet)
        self.sheet_label.setBuddy(self.sheet)
        form.addRow(self.encoding_label, self.encoding)
        for text, widget in (
            (tr("&Header row:"), self.header_row),
            (tr("&Phone:"), self.phone),
            (tr("&E-mail:"), self.email),
            (tr("&Message ID:"), self.message_id),
            (tr("Default &country:"), self.region),
        ):
            label = QLabel(text, page)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(QLabel(tr("Exclusion list:"), page), exclusion_row)
        self.preview_model = PreviewModel(self)
        self.preview_table = QTableView(page)
        self.preview_table.setObjectName("preview_table")
        self.preview_table.setAccessibleName(tr("The file's first rows"))
        self.preview_table.setModel(self.preview_model)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setWordWrap(False)
        # Each column as wide as its first rows (up to a limit), so numbers show whole.
        self.preview_model.modelReset.connect(self._fit_preview_columns)
        self.import_button = QPushButton(tr("&Import"), page)
        self.import_button.setObjectName("import_button")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        cancel = QPushButton(tr("Cancel"), page)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_info)
        layout.addLayout(form)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.sheet.currentIndexChanged.connect(self._on_sheet_current_index_changed)
        self.encoding.currentIndexChanged.connect(self._on_encoding_current_index_changed)
        self.header_row.valueChanged.connect(self._on_header_row_value_changed)
        for box in (self.phone, self.email, self.message_id):
            box.currentIndexChanged.connect(self._on_column_changed)
        self.exclusion_button.clicked.connect(self.choose_exclusions)
        self.exclusion_clear.clicked.connect(lambda: self.set_exclusions(None))
        self.import_button.clicked.connect(self.start_import)
        cancel.clicked.connect(self.reject)
        self.set_exclusions(None)
        return page

    def _column_box(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        return box

    def _build_progress(self) -> QWidget:
        page = QWidget(self)
        self.progress_label = plain_label(tr("Reading the rows…"), page)
        self.progress = QProgressBar(page)
        self.progress.setObjectName("import_progress")
        self.progress.setAccessibleName(tr("Import progress"))
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(tr("Cancel"), page)
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.setToolTip(tr("Stop the import; nothing is added"))
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self.cancel_button.clicked.connect(self.cancel_import)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        self.counts = plain_label("", page)
        self.counts.setObjectName("import_counts")
        self.counts.setWordWrap(True)
        self.fields_note = plain_label("", page)
        self.fields_note.setObjectName("fields_note")
        self.fields_note.setWordWrap(True)
        self.remove_duplicates_button = QPushButton(tr("Remove &duplicates"), page)
        self.remove_invalid_button = QPushButton(tr("Remove &invalid rows"), page)
        self.export_button = QPushButton(tr("&Export invalid rows…"), page)
        self.export_button.setToolTip(tr("Save the invalid rows with the reason as a CSV file"))
        self.export_status = plain_label("", page)
        self.export_status.setObjectName("export_status")
        self.export_status.setWordWrap(True)
        close = QPushButton(tr("Close"), page)
        close.setDefault(True)
        actions = QHBoxLayout()
        for button in (
            self.remove_duplicates_button,
            self.remove_invalid_button,
            self.export_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        undo_note = plain_label(tr("Undo (Ctrl+Z) takes the import back out."), page)
        # The rows that cannot be sent, each with its reason, in the same place as the counts.
        self.problems = QPlainTextEdit(page)
        self.problems.setObjectName("import_problems")
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(tr("Rows that cannot be sent, with the reason"))
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts)
        layout.addWidget(self.fields_note)
        layout.addLayout(actions)
        layout.addWidget(self.export_status)
        layout.addWidget(self.problems, 1)
        layout.addWidget(undo_note)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.remove_duplicates_button.clicked.connect(self.presenter.remove_duplicates)
        self.remove_invalid_button.clicked.connect(self.presenter.remove_invalid)
        self.export_button.clicked.connect(self.choose_export)
        close.clicked.connect(self.accept)
        return page

    # --- API -----------------------------------------------------------------------------------

    def choices(self) -> Choices:
        preview = self.presenter.preview
        return Choices(
            sheet=preview.sheet if preview is not None and preview.sheet_names else None,
            header_row=self.header_row.value() or None,
            mapping=Mapping(
                self.phone.currentData(), self.email.currentData(), self.message_id.currentData()
            ),
            region=self.region.currentData() or None,
            exclusions=self.exclusions,
            encoding=preview.encoding if preview is not None else None,
        )

    def start_import(self) -> None:
        if self.presenter.preview is None or self.presenter.busy:
            return
        self.error.clear()
        self.progress.setRange(0, 0)
        self.stack.setCurrentIndex(PROGRESS_PAGE)
        self.presenter.run_import(self.choices())

    def cancel_import(self) -> None:
        self.progress_label.setText(tr("Cancelling…"))
        self.presenter.cancel()

    def set_exclusions(self, path: Path | None) -> None:
        self.exclusions = path
        self.exclusion_label.setText(path.name if path is not None else tr("None"))
        self.exclusion_clear.setEnabled(path is not None)

    def choose_exclusions(self) -> QFileDialog:
        dialog = QFileDialog(self, tr("Exclusion list"), str(documents_folder()), file_filter())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.set_exclusions(Path(name)))
        self.exclusion_dialog = dialog
        dialog.open()
        return dialog

    def choose_export(self) -> QFileDialog:
        stem = self.presenter.path.stem
        dialog = save_dialog(
            self, tr("Export invalid rows"), f"{stem}-invalid.csv", tr("CSV (*.csv)"), "csv"
        )
        dialog.fileSelected.connect(lambda name: self.presenter.export_invalid(Path(name)))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    async def shutdown(self) -> None:
        await self.presenter.shutdown()

    def reject(self) -> None:
        """Escape or Cancel: a running import is cancelled first (nothing is added)."""
        if self.presenter.busy:
            self.cancel_import()
        super().reject()

    # --- slots ---------------------------------------------------------------------------------

    def _on_presenter_preview_changed(self, preview: Preview) -> None:
        self._filling = True
        try:
            self.file_info.setText(_describe(preview))
            names = preview.sheet_names
            if [self.sheet.itemText(i) for i in range(self.sheet.count())] != list(names):
                self.sheet.clear()
                self.sheet.addItems(list(names))
            if preview.sheet is not None:
                self.sheet.setCurrentText(preview.sheet)
            self.sheet.setVisible(len(names) > 1)
            self.sheet_label.setVisible(len(names) > 1)
            text_file = preview.encoding is not None
            self.encoding.setVisible(text_file)
            self.encoding_label.setVisible(text_file)
            if text_file:
                self.encoding.setCurrentIndex(self.encoding.findData(preview.encoding))
            self.header_row.setRange(0, max(len(preview.top), 1))
            self.header_row.setValue(preview.header_row or 0)
            mapping = preview.mapping
            for box, column in (
                (self.phone, mapping.phone),
                (self.email, mapping.email),
                (self.message_id, mapping.message_id),
            ):
                box.clear()
                box.addItem(tr("(none)"), None)
                for i, name in enumerate(preview.headers):
                    box.addItem(name, i)
                box.setCurrentIndex(box.findData(column) if column is not None else 0)
            self.preview_model.show(preview)
        finally:
            self._filling = False
        self._on_column_changed()

    def _fit_preview_columns(self) -> None:
        table = self.preview_table
        table.resizeColumnsToContents()
        widest = max(120, table.viewport().width() // 2)
        for column in range(self.preview_model.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), widest))

    def _on_presenter_preview_failed(self, sentence: str) -> None:
        self.error.setText(sentence)
        preview = self.presenter.preview
        if preview is None:
            self.file_info.setText(
                tr("{name} could not be read.").format(name=self.presenter.path.name)
            )
            self.import_button.setEnabled(False)
            return
        # The rows shown are still those last read, in their encoding: they can be imported.
        self._filling = True
        try:
            if preview.encoding is not None:
                self.encoding.setCurrentIndex(self.encoding.findData(preview.encoding))
        finally:
            self._filling = False
        self._on_column_changed()
        self.error.setText(sentence)

    def _on_presenter_progress_changed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(
            tr("Reading row {done} of {total}…").format(done=grouped(done), total=grouped(total))
        )

    def _on_presenter_import_finished(self, result: ImportResult) -> None:
        self.counts.setText(result_text(result))
        fields = self.presenter.fields
        self.fields_note.setText(
            trn("%n more column(s) kept as fields: {names}", None, len(fields)).format(
                names=", ".join(fields)
            )
            if fields
            else ""
        )
        self.problems.setPlainText(problem_lines(result))
        self.problems.setVisible(bool(result.invalid or result.duplicates))
        self.remove_duplicates_button.setEnabled(result.duplicate_count > 0)
        self.remove_invalid_button.setEnabled(result.invalid_count > 0)
        self.export_button.setEnabled(result.invalid_count > 0)
        self.stack.setCurrentIndex(RESULT_PAGE)

    def _on_presenter_import_failed(self, sentence: str) -> None:
        self.progress_label.setText(tr("Reading the rows…"))
        self.error.setText(sentence)
        self.stack.setCurrentIndex(MAPPING_PAGE)

    def _on_sheet_current_index_changed(self, _index: int) -> None:
        preview = self.presenter.preview
        if self._filling or preview is None or self.sheet.currentText() == preview.sheet:
            return
        self.import_button.setEnabled(False)
        self.presenter.load_preview(self.sheet.currentText())

    def _on_encoding_current_index_changed(self, _index: int) -> None:
        preview = self.presenter.preview
        chosen = self.encoding.currentData()
        if self._filling or preview is None or chosen == preview.encoding:
            return
        self.import_button.setEnabled(False)
        self.presenter.load_preview(preview.sheet, chosen)

    def _on_header_row_value_changed(self, value: int) -> None:
        if not self._filling:
            self.presenter.set_header_row(value or None)

    def _on_column_changed(self) -> None:
        """One column, one role: choosing a column here takes it from the other boxes."""
        if self._filling:
            return
        changed = self.sender()
        boxes = (self.phone, self.email, self.message_id)
        if isinstance(changed, QComboBox) and changed.currentData() is not None:
            self._filling = True
            try:
                for box in boxes:
                    if box is not changed and box.currentData() == changed.currentData():
                        box.setCurrentIndex(0)
            finally:
                self._filling = False
        mapped = self.phone.currentData() is not None or self.email.currentData() is not None
        self.import_button.setEnabled(self.presenter.preview is not None and mapped)
        self.error.setText(
            ""
            if mapped or self.presenter.preview is None
            else tr("Choose the column with the phone numbers or the e-mail addresses.")
        )


def result_text(result: ImportResult) -> str:
    """The counts in one sentence, e.g. "1,998 valid, 2 invalid, 3 duplicates, 1 excluded"."""
    parts = [
        trn("%n row(s) imported", None, len(result.rows)),
        tr("{n} valid").format(n=grouped(result.valid_count)),
        tr("{n} invalid").format(n=grouped(result.invalid_count)),
        trn("%n duplicate(s)", None, result.duplicate_count),
        trn("%n excluded (on the exclusion list, never sent)", None, result.excluded_count),
    ]
    text = ", ".join(parts) + "."
    if result.cut_cells:
        text += " " + trn("%n over-long cell(s) were cut.", None, result.cut_cells)
    return text


_ENCODINGS = {
    "utf-8-sig": tr_noop("UTF-8 with BOM"),
    "utf-8": tr_noop("UTF-8"),
    "utf-16": tr_noop("UTF-16"),
    "cp1250": tr_noop("Central European (Windows-1250)"),
    "cp1252": tr_noop("Western European (Windows-1252)"),
}


SHOWN_PROBLEMS = 500  # rows listed on the result page; Export invalid rows gives them all


def problem_lines(result: ImportResult) -> str:
    """'Row 4: reason' for each invalid row and 'Row 7: the same … as an earlier row' for each
    duplicate, in file order, at most SHOWN_PROBLEMS of them."""
    lines: list[tuple[int, str]] = [(r.row, r.problem) for r in result.invalid if r.problem]
    lines += [(row, tr("the same phone number or e-mail as an earlier row")) for row in
              result.duplicates]  # fmt: skip
    lines.sort()
    shown = [tr("Row {row}: {reason}").format(row=row, reason=why) for row, why in lines]
    if len(shown) > SHOWN_PROBLEMS:
        rest = len(shown) - SHOWN_PROBLEMS
        shown = shown[:SHOWN_PROBLEMS]
        shown.append(trn("… and %n more: Export invalid rows lists them all.", None, rest))
    return "\n".join(shown)


def _describe(preview: Preview) -> str:
    """ "customers.csv: 2,000 rows · utf-8-sig · semicolons"."""
    details = [trn("%n row(s)", None, preview.row_count)]
    if preview.encoding:
        name = _ENCODINGS.get(preview.encoding.lower())
        details.append(tr(name) if name else preview.encoding)
    if preview.delimiter:
        details.append(tr(_DELIMITERS.get(preview.delimiter, preview.delimiter)))
    if preview.sheet:
        details.append(tr("sheet “{sheet}”").format(sheet=preview.sheet))
    return f"{preview.path.name}: " + " · ".join(details)


__all__ = ["ImportDialog", "file_filter", "result_text"]
