"""Replaces the contributed phonenumbers hook, which collects every submodule.

Parsing and validating numbers needs only the metadata in `phonenumbers.data` (and
`shortdata`), imported by name at run time; the geocoder, carrier and time-zone tables are never
used by omni-desktop and weigh over 40 MB of source.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata")

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(UNUSED))
