"""Where each SMS segment ends, as the preview marks it, and which characters force Unicode."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from omni_desktop.core.sms import count_sms, segment_ends, unicode_positions


def test_empty_text_has_no_segment() -> None:
    assert segment_ends("") == ()


def test_gsm_one_segment_holds_160_then_153_each() -> None:
    assert segment_ends("a" * 160) == (160,)
    assert segment_ends("a" * 161) == (153, 161)
    assert segment_ends("a" * 306) == (153, 306)
    assert segment_ends("a" * 307) == (153, 306, 307)


def test_gsm_escape_characters_count_two_septets() -> None:
    assert segment_ends("€" * 80) == (80,)  # 160 septets: still one segment
    assert segment_ends("€" * 81) == (76, 81)  # 162 septets: 76 pairs (152) then the rest
    # The pair at septets 153-154 is never split: the first segment ends before the euro.
    text = "a" * 152 + "€" + "b" * 10
    assert segment_ends(text) == (152, 163)
    assert text[:152] == "a" * 152
    # One septet earlier the euro fits whole, as septets 152-153.
    assert segment_ends("a" * 151 + "€" + "b" * 10) == (152, 162)


def test_ucs2_one_segment_holds_70_then_67_each() -> None:
    assert segment_ends("я" * 70) == (70,)
    assert segment_ends("я" * 71) == (67, 71)
    assert segment_ends("я" * 135) == (67, 134, 135)


def test_surrogate_pairs_are_never_split() -> None:
    assert segment_ends("😀" * 35) == (35,)  # 70 UTF-16 units
    # 67 units per segment is odd: 33 emoji (66 units) fit, the 34th goes to the next one.
    assert segment_ends("😀" * 36) == (33, 36)
    assert segment_ends("a" + "😀" * 40) == (34, 41)  # 1 + 66 = 67 units exactly


def test_ends_split_the_text_into_the_counted_parts() -> None:
    text = "Grüße aus Zürich 😀 " * 12
    ends = segment_ends(text)
    starts = (0, *ends[:-1])
    assert tuple(text[a:b] for a, b in zip(starts, ends, strict=True)) == count_sms(text).parts
    assert len(ends) == count_sms(text).segments


@given(st.text(alphabet=st.sampled_from("ab€[😀яç\n "), max_size=400))
def test_ends_always_match_the_count(text: str) -> None:
    ends = segment_ends(text)
    assert len(ends) == count_sms(text).segments
    assert (ends[-1] if ends else 0) == len(text)
    assert list(ends) == sorted(set(ends))


def test_the_characters_forcing_unicode_are_found_where_they_are() -> None:
    assert unicode_positions("plain GSM text €[]") == ()
    text = "Café — naïve “quotes” ç"
    assert [text[i] for i in unicode_positions(text)] == ["—", "ï", "“", "”", "ç"]
    assert unicode_positions("a😀b") == (1,)
