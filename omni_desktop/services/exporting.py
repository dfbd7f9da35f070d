"""Tables written to a file for the operator to keep: CSV (UTF-8) or XLSX, by the suffix.

Qt-free, shared by the status and history exports. Cells are text, numbers or None: numbers
stay numbers in both formats. Text a server sent is written as text, never as a formula: in
XLSX every string is written as a string, and in CSV a cell that a spreadsheet would run as a
formula (starting with = or @) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from omni_desktop.core.i18n import tr

Cell = str | float | int | None
XLSX_TEXT_LIMIT = 32_767  # characters a spreadsheet cell holds
FORMATS = ("csv", "xlsx")


class ExportError(Exception):
    """The file could not be written; `str()` is one plain sentence."""


def export_format(path: Path) -> str:
    """`csv` or `xlsx` from the file's suffix; ExportError for any other."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(
            tr("Cannot export to “{name}”: choose a name ending in .csv or .xlsx.").format(
                name=path.name
            )
        )
    return suffix


def write_table(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    sheet: str = "",
    kind: str | None = None,
) -> int:
    """Write `headers` and `rows` to `path` as `kind` (csv, xlsx; None: by the suffix);
    returns the rows written. ExportError with the reason when it cannot be written."""
    kind = kind or export_format(path)
    try:
        if kind == "csv":
            return _write_csv(path, headers, rows)
        return _write_xlsx(path, headers, rows, sheet or tr("Messages"))
    except OSError as exc:
        raise ExportError(
            tr("Could not save {path}: {reason}.").format(
                path=path, reason=exc.strerror or str(exc)
            )
        ) from exc


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    count = 0
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_cell(c) for c in row])
            count += 1
    return count


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float):
        return "" if not math.isfinite(cell) else repr(cell)
    if isinstance(cell, int):
        return str(cell)
    return "'" + cell if cell[:1] in ("=", "@") else cell


def _write_xlsx(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]], sheet: str
) -> int:
    import xlsxwriter  # type: ignore[import-untyped]  # only when asked, not at start-up

    # A temporary file beside the target, renamed at the end: a failed write leaves no
    # half-written workbook under the chosen name.
    partial = path.with_name(path.name + ".part")
    book = xlsxwriter.Workbook(str(partial), {"strings_to_formulas": False, "in_memory": True})
    count = 0
    try:
        bold = book.add_format({"bold": True})
        page = book.add_worksheet(_sheet_name(sheet))
        for column, header in enumerate(headers):
            page.write_string(0, column, header, bold)
        for count, row in enumerate(rows, start=1):
            for column, cell in enumerate(row):
                if isinstance(cell, int | float) and math.isfinite(cell) and abs(cell) < 1e15:
                    page.write_number(count, column, cell)
                elif cell is not None and not isinstance(cell, int | float):
                    page.write_string(count, column, cell[:XLSX_TEXT_LIMIT])
        page.freeze_panes(1, 0)
        book.close()
        partial.replace(path)
    except Exception as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise
        cause = exc.args[0] if exc.args else None  # xlsxwriter's FileCreateError wraps it
        if isinstance(cause, OSError):
            raise cause from exc
        raise ExportError(
            tr("Could not save {path}: {reason}.").format(path=path, reason=exc)
        ) from exc
    return count


def _sheet_name(name: str) -> str:
    """A worksheet name the format allows: 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip("' ")
    return cleaned[:31] or "Sheet1"


__all__ = ["FORMATS", "Cell", "ExportError", "export_format", "write_table"]
