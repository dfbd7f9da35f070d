"""Shared test set-up: Qt runs offscreen unless a test asks for a real X server."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a screen, and must not pick up the developer's.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# qasync picks its Qt binding from QT_API; the app sets the same.
os.environ["QT_API"] = "pyside6"
# Never touch the developer's keyring or real folders from a test.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


from collections.abc import Iterator

import keyring
import pytest
from stand_ins import DictKeyring

from omni_desktop.storage.logging_setup import forget_secrets


@pytest.fixture(autouse=True)
def _restore_keyring() -> Iterator[None]:
    """Every test starts and ends on the null keyring, with no secret registered for masking."""
    before = keyring.get_keyring()
    forget_secrets()
    yield
    keyring.set_keyring(before)
    forget_secrets()


@pytest.fixture
def os_keyring() -> DictKeyring:
    """A stand-in OS keyring for this test (`_restore_keyring` puts the null one back)."""
    backend = DictKeyring()
    keyring.set_keyring(backend)
    return backend
