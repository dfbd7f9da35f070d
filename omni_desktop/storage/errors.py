"""`StorageError`: a file or the history database could not be used; one plain sentence.

Every storage module turns `OSError` and `sqlite3` errors into this type, so the UI catches one
exception and shows `str(error)` as it is. The sentence never holds a secret: it is built from
paths and error codes only.
"""

from __future__ import annotations

import errno

from omni_desktop.core.i18n import tr, tr_noop


class StorageError(Exception):
    """A settings, draft or history file could not be read or written; str() is one sentence."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


_REASONS = {
    errno.ENOSPC: tr_noop("the disk is full"),
    errno.EDQUOT: tr_noop("the disk quota is used up"),
    errno.EROFS: tr_noop("the disk is read-only"),
    errno.EACCES: tr_noop("permission was denied"),
    errno.EPERM: tr_noop("permission was denied"),
    errno.ENOTDIR: tr_noop("a part of the path is a file, not a folder"),
    errno.EEXIST: tr_noop("a file is in the way where a folder should be"),
    errno.ENOENT: tr_noop("the folder does not exist"),
    errno.EIO: tr_noop("the disk could not be read or written (input/output error)"),
}


def os_reason(exc: OSError) -> str:
    """A short cause for an `OSError`, fit to go inside a sentence."""
    if exc.errno in _REASONS:
        return tr(_REASONS[exc.errno])
    return exc.strerror or type(exc).__name__


__all__ = ["StorageError", "os_reason"]
