"""Server text made safe for a terminal: no escape sequences, no control characters.

The CLI prints what a server sent (status names, descriptions, error texts). A hostile or broken
server could put terminal escape sequences in them: move the cursor, rewrite earlier lines, set
the window title, or (OSC 52) write to the clipboard. `terminal_safe` drops whole sequences, then
any control character that is left, keeping tabs and line breaks.
"""

from __future__ import annotations

import re

_ST = r"(?:\x1b\\|\x9c|\x07)"  # string terminator: ESC \, C1 ST, or BEL (xterm's OSC end)

_SEQUENCES = re.compile(
    # CSI (ESC [ or C1 0x9B): parameters, intermediates, one final byte.
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    # OSC, DCS, SOS, PM, APC (ESC ] P X ^ _ or their C1 forms): a string up to its terminator.
    # The string stops at any ESC or C1 too, so unended strings cost linear time, not quadratic.
    rf"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x1b\x07\x80-\x9f]*{_ST}"
    # Any other escape: intermediates, then one final byte (charset, keypad, reset, ...).
    r"|\x1b[ -/]*[0-~]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab and newline, DEL, C1


def terminal_safe(text: str) -> str:
    """`text` without terminal escape sequences or control characters (tab and newline stay).

    A carriage return goes too: it would let a line overwrite what precedes it.
    """
    if text.isprintable():  # the usual case: nothing to do
        return text
    return _CONTROLS.sub("", _SEQUENCES.sub("", text))


__all__ = ["terminal_safe"]
