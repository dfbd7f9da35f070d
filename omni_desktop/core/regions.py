"""Default regions: the two-letter country codes that say how national numbers are read."""

from __future__ import annotations

from functools import lru_cache

from omni_desktop.core.i18n import tr


@lru_cache(maxsize=1)
def known_regions() -> frozenset[str]:
    """Every region phonenumbers has numbering rules for (ISO 3166 codes such as CH, HR)."""
    import phonenumbers

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def check_region(text: str) -> tuple[str | None, str | None]:
    """(the upper-case code, None) or (None, why not), for a code such as "ch" or " HR "."""
    code = text.strip().upper()
    if code in known_regions():
        return code, None
    return None, tr(
        "{code!r} is not a country code for phone numbers; use two letters such as CH or HR."
    ).format(code=text.strip())
