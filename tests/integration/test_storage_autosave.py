"""Autosave: a crash leaves a copy the next start offers; a clean quit leaves nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from omni_desktop.core.message import Destination, OmniMessage

from omni_desktop.storage.autosave import Autosave, DamagedAutosave
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


def test_a_damaged_copy_is_set_aside_not_offered(tmp_path: Path) -> None:
    autosave = autosave_in(tmp_path)
    autosave.save(draft())
    autosave.draft_file.write_text("{ cut off", encoding="utf-8")
    with pytest.raises(DamagedAutosave) as caught:
        autosave.pending_restore()
    aside = autosave.folder / "autosave.omni.json.damaged-20260501T093015Z"
    assert str(caught.value) == (
        f"The autosaved draft was kept as {aside} and not restored: autosave.omni.json is not "
        "valid JSON (line 1, column 3: Expecting property name enclosed in double quotes)."
    )
    assert aside.read_text(encoding="utf-8") == "{ cut off"
    assert autosave.pending_restore() is None


def test_an_unanswered_offer_survives_a_clean_exit(tmp_path: Path) -> None:
    autosave_in(tmp_path).save(draft())
    offering = autosave_in(tmp_path)
    assert offering.pending_restore() is not None
    offering.awaiting_answer()
    offering.mark_clean_exit()  # the window closed while "Restore draft?" was open
    pending = autosave_in(tmp_path).pending_restore()
    assert pending is not None and pending.message == draft()


def test_an_answered_offer_lets_a_clean_exit_remove_the_copy(tmp_path: Path) -> None:
    autosave_in(tmp_path).save(draft())
    offering = autosave_in(tmp_path)
    offering.awaiting_answer()
    offering.restored()  # the draft is in the window now; a clean exit ends the copy
    offering.mark_clean_exit()
    assert autosave_in(tmp_path).pending_restore() is None
    declined = autosave_in(tmp_path)
    declined.save(draft())
    declined.awaiting_answer()
    declined.discard()
    assert autosave_in(tmp_path).pending_restore() is None


def test_a_draft_that_could_not_be_opened_again_is_not_autosaved(tmp_path: Path) -> None:
    autosave = autosave_in(tmp_path)
    autosave.save(draft())
    broken = draft()
    broken.content("sms").values["text"] = "half an emoji \ud83d"
    with pytest.raises(StorageError) as caught:
        autosave.save(broken)
    assert "sms.text has a broken character" in str(caught.value)
    pending = autosave_in(tmp_path).pending_restore()
    assert pending is not None and pending.message == draft()  # the last good copy stays


def test_a_big_drafts_recipients_are_written_one_per_line_and_read_back_the_same(
    tmp_path: Path,
) -> None:
    """600 recipients (markup and quotes in a field that looks like the destinations key)."""
    from omni_desktop.core.message import to_json

    from omni_desktop.storage.drafts import BIG_DRAFT, draft_text, load_draft

    message = OmniMessage(
        destinations=[Destination(f"+4179302{i:04d}", message_id=f"id-{i}") for i in range(600)],
        callback_data='"destinations": [] <b>x</b>',
    )
    message.content("sms").values["text"] = "Hi"
    assert len(message.destinations) >= BIG_DRAFT
    text = draft_text(message)
    assert '\n    {"messageId": "id-0", "to": {"phoneNumber": "+41793020000"}},\n' in text
    path = tmp_path / "big.omni.json"
    path.write_text(text, encoding="utf-8")
    assert to_json(load_draft(path)) == to_json(message)
    assert json.loads(text)["callbackData"] == '"destinations": [] <b>x</b>'
