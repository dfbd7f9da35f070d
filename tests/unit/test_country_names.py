"""The country names in notes: phonenumbers' geocoder's answers, without loading its data."""

from __future__ import annotations

import phonenumbers
from phonenumbers import geocoder
from phonenumbers.geocoder import _region_display_name

from omni_desktop.core import country_names
from omni_desktop.core.addresses import check_phone, country_name, phone_note


def test_the_table_is_phonenumbers_own() -> None:
    regions = sorted(phonenumbers.SUPPORTED_REGIONS)
    expected = {r: _region_display_name(r, "en") for r in regions}
    assert {r: name for r, name in expected.items() if name} == country_names.ENGLISH


def test_every_example_number_is_named_as_the_geocoder_names_it() -> None:
    numbers = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(11):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                numbers.append(example)
    for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        example = phonenumbers.example_number_for_non_geo_entity(code)
        if example is not None:
            numbers.append(example)
    numbers.append(phonenumbers.parse("+1 999 555 0100"))  # shared code, valid nowhere
    assert len(numbers) > 1300
    for number in numbers:
        assert country_name(number) == geocoder.country_name_for_number(number, "en"), number


def test_a_note_names_both_countries() -> None:
    note = phone_note(check_phone("84912345678", "RU"))
    assert note is not None
    assert "(Vietnam)" in note and "in Russia" in note
