"""The differential test behind the fast number engine: rphonenumbers against phonenumbers.

Run: `python benchmarks/phone_engines.py [--count N] [--seed S]`. It generates N numbers
(1,000,000 by default) from every region's and every non-geographic code's example numbers,
altered (digits changed, dropped or added, random subscriber digits) and written the ways
operators write them: `+` and `00` international forms, the national format, bare national
digits, bare international digits, under the number's own region, another region and none.
Each is checked by the app's own `check_phone` with both engines; every answer (digits,
refusal sentence, note) must be the same. It prints the time each engine took and exits 1 on
the first differences (listed), 0 when there are none. CI runs it with the default count.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from omni_desktop.core import addresses, phone_engine

BLOCK = 50_000
Case = tuple[str, str | None]


def examples() -> list[tuple[str, str]]:
    """(region, E.164 digits) of every example number phonenumbers has, of every type."""
    found: list[tuple[str, str]] = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(11):  # PhoneNumberType's values FIXED_LINE .. VOICEMAIL
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                found.append((region, phonenumbers.format_number(number, 0)[1:]))
    for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        number = phonenumbers.example_number_for_non_geo_entity(code)
        if number is not None:
            found.append(("001", phonenumbers.format_number(number, 0)[1:]))
    return found


def _altered(rng: random.Random, code: str, national: str) -> str:
    """The national digits changed the ways typing and spreadsheets change them."""
    digits = list(national)
    roll = rng.random()
    if roll < 0.35:  # one to three digits changed
        for _ in range(rng.randint(1, 3)):
            digits[rng.randrange(len(digits))] = rng.choice("0123456789")
    elif roll < 0.5:  # one dropped
        del digits[rng.randrange(len(digits))]
    elif roll < 0.65:  # one or two added
        for _ in range(rng.randint(1, 2)):
            digits.insert(rng.randrange(len(digits) + 1), rng.choice("0123456789"))
    elif roll < 0.9:  # the same leading digits, random subscriber digits
        keep = rng.randint(1, max(1, len(digits) - 2))
        digits[keep:] = rng.choices("0123456789", k=len(digits) - keep + rng.randint(-1, 1))
    # else: the example itself
    return "".join(digits) or "0"


def cases(count: int, seed: int) -> Iterator[Case]:
    """`count` (typed text, default region) pairs; the same ones for the same seed."""
    rng = random.Random(seed)
    known = examples()
    regions = sorted(phonenumbers.SUPPORTED_REGIONS)
    for _ in range(count):
        region, e164 = rng.choice(known)
        code = str(phonenumbers.country_code_for_region(region)) if region != "001" else ""
        if not code:  # a non-geographic example: its code is the E.164's start
            number = phonenumbers.parse("+" + e164, None)
            code = str(number.country_code)
        national = _altered(rng, code, e164[len(code) :])
        own = region if region != "001" else None
        style = rng.randrange(8)
        if style == 0:
            yield f"+{code}{national}", rng.choice((None, own, rng.choice(regions)))
        elif style == 1:
            yield f"00{code} {national}", own
        elif style == 2 and own:  # the national format, as the region writes it
            try:
                number = phonenumbers.parse("+" + code + national, None)
            except phonenumbers.NumberParseException:
                yield national, own
                continue
            yield phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL), own
        elif style in (2, 3, 4):  # bare national digits, with and without the trunk 0
            yield (("0" if style == 3 else "") + national), own or rng.choice(regions)
        elif style == 5:  # bare international digits under its own region
            yield code + national, own
        elif style == 6:  # bare digits under some other region
            yield code + national, rng.choice(regions)
        else:  # typed with separators
            text = f"+{code} ({national[:3]}) {national[3:6]}-{national[6:]}"
            yield text, rng.choice((None, own))


def _answers(engine: str, block: list[Case]) -> tuple[list[tuple[str | None, ...]], float]:
    addresses.use_engine(engine)
    check = addresses.check_phone.__wrapped__  # no cache: every number is read
    note = addresses.phone_note
    started = time.perf_counter()
    answers = []
    for text, region in block:
        answer = check(text, region)
        answers.append((answer[0], answer[1], note(answer)))
    return answers, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args(argv)
    fast = phone_engine.fast_engine()
    if fast is None:
        print(
            f"rphonenumbers is not installed or not verified with phonenumbers "
            f"{phonenumbers.__version__}: nothing to compare (phonenumbers alone reads numbers)"
        )
        return 1
    print(
        f"{args.count:,} numbers, seed {args.seed}: "
        f"{addresses.use_engine(phone_engine.FAST)} against "
        f"{addresses.use_engine(phone_engine.REFERENCE)}"
    )
    generated = cases(args.count, args.seed)
    differ: list[tuple[Case, object, object]] = []
    times = {phone_engine.REFERENCE: 0.0, phone_engine.FAST: 0.0}
    refused = checked = 0
    while block := [case for _, case in zip(range(BLOCK), generated, strict=False)]:
        reference, spent = _answers(phone_engine.REFERENCE, block)
        times[phone_engine.REFERENCE] += spent
        ours, spent = _answers(phone_engine.FAST, block)
        times[phone_engine.FAST] += spent
        for case, want, got in zip(block, reference, ours, strict=True):
            if want != got:
                differ.append((case, want, got))
        checked += len(block)
        refused += sum(answer[0] is None for answer in reference)
    addresses.use_engine(phone_engine.FAST)
    slow, quick = times[phone_engine.REFERENCE], times[phone_engine.FAST]
    print(f"checked {checked:,}, of which phonenumbers refused {refused:,}")
    print(f"  phonenumbers   {slow:7.2f} s   {slow / checked * 1e6:6.1f} us a number")
    print(f"  rphonenumbers  {quick:7.2f} s   {quick / checked * 1e6:6.1f} us a number")
    print(f"  speed-up       {slow / quick:7.2f}x")
    for (text, region), want, got in differ[:20]:
        print(f"DIFFERS {text!r} under {region}: phonenumbers {want}, rphonenumbers {got}")
    print(f"{len(differ):,} answers differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
