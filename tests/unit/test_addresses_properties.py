"""Properties of phone normalising over every region's example numbers and any digits.

A normalised number checked again must come back unchanged under every default region: that is
what keeps the request equal to the recipients table and a reopened draft equal to the saved one.
"""

from __future__ import annotations

import re

import phonenumbers
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType

from omni_desktop.core.addresses import check_phone, phone_note

ALL_REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
NAMED_REGIONS = [None, "CH", "GB", "US", "DE", "IT", "RU", "HR", "FR", "ES", "BR", "IN", "CN", "JP"]
NAMED_REGIONS += ["AU"]
TYPES = [getattr(PhoneNumberType, name) for name in dir(PhoneNumberType) if name.isupper()]


def _examples() -> list[tuple[str, PhoneNumber]]:
    """(region, number): an example of every type every region has, and of non-geographic codes."""
    found = []
    for region in ALL_REGIONS:
        for kind in TYPES:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                found.append((region, number))
    for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        number = phonenumbers.example_number_for_non_geo_entity(code)
        if number is not None:
            found.append(("001", number))
    return found


EXAMPLES = _examples()
REGIONS = st.one_of(st.sampled_from(NAMED_REGIONS), st.sampled_from(ALL_REGIONS))


def e164_digits(number: PhoneNumber) -> str:
    return str(phonenumbers.format_number(number, PhoneNumberFormat.E164))[1:]


def test_the_examples_cover_every_region() -> None:
    assert {region for region, _ in EXAMPLES} >= set(ALL_REGIONS)
    assert len(EXAMPLES) > 1000


def test_every_example_number_stays_itself_under_the_named_regions() -> None:
    """Exhaustive over the examples and the regions named in the rule's tests."""
    changed = [
        (digits, region, check_phone(written, region))
        for digits in sorted({e164_digits(number) for _, number in EXAMPLES})
        for region in NAMED_REGIONS
        for written in (digits, "+" + digits)
        if check_phone(written, region) != (digits, None)
    ]
    assert changed == []


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(example=st.sampled_from(EXAMPLES), region=REGIONS, again=REGIONS)
def test_normalising_a_normalised_example_changes_nothing(
    example: tuple[str, PhoneNumber], region: str | None, again: str | None
) -> None:
    digits = e164_digits(example[1])
    assert check_phone(digits, region) == (digits, None)
    first = check_phone(phonenumbers.format_number(example[1], PhoneNumberFormat.INTERNATIONAL))
    assert first == (digits, None)
    assert check_phone(str(first[0]), again) == (digits, None)


def _groups(written: str) -> list[str]:
    return re.findall("[0-9]+", written)


def _also_so_elsewhere(text: str, region: str | None, national: bool) -> bool:
    """Whether `text`, written as `region` writes its numbers (`national`) or as a number for
    abroad, is also exactly how the other reading of its digits is written: truly ambiguous."""
    digits = "".join(_groups(text))
    try:
        other = phonenumbers.parse(
            "+" + digits if national else digits, None if national else region
        )
    except phonenumbers.NumberParseException:
        return False
    style = PhoneNumberFormat.INTERNATIONAL if national else PhoneNumberFormat.NATIONAL
    return phonenumbers.is_valid_number(other) and _groups(
        phonenumbers.format_number(other, style)
    ) == _groups(text)


def test_a_number_written_as_its_country_writes_it_is_that_number() -> None:
    """Exhaustive over the examples: the national format under its own region, and the
    international format without its `+` under the named regions, give the number with no
    note whenever they are written in groups, though the bare digits may read both ways,
    unless the other reading is written with the very same groups."""
    wrong, ambiguous = [], 0
    for region, number in EXAMPLES:
        digits = e164_digits(number)
        written = []
        if region != "001":
            national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
            written.append((national, region, True))
        abroad = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)[1:]
        written += [(abroad, other, False) for other in NAMED_REGIONS]
        for text, under, national_style in written:
            if len(_groups(text)) < 2:
                continue
            checked = check_phone(text, under)
            note = phone_note(checked)
            if note is not None and _also_so_elsewhere(text, under, national_style):
                ambiguous += 1
                assert checked[0] == "".join(_groups(text)), text  # the international, noted
            elif checked != (digits, None) or note is not None:
                wrong.append((text, under, checked, note))
    assert wrong == []
    assert ambiguous < 150  # the rare digits and groups that two countries share


@settings(max_examples=600, deadline=None)
@given(example=st.sampled_from([e for e in EXAMPLES if e[0] != "001"]))
def test_the_national_format_under_its_own_region_gives_the_e164_digits(
    example: tuple[str, PhoneNumber],
) -> None:
    region, number = example
    digits = e164_digits(number)
    written = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    checked = check_phone(written, region)
    note = phone_note(checked)
    if note is None:
        assert checked == (digits, None), written
    else:  # ambiguous: the international reading was taken, and the note names this one
        assert checked[0] == "".join(_groups(written)), written
        assert f"+{number.country_code}" in note
    assert check_phone(str(checked[0]), region) == checked, "and checked again, it stays"


def test_every_ambiguous_national_example_is_noted_not_guessed() -> None:
    """Of the national formats that are also valid international numbers, none is silent."""
    silent = []
    for region, number in EXAMPLES:
        if region == "001":
            continue
        written = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        checked = check_phone(written, region)
        if checked[0] != e164_digits(number) and phone_note(checked) is None:
            silent.append((region, written, checked))
    assert silent == []


DIGITS = st.text("0123456789", min_size=2, max_size=18)


@settings(max_examples=1500, deadline=None)
@given(typed=DIGITS, region=REGIONS, again=REGIONS)
@example(typed="447700561913", region="CH", again="CH")  # the reported case
@example(typed="49056", region="DE", again="DE")  # possible, and would move if checked again
@example(typed="3100584003100", region="MO", again="TZ")  # a 0 after the country code
@example(typed="88808425", region="BY", again=None)  # a trunk prefix after the country code
@example(typed="00868609948", region="CX", again="CX")  # international: only valid ones stay
def test_any_digits_once_normalised_stay_put(
    typed: str, region: str | None, again: str | None
) -> None:
    digits, reason = check_phone(typed, region)
    if digits is None:
        assert reason
        return
    assert check_phone("+" + digits) == (digits, None), "the digits are canonical"
    if not typed.startswith("00"):  # bare digits, not an international number
        assert check_phone(digits, region) == (digits, None), "and stay under the same region"
    if phonenumbers.is_valid_number(phonenumbers.parse("+" + digits)):
        assert check_phone(digits, again) == (digits, None), "a valid number stays everywhere"


@st.composite
def grouped(draw: st.DrawFn) -> str:
    """Digits typed in groups, as people write numbers: `(201) 555-0123`, `8 491 234-56-78`."""
    digits = draw(DIGITS)
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(digits) - 1)), max_size=4)))
    groups = [digits[a:b] for a, b in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
    groups = [g for g in groups if g]
    if draw(st.booleans()) and len(groups) > 1:
        groups[0] = f"({groups[0]})"
    return "".join(g + draw(st.sampled_from([" ", "-", ".", ""])) for g in groups).strip(" -.")


@settings(max_examples=1500, deadline=None)
@given(typed=grouped(), region=REGIONS, again=REGIONS)
@example(typed="(201) 555-0123", region="US", again="EG")
@example(typed="8 (491) 234-56-78", region="RU", again="VN")
@example(typed="20 15 550123", region="US", again="US")
@example(typed="0095000000", region="DE", again=None)  # 00: international, as the other test
def test_grouped_numbers_once_normalised_stay_put(
    typed: str, region: str | None, again: str | None
) -> None:
    """However the groups decide between two readings, the digits they give are canonical and
    stay themselves when checked again: the grouping never decides twice."""
    digits, reason = check_phone(typed, region)
    if digits is None:
        assert reason
        return
    assert check_phone("+" + digits) == (digits, None), "the digits are canonical"
    if not "".join(_groups(typed)).startswith("00"):  # bare digits, not an international number
        assert check_phone(digits, region) == (digits, None), "and stay under the same region"
    if phonenumbers.is_valid_number(phonenumbers.parse("+" + digits)):
        assert check_phone(digits, again) == (digits, None), "a valid number stays everywhere"
