"""Header detection, column proposals and spreadsheet damage to numbers (core.audience)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from omni_desktop.core.addresses import check_phone
from omni_desktop.core.audience import (
    Mapping,
    RowConverter,
    clean_phone,
    convert_row,
    detect_header,
    header_names,
    propose_mapping,
)

from omni_desktop.storage.sheets import cell_text


def test_header_detected_or_not() -> None:
    assert detect_header([["Name", "Mobile"], ["Ana", "+41 79 302 67 27"]]) == 0
    assert detect_header([[], ["Kunde", "Wert"], ["Ana", "0793026727"]]) == 1
    assert detect_header([["+41 79 302 67 27"], ["+41 78 123 45 67"]]) is None
    assert detect_header([["ana@example.com", "Ana"]]) is None


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Name", "Handy", "E-Mail"], Mapping(1, 2)),
        (["Nom", "Téléphone portable", "Courriel"], Mapping(1, 2)),
        (["Nombre", "Móvil", "Correo electrónico", "Ref"], Mapping(1, 2, 3)),
        (["Cognome", "Cellulare", "Posta"], Mapping(1, 2)),
        (["MSISDN", "Message ID"], Mapping(0, None, 1)),
        (["Ime", "Mobitel"], Mapping(1)),
        (["Kunde", "Natel"], Mapping(1)),
    ],
)
def test_columns_proposed_from_headers_in_several_languages(
    headers: list[str], expected: Mapping
) -> None:
    assert propose_mapping(headers, []) == expected


def test_columns_proposed_from_content_without_header() -> None:
    sample = [
        ["Ana", "ana@example.com", "+41 79 302 67 27"],
        ["Ben", "ben@example.com", "0781234567"],
    ]
    assert propose_mapping(None, sample) == Mapping(phone=2, email=1)


def test_header_names_fill_gaps_and_repeats() -> None:
    assert header_names(["Tel", "", "Tel"], 4) == ["Tel", "Column 2", "Tel (2)", "Column 4"]


def test_row_keeps_the_text_and_every_other_column() -> None:
    row = convert_row(
        7, ["Schmid, Jürg", "079 302 67 27", "Zürich"], ["Name", "Handy", "Ort"], Mapping(1), "CH"
    )
    assert row is not None and row.problem is None and row.row == 7
    assert row.destination.phone == "079 302 67 27"  # as typed: validation normalises once
    assert row.fields == {"Name": "Schmid, Jürg", "Ort": "Zürich"}
    assert convert_row(8, ["", " "], ["a", "b"], Mapping(1), "CH") is None


def test_fields_of_short_and_wide_rows_are_the_cells_present() -> None:
    # Every column but the mapped ones is a field; a short row has the fields it reaches.
    names = ["Name", "Phone", "City", "E-Mail", "Note"]
    convert = RowConverter(names, Mapping(phone=1, email=3), None)
    wide = convert(2, ["Ana", "+41793026727", "Bern", "ana@example.com", "vip", "extra"])
    short = convert(3, ["Ben", "+41793026728"])
    one = RowConverter(["Phone", "Name"], Mapping(phone=0), None)(4, ["+41793026729", "Cleo"])
    none = RowConverter(["Phone"], Mapping(phone=0), None)(5, ["+41793026720"])
    assert wide is not None and wide.fields == {"Name": "Ana", "City": "Bern", "Note": "vip"}
    assert wide.destination.fields == wide.fields  # reaches the send, for {{City}}
    assert short is not None and short.fields == {"Name": "Ben"}
    assert one is not None and one.fields == {"Name": "Cleo"}
    assert none is not None and none.fields == {}
    assert convert(6, [" ", "", "\t"]) is None  # blank, however wide


def test_a_bad_e_mail_is_the_rows_problem_after_a_bad_number() -> None:
    convert = RowConverter(["Phone", "E-Mail"], Mapping(phone=0, email=1), None)
    both = convert(2, ["+385 91", "not an address"])
    email = convert(3, ["+41793026727", "not an address"])
    good = convert(4, ["", "ana@example.com"])
    assert both is not None and both.problem is not None and "short" in both.problem
    assert email is not None and email.problem is not None and "@" in email.problem
    assert email.keys == ("41793026727", None)
    assert good is not None and good.problem is None and good.keys == (None, "ana@example.com")


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        ("41793026727.00", "41793026727"),
        ("+41793026727.0", "+41793026727"),
        (" 41793026727.0 ", "41793026727"),
        ("41793026727.05", "41793026727.05"),  # not a whole number: left for the check
        ("Tel. 079 302 67 27", "Tel. 079 302 67 27"),  # an "e", yet no exponent
        ("10", "10"),
    ],
)
def test_float_tails_dropped_only_where_exact(cell: str, kept: str) -> None:
    assert clean_phone(cell, None) == (kept, None)


def test_scientific_notation_refused_never_guessed() -> None:
    row = convert_row(3, ["4.17930E+10"], ["Phone"], Mapping(0), "CH")
    assert row is not None and row.problem is not None
    assert "digits lost by the spreadsheet" in row.problem


def test_lost_leading_zero_restored_only_when_unambiguous() -> None:
    assert check_phone("8603921934", "DE")[0] is None
    assert clean_phone("8603921934", "DE") == ("08603921934", None)
    assert clean_phone("793026727", "CH") == ("793026727", None)  # already valid as it is
    assert clean_phone("41793026727.0", None) == ("41793026727", None)


@st.composite
def international_numbers(draw: st.DrawFn) -> str:
    import phonenumbers

    region = draw(st.sampled_from(sorted(phonenumbers.SUPPORTED_REGIONS)))
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if example is None:
        example = phonenumbers.example_number(region)
    digits = check_phone("+" + phonenumbers.format_number(example, 0)[1:], None)[0]
    if digits is None:
        digits = f"{example.country_code}{example.national_number}"
    return digits


@settings(max_examples=300, deadline=None)
@given(international_numbers())
def test_numbers_stored_as_floats_read_back_exactly(number: str) -> None:
    value = float(number)
    assert value < 2**53
    assert cell_text(value) == number
    assert clean_phone(cell_text(value), None) == (number, None)


@given(st.integers(min_value=2**53 + 1, max_value=10**20))
def test_floats_past_2_53_are_marked_as_damaged(n: int) -> None:
    text = cell_text(float(n))
    _, problem = clean_phone(text, None)
    assert problem is not None and "digits lost" in problem
