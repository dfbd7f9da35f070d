"""The log file: rotating, in the log folder, and never holding a secret."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from omni_desktop.storage.logging_setup import (
    configure_logging,
    forget_secrets,
    log_folder,
    redact,
    redact_secret,
    unconfigure_logging,
)
from omni_desktop.storage.paths import AppPaths

KEY = "live-key-5e1d0b8c7a6f4e3d2c1b"
PASSWORD = "pa55-Wörd-42"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = AppPaths.under(tmp_path).log
    level = logging.getLogger().level
    yield folder
    unconfigure_logging()
    forget_secrets()
    logging.getLogger().setLevel(level)


def test_secrets_are_redacted_from_message_args_and_exception(log_dir: Path) -> None:
    path = configure_logging(log_dir)
    assert path == log_dir / "omni-desktop.log"
    assert log_folder() == log_dir
    redact_secret(KEY, PASSWORD)
    log = logging.getLogger("omni_desktop.test")
    log.info("loaded key %s for %s", KEY, "Production")
    log.info(f"message text holds {KEY} itself")
    log.warning("headers: %r", {"Authorization": "Bearer never-registered-token-123"})
    log.info("password=%s", PASSWORD)
    try:
        raise RuntimeError(f"server echoed App {KEY}")
    except RuntimeError:
        log.exception("send failed for %s", KEY)
    log.error("dead", stack_info=True, extra={"note": "x"})
    logging.getLogger("httpx").info("Authorization: Basic dXNlcjpwYXNzd29yZA==")
    for handler in logging.getLogger().handlers:
        handler.flush()

    text = path.read_text(encoding="utf-8")
    assert KEY not in text and PASSWORD not in text
    assert "never-registered-token-123" not in text
    assert "dXNlcjpwYXNzd29yZA" not in text
    assert "loaded key *** for Production" in text
    assert "message text holds *** itself" in text
    assert "'Authorization': 'Bearer ***'" in text
    assert "RuntimeError: server echoed App ***" in text  # the traceback is there, masked
    assert "Traceback (most recent call last)" in text
    assert "Authorization: Basic ***" in text


def test_the_handler_rotates_at_one_megabyte_and_is_replaced_not_doubled(log_dir: Path) -> None:
    configure_logging(log_dir)
    configure_logging(log_dir, level=logging.DEBUG)
    ours = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert len(ours) == 1
    assert (ours[0].maxBytes, ours[0].backupCount) == (1_000_000, 5)
    assert logging.getLogger().level == logging.DEBUG


def test_redact_masks_header_forms() -> None:
    assert redact("Authorization: App abc123") == "Authorization: App ***"
    assert redact('"authorization": "IBSSO tok.en-1"') == '"authorization": "IBSSO ***"'
    assert redact("('authorization', 'Basic Zm9vOmJhcg==')") == "('authorization', 'Basic ***')"
    assert redact("nothing secret here") == "nothing secret here"


def test_log_folder_defaults_to_the_platform_folder() -> None:
    unconfigure_logging()
    assert log_folder() == AppPaths.default().log
