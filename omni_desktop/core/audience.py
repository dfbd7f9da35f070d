"""Rows of a spreadsheet as recipients: the header row, which column is what, and one
`ImportedRow` per row with every other column kept as a field (for personalisation).

Numbers are never normalised here: a Destination keeps the cell's text (cleaned of what the
spreadsheet did to it) and `check_phone` is the one rule that reads it. Spreadsheet damage is
undone only where exact: "41793026727.0" loses its ".0"; a national number that lost its
leading 0 gets it back when only the 0-prefixed reading is valid in the default country;
scientific notation ("4.17930E+10") has lost digits and is refused, never guessed.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from omni_desktop.core.addresses import check_email, check_phone
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import Destination


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ is slow for 100,000 rows
class ImportedRow:
    row: int  # 1-based row in the file
    destination: Destination  # phone, e-mail and message ID as in the file (not normalised)
    fields: dict[str, str] = field(default_factory=dict)  # every other column, by header name
    problem: str | None = None  # why the row cannot be sent, in plain words
    # The normalised phone digits and case-folded e-mail (None where absent or invalid): what
    # duplicates and exclusions are matched on.
    keys: tuple[str | None, str | None] = (None, None)


@dataclass(frozen=True)
class Mapping:
    """Which column (0-based) holds the phone, the e-mail and the message ID; None: none."""

    phone: int | None = None
    email: int | None = None
    message_id: int | None = None

    def columns(self) -> set[int]:
        return {c for c in (self.phone, self.email, self.message_id) if c is not None}


def _key(label: str) -> str:
    """A header label compared without case, accents, spaces or punctuation."""
    plain = unicodedata.normalize("NFKD", label.casefold())
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c))


PHONE_LABELS = frozenset(
    _key(w)
    for w in (
        "Phone", "Phone number", "Mobile", "Mobile phone", "Mobile number", "Mobil",
        "Mobilnummer", "Mobiltelefon", "Handy", "Handynummer", "Telefon", "Telefonnummer",
        "Tel", "Tel.", "Tel. Nr.", "Natel", "Rufnummer", "MSISDN", "Cell", "Cell phone",
        "Cellphone", "Téléphone", "Portable", "Numéro", "Numéro de téléphone", "Cellulare",
        "Telefono", "Numero di telefono", "Móvil", "Teléfono", "Celular", "Telefone",
        "Telemóvel", "Mobitel", "GSM", "Telefoon", "Mobiel", "Telefonszám", "Komórka",
        "Mobilní telefon", "Number", "Nummer", "To", "Destination", "Recipient",
    )
)  # fmt: skip
EMAIL_LABELS = frozenset(
    _key(w)
    for w in (
        "E-Mail", "Email", "Mail", "E-Mail-Adresse", "Email address", "E-mail address",
        "Mail address", "Courriel", "Adresse e-mail", "Adresse électronique", "Correo",
        "Correo electrónico", "Posta", "Posta elettronica", "E-posta", "E-post", "Sähköposti",
        "E-pošta", "Pošta", "Emailadres",
    )
)  # fmt: skip
ID_LABELS = frozenset(
    _key(w)
    for w in (
        "Message ID", "MessageId", "message_id", "Msg ID", "ID", "Ref", "Reference",
        "Referenz", "Référence", "Referencia", "Riferimento", "External ID",
    )
)  # fmt: skip
_PARTS = (("phone", ("phone", "mobil", "handy", "telef", "natel", "msisdn")), ("email", ("mail",)))

_DIGITS = re.compile(r"\d")
_NUMBER_CELL = re.compile(r"\+?[\d\s().\-/]*\d[\d\s().\-/]*")
SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+")
_FLOAT_TAIL = re.compile(r"(\+?\d+)\.0+")


def is_data_cell(text: str) -> bool:
    """A cell that looks like an address (a number of 6+ digits, or an e-mail), not a label."""
    text = text.strip()
    if "@" in text:
        return True
    if SCIENTIFIC.fullmatch(text):
        return True
    return bool(_NUMBER_CELL.fullmatch(text)) and len(_DIGITS.findall(text)) >= 6


def detect_header(rows: Sequence[Sequence[str]]) -> int | None:
    """The 0-based index of the header row (the first non-blank row, when its cells are labels
    rather than numbers or e-mails), or None when the data starts at once."""
    first = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if first is None:
        return None
    cells = [c.strip() for c in rows[first] if c.strip()]
    if any(is_data_cell(c) for c in cells):
        return None
    if any(_key(c) in PHONE_LABELS | EMAIL_LABELS | ID_LABELS for c in cells):
        return first
    # Unknown labels: a header when some row below holds addresses where this one has words.
    below = next((row for row in rows[first + 1 : first + 20] if any(map(is_data_cell, row))), None)
    return first if below is not None else None


def header_names(header: Sequence[str] | None, width: int) -> list[str]:
    """A name per column: the header's (blank ones "Column N"; repeats get " (2)")."""
    names: list[str] = []
    seen: set[str] = set()
    for i in range(width):
        name = header[i].strip() if header is not None and i < len(header) else ""
        name = name or tr("Column {n}").format(n=i + 1)
        unique, n = name, 2
        while unique in seen:
            unique, n = f"{name} ({n})", n + 1
        seen.add(unique)
        names.append(unique)
    return names


def propose_mapping(headers: Sequence[str] | None, sample: Sequence[Sequence[str]]) -> Mapping:
    """Columns for phone, e-mail and message ID: by header name in common languages first,
    then by content (most cells numbers, or most cells holding an @)."""
    found: dict[str, int] = {}
    keys = [_key(h) for h in headers] if headers is not None else []
    for kind, labels in (("phone", PHONE_LABELS), ("email", EMAIL_LABELS), ("id", ID_LABELS)):
        at = next((i for i, k in enumerate(keys) if k in labels), None)
        if at is not None and at not in found.values():
            found[kind] = at
    for kind, parts in _PARTS:
        if kind not in found:
            at = next(
                (
                    i
                    for i, k in enumerate(keys)
                    if i not in found.values() and any(p in k for p in parts)
                ),
                None,
            )
            if at is not None:
                found[kind] = at
    width = max((len(row) for row in sample), default=len(keys))
    for kind in ("phone", "email"):
        if kind not in found:
            at = _by_content(sample, width, kind, set(found.values()))
            if at is not None:
                found[kind] = at
    return Mapping(found.get("phone"), found.get("email"), found.get("id"))


def _by_content(
    sample: Sequence[Sequence[str]], width: int, kind: str, taken: set[int]
) -> int | None:
    best, best_share = None, 0.6  # most of a column's non-empty cells, at least
    for column in range(width):
        if column in taken:
            continue
        cells = [row[column].strip() for row in sample[:50] if column < len(row)]
        cells = [c for c in cells if c]
        if not cells:
            continue
        if kind == "email":
            hits = sum("@" in c for c in cells)
        else:
            hits = sum("@" not in c and is_data_cell(c) for c in cells)
        share = hits / len(cells)
        if share > best_share:
            best, best_share = column, share
    return best


def clean_phone(text: str, region: str | None) -> tuple[str, str | None]:
    """(the number as the file meant it, problem): ".0" of a number stored as a float dropped,
    a lost leading 0 restored where only that reading is valid, scientific notation refused."""
    return _clean_phone(text.strip(), region)


def _clean_phone(text: str, region: str | None) -> tuple[str, str | None]:
    """`clean_phone` of a stripped cell; the regular expressions only run where they can match
    (an "e", a trailing ".0"), as most cells hold neither."""
    if ("e" in text or "E" in text) and SCIENTIFIC.fullmatch(text):
        return text, tr(
            "The number {text} is in scientific notation: digits lost by the spreadsheet. "
            "Format the column as text in the spreadsheet, type the numbers again and export."
        ).format(text=text)
    if text[-1:] == "0" and "." in text:
        tail = _FLOAT_TAIL.fullmatch(text)
        if tail:
            text = tail[1]
    if (
        region
        and text.isascii()
        and text.isdigit()
        and text[0] != "0"
        and check_phone(text, region)[0] is None
        and check_phone("0" + text, region)[0]
    ):
        return "0" + text, None
    return text, None


def convert_row(
    number: int,
    cells: Sequence[str],
    names: Sequence[str],
    mapping: Mapping,
    region: str | None,
) -> ImportedRow | None:
    """One row as a recipient (None for a blank row); `problem` says why it cannot be sent."""
    return RowConverter(names, mapping, region)(number, cells)


class RowConverter:
    """`convert_row` for every row of one file: what the mapping decides is worked out once,
    and each address is checked once (its normalised form kept as the row's `keys`).

    It runs for every row of a 100,000-row list, so the common row takes the short way: the
    field columns are picked in one C call, and a cell is stripped once."""

    def __init__(self, names: Sequence[str], mapping: Mapping, region: str | None) -> None:
        taken = mapping.columns()
        fields = [(i, name) for i, name in enumerate(names) if i not in taken]
        self._fields = fields
        self._names = tuple(name for _i, name in fields)
        # Cells of rows wide enough to hold every field column, picked at once.
        self._reach = max((i for i, _name in fields), default=-1) + 1
        self._pick: Callable[[Sequence[str]], tuple[str, ...]] = (
            operator.itemgetter(*(i for i, _name in fields))
            if len(fields) > 1
            else (lambda cells: (cells[fields[0][0]],))
            if fields
            else (lambda _cells: ())
        )
        self._phone, self._email, self._id = mapping.phone, mapping.email, mapping.message_id
        self._region = region

    def __call__(self, number: int, cells: Sequence[str]) -> ImportedRow | None:
        if not any(map(str.strip, cells)):
            return None
        width = len(cells)
        at = self._phone
        phone = cells[at].strip() if at is not None and at < width else ""
        at = self._email
        email = cells[at].strip() if at is not None and at < width else ""
        at = self._id
        message_id = cells[at].strip() if at is not None and at < width else ""
        if width >= self._reach:
            fields = dict(zip(self._names, self._pick(cells), strict=True))
        else:
            fields = {name: cells[i] for i, name in self._fields if i < width}
        problem = None
        phone_key = email_key = None
        if phone:
            phone, problem = _clean_phone(phone, self._region)
            if problem is None:
                phone_key, problem = check_phone(phone, self._region)
        if email:
            normalised, email_problem = check_email(email)
            if normalised:
                email_key = normalised.casefold()
            elif problem is None:
                problem = email_problem
        elif not phone:
            problem = tr("The row has no phone number or e-mail address.")
        destination = Destination(phone or None, email or None, message_id or None, fields=fields)
        return ImportedRow(number, destination, fields, problem, (phone_key, email_key))


def address_keys(destination: Destination, region: str | None) -> tuple[str | None, str | None]:
    """(normalised phone digits, normalised e-mail) of a destination; None where it has none
    or it is invalid. The same keys find duplicates and excluded addresses."""
    phone = check_phone(destination.phone, region)[0] if destination.phone else None
    email = check_email(destination.email)[0] if destination.email else None
    return phone, (email.casefold() if email else None)
