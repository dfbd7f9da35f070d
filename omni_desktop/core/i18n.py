"""Operator-facing text: every sentence goes through `tr()` (or `trn()` for a count), so one
translation serves the window, the core and storage alike.

Without a translator the text is English as written. The window installs Qt's translator for
the operator's locale (`ui.i18n.install_translation`) before the layers that keep sentences in
module constants are imported, so those are translated too. Qt's `lupdate` finds every
`tr("…")`, `trn("…", None, n)` and `tr_noop("…")` call (resources/translations/update.py);
their context is the empty one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

# (text, disambiguation, n) -> the text in the operator's language; n is -1 when the text
# counts nothing.
Translator = Callable[[str, str | None, int], str]

_translator: Translator | None = None
_grouping = ","  # the thousands separator of the operator's language and country
_ENGLISH_PLURAL = re.compile(r"\((s|es)\)")


def install(translator: Translator | None, grouping: str = ",") -> None:
    """Translate from now on with `translator` (None: English as written), writing counts'
    thousands with `grouping` (`'` in Switzerland, `.` in Germany)."""
    global _translator, _grouping
    _translator = translator
    _grouping = grouping or ","


def grouped(n: int) -> str:
    """`n` with its thousands marked as the operator writes them: 100,000 or 100'000."""
    text = f"{n:,}"
    return text if _grouping == "," else text.replace(",", _grouping)


def sentence(text: str) -> str:
    """A translated sentence, whose `format` marks the thousands of its `{n:,}` counts as
    `grouped` does (the plain `str` while they are written with a comma)."""
    return text if _grouping == "," else _Sentence(text)


class _Count(int):
    """A count in a sentence: `{n:,}` writes its thousands with the operator's separator."""

    def __format__(self, spec: str) -> str:
        text = int.__format__(self, spec)
        return text.replace(",", _grouping) if "," in spec else text


def _counted(value: Any) -> Any:
    return _Count(value) if type(value) is int else value


class _Sentence(str):
    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        return str.format(self, *map(_counted, args), **{k: _counted(v) for k, v in kwargs.items()})


def tr(text: str, disambiguation: str | None = None) -> str:
    """The text in the operator's language (`disambiguation` tells apart equal English texts)."""
    return text if _translator is None else sentence(_translator(text, disambiguation, -1))


def trn(text: str, disambiguation: str | None, n: int) -> str:
    """A text that counts `n` things: `trn("%n recipient(s)", None, n)` -> "1 recipient".

    lupdate reads a count only as the third argument (Qt's `tr(text, disambiguation, n)`).
    A translation has a form per plural rule of its language; English as written takes the
    "(s)" or "(es)" for any count but one.
    """
    plain, number = str(n), grouped(n)  # 100,000 (100'000...), as the app writes every count
    if _translator is not None:
        translated = _translator(text, disambiguation, n)
        if translated not in (text, text.replace("%n", plain)):  # Qt fills %n when untranslated
            # Qt put the count in as plain digits: grouped as everywhere else.
            translated = translated.replace("%n", plain)
            if plain == number:
                return sentence(translated)
            found = re.sub(rf"(?<![\d,.']){plain}(?![\d,.'])", number, translated, count=1)
            return sentence(found)
    english = _ENGLISH_PLURAL.sub("" if n == 1 else r"\1", text)
    return english.replace("%n", number)


def tr_noop(text: str) -> str:
    """Marks a sentence kept in a constant for lupdate; `tr()` translates it where it is shown."""
    return text


_WEEKDAYS = (
    tr_noop("Mon"), tr_noop("Tue"), tr_noop("Wed"), tr_noop("Thu"), tr_noop("Fri"),
    tr_noop("Sat"), tr_noop("Sun"),
)  # fmt: skip
_MONTHS = (
    tr_noop("Jan"), tr_noop("Feb"), tr_noop("Mar"), tr_noop("Apr"), tr_noop("May"),
    tr_noop("Jun"), tr_noop("Jul"), tr_noop("Aug"), tr_noop("Sep"), tr_noop("Oct"),
    tr_noop("Nov"), tr_noop("Dec"),
)  # fmt: skip


def weekday_name(moment: date) -> str:
    """`Mon`, in the operator's language (strftime's `%a` speaks the C locale's English)."""
    return tr(_WEEKDAYS[moment.weekday()])


def day_text(moment: date) -> str:
    """`Mon 30 Mar`, in the operator's language and its order (German: `Mo, 30. Mär`)."""
    return tr("{weekday} {day} {month}").format(
        weekday=weekday_name(moment), day=f"{moment.day:02d}", month=tr(_MONTHS[moment.month - 1])
    )


__all__ = [
    "Translator",
    "day_text",
    "grouped",
    "install",
    "sentence",
    "tr",
    "tr_noop",
    "trn",
    "weekday_name",
]
