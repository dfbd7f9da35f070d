"""The recipients editor.

model (the rows and their checks, the table model), paste (the paste box), editor (the widget).
"""

from omni_desktop.ui.recipients.editor import RecipientsEditor
from omni_desktop.ui.recipients.model import (
    COL_CHECK,
    COL_EMAIL,
    COL_MESSAGE_ID,
    COL_PHONE,
    RecipientRow,
    RecipientsModel,
)
from omni_desktop.ui.recipients.paste import PasteRecipientsDialog

__all__ = [
    "COL_CHECK",
    "COL_EMAIL",
    "COL_MESSAGE_ID",
    "COL_PHONE",
    "PasteRecipientsDialog",
    "RecipientRow",
    "RecipientsEditor",
    "RecipientsModel",
]
