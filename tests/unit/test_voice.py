"""The voice preview's estimated speaking time."""

from __future__ import annotations

from omni_desktop.core.voice import WORDS_PER_MINUTE, speaking_seconds, word_count


def test_no_words_take_no_time() -> None:
    assert speaking_seconds("") == 0
    assert speaking_seconds("  \n …  ") == 0


def test_words_are_counted_as_read() -> None:
    assert word_count("Don't miss it: 3.50 EUR, e-mail us.") == 7


def test_150_words_take_a_minute() -> None:
    assert WORDS_PER_MINUTE == 150
    assert speaking_seconds("word " * 150) == 60
    assert speaking_seconds("word " * 151) == 61  # rounded up


def test_sentence_ends_add_a_pause() -> None:
    one = speaking_seconds("word " * 20 + "word.")
    five = speaking_seconds("word word word word word. " * 4 + "word.")
    assert one == 9  # 21 words
    assert five > one  # the same 21 words with four pauses between sentences
