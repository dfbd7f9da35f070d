"""Damaged files at start: each is set aside beside itself, a sentence says where, and the
app goes on with defaults, a new history or no restore offer. Real files in tmp_path."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from omni_desktop.core.message import Destination, OmniMessage

from omni_desktop.storage.autosave import Autosave, DamagedAutosave
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.outbox_db import SCHEMA_VERSION, open_outbox_or_set_aside
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.recent import RecentFiles
from omni_desktop.storage.settings import Settings, SettingsFile

NOW = datetime(2026, 12, 1, 10, 15, 0, tzinfo=UTC)
STAMP = "20261201T101500Z"
DEEP = "[" * 100_000 + "]" * 100_000


def clock() -> datetime:
    return NOW


def paths_in(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path).ensure()


# --- settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        '{"version": 2, "futureSetting": ' + DEEP + "}",
        '{"version": 2, "futureSetting": ' + "[" * 900 + "]" * 900 + "}",
        '{"version": 2, "autosave_seconds": NaN}',
        '{"version": 2, "request_deadline_seconds": -Infinity}',
        '{"version": 2, "autosave_seconds": ' + "7" * 5000 + "}",
        '{"version": 2, "last_folder": "C:\\\\Drafts\\\\\\udc00"}',
    ],
    ids=["100,000 deep", "900 deep", "NaN", "-Infinity", "5,000 digits", "lone surrogate"],
)
def test_a_settings_file_that_cannot_be_used_is_set_aside(tmp_path: Path, content: str) -> None:
    file = SettingsFile(paths_in(tmp_path).settings_file, clock=clock)
    file.path.write_text(content, encoding="utf-8")
    loaded = file.load()
    aside = file.path.with_name(f"settings.json.damaged-{STAMP}")
    assert loaded.settings == Settings()
    assert loaded.set_aside == aside
    assert aside.read_text(encoding="utf-8") == content  # kept as it was
    assert not file.path.exists()
    assert loaded.notices == [
        f"The settings file was damaged; it was kept as {aside} and the defaults are used."
    ]
    file.save(Settings(autosave_seconds=9))  # and the settings work again
    assert file.load().settings.autosave_seconds == 9


def test_a_second_damaged_settings_file_in_the_same_second_keeps_the_first(
    tmp_path: Path,
) -> None:
    file = SettingsFile(paths_in(tmp_path).settings_file, clock=clock)
    for content in ("{cut", "[1, 2"):
        file.path.write_text(content, encoding="utf-8")
        file.load()
    first = file.path.with_name(f"settings.json.damaged-{STAMP}")
    second = file.path.with_name(f"settings.json.damaged-{STAMP}-2")
    assert first.read_text(encoding="utf-8") == "{cut"
    assert second.read_text(encoding="utf-8") == "[1, 2"


def test_an_absurd_number_in_a_setting_falls_back_to_its_default(tmp_path: Path) -> None:
    file = SettingsFile(paths_in(tmp_path).settings_file, clock=clock)
    file.path.write_text('{"version": 2, "autosave_seconds": ' + "9" * 90 + "}", "utf-8")
    loaded = file.load()
    assert loaded.settings.autosave_seconds == 5
    assert "autosave_seconds had an unusable value" in loaded.notices[0]


def test_a_damaged_recent_files_list_counts_as_empty(tmp_path: Path) -> None:
    recent = RecentFiles(paths_in(tmp_path).recent_file)
    recent.file.write_text(DEEP, encoding="utf-8")
    assert recent.paths() == []
    draft = tmp_path / "a.omni.json"
    assert recent.add(draft) == [draft.resolve()]


# --- autosave ----------------------------------------------------------------------------------


def crashed_with(tmp_path: Path, spoil: Callable[[str], str]) -> Autosave:
    """An autosave copy left by a crash, its text changed by `spoil`."""
    autosave = Autosave(paths_in(tmp_path).autosave_folder, clock=clock)
    message = OmniMessage(destinations=[Destination(phone="41793026727")])
    message.content("sms").values["text"] = "Typed, never saved"
    autosave.save(message)
    autosave.draft_file.write_text(spoil(autosave.draft_file.read_text("utf-8")), "utf-8")
    return Autosave(autosave.folder, clock=clock)


@pytest.mark.parametrize(
    ("spoil", "names"),
    [
        (
            lambda text: text.replace("{", '{"sendAt": "2026-12-02T10:00:00.000+99:99", ', 1),
            "+99:99",
        ),
        (
            lambda text: text.replace(
                '"sms": {', '"sms": {"validityPeriod": 1' + "0" * 30 + ",", 1
            ),
            "sms.validityPeriod",
        ),
        (lambda text: text.replace("{", '{"futureField": ' + "9" * 5000 + ", ", 1), "100 digits"),
        (lambda text: text.replace("{", '{"futureField": ' + DEEP + ", ", 1), "nested"),
        (lambda text: text.replace("Typed", "Typed \\ud800", 1), "sms.text"),
    ],
    ids=["sendAt +99:99", "validity 10**30", "5,000 digits", "100,000 deep", "lone surrogate"],
)
def test_an_autosave_copy_that_cannot_be_read_is_set_aside(
    tmp_path: Path, spoil: Callable[[str], str], names: str
) -> None:
    autosave = crashed_with(tmp_path, spoil)
    damaged = autosave.draft_file.read_text("utf-8")
    with pytest.raises(DamagedAutosave) as caught:
        autosave.pending_restore()
    aside = autosave.folder / f"autosave.omni.json.damaged-{STAMP}"
    assert caught.value.aside == aside
    assert aside.read_text("utf-8") == damaged
    sentence = str(caught.value)
    assert sentence.startswith(f"The autosaved draft was kept as {aside} and not restored: ")
    assert names in sentence and "\n" not in sentence
    assert not autosave.draft_file.exists() and not autosave.marker_file.exists()
    assert autosave.pending_restore() is None  # said once, not at every start


def test_a_hostile_marker_counts_as_no_marker(tmp_path: Path) -> None:
    autosave = crashed_with(tmp_path, lambda text: text)
    autosave.marker_file.write_text('{"saved_at": NaN, "draft_path": ' + DEEP + "}", "utf-8")
    point = autosave.pending_restore()
    assert point is not None and point.original_path is None
    assert point.message.channels["sms"].values["text"] == "Typed, never saved"


def test_a_marker_path_that_cannot_be_a_file_is_left_out(tmp_path: Path) -> None:
    autosave = crashed_with(tmp_path, lambda text: text)
    marker = {"draft_path": "/tmp/a\u0000b.omni.json", "saved_at": "x" * 10_000}
    autosave.marker_file.write_text(json.dumps(marker), "utf-8")
    point = autosave.pending_restore()
    assert point is not None and point.original_path is None


# --- the history -------------------------------------------------------------------------------


def a_history(path: Path) -> None:
    """A real history with one send in it."""
    body: dict[str, Any] = {
        "bulkId": "b-1",
        "destinations": [{"messageId": "m-1", "to": {"phoneNumber": "41793026727"}}],
        "sms": {"text": "Hi"},
    }
    with Outbox(path) as outbox:
        outbox.record_before_send(None, "http://127.0.0.1:1", body)


def not_a_database(path: Path) -> None:
    path.write_bytes(b"this is not an SQLite file at all, just text. " * 100)


def truncated(path: Path) -> None:
    a_history(path)
    path.write_bytes(path.read_bytes()[:700])


def half_gone(path: Path) -> None:
    a_history(path)
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))


def junk_beside_junk(path: Path) -> None:
    not_a_database(path)
    Path(f"{path}-wal").write_bytes(b"\x00junk wal" * 500)
    Path(f"{path}-shm").write_bytes(b"\x01junk shm" * 500)


@pytest.mark.parametrize(
    "damage",
    [not_a_database, truncated, half_gone, junk_beside_junk],
    ids=["not a database", "truncated", "overwritten", "with -wal and -shm junk"],
)
def test_a_damaged_history_is_set_aside_and_a_new_one_started(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    path = paths_in(tmp_path).history_file
    damage(path)
    kept = {
        suffix: Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(f"{path}{suffix}").exists()
    }
    outbox, notice = open_outbox_or_set_aside(path, clock=clock)
    with outbox:
        aside = path.with_name(f"history.sqlite3.damaged-{STAMP}")
        assert notice == (
            f"The send history was damaged; it was kept as {aside} and a new, empty history "
            "was started, so earlier sends are not listed in History."
        )
        for suffix, content in kept.items():
            assert Path(f"{aside}{suffix}").read_bytes() == content
        assert outbox.history() == []
        a_send = {"bulkId": "b-2", "destinations": [{"messageId": "m-2", "to": {}}]}
        outbox.record_before_send(None, "http://127.0.0.1:1", a_send)
        assert [r.bulk_id for r in outbox.history()] == ["b-2"]


def test_a_sound_history_is_opened_as_it_is(tmp_path: Path) -> None:
    path = paths_in(tmp_path).history_file
    a_history(path)
    Path(f"{path}-wal").write_bytes(b"junk wal")  # SQLite ignores a WAL that is not its own
    outbox, notice = open_outbox_or_set_aside(path, clock=clock)
    with outbox:
        assert notice is None
        assert [r.bulk_id for r in outbox.history()] == ["b-1"]
    assert [p.name for p in path.parent.glob("*.damaged-*")] == []


def test_a_newer_history_is_not_set_aside(tmp_path: Path) -> None:
    path = paths_in(tmp_path).history_file
    a_history(path)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StorageError) as caught:
        open_outbox_or_set_aside(path, clock=clock)
    assert "newer omni-desktop" in str(caught.value)
    assert [p.name for p in path.parent.glob("*.damaged-*")] == []


@pytest.mark.parametrize(
    ("stored", "names"),
    [
        ('{"bulkId": "b-1", "destinations": ' + DEEP + "}", "nested"),
        ('{"bulkId": "b-1", "destinations": [], "sms": {"validityPeriod": NaN}}', "NaN"),
        (
            '{"bulkId": "b-1", "destinations": [], "sendAt": "2026-12-02T10:00:00.000+24:00"}',
            r"\+24:00",
        ),
    ],
    ids=["100,000 deep", "NaN", "sendAt +24:00"],
)
def test_a_hostile_stored_request_is_refused_as_a_draft(
    tmp_path: Path, stored: str, names: str
) -> None:
    path = paths_in(tmp_path).history_file
    a_history(path)
    db = sqlite3.connect(path)
    db.execute("UPDATE sends SET request_json = ?", (stored,))
    db.commit()
    db.close()
    with Outbox(path) as outbox:
        [record] = outbox.history()
        # ValueError is what History catches, to say the send cannot be read back as a draft.
        with pytest.raises(ValueError, match=names) as caught:
            outbox.draft_from(record.id)
    assert str(caught.value).endswith(".") and "\n" not in str(caught.value)
