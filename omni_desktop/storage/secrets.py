"""Secrets (API keys, passwords, tokens) in the system keyring, or in memory for this run only.

One keyring entry per profile: service `omni-desktop`, username = the profile's name. Where no
usable keyring exists (headless Linux, some frozen builds, the `fail`/`null` backends), every
call that needs it raises `NoKeyring` with a plain sentence, and the app may offer
`remember_in_memory()`: the secret then lives in this process only and is never written
anywhere. Every secret this store sees is registered with the log filter.
"""

from __future__ import annotations

import threading
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

from omni_desktop.core.i18n import tr

from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.logging_setup import redact, redact_secret

SERVICE = "omni-desktop"


def _keyring() -> ModuleType:
    """keyring, imported on first use: finding its backends takes a while, which a start on
    the sandbox need not pay."""
    import keyring
    import keyring.backends.chainer
    import keyring.backends.fail
    import keyring.backends.null
    import keyring.errors

    return keyring


class NoKeyring(Exception):
    """No usable system keyring; str() is one plain sentence that offers the memory-only way."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.sentence = tr(
            "No system keyring is available ({reason}); the key can be kept in memory for "
            "this session only."
        ).format(reason=reason)
        super().__init__(self.sentence)


def unusable_reason(backend: KeyringBackend) -> str | None:
    """Why `backend` cannot keep a secret, or None when it can."""
    if isinstance(backend, _keyring().backends.fail.Keyring):
        return tr("no keyring service was found on this system")
    if isinstance(backend, _keyring().backends.null.Keyring):
        return tr("the keyring is switched off")
    if isinstance(backend, _keyring().backends.chainer.ChainerBackend) and not backend.backends:
        return tr("no keyring service was found on this system")
    return None


def _failure(exc: Exception) -> str:
    text = redact(str(exc)).strip()
    name = type(exc).__name__
    return tr("the keyring refused: {name}").format(name=f"{name}: {text}" if text else name)


class SecretStore:
    """Per-profile secrets; safe to use from any thread."""

    def __init__(self, service: str = SERVICE, backend: KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend  # None: whatever `keyring.get_keyring()` gives at each call
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or _keyring().get_keyring()

    def problem(self) -> NoKeyring | None:
        """The NoKeyring a keyring call would raise now, or None when the keyring is usable."""
        reason = unusable_reason(self.backend)
        return None if reason is None else NoKeyring(reason)

    def available(self) -> bool:
        return self.problem() is None

    def get(self, profile: str) -> str | None:
        """The profile's secret (from memory first), None if none is stored; NoKeyring."""
        with self._lock:
            secret = self._memory.get(profile)
        if secret is None:
            problem = self.problem()
            if problem is not None:
                raise problem
            try:
                secret = self.backend.get_password(self.service, profile)
            except _keyring().errors.KeyringError as exc:
                raise NoKeyring(_failure(exc)) from None
        if secret:
            redact_secret(secret)
        return secret or None

    def set(self, profile: str, secret: str) -> None:
        """Keep the secret in the system keyring; NoKeyring when there is none usable."""
        if not secret:
            raise ValueError(tr("The secret is empty: enter the API key, password or token."))
        redact_secret(secret)
        problem = self.problem()
        if problem is not None:
            raise problem
        try:
            self.backend.set_password(self.service, profile, secret)
        except _keyring().errors.KeyringError as exc:
            raise NoKeyring(_failure(exc)) from None
        with self._lock:
            self._memory.pop(profile, None)

    def remember_in_memory(self, profile: str, secret: str) -> None:
        """Keep the secret in this process only, after the operator agreed to; never written."""
        if not secret:
            raise ValueError(tr("The secret is empty: enter the API key, password or token."))
        redact_secret(secret)
        with self._lock:
            self._memory[profile] = secret

    def in_memory(self, profile: str) -> bool:
        """Whether this profile's secret is held in memory only (gone when the app quits)."""
        with self._lock:
            return profile in self._memory

    def delete(self, profile: str) -> None:
        """Forget the secret everywhere; nothing to forget is fine. StorageError if refused."""
        with self._lock:
            self._memory.pop(profile, None)
        if self.problem() is not None:
            return
        try:
            self.backend.delete_password(self.service, profile)
        except _keyring().errors.PasswordDeleteError:
            pass  # there was none
        except _keyring().errors.KeyringError as exc:
            raise StorageError(
                tr(
                    "The secret of profile “{profile}” could not be removed from the system "
                    "keyring ({reason}); remove it with the system's keyring tool."
                ).format(profile=profile, reason=_failure(exc))
            ) from None

    def rename(self, old: str, new: str) -> None:
        """Move the secret of a renamed profile to its new name (memory or keyring)."""
        if old == new:
            return
        with self._lock:
            held = self._memory.pop(old, None)
            if held is not None:
                self._memory[new] = held
        if held is not None or self.problem() is not None:
            return
        secret = self.get(old)
        if secret is not None:
            self.set(new, secret)
            self.delete(old)


__all__ = ["SERVICE", "NoKeyring", "SecretStore", "unusable_reason"]
