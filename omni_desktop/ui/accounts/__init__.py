"""The Accounts screen: the dialog, its presenter over `AccountsService`, and its list model."""

from __future__ import annotations

from omni_desktop.ui.accounts.dialog import SANDBOX_NOTE, AccountsDialog

__all__ = ["SANDBOX_NOTE", "AccountsDialog"]
