"""Spreadsheet files as rows of text: .csv/.tsv/.txt (encoding and delimiter detected), and
.xlsx/.xls/.ods through python-calamine (cached values only: formulas are never evaluated).

Every cell becomes text exactly: a number stored as a number reads back with all its digits
(41793026727.0 -> "41793026727"); one beyond 2**53 has already lost digits in the file and is
written in scientific notation, which the import refuses. Files are read within limits (size,
rows, columns, cell length, unpacked size, cells a workbook would allocate): past them the read
stops with one plain sentence (`SheetError`), never a crash.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from omni_desktop.core.i18n import grouped, tr

from omni_desktop.storage.errors import StorageError, os_reason

MAX_TEXT_BYTES = 256 * 1024 * 1024  # a delimited text file
MAX_WORKBOOK_BYTES = 128 * 1024 * 1024  # an .xlsx/.ods/.xls file as stored
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # what an .xlsx/.ods unpacks to (a zip bomb's tell)
MAX_ROWS = 1_000_000
MAX_COLUMNS = 1_000
MAX_CELLS = 20_000_000  # rows x columns a workbook sheet would take in memory at once
MAX_CELL_CHARS = 32 * 1024  # longer cells are cut (and counted)
MAX_CSV_FIELD = 1024 * 1024  # a text field beyond this stops the read

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
DELIMITERS = (",", ";", "\t", "|")
_SNIFF_LINES = 50
_EXACT_FLOAT = 2**53


class SheetError(StorageError):
    """A spreadsheet file could not be read; str() is one sentence (what, and what to do)."""


@dataclass(frozen=True)
class SheetData:
    """One sheet's rows as text, with what was detected on the way."""

    rows: list[list[str]]  # rows[0] is the file's row 1; trailing empty cells dropped
    sheet_names: tuple[str, ...] = ()  # a workbook's sheets, in order; () for a text file
    sheet: str | None = None  # the sheet read
    encoding: str | None = None  # a text file's encoding, e.g. "utf-8-sig", "cp1250"
    delimiter: str | None = None  # a text file's delimiter
    cut_cells: int = 0  # cells longer than MAX_CELL_CHARS, cut to it


TEXT_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1250")  # chosen by hand


def read_sheet(path: Path, sheet: str | None = None, encoding: str | None = None) -> SheetData:
    """The rows of a text file (in `encoding`, one of TEXT_ENCODINGS; default: detected), or
    of a workbook's `sheet` (default: its first non-empty one)."""
    suffix = path.suffix.lower()
    size = _size(path)
    if suffix in WORKBOOK_SUFFIXES:
        if size > MAX_WORKBOOK_BYTES:
            raise SheetError(_too_big(path, MAX_WORKBOOK_BYTES))
        return _read_workbook(path, sheet, suffix)
    if size > MAX_TEXT_BYTES:
        raise SheetError(_too_big(path, MAX_TEXT_BYTES))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError(_unreadable(path, exc)) from None
    if data[:4] == b"PK\x03\x04":
        raise SheetError(
            tr(
                "{name} is a workbook (e.g. Excel) with a text file's name; "
                "rename it to .xlsx or .ods and import it again."
            ).format(name=path.name)
        )
    text, encoding = decode(data, path) if encoding is None else _decode_as(data, path, encoding)
    delimiter = "\t" if suffix == ".tsv" else detect_delimiter(text)
    rows, cut = _parse_text(text, delimiter, path)
    return SheetData(rows, encoding=encoding, delimiter=delimiter, cut_cells=cut)


def sheet_names(path: Path) -> tuple[str, ...]:
    """A workbook's sheet names in order; () for a text file."""
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return ()
    return tuple(_open_workbook(path).sheet_names)


def _size(path: Path) -> int:
    try:
        if not path.is_file():
            raise SheetError(tr("{name} is not a file.").format(name=path.name))
        return path.stat().st_size
    except OSError as exc:
        raise SheetError(_unreadable(path, exc)) from None


def _too_big(path: Path, limit: int) -> str:
    return tr(
        "{name} is larger than {mb} MB; split the list into smaller files and import each."
    ).format(name=path.name, mb=limit // (1024 * 1024))


def _unreadable(path: Path, exc: OSError) -> str:
    return tr("{name} could not be read ({reason}).").format(
        name=path.name, reason=exc.strerror or type(exc).__name__
    )


# --- text files -------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding): a BOM's encoding, else UTF-8 when it decodes, else cp1250 or cp1252 as
    charset-normalizer judges the non-ASCII lines. Binary data is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _no_binary(data.decode(encoding), path), encoding
            except UnicodeDecodeError:
                raise SheetError(_not_text(path)) from None
    try:
        return _no_binary(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise SheetError(_not_text(path))
    encoding = _legacy_encoding(data)
    try:
        return _no_binary(data.decode(encoding), path), encoding
    except UnicodeDecodeError:
        raise SheetError(
            tr(
                "Could not tell the text encoding of {name}; save it as “CSV UTF-8” "
                "and import it again."
            ).format(name=path.name)
        ) from None


def _decode_as(data: bytes, path: Path, encoding: str) -> tuple[str, str]:
    """The text in the encoding the operator chose; SheetError when it is none of those
    offered or does not fit the bytes."""
    if encoding not in TEXT_ENCODINGS:
        raise SheetError(
            tr("{encoding} is not an encoding this import reads; choose one of {known}.").format(
                encoding=encoding, known=", ".join(TEXT_ENCODINGS)
            )
        )
    try:
        return _no_binary(data.decode(encoding), path), encoding
    except UnicodeDecodeError:
        raise SheetError(
            tr("{name} cannot be read as {encoding}; choose another encoding.").format(
                name=path.name, encoding=encoding
            )
        ) from None


# Between letters, these come from reading cp1250 letters (ł ą ż ź Ľ ľ Ł Ą Ż Ş ş) as cp1252,
# or cp1252 letters (ñ aside, see below) as cp1250 marks: a reading that has them is wrong.
_CP1252_MISREAD = re.compile(r"\w[£¥ª¯³¹º¼¾¿Ÿ]|[£¥ª¯³¹º¼¾¿Ÿ]\w")
_CP1250_MISREAD = re.compile(r"\w[ˇ˘˛˝˙]|[ˇ˘˛˝˙]\w")


def _legacy_encoding(data: bytes) -> str:
    """cp1250 (Central European) or cp1252 (Western): charset-normalizer's best guess, unless
    one reading puts symbols inside words, or the only difference is ñ (Spanish; Polish ń
    never comes alone)."""
    from charset_normalizer import from_bytes

    sample = b"\n".join(line for line in data.splitlines() if not line.isascii())[: 256 * 1024]
    western = sample.decode("cp1252", errors="replace")
    central = sample.decode("cp1250", errors="replace")
    if _CP1252_MISREAD.search(western) and not _CP1250_MISREAD.search(central):
        return "cp1250"
    if _CP1250_MISREAD.search(central) and not _CP1252_MISREAD.search(western):
        return "cp1252"
    if {w for w, c in zip(western, central, strict=True) if w != c} <= {"ñ", "Ñ"}:
        return "cp1252"
    # The reading whose letters fewer languages of its code page explain: French read as
    # cp1250 has č, ŕ and ű, which no two Central European languages share with its ç.
    needed = _languages(western, _WESTERN), _languages(central, _CENTRAL)
    if needed[0] != needed[1]:
        return "cp1252" if needed[0] < needed[1] else "cp1250"
    # Its ranking over all code pages tells these two apart better than a run on just the two.
    ranked = [m.encoding for m in from_bytes(sample[: 64 * 1024])]
    return next((e for e in ranked if e in ("cp1250", "cp1252")), "cp1252")


# The letters beyond ASCII of the languages written in each code page, lower case.
_WESTERN_LETTERS = {
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúüª",
    "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú",
    "nl": "áéíóúëïèöü",
    "ca": "àçéèíïòóúü",
    "sv": "åäöé",
    "da": "æøåé",
    "is": "áðéíóúýþæö",
}
_CENTRAL_LETTERS = {
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż",
    "hu": "áéíóöőúüű",
    "hr": "čćđšž",
    "sl": "čšž",
    "ro": "ăâîşţ",
    "sq": "çë",
    "de": "äöüß",
}
_COVER_MAX = 3  # more languages than this in one list: no evidence either way


def _covers(letters: dict[str, str]) -> list[list[frozenset[str]]]:
    """By size - 1: the letters of each group of 1 to _COVER_MAX languages together."""
    sets = [frozenset(alphabet) for alphabet in letters.values()]
    return [
        [frozenset().union(*group) for group in combinations(sets, size)]
        for size in range(1, _COVER_MAX + 1)
    ]


_WESTERN, _CENTRAL = _covers(_WESTERN_LETTERS), _covers(_CENTRAL_LETTERS)


def _languages(text: str, covers: list[list[frozenset[str]]]) -> int:
    """How many languages at least (of a code page's `covers`) it takes to write the letters
    of `text` beyond ASCII (_COVER_MAX + 1: more, or a letter none of them has)."""
    letters = {c for c in text.lower() if not c.isascii() and c.isalpha()}
    if not letters:
        return 0
    for size, groups in enumerate(covers, start=1):
        if any(letters <= group for group in groups):
            return size
    return _COVER_MAX + 1


def _no_binary(text: str, path: Path) -> str:
    if "\x00" in text:
        raise SheetError(_not_text(path))
    return text


def _not_text(path: Path) -> str:
    return tr(
        "{name} is not a text or spreadsheet file; import a .csv, .tsv, .txt, .xlsx, .xls "
        "or .ods file."
    ).format(name=path.name)


def detect_delimiter(text: str) -> str:
    """The delimiter among `, ; TAB |` found the same number of times (outside quotes) on the
    most of the first lines; a comma when none is found (one column)."""
    lines = text[: 1024 * 1024].splitlines()[:_SNIFF_LINES]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [_count_outside_quotes(line, delimiter) for line in lines if line.strip()]
        counts = [c for c in counts if c]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode), mode)  # consistent lines first, then more columns
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _count_outside_quotes(line: str, delimiter: str) -> int:
    if '"' not in line:
        return line.count(delimiter)
    return sum(part.count(delimiter) for part in line.split('"')[::2])


def _parse_text(text: str, delimiter: str, path: Path) -> tuple[list[list[str]], int]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    cut = 0
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(MAX_CSV_FIELD)  # WORKAROUND: the limit is process-wide
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise SheetError(_too_many_rows(path))
            row, cut_here = _fit(row, len(rows) + 1, path)
            cut += cut_here
            rows.append(row)
    except csv.Error as exc:
        raise SheetError(
            tr("Row {row} of {name} could not be read ({reason}); check it and try again.").format(
                row=len(rows) + 1, name=path.name, reason=str(exc)
            )
        ) from None
    finally:
        csv.field_size_limit(limit)
    return rows, cut


def _fit(row: list[str], number: int, path: Path) -> tuple[list[str], int]:
    """The row without its trailing empty cells, long cells cut; too many columns refused."""
    while row and not row[-1]:
        row.pop()
    if len(row) > MAX_COLUMNS:
        raise SheetError(
            tr(
                "Row {row} of {name} has {count} columns, more than {limit}; check the file's "
                "delimiter, or remove the extra columns."
            ).format(
                row=number, name=path.name, count=grouped(len(row)), limit=grouped(MAX_COLUMNS)
            )
        )
    if not row or max(map(len, row)) <= MAX_CELL_CHARS:  # the usual row: no cell to cut
        return row, 0
    cut = 0
    for i, cell in enumerate(row):
        if len(cell) > MAX_CELL_CHARS:
            row[i] = cell[:MAX_CELL_CHARS]
            cut += 1
    return row, cut


def _too_many_rows(path: Path) -> str:
    return tr("{name} has more than {limit} rows; split it into smaller files.").format(
        name=path.name, limit=grouped(MAX_ROWS)
    )


def write_csv(path: Path, rows: list[list[str]]) -> None:
    """A CSV in UTF-8 with a BOM (Excel then reads its accents right); StorageError if not."""
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            csv.writer(stream).writerows(rows)
    except OSError as exc:
        raise StorageError(
            tr("{name} could not be written ({reason}).").format(
                name=path.name, reason=os_reason(exc)
            )
        ) from None


# --- workbooks --------------------------------------------------------------------------------


def _open_workbook(path: Path) -> Any:
    if path.suffix.lower() != ".xls":
        _check_zip(path)
    from python_calamine import CalamineWorkbook

    return _calamine(lambda: CalamineWorkbook.from_path(str(path)), path)


def _calamine(call: Any, path: Path) -> Any:
    """`call()`, with anything calamine raises (a Rust panic too) as one sentence."""
    try:
        return call()
    except (KeyboardInterrupt, SystemExit, GeneratorExit, SheetError):
        raise
    except BaseException as exc:  # pyo3's PanicException derives from BaseException
        raise SheetError(
            tr(
                "{name} is not a spreadsheet this app can read ({reason}); save it again "
                "as .xlsx or .csv."
            ).format(name=path.name, reason=type(exc).__name__)
        ) from None


def _read_workbook(path: Path, sheet: str | None, suffix: str) -> SheetData:
    workbook = _open_workbook(path)
    names = tuple(workbook.sheet_names)
    if sheet is not None and sheet not in names:
        raise SheetError(
            tr("{name} has no sheet named “{sheet}”; its sheets are: {names}.").format(
                name=path.name, sheet=sheet, names=", ".join(names)
            )
        )
    chosen = [sheet] if sheet is not None else list(names)
    for name in chosen:
        raw = _calamine(
            lambda n=name: _rows_from_a1(workbook.get_sheet_by_name(n)),
            path,
        )
        if len(raw) > MAX_ROWS:
            raise SheetError(_too_many_rows(path))
        rows, cut = _cells_as_text(raw, path)
        if rows or sheet is not None:
            return SheetData(rows, names, name, cut_cells=cut)
    return SheetData([], names, names[0] if names else None)


def _rows_from_a1(sheet: Any) -> list[list[Any]]:
    """The sheet's rows from cell A1, as `to_python(skip_empty_area=False)` gives them, but
    read a row at a time: `to_python` holds the GIL while it makes every cell of 100,000 rows
    (and the window's thread waits), `iter_rows` lets it go between rows. `iter_rows` starts
    at the sheet's first column with a value (and, in some versions, row): the empty area
    before it is put back."""
    if sheet.start is None:
        return []
    left = sheet.start[1]
    pad = [""] * left
    rows: list[list[Any]] = []
    for row in sheet.iter_rows():
        rows.append(pad + row if left else row)
        if len(rows) > MAX_ROWS:
            break
    missing = min(sheet.end[0] + 1, MAX_ROWS + 1) - len(rows)
    if missing > 0:
        width = sheet.end[1] + 1
        rows[:0] = [[""] * width for _ in range(missing)]
    return rows


def _cells_as_text(raw: list[list[Any]], path: Path) -> tuple[list[list[str]], int]:
    rows: list[list[str]] = []
    cut = 0
    for number, values in enumerate(raw, start=1):
        row, cut_here = _fit([v if type(v) is str else cell_text(v) for v in values], number, path)
        cut += cut_here
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows, cut


def cell_text(value: Any) -> str:
    """A workbook cell as text, exactly: integral floats without ".0"; floats past 2**53 in
    scientific notation (their digits are already lost); dates in ISO form."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if abs(value) >= _EXACT_FLOAT:
            return f"{value:.15E}"
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


# --- the zip inside .xlsx and .ods, checked before calamine allocates anything ------------------

_XLSX_ROW = re.compile(rb' r="[A-Z]{0,3}(\d{1,9})"')
_XLSX_COLUMN = re.compile(rb' r="([A-Z]{1,3})\d{1,9}"')
_ODS_REPEAT = re.compile(rb'number-(rows|columns)-repeated="(\d+)"')
_CHUNK = 1 << 20


def _check_zip(path: Path) -> None:
    """Refuse a zip bomb and a sheet whose cells span more than MAX_CELLS: calamine allocates
    a sheet's whole rectangle at once and aborts the process when that fails."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise SheetError(_bomb(path))
            for info in infos:
                name = info.filename
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    _check_xlsx_sheet(archive, info, path)
                elif name == "content.xml":
                    _check_ods_content(archive, info, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise SheetError(
            tr(
                "{name} is damaged or not a spreadsheet; open it in its program and save it again."
            ).format(name=path.name)
        ) from None
    except OSError as exc:
        raise SheetError(_unreadable(path, exc)) from None


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> Any:
    """The entry's bytes a chunk at a time, never more than it says it holds."""
    read = 0
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            read += len(chunk)
            if read > info.file_size or read > MAX_UNPACKED_BYTES:
                raise SheetError(_bomb(path))
            yield chunk


def _check_xlsx_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Bound the sheet by its rows' and cells' references (`r="B12"`): the lowest and highest
    row, and the columns named (a sheet names a few distinct ones, however many cells)."""
    lowest_row, highest_row = 1 << 40, 0
    letters: set[bytes] = set()
    tail = b""
    for chunk in _chunks(archive, info, path):
        data = tail + chunk
        # A reference cut by the chunk's end is whole in the next one's start; one read twice
        # changes no lowest or highest.
        tail = data[-32:]
        rows = _XLSX_ROW.findall(data)
        if rows:
            numbers = list(map(int, rows))
            lowest_row = min(lowest_row, min(numbers))
            highest_row = max(highest_row, max(numbers))
        letters.update(_XLSX_COLUMN.findall(data))
    height = highest_row - lowest_row + 1 if highest_row else 0
    columns = [_column_number(c) for c in letters if c]
    width = max(columns) - min(columns) + 1 if columns else 0
    _check_extent(height, width, path)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_ods_content(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Repeated rows and cells multiply: bound the sheet by the largest repeats that carry a
    value (LibreOffice's trailing empty repeats allocate nothing)."""
    rows, columns = 1, 1
    tail = b""
    for chunk in _chunks(archive, info, path):
        data = tail + chunk
        cut = max(0, len(data) - 600)
        tail = data[cut:]
        for match in _ODS_REPEAT.finditer(data):
            if match.start() >= cut:
                break
            count = int(match[2])
            if count > 1 and b"value-type" in data[match.end() : match.end() + 512]:
                if match[1] == b"rows":
                    rows = max(rows, count)
                else:
                    columns = max(columns, count)
    if _ODS_REPEAT.search(tail) and b"value-type" in tail:
        rows = max([rows, *(int(m[2]) for m in _ODS_REPEAT.finditer(tail) if m[1] == b"rows")])
    _check_extent(rows, columns, path)


def _check_extent(height: int, width: int, path: Path) -> None:
    if height > MAX_ROWS or width > MAX_COLUMNS or height * width > MAX_CELLS:
        raise SheetError(
            tr(
                "{name} spans {rows} rows by {columns} columns, more than a recipient list "
                "can hold; copy the list into a new sheet and save it again."
            ).format(name=path.name, rows=grouped(height), columns=grouped(width))
        )


def _bomb(path: Path) -> str:
    return tr(
        "{name} unpacks to more than {mb} MB, which no recipient list needs; it may be "
        "damaged. Save the list again, or as .csv."
    ).format(name=path.name, mb=MAX_UNPACKED_BYTES // (1024 * 1024))
