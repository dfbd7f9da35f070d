"""`ImportController`: how an import starts in the window (File > Import recipients…, a file
dropped on the window or the recipients table) and the default country it proposes.

The default country is the one last chosen for this draft under this account, else for this
account, else the account's own (`services.importing.RegionMemory`, a small file in the app's
data folder; in memory only when the window has no session, as in tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from omni_desktop.ui.file_dialogs import documents_folder
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.recipients.editor import dropped_file

if TYPE_CHECKING:
    from omni_desktop.services.importing import RegionMemory

    from omni_desktop.ui.importing.dialog import ImportDialog
    from omni_desktop.ui.window.window import MainWindow

MEMORY_FILE = "import_regions.json"


class ImportController(QObject):
    """Opens the import dialog for a chosen or dropped file; one import at a time."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._memory: RegionMemory | None = None
        self.dialog: ImportDialog | None = None
        self.file_dialog: QFileDialog | None = None
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.recipients.file_dropped.connect(self.open_path)

    @property
    def memory(self) -> RegionMemory:
        """The default countries chosen before (read at the first import, not at start-up)."""
        if self._memory is None:
            from omni_desktop.services.importing import RegionMemory

            session = self._window.session
            self._memory = RegionMemory(session.paths.data / MEMORY_FILE if session else None)
        return self._memory

    def open_file_dialog(self) -> QFileDialog:
        """File > Import recipients…: choose a file (non-blocking), then the mapping step."""
        from omni_desktop.ui.importing.dialog import file_filter

        dialog = QFileDialog(
            self._window, tr("Import recipients"), str(documents_folder()), file_filter()
        )
        dialog.setObjectName("import_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.open_path(Path(name)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def open_path(self, path: Path) -> ImportDialog | None:
        """The mapping step for `path` (opened with open()); None while another is open."""
        if self.dialog is not None:
            self.dialog.raise_()
            return None
        # The import's modules (the spreadsheet readers among them) load with the first import.
        from omni_desktop.ui.importing.dialog import ImportDialog
        from omni_desktop.ui.importing.presenter import ImportPresenter

        window = self._window
        target = window.presenter.target
        account = target.profile or ("sandbox" if target.is_sandbox else target.name)
        draft = window.drafts.path
        region = self.memory.region_for(account, draft, target.default_region)
        presenter = ImportPresenter(
            path, window.recipients, region, self.memory, account, draft, composer=window.presenter
        )
        dialog = ImportDialog(presenter, window)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        window.keep_open(dialog)
        dialog.open()
        presenter.load_preview()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A spreadsheet dragged over the window is accepted; dropped, it is imported."""
        if watched is self._window and isinstance(event, QDragEnterEvent | QDropEvent):
            path = dropped_file(event.mimeData())
            if path is None:
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.open_path(path)
            return True
        return super().eventFilter(watched, event)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None


__all__ = ["ImportController"]
