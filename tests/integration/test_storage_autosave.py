"""Autosave: a crash leaves a copy the next start offers; a clean quit leaves nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from omni_desktop.core.message import Destination, OmniMessage

from omni_desktop.storage.autosave import Autosave
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.paths import AppPaths

SAVED_AT = datetime(2026, 5, 1, 9, 30, 15, tzinfo=UTC)


def draft() -> OmniMessage:
    message = OmniMessage(scenario_key="SCN-1", destinations=[Destination(phone="385911234561")])
    message.content("sms").values["text"] = "Unsaved words"
    return message


def autosave_in(tmp_path: Path) -> Autosave:
    return Autosave(AppPaths.under(tmp_path).autosave_folder, clock=lambda: SAVED_AT)


def test_restore_after_an_unclean_exit(tmp_path: Path) -> None:
    original = tmp_path / "drafts" / "parcel.omni.json"
    autosave_in(tmp_path).save(draft(), original)
    # The process died here. The next start, with a new Autosave:
    pending = autosave_in(tmp_path).pending_restore()
    assert pending is not None
    assert pending.message == draft()
    assert pending.original_path == original
    assert pending.saved_at == SAVED_AT
    marker = json.loads((tmp_path / "data" / "autosave" / "autosave.json").read_text())
    assert marker == {
        "draft_path": str(original),
        "saved_at": SAVED_AT.isoformat(),
        "clean_exit": False,
    }


def test_a_never_saved_draft_is_restored_without_a_path(tmp_path: Path) -> None:
    autosave_in(tmp_path).save(draft())
    pending = autosave_in(tmp_path).pending_restore()
    assert pending is not None and pending.original_path is None


def test_no_restore_after_a_clean_exit(tmp_path: Path) -> None:
    autosave = autosave_in(tmp_path)
    autosave.save(draft())
    autosave.mark_clean_exit()
    assert not autosave.draft_file.exists()
    assert autosave_in(tmp_path).pending_restore() is None
    assert json.loads(autosave.marker_file.read_text())["clean_exit"] is True


def test_nothing_to_restore_on_a_first_start(tmp_path: Path) -> None:
    autosave = autosave_in(tmp_path)
    assert autosave.pending_restore() is None
    autosave.mark_clean_exit()  # quitting without ever autosaving is fine
    autosave.discard()


def test_discard_forgets_the_copy(tmp_path: Path) -> None:
    autosave = autosave_in(tmp_path)
    autosave.save(draft())
    autosave.discard()
    assert autosave.pending_restore() is None
    assert list(autosave.folder.iterdir()) == []


def test_a_copy_without_its_marker_still_counts_as_a_crash(tmp_path: Path) -> None:
    autosave = autosave_in(tmp_path)
    autosave.save(draft())
    autosave.marker_file.unlink()  # died between the two writes of a first save
    pending = autosave_in(tmp_path).pending_restore()
    assert pending is not None and pending.message == draft()


def test_a_failed_autosave_says_so_in_a_plain_sentence(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    autosave = autosave_in(tmp_path)
    with pytest.raises(StorageError) as caught:
        autosave.save(draft())
    assert str(caught.value) == (
        f"The draft could not be saved automatically to {autosave.folder}: a part of the path "
        "is a file, not a folder. It is still open in the window; save it with Save As to "
        "another folder, or free some disk space."
    )


def test_a_damaged_copy_is_not_offered(tmp_path: Path) -> None:
    autosave = autosave_in(tmp_path)
    autosave.save(draft())
    autosave.draft_file.write_text("{ cut off", encoding="utf-8")
    assert autosave.pending_restore() is None
