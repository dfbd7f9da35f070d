"""`terminal_safe`: what the CLI prints of a server's text can never drive the terminal."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from omni_desktop.core.text import terminal_safe

CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Text a server could send: any characters, with escape-sequence pieces mixed in often.
PIECES = st.sampled_from(
    ["\x1b", "\x1b[", "\x1b]", "\x9b", "\x9d", "\x07", "\x1b\\", "\x9c", "[", "]", "0;", "31m"]
)
HOSTILE = st.lists(st.one_of(st.text(max_size=8), PIECES), max_size=30).map("".join)
PRINTABLE = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\t\n"), max_size=200
)


@settings(max_examples=400, deadline=None)
@given(HOSTILE)
@example("\x1b]0;title")  # an OSC never ended
@example("\x1b\x1b[31m")
def test_the_output_has_no_escape_or_control_character_and_is_stable(text: str) -> None:
    safe = terminal_safe(text)
    assert not CONTROLS.search(safe), repr(safe)
    assert terminal_safe(safe) == safe


@settings(max_examples=400, deadline=None)
@given(PRINTABLE)
def test_printable_text_with_tabs_and_line_breaks_is_unchanged(text: str) -> None:
    assert terminal_safe(text) == text


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("\x1b[31mREJECTED\x1b[0m", "REJECTED"),  # colour
        ("ok\x1b[2J\x1b[H", "ok"),  # clear the screen, cursor home
        ("\x1b]0;pwned\x07Delivered", "Delivered"),  # window title (OSC, BEL-ended)
        ("\x1b]52;c;ZWNobyBoaQ==\x1b\\Sent", "Sent"),  # write the clipboard (OSC 52)
        ("\x9b1;31mC1 CSI", "C1 CSI"),
        ("\x9d8;;http://x\x9clink", "link"),  # hyperlink, C1 form
        ("\x1bPq#0;2;0;0;0\x1b\\sixel", "sixel"),  # DCS
        ("\x1b(0box", "box"),  # charset switch
        ("\x1bc", ""),  # full reset
        ("fake\rPENDING", "fakePENDING"),  # a carriage return would overwrite the line
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("Čćž 你好 😀\tcol\nline", "Čćž 你好 😀\tcol\nline"),
    ],
)
def test_sequences_go_whole_and_text_stays(sent: str, shown: str) -> None:
    assert terminal_safe(sent) == shown


@pytest.mark.parametrize("unit", ["\x9d", "\x1b]", "\x1b[0", "\x9dab", "\x1bP"])
def test_a_huge_hostile_text_is_cleaned_in_linear_time(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))  # introducers that never end, a megabyte of them
    started = time.perf_counter()
    safe = terminal_safe(text)
    assert time.perf_counter() - started < 2.0
    assert not CONTROLS.search(safe)
