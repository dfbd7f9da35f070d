"""Which library reads phone numbers: rphonenumbers when it may, else phonenumbers.

rphonenumbers runs phonenumbers' parse and checks in Rust, several times faster (the figures
are in docs/performance.md). It is taken only as the pair it was verified with: its version
and the installed phonenumbers' version must be one of `VERIFIED`, because its numbering
rules are compiled in while phonenumbers' are data, and the two answer alike only for the
same rules. `benchmarks/phone_engines.py` checks that: it reads 1,000,000 generated numbers
of every region with both and fails on any answer that differs; CI runs it. phonenumbers
stays the fallback, and the only engine for everything else (metadata, country names).

`OMNI_DESKTOP_PHONE_ENGINE=phonenumbers` in the environment keeps to phonenumbers.
"""

from __future__ import annotations

import os
from types import ModuleType

ENVIRONMENT = "OMNI_DESKTOP_PHONE_ENGINE"
FAST, REFERENCE = "rphonenumbers", "phonenumbers"
# (rphonenumbers, phonenumbers) versions whose answers were compared as above; a bump of
# either package needs the comparison run again and the pair added here.
VERIFIED = frozenset({("0.1.0", "9.0.41")})


def fast_engine() -> ModuleType | None:
    """rphonenumbers, when it is installed and verified with this phonenumbers, else None."""
    try:
        import phonenumbers
        import rphonenumbers
    except ImportError:  # no wheel for this platform: phonenumbers alone
        return None
    if (rphonenumbers.__version__, phonenumbers.__version__) not in VERIFIED:
        return None
    engine: ModuleType = rphonenumbers
    return engine


def choose(name: str | None = None) -> ModuleType:
    """The engine: `name` (FAST or REFERENCE), else the environment's choice, else the fastest.

    Asking for FAST where it may not be used gives phonenumbers.
    """
    import phonenumbers

    name = name or os.environ.get(ENVIRONMENT) or FAST
    if name == FAST:
        return fast_engine() or phonenumbers
    return phonenumbers


def describe(engine: ModuleType) -> str:
    """E.g. "rphonenumbers 0.1.0 with phonenumbers 9.0.41", for the version line."""
    import phonenumbers

    if engine is phonenumbers:
        return f"phonenumbers {phonenumbers.__version__}"
    return f"{engine.__name__} {engine.__version__} with phonenumbers {phonenumbers.__version__}"
