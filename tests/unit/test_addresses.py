"""Phone numbers under a default region: one rule, the same answer however often it is applied."""

from __future__ import annotations

import time

import pytest

from omni_desktop.core.addresses import check_phone, normalise_phone, phone_note


def test_a_foreign_number_pasted_under_ch_is_not_given_a_swiss_prefix() -> None:
    # The reported case: +44 7700 561913 was shown as 447700561913 but sent as 41447700561913.
    assert check_phone("+44 7700 561913", "CH") == ("447700561913", None)
    assert check_phone("447700561913", "CH") == ("447700561913", None)
    assert normalise_phone(normalise_phone("+44 7700 561913", "CH"), "CH") == "447700561913"


def test_international_digits_stay_international_under_any_region() -> None:
    for region in (None, "CH", "GB", "US", "DE", "RU", "HR"):
        assert normalise_phone("447911123456", region) == "447911123456"
        assert normalise_phone("41793026727", region) == "41793026727"
    # A UK drama number is not valid, and as a German number it is: under DE it is national.
    assert normalise_phone("447700900123", "CH") == "447700900123"
    assert normalise_phone("447700900123", "DE") == "49447700900123"


@pytest.mark.parametrize(
    ("typed", "region", "sent"),
    [
        ("079 302 67 27", "CH", "41793026727"),  # the trunk prefix 0
        ("8 912 345-67-89", "RU", "79123456789"),  # the trunk prefix 8
        ("1 201 555 0123", "US", "12015550123"),  # the trunk prefix 1
        ("011 41 79 302 67 27", "US", "41793026727"),  # the US international call prefix
        ("06 1234 5678", "IT", "390612345678"),  # Italy keeps its leading 0
        ("612 345 678", "ES", "34612345678"),  # Spain has no trunk prefix
    ],
)
def test_national_numbers_are_read_in_the_default_region(
    typed: str, region: str, sent: str
) -> None:
    checked = check_phone(typed, region)
    assert checked == (sent, None)
    assert phone_note(checked) is None
    assert normalise_phone(sent, region) == sent  # and checked again, it stays


def test_a_number_valid_both_ways_is_sent_international_with_a_note_naming_both() -> None:
    checked = check_phone("84912345678", "RU")
    digits, reason = checked  # still a plain pair for every caller
    assert (digits, reason) == ("84912345678", None)
    note = phone_note(checked)
    assert note is not None
    assert "+84 912 345 678 (Vietnam)" in note
    assert "+7 491 234-56-78 in Russia" in note
    assert note.endswith("write it with +7.")
    assert check_phone("+7 491 234 56 78", "RU") == ("74912345678", None)  # the way to say so


def test_ten_us_digits_that_are_also_an_egyptian_number_are_flagged() -> None:
    note = phone_note(check_phone("2015550123", "US"))
    assert note is not None and "Egypt" in note and "United States" in note
    assert phone_note(check_phone("+1 201 555 0123", "US")) is None


@pytest.mark.parametrize(
    ("typed", "region", "sent"),
    [
        ("(201) 555-0123", "US", "12015550123"),  # as Americans write it, not Egypt's
        ("201-555-0123", "US", "12015550123"),
        ("201.555.0123", "US", "12015550123"),
        ("20 15 550123", "US", "2015550123"),  # as Egypt's numbers are written for abroad
        ("8 (491) 234-56-78", "RU", "74912345678"),  # Russia's own way, not Vietnam's
        ("84 912 345 678", "RU", "84912345678"),  # Vietnam's way
    ],
)
def test_a_number_valid_both_ways_is_read_the_way_it_is_written(
    typed: str, region: str, sent: str
) -> None:
    checked = check_phone(typed, region)
    assert checked == (sent, None)
    assert phone_note(checked) is None  # no guess: one country writes it so
    assert normalise_phone(sent, region) == sent  # and checked again, it stays


def test_groups_that_match_neither_country_still_get_the_note() -> None:
    checked = check_phone("84 91 234 56 78", "RU")  # Vietnam writes 84 912 345 678
    assert checked == ("84912345678", None)
    note = phone_note(checked)
    assert note is not None and "Vietnam" in note and "Russia" in note


def test_without_a_region_nothing_is_noted() -> None:
    assert phone_note(check_phone("84912345678")) is None
    assert phone_note(check_phone("84912345678", None)) is None


def test_a_possible_number_that_would_change_when_checked_again_is_refused() -> None:
    # 49056 is possible in Germany but not valid; as +49 49056 its digits 4949056 would read as
    # the valid German 0494 9056 next time, so the digits are refused, not silently moved.
    digits, reason = check_phone("49056", "DE")
    assert digits is None
    assert reason is not None and "Germany" in reason and "+" in reason
    assert check_phone("+49 49056", "DE") == ("4949056", None)  # written with +, it is clear


def test_a_superfluous_zero_after_the_country_code_gives_canonical_digits() -> None:
    digits = normalise_phone("+31 00 584 003 100")
    assert normalise_phone("+" + digits) == digits
    assert normalise_phone(digits, "NL") == digits


def test_canadian_seven_digit_numbers_are_accepted() -> None:
    # Valid in Canada, though the +1 code's main region (US) has no number that short.
    assert check_phone("+1 310-1234") == ("13101234", None)
    assert check_phone("310-1234", "CA") == ("13101234", None)


@pytest.mark.parametrize("region", ["XX", "ch", "", "Ω"])
def test_an_unknown_region_gives_a_reason_not_a_crash(region: str) -> None:
    digits, reason = check_phone("079 302 67 27", region)
    assert digits is None
    assert reason is not None and "country code" in reason
    assert check_phone("+41 79 302 67 27", region) == ("41793026727", None)


def test_hostile_numbers_are_refused_quickly() -> None:
    started = time.perf_counter()
    for typed in ("9" * 100_000, "0" * 5_000, "+" + "1" * 300, "8" * 18, "00" * 40):
        digits, reason = check_phone(typed, "RU")
        assert digits is None
        assert reason is not None and reason.endswith(".")
    assert time.perf_counter() - started < 2.0
