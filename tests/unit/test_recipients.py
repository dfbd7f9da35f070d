"""Pasting recipients: what lands in the recipients table, and why a line was not understood."""

from __future__ import annotations

import time

from omni_desktop.core.message import Destination
from omni_desktop.core.recipients import parse_recipients


def addresses(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (r.destination.phone, r.destination.email, r.destination.message_id)
        for r in parse_recipients(text)
    ]


def test_one_number_per_line() -> None:
    parsed = parse_recipients("41793026727\n+41 79 302 67 28\n0041-79-302-67-29\n")
    assert [r.destination for r in parsed] == [
        Destination(phone="41793026727"),
        Destination(phone="+41 79 302 67 28"),
        Destination(phone="0041-79-302-67-29"),
    ]
    assert [r.line for r in parsed] == [1, 2, 3]
    assert all(r.problem is None for r in parsed)


def test_numbers_are_kept_as_typed() -> None:
    assert addresses("(079) 302.67.27") == [("(079) 302.67.27", None, None)]


def test_columns_from_a_spreadsheet_csv_or_semicolons() -> None:
    text = (
        "41793026727\tana@example.com\tm-1\n"
        "41793026728,bob@example.com,m-2\n"
        "41793026729;cleo@example.com;m-3\n"
    )
    assert addresses(text) == [
        ("41793026727", "ana@example.com", "m-1"),
        ("41793026728", "bob@example.com", "m-2"),
        ("41793026729", "cleo@example.com", "m-3"),
    ]


def test_columns_in_any_order_and_spaces_around_them() -> None:
    assert addresses(" ana@example.com , +41 79 302 67 27 , m-1 ") == [
        ("+41 79 302 67 27", "ana@example.com", "m-1")
    ]


def test_a_space_between_a_phone_and_an_email_separates_them() -> None:
    assert addresses("+41 79 302 67 27 ana@example.com") == [
        ("+41 79 302 67 27", "ana@example.com", None)
    ]
    assert addresses("ana@example.com 41793026727") == [("41793026727", "ana@example.com", None)]


def test_the_third_token_is_the_message_id_even_when_it_is_digits() -> None:
    assert addresses("41793026727,ana@example.com,12345") == [
        ("41793026727", "ana@example.com", "12345")
    ]


def test_email_only_and_phone_with_empty_columns() -> None:
    assert addresses("ana@example.com\n41793026727,,\n") == [
        (None, "ana@example.com", None),
        ("41793026727", None, None),
    ]


def test_quoted_csv_cells() -> None:
    assert addresses('"41793026727","ana@example.com","m-1"') == [
        ("41793026727", "ana@example.com", "m-1")
    ]


def test_blank_lines_are_skipped_but_line_numbers_count_them() -> None:
    parsed = parse_recipients("\n41793026727\n   \n\r\nana@example.com\n\n")
    assert [r.line for r in parsed] == [2, 5]


def test_windows_line_ends_and_a_byte_order_mark() -> None:
    parsed = parse_recipients("\ufeffphone;email\r\n41793026727;ana@example.com\r\n")
    assert [(r.line, r.destination.phone) for r in parsed] == [(2, "41793026727")]


def test_header_lines_are_skipped_in_any_case() -> None:
    for header in ("phone,email,messageId", "PHONE\tEMAIL\tMESSAGEID", "Phone Number;E-mail"):
        assert addresses(header + "\n41793026727") == [("41793026727", None, None)]


def test_a_line_without_phone_or_email_gets_a_problem() -> None:
    parsed = parse_recipients("41793026727\nplease call Ana\n")
    assert parsed[1].line == 2
    assert parsed[1].problem is not None
    assert "please call Ana" in parsed[1].problem
    assert parsed[1].problem.endswith(".")


def test_too_many_columns_gets_a_problem_naming_the_extra() -> None:
    parsed = parse_recipients("41793026727,ana@example.com,m-1,VIP")
    assert parsed[0].destination == Destination("41793026727", "ana@example.com", "m-1")
    assert parsed[0].problem is not None
    assert "VIP" in parsed[0].problem


def test_a_second_email_is_not_silently_dropped() -> None:
    parsed = parse_recipients("ana@example.com;bob@example.com")
    assert parsed[0].destination.email == "ana@example.com"
    assert parsed[0].problem is not None
    assert "bob@example.com" in parsed[0].problem


def test_a_number_with_a_typo_stays_the_phone_for_validation_to_explain() -> None:
    assert addresses("+41 79 3O2 67 27,m-1") == [("+41 79 3O2 67 27", None, "m-1")]


def test_a_clean_number_wins_over_a_number_like_message_id() -> None:
    assert addresses("1234ABC5678,41793026727") == [("41793026727", None, "1234ABC5678")]


def test_100000_lines_are_quick() -> None:
    lines = []
    for i in range(100_000):
        if i % 3 == 0:
            lines.append(f"4179{i:07d}")
        elif i % 3 == 1:
            lines.append(f"+41 79 {i:07d},user{i}@example.com,m-{i}")
        else:
            lines.append(f"user{i}@example.com\t4179{i:07d}")
    text = "\n".join(lines)
    start = time.perf_counter()
    parsed = parse_recipients(text)
    took = time.perf_counter() - start
    assert len(parsed) == 100_000
    assert all(r.problem is None for r in parsed)
    assert took < 5, f"{took:.2f} s"  # ~0.5 s on a laptop
