"""Regression: PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call.

After a few thousand calls the interpreter dies with `Fatal Python error: none_dealloc`. The
pin in pyproject.toml avoids that combination; this test fails loudly if it comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_refcount() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(20_000):
        obj.setObjectName(f"n{i % 7}")  # a void call
    after = sys.getrefcount(None)
    # Unrelated code may take or drop a handful of references; the bug loses one per call.
    assert abs(after - before) < 100, f"None refcount moved by {after - before} over 20,000 calls"
