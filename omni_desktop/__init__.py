"""omni-desktop: compose and send Infobip OMNI failover messages."""

from __future__ import annotations

__version__ = "0.1.0"
