"""The status rows as text: tab-separated for the clipboard, CSV for a file.

Both carry a header line, every column, the time in ISO form and the report's error, so a row
pasted into a spreadsheet or a ticket says everything the table knows of its message.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from omni_desktop.ui.status.model import StatusTableModel


def tsv_text(model: StatusTableModel, rows: Iterable[int]) -> str:
    """Model rows `rows` as tab-separated lines under a header line (tabs and breaks spaced)."""
    lines = [model.export_headers()]
    lines += [model.export_cells(row) for row in rows]
    return "".join("\t".join(_tsv_cell(c) for c in line) + "\n" for line in lines)


def write_csv(path: Path, model: StatusTableModel, rows: Iterable[int]) -> None:
    """Write model rows `rows` to `path` as UTF-8 CSV under a header line; OSError on failure."""
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(model.export_headers())
        writer.writerows(model.export_cells(row) for row in rows)


def _tsv_cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
