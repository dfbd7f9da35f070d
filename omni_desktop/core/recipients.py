"""Recipients pasted as text: one per line, a phone, an e-mail and a message ID in any order.

Tokens are split on tab, comma or semicolon (what spreadsheets and CSV files give), and also
around an e-mail address, so `+41 79 302 67 27 ana@example.com` reads as two. Addresses are
kept as typed; `core.validation` normalises and checks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from omni_desktop.core.i18n import tr
from omni_desktop.core.message import Destination


@dataclass(frozen=True)
class ParsedRecipient:
    line: int  # 1-based line number in the pasted text
    destination: Destination  # phone, e-mail and messageId as typed (not normalised)
    problem: str | None  # why the line could not be understood, in plain words


_DELIMITERS = re.compile(r"[\t,;]")
_PHONE_LIKE = re.compile(r"\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*")
_NUMBER_START = re.compile(r"\+?\(?[0-9]")
_HEADER_WORDS = frozenset(
    {
        "phone", "phonenumber", "phone number", "number", "mobile", "msisdn", "to", "tel",
        "email", "e-mail", "emailaddress", "email address", "e-mail address", "mail",
        "messageid", "message id", "message_id", "id",
    }
)  # fmt: skip
_QUOTES = "\"' "


def parse_recipients(text: str) -> list[ParsedRecipient]:
    """One `ParsedRecipient` per non-blank line; header lines are skipped."""
    out: list[ParsedRecipient] = []
    append = out.append
    for number, raw_line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw_line.strip()
        if _PHONE_LIKE.fullmatch(line):  # the usual paste: one bare number per line
            append(ParsedRecipient(number, Destination(line), None))
        elif line:
            tokens = _tokens(line)
            if not _is_header(tokens):
                append(_recipient(number, line, tokens))
    return out


_EMAIL, _PHONE, _NEAR_PHONE, _OTHER = "email", "phone", "near", "other"
_Token = tuple[str, str]  # kind, text


def _kind(token: str) -> str:
    if "@" in token:
        return _EMAIL
    if _PHONE_LIKE.fullmatch(token):
        return _PHONE
    # A number with a typo ("+41 79 3O2 67 27") stays a phone, so validation can say what is
    # wrong with it; it yields to a clean number on the same line.
    if _NUMBER_START.match(token) and sum(map(str.isdigit, token)) >= 6:
        return _NEAR_PHONE
    return _OTHER


def _tokens(line: str) -> list[_Token]:
    fields = _DELIMITERS.split(line) if _DELIMITERS.search(line) else (line,)
    tokens: list[_Token] = []
    for field in fields:
        token = field.strip(_QUOTES)
        if not token:
            continue
        if "@" in token and " " in token:
            tokens.extend(_split_at_emails(token))
        else:
            tokens.append((_kind(token), token))
    return tokens


def _split_at_emails(field: str) -> list[_Token]:
    """`+41 79 302 67 27 ana@example.com m-1` -> the words before, the e-mail, the words after."""
    tokens: list[_Token] = []
    words: list[str] = []
    for word in [*field.split(), "@"]:  # a final "@" flushes the last words
        if "@" in word:
            if words:
                text = " ".join(words)
                tokens.append((_kind(text), text))
                words = []
            if word != "@":
                tokens.append((_EMAIL, word))
        else:
            words.append(word)
    return tokens


def _is_header(tokens: list[_Token]) -> bool:
    return all(kind == _OTHER and text.lower() in _HEADER_WORDS for kind, text in tokens)


def _first(tokens: list[_Token], kind: str) -> int | None:
    return next((i for i, token in enumerate(tokens) if token[0] == kind), None)


def _recipient(number: int, line: str, tokens: list[_Token]) -> ParsedRecipient:
    email_at = _first(tokens, _EMAIL)
    phone_at = _first(tokens, _PHONE)
    if phone_at is None:
        phone_at = _first(tokens, _NEAR_PHONE)
    rest = [token for i, token in enumerate(tokens) if i not in (email_at, phone_at)]
    # What is left is the message ID (the third column), or words nobody asked for.
    id_at = next((i for i, (kind, _) in enumerate(rest) if kind != _EMAIL), None)
    destination = Destination(
        phone=None if phone_at is None else tokens[phone_at][1],
        email=None if email_at is None else tokens[email_at][1],
        message_id=None if id_at is None else rest[id_at][1],
    )
    leftovers = [text for i, (_, text) in enumerate(rest) if i != id_at]
    problem = None
    if phone_at is None and email_at is None:
        problem = tr("No phone number or e-mail address in “{line}”.").format(line=line)
    elif leftovers:
        problem = tr(
            "Could not tell what “{extra}” is; a line holds a phone number, an e-mail address "
            "and a message ID at most."
        ).format(extra=", ".join(leftovers))
    return ParsedRecipient(number, destination, problem)
