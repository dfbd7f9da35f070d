"""Recipients from a spreadsheet, for the window and the command line alike: a preview (sheets,
detected encoding and delimiter, header, first rows, proposed columns), then the rows read as
recipients with valid / invalid / duplicate / excluded counts.

Qt-free and safe in a worker thread: `progress(done, total)` is called every few thousand rows
and `cancelled()` checked as often (True stops the read with `ImportCancelled`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Literal

from omni_desktop.core.audience import (
    ImportedRow,
    Mapping,
    RowConverter,
    address_keys,
    detect_header,
    header_names,
    propose_mapping,
)
from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.i18n import tr

from omni_desktop.storage.json_maps import JsonMap
from omni_desktop.storage.sheets import (
    TEXT_ENCODINGS,
    TEXT_SUFFIXES,
    WORKBOOK_SUFFIXES,
    SheetData,
    SheetError,
    read_sheet,
    write_csv,
)

PREVIEW_ROWS = 20
TOP_ROWS = 60  # rows a preview keeps, so the header can be moved among the first ones
STEP = 4096  # rows between progress calls and cancel checks
AUTO: Literal["auto"] = "auto"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportCancelled(Exception):
    """The operator cancelled the import; nothing was changed."""


@dataclass(frozen=True)
class Preview:
    """What the mapping step shows before anything is imported."""

    path: Path
    sheet_names: tuple[str, ...]
    sheet: str | None
    encoding: str | None
    delimiter: str | None
    header_row: int | None  # 1-based row of the header, None when there is none
    headers: list[str]  # a name per column
    rows: list[list[str]]  # the first data rows, as text
    row_count: int  # data rows in the sheet (below the header, blank ones included)
    mapping: Mapping  # the proposed columns
    top: list[list[str]] = field(default_factory=list)  # the sheet's first rows, for reheader()


@dataclass(frozen=True)
class ImportResult:
    """The rows as recipients. `duplicates` are row numbers repeating an earlier row's phone or
    e-mail; `excluded` rows matched the exclusion list and are never sent."""

    rows: list[ImportedRow]
    headers: list[str]
    duplicates: frozenset[int] = frozenset()
    excluded: list[ImportedRow] = field(default_factory=list)
    cut_cells: int = 0

    # Counted once (100,000 rows): a result is never changed, only replaced.
    @cached_property
    def invalid(self) -> list[ImportedRow]:
        return [r for r in self.rows if r.problem is not None]

    @cached_property
    def valid_count(self) -> int:
        return sum(1 for r in self.rows if r.problem is None and r.row not in self.duplicates)

    @cached_property
    def invalid_count(self) -> int:
        return len(self.invalid)

    @property
    def duplicate_count(self) -> int:
        return len(self.duplicates)

    @property
    def excluded_count(self) -> int:
        return len(self.excluded)


def preview(path: Path, sheet: str | None = None, encoding: str | None = None) -> Preview:
    """The file's sheets, detected (or chosen) encoding, delimiter and header, first rows and
    proposed columns."""
    data = read_sheet(path, sheet, encoding)
    at = detect_header(data.rows)
    body = data.rows[at + 1 :] if at is not None else data.rows
    width = max((len(r) for r in data.rows[:1000]), default=0)
    header = data.rows[at] if at is not None else None
    headers = header_names(header, width)
    sample = body[:PREVIEW_ROWS]
    return Preview(
        path,
        data.sheet_names,
        data.sheet,
        data.encoding,
        data.delimiter,
        None if at is None else at + 1,
        headers,
        [list(r) for r in sample],
        len(body),
        propose_mapping(header, body[:50]),
        [list(r) for r in data.rows[:TOP_ROWS]],
    )


def reheader(shown: Preview, header_row: int | None) -> Preview:
    """The preview with row `header_row` (1-based; None: no header) as the header, from the
    first rows it holds, so the mapping step can change the header without reading again."""
    top = shown.top
    if header_row is not None and not 1 <= header_row <= len(top):
        raise SheetError(
            tr("The header row {row} is outside the first rows (1 to {last}).").format(
                row=header_row, last=len(top)
            )
        )
    at = None if header_row is None else header_row - 1
    header = top[at] if at is not None else None
    first = 0 if at is None else at + 1
    body = top[first:]
    width = max((len(r) for r in top), default=0)
    known = shown.row_count + (0 if shown.header_row is None else shown.header_row)
    return replace(
        shown,
        header_row=header_row,
        headers=header_names(header, width),
        rows=[list(r) for r in body[:PREVIEW_ROWS]],
        row_count=max(known - first, 0),
        mapping=propose_mapping(header, body[:50]),
    )


def read_recipients(
    path: Path,
    mapping: Mapping | None,
    region: str | None,
    sheet: str | None = None,
    header_row: int | Literal["auto"] | None = AUTO,
    exclusions: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    columns: dict[str, str] | None = None,
    encoding: str | None = None,
) -> ImportResult:
    """Every row as a recipient; SheetError for the file. The columns are `mapping`'s, else the
    proposed ones with `columns` ({"phone"|"email"|"messageId": header name or number}) over
    them. A text file is read in `encoding` when it is given (else as detected)."""
    # 100,000 rows' objects form no cycles, yet their allocation sets off full collections of
    # the whole heap (a third of the import's own time): held, they cost one pass at most.
    with gc_paused():
        data = read_sheet(path, sheet, encoding)
        at = detect_header(data.rows) if header_row == AUTO else _header_index(header_row, data)
        header = data.rows[at] if at is not None else None
        first = 0 if at is None else at + 1
        width = max(map(len, data.rows), default=0)
        headers = header_names(header, width)
        if mapping is None:
            mapping = propose_mapping(header, data.rows[first : first + 50])
            if columns:
                mapping = choose_columns(mapping, headers, columns)
        excluded_keys = read_exclusions(exclusions, region) if exclusions is not None else set()
        return _convert(data, first, headers, mapping, region, excluded_keys, progress, cancelled)


def _convert(
    data: SheetData,
    first: int,
    headers: list[str],
    mapping: Mapping,
    region: str | None,
    excluded_keys: set[str],
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportResult:
    """The sheet's rows from `first` on as recipients, with duplicates and exclusions found."""
    total = len(data.rows) - first
    rows: list[ImportedRow] = []
    excluded: list[ImportedRow] = []
    duplicates: set[int] = set()
    seen: set[str] = set()
    convert = RowConverter(headers, mapping, region)
    for start in range(first, len(data.rows), STEP):
        if cancelled is not None and cancelled():
            raise ImportCancelled(tr("The import was cancelled; nothing was added."))
        if progress is not None:
            progress(start - first, total)
        for index in range(start, min(start + STEP, len(data.rows))):
            imported = convert(index + 1, data.rows[index])
            if imported is None:
                continue
            phone_key, email_key = imported.keys
            if excluded_keys and (phone_key in excluded_keys or email_key in excluded_keys):
                excluded.append(imported)
                continue
            if imported.problem is None:
                # A key is None where the row has no such address (or an invalid one).
                if (phone_key and phone_key in seen) or (email_key and email_key in seen):
                    duplicates.add(imported.row)
                if phone_key:
                    seen.add(phone_key)
                if email_key:
                    seen.add(email_key)
            rows.append(imported)
    if progress is not None:
        progress(total, total)
    return ImportResult(rows, headers, frozenset(duplicates), excluded, data.cut_cells)


_KINDS = {"phone": "phone", "email": "email", "e-mail": "email", "messageid": "message_id"}


def choose_columns(proposed: Mapping, headers: list[str], columns: dict[str, str]) -> Mapping:
    """`proposed` with the columns named by header (any case) or by number (1 is the first)."""
    chosen = proposed
    for kind, name in columns.items():
        attribute = _KINDS.get(kind.strip().casefold())
        if attribute is None:
            raise SheetError(
                tr("“{kind}” is not a column kind; use phone, email or messageId.").format(
                    kind=kind
                )
            )
        at = _column_at(headers, name)
        others = {k: v for k, v in vars(chosen).items() if k != attribute and v != at}
        chosen = Mapping(**{**others, attribute: at})
    return chosen


def _column_at(headers: list[str], name: str) -> int:
    wanted = name.strip().casefold()
    for i, header in enumerate(headers):
        if header.strip().casefold() == wanted:
            return i
    if wanted.isdigit() and 1 <= int(wanted) <= len(headers):
        return int(wanted) - 1
    raise SheetError(
        tr("There is no column “{name}”; the columns are: {names}.").format(
            name=name, names=", ".join(headers)
        )
    )


def _header_index(header_row: int | None, data: SheetData) -> int | None:
    if header_row is None:
        return None
    if not 1 <= header_row <= max(1, len(data.rows)):
        raise SheetError(
            tr("The header row {row} is outside the sheet (rows 1 to {last}).").format(
                row=header_row, last=len(data.rows)
            )
        )
    return header_row - 1


def read_exclusions(path: Path, region: str | None) -> set[str]:
    """The normalised numbers and e-mails of an exclusion (opt-out) file: every cell that is
    one, in any column; headers and other text are ignored."""
    keys: set[str] = set()
    from omni_desktop.core.message import Destination

    for row in read_sheet(path).rows:
        for cell in row:
            text = cell.strip()
            if not text:
                continue
            destination = Destination(email=text) if "@" in text else Destination(phone=text)
            keys.update(k for k in address_keys(destination, region) if k)
    return keys


def remove_duplicates(result: ImportResult) -> ImportResult:
    """The result without the rows that repeat an earlier row's address."""
    kept = [r for r in result.rows if r.row not in result.duplicates]
    return replace(result, rows=kept, duplicates=frozenset())


def remove_invalid(result: ImportResult) -> ImportResult:
    """The result without the rows that cannot be sent."""
    return replace(result, rows=[r for r in result.rows if r.problem is None])


def export_invalid(result: ImportResult, path: Path) -> int:
    """Write the invalid rows to a CSV (UTF-8 with BOM, so Excel reads it right) with a reason
    column and every other column; the number of rows written. StorageError if it cannot."""
    invalid = result.invalid
    names = [n for n in result.headers if any(n in r.fields for r in invalid)]
    table = [[tr("Row"), tr("Phone"), tr("E-mail"), tr("Message ID"), tr("Reason"), *names]]
    for r in invalid:
        d = r.destination
        cells = [d.phone or "", d.email or "", d.message_id or "", r.problem or ""]
        cells += [r.fields.get(n, "") for n in names]
        table.append([str(r.row), *(_safe_cell(c) for c in cells)])
    write_csv(path, table)
    return len(invalid)


def _safe_cell(text: str) -> str:
    """A cell Excel shows as text, never runs as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not text[1:2].isdigit() else text


SUFFIXES = (*TEXT_SUFFIXES, *WORKBOOK_SUFFIXES)


def is_importable(path: Path) -> bool:
    """A file name this import reads (by suffix; the content is checked when read)."""
    return path.suffix.lower() in SUFFIXES


def field_names(result: ImportResult) -> list[str]:
    """The headers kept as fields (every column but the phone, e-mail and ID), in order."""
    seen: set[str] = set()
    for row in result.rows:
        seen.update(row.fields)
    for row in result.excluded:
        seen.update(row.fields)
    return [name for name in result.headers if name in seen]


_REGION = re.compile(r"[A-Z]{2}")
MAX_REMEMBERED = 200


class RegionMemory:
    """The default country last chosen for an import, per account and per draft, in a small
    JSON file (None: in memory only). A damaged or oversized file reads as empty; a failed
    write costs nothing but the memory."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self._map = JsonMap(
            file,
            "import regions",
            lambda _k, v: v == "-" or _REGION.fullmatch(v) is not None,
            MAX_REMEMBERED,
        )

    def region_for(self, account: str, draft: Path | None, default: str | None) -> str | None:
        """The draft's choice under this account, else the account's last one, else
        `default` (the account's own default country)."""
        known = self._map.read()
        hit = known.get(_memory_key(account, draft)) if draft is not None else None
        hit = hit or known.get(_memory_key(account, None))
        if hit is None:
            return default
        return None if hit == "-" else hit

    def remember(self, account: str, draft: Path | None, region: str | None) -> None:
        known = self._map.read()
        keys = [_memory_key(account, None)]
        if draft is not None:
            keys.append(_memory_key(account, draft))
        for key in keys:
            known.pop(key, None)
            known[key] = region or "-"  # "-": no default country, chosen on purpose
        self._map.write(known)


def _memory_key(account: str, draft: Path | None) -> str:
    if draft is None:
        return account
    try:
        where = str(draft.resolve())
    except (OSError, RuntimeError):
        where = str(draft.absolute())
    return f"{account}\n{where}"


__all__ = [
    "AUTO",
    "SUFFIXES",
    "TEXT_ENCODINGS",
    "ImportCancelled",
    "ImportResult",
    "Preview",
    "RegionMemory",
    "SheetError",
    "choose_columns",
    "export_invalid",
    "field_names",
    "is_importable",
    "preview",
    "read_exclusions",
    "read_recipients",
    "reheader",
    "remove_duplicates",
    "remove_invalid",
]
