"""Settings and profiles on disk: defaults, round trip, atomic writes, damage, v1 -> v2."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.profiles import Profile, profile_problems
from omni_desktop.storage.settings import (
    CURRENT_VERSION,
    InvalidSettings,
    Settings,
    SettingsFile,
)

MOMENT = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
PROD = Profile("Production", "https://xyz.api.infobip.com/", "App", None, "HR")
BASIC = Profile("Support", "https://abc.api.infobip.com", "Basic", "ops@example.com")


def settings_file(tmp_path: Path) -> SettingsFile:
    return SettingsFile(AppPaths.under(tmp_path).settings_file, clock=lambda: MOMENT)


def test_paths_under_a_root_and_ensure(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "root").ensure()
    assert all(folder.is_dir() for folder in paths.folders())
    assert paths.settings_file == tmp_path / "root" / "config" / "settings.json"
    assert paths.history_file == tmp_path / "root" / "data" / "history.sqlite3"
    default = AppPaths.default()
    assert all("omni-desktop" in str(folder) for folder in default.folders())


def test_ensure_reports_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(StorageError) as caught:
        AppPaths.under(tmp_path / "blocker").ensure()
    assert str(caught.value).startswith("The folder ")
    assert "a part of the path is a file, not a folder" in str(caught.value)


def test_missing_file_gives_the_declared_defaults(tmp_path: Path) -> None:
    loaded = settings_file(tmp_path).load()
    assert loaded.settings == Settings()
    assert loaded.notices == []
    assert loaded.settings.active() is None  # the built-in sandbox
    assert loaded.settings.autosave_seconds == 5


def test_round_trip_and_atomic_write(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    settings = Settings().with_profile(PROD).with_profile(BASIC)
    settings = Settings(
        profiles=settings.profiles,
        active_profile="Support",
        autosave_seconds=9,
        sandbox_region="HR",
    )
    file.save(settings)
    file.save(settings)  # over an existing file
    assert file.load().settings == settings
    assert file.load().notices == []
    data = json.loads(file.path.read_text(encoding="utf-8"))
    assert data["version"] == CURRENT_VERSION
    assert data["profiles"][0]["base_url"] == "https://xyz.api.infobip.com"  # normalized
    assert data["active_profile"] == "Support"
    assert sorted(p.name for p in file.path.parent.iterdir()) == ["settings.json"]  # no temp


def test_a_failed_save_says_so_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    file.path.mkdir(parents=True)  # a folder where the file should go: os.replace fails
    with pytest.raises(StorageError) as caught:
        file.save(Settings())
    assert str(caught.value).startswith(f"The settings could not be saved to {file.path}: ")
    assert [p.name for p in file.path.parent.iterdir()] == ["settings.json"]


def test_save_to_a_folder_whose_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("x")
    with pytest.raises(StorageError, match="a part of the path is a file"):
        SettingsFile(tmp_path / "blocker" / "config" / "settings.json").save(Settings())


def test_damaged_file_is_kept_aside_and_defaults_are_used(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    file.path.parent.mkdir(parents=True)
    file.path.write_text('{"version": 2, "profiles": [', encoding="utf-8")
    loaded = file.load()
    aside = file.path.with_name("settings.json.damaged-20260304T050607Z")
    assert loaded.settings == Settings()
    assert loaded.set_aside == aside
    assert aside.read_text(encoding="utf-8") == '{"version": 2, "profiles": ['
    assert not file.path.exists()
    assert loaded.notices == [
        f"The settings file was damaged; it was kept as {aside} and the defaults are used."
    ]


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b"[1, 2, 3]", b"null"])
def test_unreadable_or_non_object_files_count_as_damaged(tmp_path: Path, content: bytes) -> None:
    file = settings_file(tmp_path)
    file.path.parent.mkdir(parents=True)
    file.path.write_bytes(content)
    loaded = file.load()
    assert loaded.set_aside is not None and loaded.set_aside.read_bytes() == content


def test_version_1_file_is_upgraded(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    file.path.parent.mkdir(parents=True)
    v1 = {
        "version": 1,
        "base_url": "https://xyz.api.infobip.com/",
        "api_key_name": "Production",
        "auth_scheme": "App",
        "default_region": "hr",
        "autosave_seconds": 12,
    }
    file.path.write_text(json.dumps(v1), encoding="utf-8")
    loaded = file.load()
    assert loaded.upgraded_from == 1
    assert loaded.notices == ["The settings were upgraded from version 1 to version 2."]
    expected = Profile("Production", "https://xyz.api.infobip.com", "App", None, "HR")
    assert loaded.settings.profiles == (expected,)
    assert loaded.settings.active() == expected  # same name: the v1 keyring entry still fits
    assert loaded.settings.autosave_seconds == 12
    file.save(loaded.settings)
    data = json.loads(file.path.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert "base_url" not in data and "api_key_name" not in data
    assert file.load().upgraded_from is None


def test_version_1_without_version_key_and_without_account(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    file.path.parent.mkdir(parents=True)
    old = {"last_folder": "/home/op", "request_deadline_seconds": 20, "autosave_seconds": 7}
    file.path.write_text(json.dumps(old), encoding="utf-8")
    loaded = file.load()
    assert loaded.upgraded_from == 1
    assert loaded.settings == Settings(autosave_seconds=7)
    # Two settings this version dropped: kept aside, unread, written back as they were.
    assert loaded.settings.extra == {"last_folder": "/home/op", "request_deadline_seconds": 20}


def test_version_1_basic_account_without_key_name(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    file.path.parent.mkdir(parents=True)
    v1 = {"version": 1, "base_url": "https://a.example", "auth_scheme": "Basic", "username": "me"}
    file.path.write_text(json.dumps(v1), encoding="utf-8")
    settings = file.load().settings
    assert settings.profiles == (Profile("Default", "https://a.example", "Basic", "me"),)


def test_bad_values_fall_back_to_their_defaults_one_by_one(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    file.path.parent.mkdir(parents=True)
    data = {
        "version": 2,
        "autosave_seconds": "often",
        "request_deadline_seconds": 5000,
        "last_folder": "/kept",
        "active_profile": "Gone",
        "api_key": "must-not-stay",
        "future_setting": {"kept": True},
    }
    file.path.write_text(json.dumps(data), encoding="utf-8")
    loaded = file.load()
    assert loaded.settings.autosave_seconds == 5
    assert loaded.settings.active_profile is None
    assert len(loaded.notices) == 3
    assert any("'api_key' that looks like a secret" in n for n in loaded.notices)
    file.save(loaded.settings)
    text = file.path.read_text(encoding="utf-8")
    assert "must-not-stay" not in text
    assert json.loads(text)["future_setting"] == {"kept": True}
    # Settings older versions wrote and this one no longer has are kept like a newer one's.
    assert json.loads(text)["request_deadline_seconds"] == 5000
    assert json.loads(text)["last_folder"] == "/kept"


def test_invalid_profiles_in_the_file_are_left_out_with_a_reason(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    file.path.parent.mkdir(parents=True)
    profiles = [PROD.to_json(), {**BASIC.to_json(), "base_url": "http://abc.example.com"}, 7]
    file.path.write_text(json.dumps({"version": 2, "profiles": profiles}), encoding="utf-8")
    loaded = file.load()
    assert [p.name for p in loaded.settings.profiles] == ["Production"]
    assert loaded.notices[0].startswith("The profile “Support” was left out: Plain http://")
    assert loaded.notices[1] == "Profile 3 in the settings file was unreadable."


@pytest.mark.parametrize(
    ("profile", "problem"),
    [
        (Profile("", "https://a.example"), "Give the profile a name."),
        (Profile("sandbox", "https://a.example"), "“Sandbox” is the built-in sandbox"),
        (Profile("A", "http://a.example"), "Plain http:// would send the API key unencrypted"),
        (Profile("A", "ftp://a.example"), "The base URL must start with https://"),
        (Profile("A", "a.example"), "The base URL must start with https://"),
        (Profile("A", "https://u:p@a.example"), "Put credentials in the profile"),
        (Profile("A", "https://a.example", "Token"), "must be App, Basic, IBSSO or Bearer"),
        (Profile("A", "https://a.example", "Basic"), "Basic sign-in needs a username."),
        (Profile("A", "https://a.example", "App", "me"), "Only Basic sign-in uses a username"),
        (Profile("A", "https://a.example", default_region="Croatia"), "two-letter country code"),
        (Profile("Production ", "https://a.example"), "A profile named “Production” exists"),
        (Profile("PRODUCTION", "https://a.example"), "A profile named “PRODUCTION” exists"),
    ],
)
def test_profile_problems_are_plain_sentences(profile: Profile, problem: str) -> None:
    problems = profile_problems(profile, [PROD])
    assert len(problems) == 1
    assert problems[0].startswith(problem) or problem in problems[0]
    assert problems[0].endswith(".")
    with pytest.raises(InvalidSettings) as caught:
        Settings(profiles=(PROD,)).with_profile(profile)
    assert caught.value.problems == problems


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://127.5.6.7",
        "http://[::1]:9000/",
        "http://localhost:1234",
        "https://xyz.api.infobip.com",
        "HTTPS://xyz.api.infobip.com/base/",
    ],
)
def test_loopback_may_use_plain_http(url: str) -> None:
    assert Profile("Local", url).problems() == []


def test_edit_rename_and_remove_profiles() -> None:
    settings = Settings().with_profile(PROD).with_profile(BASIC)
    settings = Settings(profiles=settings.profiles, active_profile="Production")
    renamed = settings.with_profile(Profile("Live", PROD.base_url), replacing="Production")
    assert [p.name for p in renamed.profiles] == ["Live", "Support"]
    assert renamed.active_profile == "Live"
    same_name = renamed.with_profile(Profile("Live", "https://new.example"), replacing="Live")
    assert same_name.active() == Profile("Live", "https://new.example")
    removed = renamed.without_profile("Live")
    assert removed.active() is None and [p.name for p in removed.profiles] == ["Support"]


def test_invalid_settings_are_not_saved(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    with pytest.raises(InvalidSettings) as caught:
        file.save(Settings(active_profile="Nobody", autosave_seconds=0))
    assert caught.value.problems == [
        "The active profile “Nobody” does not exist.",
        "The setting autosave_seconds must be between 1 and 3600.",
    ]
    assert not file.path.exists()


def test_a_file_from_a_newer_version_is_read_with_a_notice(tmp_path: Path) -> None:
    file = settings_file(tmp_path)
    file.path.parent.mkdir(parents=True)
    data = {"version": 7, "profiles": [PROD.to_json()], "colour": "teal"}
    file.path.write_text(json.dumps(data), encoding="utf-8")
    loaded = file.load()
    assert loaded.settings.profiles[0].name == "Production"
    assert loaded.settings.extra == {"colour": "teal"}
    assert "written by a newer omni-desktop (settings version 7)" in loaded.notices[0]
