"""Replaces the contributed phonenumbers hook, which collects every submodule.

Parsing and validating numbers needs only the metadata in `phonenumbers.data`, imported by name
at run time; the geocoder, carrier and time-zone tables and the short numbers' tables are never
used by omni-desktop (the geocoder's alone weigh over 40 MB of source).
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_submodules

# Short numbers (112, 117…) are never checked: their per-region tables stay out as well.
UNUSED = (
    "phonenumbers.geodata",
    "phonenumbers.carrierdata",
    "phonenumbers.tzdata",
    "phonenumbers.shortdata.region_",
)

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(UNUSED))
