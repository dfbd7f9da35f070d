"""Recipients from a spreadsheet, in the window: the mapping dialog, its presenter over
`services.importing`, and the controller that opens it (File > Import, a dropped file).
"""

from omni_desktop.ui.importing.controller import ImportController
from omni_desktop.ui.importing.dialog import ImportDialog
from omni_desktop.ui.importing.presenter import Choices, ImportPresenter

__all__ = ["Choices", "ImportController", "ImportDialog", "ImportPresenter"]
