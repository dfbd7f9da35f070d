"""Secrets in the keyring, or in memory only when there is no keyring; never anywhere else."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
from stand_ins import DictKeyring

from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.logging_setup import redact
from omni_desktop.storage.secrets import SERVICE, NoKeyring, SecretStore

SECRET = "key-7f3a9c1e5b2d4f6a8c0e"
NO_KEYRING_NULL = (
    "No system keyring is available (the keyring is switched off); the key can be kept in "
    "memory for this session only."
)


class LockedKeyring(DictKeyring):
    """A keyring that exists but refuses to store (e.g. locked, or the user said no)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")


def test_the_test_environment_has_the_null_keyring() -> None:
    assert isinstance(keyring.get_keyring(), keyring.backends.null.Keyring)


def test_no_keyring_says_so_and_offers_memory_only(tmp_path: Path) -> None:
    store = SecretStore()
    assert not store.available()
    with pytest.raises(NoKeyring) as caught:
        store.set("Production", SECRET)
    assert str(caught.value) == NO_KEYRING_NULL
    with pytest.raises(NoKeyring, match="switched off"):
        store.get("Production")
    assert not store.in_memory("Production")

    store.remember_in_memory("Production", SECRET)
    assert store.in_memory("Production")
    assert store.get("Production") == SECRET
    assert redact(f"key={SECRET}") == "key=***"  # registered with the log filter

    # The next run (a new store) has nothing: it was never written anywhere.
    with pytest.raises(NoKeyring):
        SecretStore().get("Production")
    store.delete("Production")
    assert not store.in_memory("Production")


def test_the_fail_backend_counts_as_no_keyring() -> None:
    store = SecretStore(backend=keyring.backends.fail.Keyring())
    with pytest.raises(NoKeyring) as caught:
        store.set("Production", SECRET)
    assert str(caught.value) == (
        "No system keyring is available (no keyring service was found on this system); "
        "the key can be kept in memory for this session only."
    )


def test_a_keyring_that_refuses_gives_no_keyring_with_its_reason() -> None:
    keyring.set_keyring(LockedKeyring())
    store = SecretStore()
    with pytest.raises(NoKeyring) as caught:
        store.set("Production", SECRET)
    assert str(caught.value) == (
        "No system keyring is available (the keyring refused: KeyringLocked: the collection "
        "is locked); the key can be kept in memory for this session only."
    )
    store.remember_in_memory("Production", SECRET)
    assert store.get("Production") == SECRET


def test_round_trip_through_the_keyring(os_keyring: DictKeyring) -> None:
    store = SecretStore()
    assert store.available()
    assert store.get("Production") is None
    store.set("Production", SECRET)
    assert os_keyring.entries == {(SERVICE, "Production"): SECRET}
    assert not store.in_memory("Production")
    assert SecretStore().get("Production") == SECRET  # a later run finds it
    assert redact(SECRET) == "***"

    store.rename("Production", "Live")
    assert os_keyring.entries == {(SERVICE, "Live"): SECRET}
    store.delete("Live")
    store.delete("Live")  # nothing left to delete is fine
    assert os_keyring.entries == {}


def test_storing_in_the_keyring_replaces_a_memory_copy(os_keyring: DictKeyring) -> None:
    store = SecretStore()
    store.remember_in_memory("Production", "old-" + SECRET)
    store.set("Production", SECRET)
    assert not store.in_memory("Production")
    assert store.get("Production") == SECRET


def test_empty_secrets_are_refused(os_keyring: DictKeyring) -> None:
    with pytest.raises(ValueError, match="The secret is empty"):
        SecretStore().set("Production", "")


def test_a_refused_delete_is_a_storage_error() -> None:
    class Stubborn(DictKeyring):
        def delete_password(self, service: str, username: str) -> None:
            raise keyring.errors.KeyringError("access denied")

    keyring.set_keyring(Stubborn())
    with pytest.raises(StorageError, match="could not be removed from the system keyring"):
        SecretStore().delete("Production")
