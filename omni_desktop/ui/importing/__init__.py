"""Recipients from a spreadsheet, in the window: the mapping dialog, its presenter over
`services.importing`, and the controller that opens it (File > Import, a dropped file).

The controller is what the window builds at start; the dialog and its presenter (and the
spreadsheet readers behind them) load with the first import.
"""

from omni_desktop.ui.importing.controller import ImportController

__all__ = ["ImportController"]
