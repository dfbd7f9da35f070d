"""Recipient addresses: phone numbers to international digits, e-mail addresses checked offline.

Both checks are cached: the recipients editor calls them per row on every keystroke.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import phonenumbers
    from email_validator import EmailNotValidError, validate_email
    from phonenumbers import NumberParseException, ValidationResult
else:  # bound by _load() on the first check: together they take ~90 ms to import
    phonenumbers = NumberParseException = ValidationResult = None
    EmailNotValidError = validate_email = None

from omni_desktop.core.i18n import tr

_CACHE_SIZE = 1 << 18  # room for a 100,000-row list with its edits


def _load() -> None:
    """Import the checkers when the first address is checked, not when the app starts."""
    global phonenumbers, NumberParseException, ValidationResult, EmailNotValidError
    global validate_email, _loaded
    import email_validator
    import phonenumbers as numbers

    phonenumbers = numbers
    NumberParseException = numbers.NumberParseException  # type: ignore[misc]
    ValidationResult = numbers.ValidationResult  # type: ignore[misc]
    EmailNotValidError = email_validator.EmailNotValidError  # type: ignore[misc]
    validate_email = email_validator.validate_email
    _loaded = True


_loaded = False


class InvalidPhoneNumber(ValueError):
    """A phone number that cannot be dialled; `str(error)` is the reason in plain words."""


# Separators people type inside a number; the API wants none of them.
_SEPARATORS = str.maketrans("", "", " \t\u00a0\u202f-.()/")
_DIGITS = re.compile(r"[0-9]+")


def _too_short() -> str:
    return tr("The number is too short; check for missing digits and the country code.")


def _reason(result: int, country_code: int) -> str:
    if result == ValidationResult.INVALID_COUNTRY_CODE:
        return tr(
            "The number does not start with a known country code; "
            "write it with its country code, e.g. +41 79 302 67 27."
        )
    if result == ValidationResult.TOO_LONG:
        return tr("The number is too long; check for extra digits.")
    if result == ValidationResult.INVALID_LENGTH:
        return tr("The number has the wrong number of digits for country code +{code}.").format(
            code=country_code
        )
    return _too_short()  # TOO_SHORT, or IS_POSSIBLE_LOCAL_ONLY: the area code is missing


def _parse_error(error: NumberParseException) -> str:
    if error.error_type == NumberParseException.INVALID_COUNTRY_CODE:
        return _reason(ValidationResult.INVALID_COUNTRY_CODE, 0)
    if error.error_type == NumberParseException.TOO_LONG:
        return _reason(ValidationResult.TOO_LONG, 0)
    return _too_short()  # NOT_A_NUMBER and TOO_SHORT_*: only digits get this far


# is_possible_number_with_reason looks at nothing but the length of the national number (its
# docs say so), so one answer per country code and length serves every number, and is cheap.
_LENGTH_VERDICTS: dict[tuple[int, int], int] = {}

_Checked = tuple[str | None, str | None]  # (international digits, None) or (None, reason)


def _try(text: str, region: str | None) -> _Checked:
    """One reading of the number: as international ("+..."), or as national in `region`."""
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as error:
        return None, _parse_error(error)
    if number.italian_leading_zero:  # leading zeros (Italy) that the int national_number drops
        national = phonenumbers.national_significant_number(number)
    else:
        national = str(number.national_number)
    key = (number.country_code or 0, len(national))
    result = _LENGTH_VERDICTS.get(key)
    if result is None:
        result = _LENGTH_VERDICTS[key] = phonenumbers.is_possible_number_with_reason(number)
    if result == ValidationResult.IS_POSSIBLE:
        return f"{key[0]}{national}", None
    return None, _reason(result, key[0])


@lru_cache(maxsize=_CACHE_SIZE)
def check_phone(raw: str, default_region: str | None = None) -> _Checked:
    """(international digits, None) or (None, reason): `normalise_phone` without raising."""
    if not _loaded:
        _load()
    text = raw.strip()
    compact = text.replace(" ", "")  # the usual separator, and the cheapest to drop
    if not (compact.isascii() and compact.lstrip("+").isdigit()):
        compact = compact.translate(_SEPARATORS)
    if compact[:1] == "+":
        digits, international = compact[1:], True
    elif compact[:2] == "00":
        digits, international = compact[2:], True
    else:
        digits, international = compact, False
    if not (digits.isdigit() and digits.isascii()):
        return None, _bad_characters(text, digits)
    if default_region and not international:
        national, national_reason = _try(digits, default_region)
        if national is not None:
            return national, None
        fallback = _try("+" + digits, None)
        return fallback if fallback[0] is not None else (None, national_reason)
    return _try("+" + digits, None)


def normalise_phone(raw: str, default_region: str | None = None) -> str:
    """International digits without '+', e.g. "41793026727"; raises InvalidPhoneNumber.

    `+41…` and `0041…` are international. Bare digits are international too (the API's own
    form) unless `default_region` is given and they make a possible number there.
    """
    normalised, reason = check_phone(raw, default_region)
    if normalised is None:
        raise InvalidPhoneNumber(reason)
    return normalised


def _bad_characters(text: str, digits: str) -> str:
    if not text:
        return tr("The number is empty.")
    if any(c.isalpha() for c in digits):
        return tr("The number has letters in it; use digits only.")
    if not _DIGITS.search(digits):
        return tr("This is not a phone number: it has no digits.")
    odd = next(c for c in digits if not ("0" <= c <= "9"))
    if odd == "+":
        return tr("A '+' can only come first, before the country code.")
    return tr(
        "The number has '{char}' in it; use digits, spaces, dashes, dots and brackets."
    ).format(char=odd)


@lru_cache(maxsize=_CACHE_SIZE)
def check_email(raw: str) -> tuple[str | None, str | None]:
    """(normalised, None) or (None, reason). Syntax only: never a DNS query."""
    if not _loaded:
        _load()
    text = raw.strip()
    if not text:
        return None, tr("The e-mail address is empty.")
    try:
        return validate_email(text, check_deliverability=False).normalized, None
    except EmailNotValidError as error:
        return None, str(error)  # already one plain sentence
