"""The log file: `omni-desktop.log` in the log folder, rotated, with every secret redacted.

Secrets reach the filter through `redact_secret()`, a process-wide registry the app feeds with
each API key, password or token it loads (`SecretStore` does so itself). The filter also hides
the value of any `Authorization: <scheme> <value>` text, secrets it was never told about
included. It rewrites the record itself (message, arguments, exception and stack text), so
every handler after it sees the redacted text.
"""

from __future__ import annotations

import logging
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from omni_desktop.storage.paths import LOG_FILE, AppPaths, ensure_folder

MASK = "***"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# `Authorization: App 0030...`, `"Authorization": "Basic dXN..."`, `('authorization', 'IBSSO x')`
_HEADER = re.compile(
    r"""(authorization['"]?\s*[:=,]\s*['"]?\s*)([A-Za-z][\w-]*)(\s+)([^\s'",;}\])]+)""",
    re.IGNORECASE,
)

_lock = threading.Lock()
_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None
_handler: RotatingFileHandler | None = None


def redact_secret(*secrets: str) -> None:
    """Hide each of `secrets` from the log from now on (empty strings are ignored)."""
    global _pattern
    with _lock:
        _secrets.update(s for s in secrets if s)
        ordered = sorted(_secrets, key=len, reverse=True)  # the longest first: no partial leaks
        _pattern = re.compile("|".join(re.escape(s) for s in ordered)) if ordered else None


def forget_secrets() -> None:
    """Empty the registry (for tests, and when every profile is signed out)."""
    global _pattern
    with _lock:
        _secrets.clear()
        _pattern = None


def redact(text: str) -> str:
    """`text` with every registered secret and every Authorization header value masked."""
    pattern = _pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    return _HEADER.sub(lambda m: f"{m[1]}{m[2]}{m[3]}{MASK}", text)


class SecretRedactingFilter(logging.Filter):
    """Masks secrets in the formatted message, the exception text and the stack text."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken %-format: keep what it was, but still masked
            message = f"{record.msg!s} {record.args!r}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def configure_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Log to `folder/omni-desktop.log` (1 MB × 5 rotated copies); returns the file's path.

    Calling it again replaces the handler it installed before. StorageError if the folder
    cannot be created.
    """
    global _handler
    ensure_folder(folder)
    path = folder / LOG_FILE
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(SecretRedactingFilter())
    root = logging.getLogger()
    with _lock:
        old, _handler = _handler, handler
    if old is not None:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    return path


def unconfigure_logging() -> None:
    """Remove and close the handler `configure_logging` installed (at quit, and in tests)."""
    global _handler
    with _lock:
        old, _handler = _handler, None
    if old is not None:
        logging.getLogger().removeHandler(old)
        old.close()


def log_folder() -> Path:
    """The folder Help > Open log folder shows: the configured one, else the platform's."""
    handler = _handler
    if handler is not None:
        return Path(handler.baseFilename).parent
    return AppPaths.default().log


__all__ = [
    "SecretRedactingFilter",
    "configure_logging",
    "forget_secrets",
    "log_folder",
    "redact",
    "redact_secret",
    "unconfigure_logging",
]
