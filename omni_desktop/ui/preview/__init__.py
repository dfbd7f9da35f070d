"""Device previews beside the channel tabs: how each channel's message will look."""

from __future__ import annotations

from omni_desktop.ui.preview.base import PreviewInput
from omni_desktop.ui.preview.panel import PreviewPanel

__all__ = ["PreviewInput", "PreviewPanel"]
