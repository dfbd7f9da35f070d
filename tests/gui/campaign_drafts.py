"""Drafts for the campaign tests: recipients with spreadsheet fields, put into the window."""

from __future__ import annotations

from omni_desktop.core.message import Destination

from omni_desktop.ui.window import MainWindow


def people(count: int, names: int = 3) -> list[Destination]:
    """`count` Swiss mobiles, their "First name" field one of `names` values (Name0, Name1...)."""
    return [
        Destination(f"+41 79 {i // 10000:03d} {i // 100 % 100:02d} {i % 100:02d}",
                    fields={"First name": f"Name{i % names}"})
        for i in range(count)
    ]  # fmt: skip


def compose(window: MainWindow, rows: list[Destination], text: str) -> None:
    """These recipients and this SMS text in the window's draft."""
    window.recipients.model.set_destinations(rows)
    window.presenter.message.content("sms").values["text"] = text
    window.presenter.edited()
