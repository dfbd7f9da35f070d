"""How long a voice message takes to speak, estimated from its words.

Text-to-speech engines read at about 150 words per minute at their default rate (the range
quoted for natural English speech is 140-160), so the estimate is words / 150 minutes, plus a
short pause at each sentence end. It is an estimate for the operator, never a billing figure.
"""

from __future__ import annotations

import math
import re

WORDS_PER_MINUTE = 150
SENTENCE_PAUSE_SECONDS = 0.4  # the engine's pause after ".", "!", "?" before the next sentence

_WORD = re.compile(r"\w+(?:['’.,-]\w+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


def word_count(text: str) -> int:
    """Words as the engine reads them: `don't`, `3.50` and `e-mail` are one word each."""
    return sum(1 for _ in _WORD.finditer(text))


def speaking_seconds(text: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Estimated seconds to speak `text`, rounded up; 0 for text without words."""
    words = word_count(text)
    if words == 0:
        return 0
    pauses = max(len(_SENTENCE_END.findall(text)) - 1, 0)  # no pause after the last one
    return math.ceil(words * 60 / words_per_minute + pauses * SENTENCE_PAUSE_SECONDS)


__all__ = ["SENTENCE_PAUSE_SECONDS", "WORDS_PER_MINUTE", "speaking_seconds", "word_count"]
