"""SMS counting: what the operator sees under the text box, and what the platform will bill."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omni_desktop.core.sms import (
    GSM_ALL,
    GSM_BASIC,
    GSM_EXTENSION,
    MAX_BYTES,
    MAX_PARTS,
    count_sms,
)

# omni-api.md §8.1, row by row (0x1B, ESC, is not a character).
BASIC_TABLE = (
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞ" + "ÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# omni-api.md §8.2: form feed and ^ { } \ [ ~ ] | €
EXTENSION_TABLE = "\f^{}\\[~]|€"


def test_tables_match_the_gsm_03_38_tables() -> None:
    assert len(BASIC_TABLE) == 127
    assert frozenset(BASIC_TABLE) == GSM_BASIC
    assert frozenset(EXTENSION_TABLE) == GSM_EXTENSION
    assert "`" not in GSM_ALL
    assert "ç" not in GSM_ALL
    assert "$" in GSM_BASIC
    assert "¤" in GSM_BASIC
    assert "\x1b" not in GSM_ALL


def test_empty_text_is_no_message() -> None:
    count = count_sms("")
    assert (count.encoding, count.segments, count.units, count.bytes) == ("GSM-7", 0, 0, 0)
    assert count.parts == ()
    assert count.remaining == 160


def test_160_plain_characters_fit_one_sms() -> None:
    count = count_sms("a" * 160)
    assert (count.encoding, count.segments, count.per_segment, count.remaining) == (
        "GSM-7",
        1,
        160,
        0,
    )


def test_161_characters_make_two_parts_of_153() -> None:
    count = count_sms("a" * 161)
    assert count.segments == 2
    assert count.per_segment == 153
    assert [len(p) for p in count.parts] == [153, 8]
    assert count.remaining == 153 - 8


@pytest.mark.parametrize("char", list(EXTENSION_TABLE))
def test_extension_characters_count_two(char: str) -> None:
    count = count_sms(char + "a")
    assert count.encoding == "GSM-7"
    assert count.characters == 2
    assert count.units == 3
    assert count.bytes == 3


def test_80_euro_signs_fill_one_sms_and_81_need_two() -> None:
    assert count_sms("€" * 80).segments == 1
    count = count_sms("€" * 81)
    assert count.segments == 2
    assert count.units == 162
    assert [len(p) for p in count.parts] == [76, 5]  # 76 pairs = 152 septets: no split pair


def test_an_escape_pair_is_never_split() -> None:
    text = "a" * 152 + "€" + "b" * 10  # the € would straddle septets 153 and 154
    count = count_sms(text)
    assert count.parts[0] == "a" * 152
    assert count.parts[1].startswith("€")
    assert count.units == 164


@pytest.mark.parametrize("char", ["`", "ç", "ж", "中", "😀"])
def test_one_non_gsm_character_switches_the_whole_text_to_ucs2(char: str) -> None:
    count = count_sms("Hello there " + char)
    assert count.encoding == "UCS-2"
    assert count.unicode_chars == (char,)
    assert count.per_segment == 70


def test_unicode_chars_are_distinct_in_first_seen_order() -> None:
    assert count_sms("ç a ж b ç `ж").unicode_chars == ("ç", "ж", "`")


def test_ucs2_sizes_70_then_67() -> None:
    assert count_sms("ж" * 70).segments == 1
    count = count_sms("ж" * 71)
    assert (count.segments, count.per_segment, count.bytes) == (2, 67, 142)
    assert [len(p) for p in count.parts] == [67, 4]


def test_emoji_counts_two_units_and_is_never_split() -> None:
    assert count_sms("😀" * 35).segments == 1
    count = count_sms("a" + "😀" * 40)  # 81 units; unit 67 would be half an emoji
    assert count.units == 81
    assert count.parts[0] == "a" + "😀" * 33
    assert count.remaining == 67 - 14


def test_surrogates_held_as_code_points_stay_together() -> None:
    pair = "\ud83d\ude00"  # a bad draft can hold an emoji as two surrogate code points
    count = count_sms("a" + pair * 40)
    assert count.units == 81
    assert all(not p.endswith("\ud83d") for p in count.parts[:-1])
    assert "".join(count.parts) == "a" + pair * 40


def test_a_lone_surrogate_does_not_crash() -> None:
    count = count_sms("x\ud800y")
    assert count.encoding == "UCS-2"
    assert count.units == 3


def test_platform_limits() -> None:
    assert not count_sms("a" * 153 * MAX_PARTS).too_long
    longest = count_sms("a" * (153 * MAX_PARTS + 1))
    assert longest.segments == MAX_PARTS + 1
    assert longest.too_long
    assert count_sms("ж" * 2001).bytes > MAX_BYTES


def test_counting_4000_characters_is_fast() -> None:
    texts = [
        "a" * 4000,
        ("abc€{" * 800),
        ("abcж😀" * 800),
        "".join(chr(0x4E00 + i % 20000) for i in range(4000)),
    ]
    for text in texts:
        count_sms(text)
        start = time.perf_counter()
        for _ in range(20):
            count_sms(text)
        per_call = (time.perf_counter() - start) / 20
        # ~0.03-0.4 ms on a laptop; the bound leaves room for a busy CI machine.
        assert per_call < 0.005, f"{per_call * 1000:.2f} ms for {text[:10]!r}"


# --- properties --------------------------------------------------------------------------------

_GSM_TEXT = st.text(alphabet=sorted(GSM_ALL), max_size=600)
_EXTENSION_HEAVY = st.text(alphabet="ab€[]^", max_size=600)
_ANY_TEXT = st.text(max_size=600)
_WITH_SURROGATES = st.text(
    alphabet=st.characters(codec=None, categories=None, min_codepoint=0xD7F0, max_codepoint=0xE010)
    | st.sampled_from(["a", "😀", "ж"]),
    max_size=300,
)
_TEXTS = _GSM_TEXT | _EXTENSION_HEAVY | _ANY_TEXT | _WITH_SURROGATES


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _septets(text: str) -> int:
    return len(text) + sum(1 for c in text if c in GSM_EXTENSION)


@given(_TEXTS)
def test_parts_join_back_to_the_text(text: str) -> None:
    count = count_sms(text)
    assert "".join(count.parts) == text
    assert count.segments == len(count.parts)
    assert all(count.parts)


@given(_TEXTS)
def test_segments_hold_the_units(text: str) -> None:
    count = count_sms(text)
    assert count.segments * count.per_segment >= count.units
    assert 0 <= count.remaining <= count.per_segment
    assert count.characters == len(text)


@given(_TEXTS)
def test_encoding_is_ucs2_exactly_when_a_character_is_outside_both_tables(text: str) -> None:
    count = count_sms(text)
    outside = [c for c in text if c not in GSM_BASIC and c not in GSM_EXTENSION]
    assert (count.encoding == "UCS-2") == bool(outside)
    assert count.unicode_chars == tuple(dict.fromkeys(outside))


@given(_TEXTS)
def test_each_part_fits_its_segment(text: str) -> None:
    count = count_sms(text)
    measure = _septets if count.encoding == "GSM-7" else _utf16_units
    sizes = [measure(p) for p in count.parts]
    assert sum(sizes) == count.units
    assert all(size <= count.per_segment for size in sizes)
    if count.segments > 1:
        assert count.per_segment in (153, 67)
        assert count.remaining == count.per_segment - sizes[-1]


@given(_TEXTS)
def test_no_part_ends_in_a_lone_high_surrogate(text: str) -> None:
    count = count_sms(text)
    for part, following in zip(count.parts, count.parts[1:], strict=False):
        assert not ("\ud800" <= part[-1] <= "\udbff" and "\udc00" <= following[0] <= "\udfff")


@given(_TEXTS)
def test_bytes_follow_the_encoding(text: str) -> None:
    count = count_sms(text)
    assert count.bytes == (count.units if count.encoding == "GSM-7" else 2 * count.units)
