"""The status rows as text or files: tab-separated for the clipboard, CSV or XLSX to keep.

Each carries a header line, every column, the price as a number with its currency beside it,
the time in ISO 8601 and the report's error, so a row pasted into a spreadsheet or a ticket
says everything the table knows of its message.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from omni_desktop.services.exporting import write_table

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.status.model import StatusTableModel


def tsv_text(model: StatusTableModel, rows: Iterable[int]) -> str:
    """Model rows `rows` as tab-separated lines under a header line (tabs and breaks spaced)."""
    lines = [model.export_headers()]
    lines += [model.export_cells(row) for row in rows]
    return "".join("\t".join(_tsv_cell(c) for c in line) + "\n" for line in lines)


def write_rows(
    path: Path, model: StatusTableModel, rows: Iterable[int], kind: str | None = None
) -> int:
    """Write model rows `rows` to `path` as `kind` (csv, xlsx; None: by the suffix) under a
    header line; ExportError (services.exporting) says why not."""
    values = (model.export_values(row) for row in rows)
    return write_table(Path(path), model.export_headers(), values, tr("Status"), kind)


def _tsv_cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
