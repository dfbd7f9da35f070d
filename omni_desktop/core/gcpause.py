"""Holding the cycle collector while a big, cycle-free structure is built, and shortening the
interpreter's lock slices while a worker thread is busy beside the window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cycle collector while many objects without cycles are made.

    100,000 recipients' copies or request entries form no cycles, yet their allocation sets off
    several full collections over the whole heap; held, they cost at most one pass afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


SWITCH_INTERVAL = 0.001  # seconds a busy worker may keep the interpreter lock while the GUI waits


@contextmanager
def quick_switches(interval: float = SWITCH_INTERVAL) -> Iterator[None]:
    """Shorter interpreter-lock slices meanwhile: a worker keeps the lock for the switch
    interval (5 ms by default) each time the GUI thread asks for it, several times a frame."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, interval))
    try:
        yield
    finally:
        sys.setswitchinterval(before)
