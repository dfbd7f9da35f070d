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
