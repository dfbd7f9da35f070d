"""Translation of operator text through Qt: `tr()` for the window's sentences, and the one
translator the whole app (core and storage included, see `core.i18n`) uses.

Translations are `resources/translations/omni_desktop_<lang>.qm`, made by Qt's `lrelease` from
the `.ts` files that `lupdate` extracts (see resources/translations/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from omni_desktop.core import i18n
from omni_desktop.core.i18n import grouped, trn

CONTEXT = ""  # lupdate files a plain `tr("…")` call under the empty context
PREFIX = "omni_desktop"

__all__ = ["grouped", "install_translation", "tr", "translations_folder", "trn"]


def tr(text: str, disambiguation: str | None = None) -> str:
    """`text` in the operator's language, or unchanged when no translation is installed."""
    return i18n.sentence(QCoreApplication.translate(CONTEXT, text, disambiguation))


def _translate(text: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def translations_folder() -> Path:
    """resources/translations beside the package, or inside the frozen bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent.parent))
    return base / "resources" / "translations"


def install_translation(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load the translation for `locale` (default: the system's) into `app` and the core.

    Returns the installed translator (keep it alive), or None when the locale's language has
    none (English: the text as written).
    """
    locale = locale or QLocale()
    translator = QTranslator(app)
    if not translator.load(locale, PREFIX, "_", str(translations_folder())):
        i18n.install(None)
        return None
    app.installTranslator(translator)
    # Counts are written as the operator's country writes them (Switzerland 100'000,
    # Germany 100.000); English, untranslated, keeps 100,000.
    i18n.install(_translate, grouping=locale.groupSeparator())
    # Qt's own words (OK, Cancel, Yes, No in standard dialogs) in the same language.
    qt_words = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_words.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_words)
    return translator
