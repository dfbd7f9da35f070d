"""The version line shown by --version and Help > About."""

from __future__ import annotations

from omni_desktop import __version__


def version_text() -> str:
    """The version line with the Qt, PySide6, Python and number engine's versions beside it."""
    import platform

    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()}, PySide6 {PySide6.__version__}"
    except ImportError:  # pragma: no cover - PySide6 is a hard dependency
        qt = "Qt not available"
    from omni_desktop.core.addresses import engine_description

    python = f"Python {platform.python_version()}"
    return f"omni-desktop {__version__} ({qt}, {python}, {engine_description()})"
