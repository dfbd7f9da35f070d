"""Recipient addresses: phone numbers to international digits, e-mail addresses checked offline.

Phone numbers follow one rule, the same everywhere the app reads a number:

- `+41 79…` and `0041 79…` are international, whatever the default region.
- Without a default region, bare digits are international too: the API's own form, `41793026727`.
- With a default region (the account's country, e.g. CH), bare digits are read both ways, and
  1. if they make a valid international number they stay international (`447911123456`);
  2. else, if they make a valid number in the region, they are national: national numbers are
     written with the region's trunk prefix (`079 302 67 27` under CH is `41793026727`);
  3. else a merely possible reading is taken (a range newer than the metadata), the
     international one first;
  4. else the number is refused, with the reason the national reading gave.
  Where both readings are valid and differ, the way the number is written decides: digits
  grouped exactly as the region writes its own numbers (`(201) 555-0123` under US,
  `8 (491) 234-56-78` under RU) are national; grouped as the other country writes its
  numbers for abroad (`20 15 550123` under US, for Egypt), international. Otherwise the
  international one is taken and the answer carries a note naming both (`phone_note`), which
  validation shows as a warning: nothing is guessed silently (bare 84912345678 under RU is
  +84 912 345 678 in Vietnam, with a note that +7 491 234-56-78 in Russia is written with +7).

The digits returned are canonical: `+` and them read back as themselves. They are written
without groups, so the grouping never decides for them. Checked again as bare
digits they read back as themselves under every region whenever they form a valid number, and
under the same region when they came from bare digits (a merely possible number that would
become another, valid one is refused instead). So normalising a normalised number changes
nothing, and neither does opening a draft under another account. Both checks are cached: the
recipients editor calls them per row, and validation then calls them with the same arguments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import phonenumbers
    from email_validator import EmailNotValidError, validate_email
    from phonenumbers import NumberParseException, PhoneNumber, ValidationResult

    engine = phonenumbers
else:  # bound by _load() on the first check: together they are slow to import
    phonenumbers = engine = NumberParseException = ValidationResult = PhoneNumber = None
    EmailNotValidError = validate_email = None

from omni_desktop.core import country_names, phone_engine
from omni_desktop.core.i18n import tr

_CACHE_SIZE = 1 << 18  # room for a 100,000-row list with its edits


def _load(name: str | None = None) -> None:
    """Import the checkers when the first address is checked, not when the app starts.

    `engine` parses and checks numbers (`core.phone_engine` picks it); `phonenumbers` answers
    everything else (metadata, country names), whichever the engine.
    """
    global phonenumbers, engine, NumberParseException, ValidationResult, PhoneNumber
    global EmailNotValidError, validate_email, _loaded
    import email_validator
    import phonenumbers as reference

    phonenumbers = reference
    engine = phone_engine.choose(name)
    NumberParseException = engine.NumberParseException  # type: ignore[misc]
    ValidationResult = reference.ValidationResult  # type: ignore[misc]
    PhoneNumber = engine.PhoneNumber  # type: ignore[misc]
    EmailNotValidError = email_validator.EmailNotValidError  # type: ignore[misc]
    validate_email = email_validator.validate_email
    _loaded = True


def use_engine(name: str) -> str:
    """Check numbers with `name` (`phone_engine.FAST` or `REFERENCE`) from now on; its
    description. For comparisons and benchmarks, while no other thread checks numbers."""
    _load(name)
    check_phone.cache_clear()
    _LENGTH_VERDICTS.clear()
    return phone_engine.describe(engine)


def engine_description() -> str:
    """The engine that checks numbers, e.g. "rphonenumbers 0.1.0 with phonenumbers 9.0.41"."""
    if not _loaded:
        _load()
    return phone_engine.describe(engine)


_loaded = False


class InvalidPhoneNumber(ValueError):
    """A phone number that cannot be dialled; `str(error)` is the reason in plain words."""


_Checked = tuple[str | None, str | None]  # (international digits, None) or (None, reason)


class Home(NamedTuple):
    """Of a noted answer, the reading it did not take: the number in the default region."""

    digits: str  # written with `+`, it is read so
    country: str  # its country in English ("Canada" for +1 647… under US), or "+code"
    code: int  # its country calling code

    @property
    def written(self) -> str:
        """The number as the default region reads it, whatever the region: `+` and digits."""
        return "+" + self.digits


class _NotedCheck(tuple[str | None, str | None]):
    """A `check_phone` answer that also carries a note: the digits had a second reading.

    A tuple still, so `digits, reason = check_phone(...)` keeps working; only the rare
    ambiguous answers are of this type, so the common path costs nothing.
    """

    note: str
    home: Home


def phone_note(checked: _Checked) -> str | None:
    """The note that came with a `check_phone` answer (both readings named), or None."""
    return checked.note if type(checked) is _NotedCheck else None


def phone_home(checked: _Checked) -> Home | None:
    """Of a noted `check_phone` answer, the reading it did not take: the number in the
    default region; else None."""
    return checked.home if type(checked) is _NotedCheck else None


def homes_named(homes: Iterable[Home], region: str) -> str:
    """What numbers read in the default `region` are called together: their countries
    ("Canada", "Canada / United States"), else, of more than three, their one country code
    ("+1"), else the region's name ("United States")."""
    countries, codes = set(), set()
    for home in homes:
        countries.add(home.country)
        codes.add(home.code)
    if 1 <= len(countries) <= 3:
        return " / ".join(sorted(countries))
    if len(codes) == 1:
        return f"+{codes.pop()}"
    return country_names.ENGLISH.get(region, region)


# Separators people type inside a number; the API wants none of them.
_SEPARATORS = str.maketrans("", "", " \t\u00a0\u202f-.()/")
_DIGITS = re.compile(r"[0-9]+")  # a run of digits: a group as the number is written


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

# One reading: (number, international digits, None) when possible, else (None, None, reason).
_Reading = tuple["PhoneNumber | None", str | None, str | None]


def _read(text: str, region: str | None) -> _Reading:
    """One reading of the number: as international ("+..."), or as national in `region`."""
    try:
        number = engine.parse(text, region)
    except NumberParseException as error:
        return None, None, _parse_error(error)
    if number.italian_leading_zero:  # leading zeros (Italy) that the int national_number drops
        national = engine.national_significant_number(number)
    else:
        national = str(number.national_number)
    code = number.country_code or 0
    key = (code, len(national))
    result = _LENGTH_VERDICTS.get(key)
    if result is None:
        result = _LENGTH_VERDICTS[key] = engine.is_possible_number_with_reason(number)
    # A valid number is possible, whatever its length verdict: the verdict is the main region's
    # of a shared code, so it misses e.g. Canada's seven-digit +1 310 numbers.
    if result != ValidationResult.IS_POSSIBLE and not engine.is_valid_number(number):
        return None, None, _reason(result, code)
    digits = f"{code}{national}"
    trunk = _TRUNK_PREFIXES.get(code) or _trunk_prefix(code)
    if trunk.match(national) and text != "+" + digits:
        # "+31 00 58…" keeps a 0 that a parse of these digits strips as a trunk prefix: read
        # them again, so that the digits returned read back as themselves.
        return _read("+" + digits, None)
    return number, digits, None


_NOTHING = re.compile(r"(?!)")
_TRUNK_PREFIXES: dict[int, re.Pattern[str]] = {}  # one per country code seen


def _trunk_prefix(code: int) -> re.Pattern[str]:
    """What a parse strips from the start of a national number with country code `code`."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(
        code, phonenumbers.region_code_for_country_code(code)
    )
    pattern = metadata.national_prefix_for_parsing if metadata is not None else None
    found = _TRUNK_PREFIXES[code] = re.compile(pattern) if pattern else _NOTHING
    return found


@lru_cache(maxsize=_CACHE_SIZE)
def check_phone(raw: str, default_region: str | None = None) -> _Checked:
    """(international digits, None) or (None, reason): `normalise_phone` without raising.

    An answer with a second reading carries a note (`phone_note`); the rule is the module's.
    """
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
        return _bare_digits(digits, default_region, text)
    _number, normalised, reason = _read("+" + digits, None)
    return normalised, reason


def _bare_digits(digits: str, region: str, written: str = "") -> _Checked:
    """Digits without `+` or `00` under a default region (`written` as typed): steps 1-4
    of the module's rule."""
    if digits[:1] == "0":  # no country code starts with 0: a national number (or none)
        abroad, international = None, None
    else:
        abroad, international, _abroad_reason = _read("+" + digits, None)
    home, national, national_reason = _read_national(digits, region)
    if national == international:  # the same number either way (or no number): the usual case
        if international is None:
            return None, national_reason
        return _settled(international, digits, home or abroad, region)
    if abroad is None or international is None:  # only the national reading is possible
        return (
            (None, national_reason)
            if national is None
            else _settled(national, digits, home, region)
        )
    if home is None or national is None:  # only the international reading is possible
        return _settled(international, digits, abroad, region)
    if not engine.is_valid_number(home):  # valid abroad, or possible both ways
        return _settled(international, digits, abroad, region)
    if engine.is_valid_number(abroad):
        groups = _DIGITS.findall(written)
        if len(groups) > 1:  # written in groups: they may say how it was meant
            styles = phonenumbers.PhoneNumberFormat
            as_at_home = groups == _groups_of(home, styles.NATIONAL)
            as_abroad = groups == _groups_of(abroad, styles.INTERNATIONAL)
            if as_at_home != as_abroad:  # one of the two countries writes it so, not both
                return (national if as_at_home else international), None
        return _noted(international, abroad, home, national)
    return national, None


def _groups_of(number: PhoneNumber, style: int) -> list[str]:
    """The digit groups of `number` as its country writes it in `style` (`+` dropped)."""
    return _DIGITS.findall(phonenumbers.format_number(_reference(number), style))


def _settled(found: str, digits: str, number: PhoneNumber | None, region: str) -> _Checked:
    """`found`, unless it is merely possible and, checked again under `region`, would become
    another, valid number (bare 49056 under DE is +49 49056, but bare 4949056 is the valid
    +49 4949056): such digits are refused rather than changed by the next check."""
    if found == digits or number is None or engine.is_valid_number(number):
        return found, None  # `digits` again gives `found` again; a valid number stays
    again, national, _reason = _read_national(found, region)
    if again is None or national == found or not engine.is_valid_number(again):
        return found, None
    return None, tr(
        "The number is not a valid number in {country}; check the digits, or write it with + "
        "and its country code."
    ).format(country=_country(number))


# Per region, the starts of bare digits that phonenumbers reads as more than the national
# significant number: a 0, the international call prefix, the trunk prefix, the country code.
# None (always parse) when the region is unknown or shares its country code.
_SPECIAL_STARTS: dict[str, re.Pattern[str] | None] = {}
_NSN_MAX = 17  # digits in a national significant number at most; a parse says "too long"


def _read_national(digits: str, region: str) -> _Reading:
    """`_read(digits, region)`, answered from the length verdicts without parsing when the
    digits can only be the national significant number and its length is impossible (half of
    the numbers typed in the international form without `+` are so spared a parse)."""
    try:
        starts = _SPECIAL_STARTS[region]
    except KeyError:
        starts = _SPECIAL_STARTS[region] = _special_starts(region)
    if starts is None or starts.match(digits) or not 2 <= len(digits) <= _NSN_MAX:
        return _read(digits, region)
    code = phonenumbers.country_code_for_region(region)
    key = (code, len(digits))
    result = _LENGTH_VERDICTS.get(key)
    if result is None:
        number = PhoneNumber(country_code=code, national_number=int(digits))
        result = _LENGTH_VERDICTS[key] = engine.is_possible_number_with_reason(number)
    if result == ValidationResult.IS_POSSIBLE:
        return _read(digits, region)
    return None, None, _reason(result, code)


def _special_starts(region: str) -> re.Pattern[str] | None:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return None
    code = metadata.country_code or 0
    if len(phonenumbers.region_codes_for_country_code(code)) > 1:
        return None  # a shared code's length verdict is its main region's (see `_read`)
    patterns = ["0", str(code), re.escape(metadata.national_prefix or "0")]
    patterns += [
        p for p in (metadata.international_prefix, metadata.national_prefix_for_parsing) if p
    ]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _noted(digits: str, taken: PhoneNumber, other: PhoneNumber, home: str) -> _NotedCheck:
    """`digits` (the reading `taken`) with a note naming the reading `other` (its digits
    `home`) that was not."""
    checked = _NotedCheck((digits, None))
    other_country = _country(other)
    checked.home = Home(home, other_country, other.country_code or 0)
    checked.note = tr(
        "Read as {taken} ({country}); if you meant {other} in {other_country}, "
        "write it with +{code}."
    ).format(
        taken=_international(taken),
        country=_country(taken),
        other=_international(other),
        other_country=other_country,
        code=other.country_code,
    )
    return checked


def _reference(number: PhoneNumber) -> PhoneNumber:
    """The engine's `number` as phonenumbers' own, for its formats and country names."""
    if engine is phonenumbers:
        return number
    return phonenumbers.parse(engine.format_number(number, engine.PhoneNumberFormat.E164), None)


def _international(number: PhoneNumber) -> str:
    number = _reference(number)
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def _country(number: PhoneNumber) -> str:
    """The country's name in English (its main one for a shared or unknown range), or "+code"."""
    number = _reference(number)
    name = country_name(number)
    if not name:
        region = phonenumbers.region_code_for_country_code(number.country_code or 0)
        example = phonenumbers.example_number(region)  # a valid number there, so it has a name
        name = country_name(example) if example else ""
    return name or f"+{number.country_code}"


def country_name(number: PhoneNumber) -> str:
    """What phonenumbers' `geocoder.country_name_for_number(number, "en")` answers, without
    its 40 MB of data: the code's one region, else the one region where the number is valid,
    else ""."""
    if not _loaded:
        _load()
    regions = list(phonenumbers.region_codes_for_country_code(number.country_code or 0))
    if len(regions) != 1:
        regions = [r for r in regions if phonenumbers.is_valid_number_for_region(number, r)]
    return country_names.ENGLISH.get(regions[0], "") if len(regions) == 1 else ""


def normalise_phone(raw: str, default_region: str | None = None) -> str:
    """International digits without '+', e.g. "41793026727"; raises InvalidPhoneNumber.

    How bare digits are read under `default_region` is the module's rule.
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


# A plain local part (RFC 5322 dot-atom in ASCII), which email-validator accepts as it is.
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LOCAL_MAX, _ADDRESS_MAX = 64, 254


@lru_cache(maxsize=_CACHE_SIZE)
def check_email(raw: str) -> tuple[str | None, str | None]:
    """(normalised, None) or (None, reason). Syntax only: never a DNS query.

    The same answer as email-validator's, which spends most of its time on the domain: a
    plain ASCII address has its domain checked once per domain (a list of 100,000 customers
    has a few hundred), everything else goes to email-validator whole.
    """
    if not _loaded:
        _load()
    text = raw.strip()
    if not text:
        return None, tr("The e-mail address is empty.")
    local, at, domain = text.rpartition("@")
    if (
        at
        and len(local) <= _LOCAL_MAX
        and len(text) <= _ADDRESS_MAX
        and domain.isascii()
        and "xn--" not in domain.lower()
        and _PLAIN_LOCAL.fullmatch(local)
    ):
        checked, reason = _check_domain(domain)
        return (None, reason) if checked is None else (f"{local}@{checked}", None)
    return _validated(text)


@lru_cache(maxsize=4096)
def _check_domain(domain: str) -> tuple[str | None, str | None]:
    """A plain ASCII domain as email-validator normalises it, or why it refuses it."""
    normalised, reason = _validated("x@" + domain)
    return (None, reason) if normalised is None else (normalised.partition("@")[2], None)


def _validated(text: str) -> tuple[str | None, str | None]:
    try:
        return validate_email(text, check_deliverability=False).normalized, None
    except EmailNotValidError as error:
        return None, str(error)  # already one plain sentence
