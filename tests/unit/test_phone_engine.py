"""The number engine: rphonenumbers only as the verified pair, answering as phonenumbers does."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from omni_desktop.core import addresses, phone_engine
from omni_desktop.core.addresses import check_phone, phone_note

from omni_desktop.about import version_text

ROOT = Path(__file__).resolve().parents[2]
REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)


@pytest.fixture
def engines() -> Iterator[None]:
    """Whatever a test switches to, the next one starts with the app's own choice."""
    yield
    addresses.use_engine(phone_engine.FAST)


def test_the_installed_pair_is_verified_and_reads_the_numbers() -> None:
    # pyproject pins the pair; were it not verified, the app would quietly be slow.
    assert phone_engine.fast_engine() is not None
    assert "rphonenumbers 0.1.0 with phonenumbers 9.0.41" in version_text()
    assert addresses.engine_description().startswith("rphonenumbers")


def test_an_unverified_pair_falls_back_to_phonenumbers(
    engines: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(phone_engine, "VERIFIED", frozenset({("0.1.0", "0.0.0")}))
    assert phone_engine.fast_engine() is None
    assert addresses.use_engine(phone_engine.FAST) == f"phonenumbers {phonenumbers.__version__}"
    assert check_phone("079 302 67 27", "CH") == ("41793026727", None)


def test_the_environment_can_keep_to_phonenumbers(
    engines: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(phone_engine.ENVIRONMENT, phone_engine.REFERENCE)
    addresses._load()
    assert addresses.engine is phonenumbers
    assert addresses.engine_description() == f"phonenumbers {phonenumbers.__version__}"


def _both(text: str, region: str | None) -> tuple[object, object]:
    answers = []
    for name in (phone_engine.REFERENCE, phone_engine.FAST):
        addresses.use_engine(name)
        answer = check_phone(text, region)
        answers.append((answer, phone_note(answer)))
    return answers[0], answers[1]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("84912345678", "RU"),  # both readings valid: the note names countries (phonenumbers')
        ("4949056", "DE"),  # possible, and would become another valid number: refused
        ("+39 06 1234 5678", None),  # Italy's leading zero
        ("+31 00 58 12 34 56", None),  # a 0 a parse would strip as a trunk prefix
        ("+" + "1" * 300, None),  # longer than any parse takes
        ("0", "CH"),
        ("2" + "0" * 19, "AC"),  # bare digits past a 64-bit number (rphonenumbers' limit)
    ],
)
def test_the_rule_s_corners_answer_alike(engines: None, text: str, region: str | None) -> None:
    reference, fast = _both(text, region)
    assert fast == reference


@settings(max_examples=300, deadline=None)
@given(
    digits=st.text("0123456789", min_size=1, max_size=20),
    start=st.sampled_from(["+", "00", "", "0"]),
    region=st.none() | st.sampled_from(REGIONS),
)
def test_any_digits_answer_alike(digits: str, start: str, region: str | None) -> None:
    try:
        reference, fast = _both(start + digits, region)
    finally:
        addresses.use_engine(phone_engine.FAST)
    assert fast == reference


def test_the_differential_comparison_finds_no_difference() -> None:
    """The comparison CI runs on 1,000,000 numbers, on a sample of every region's numbers."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "phone_engines.py"), "--count", "20000"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checked 20,000" in result.stdout
    assert "0 answers differ" in result.stdout.splitlines()[-1]
