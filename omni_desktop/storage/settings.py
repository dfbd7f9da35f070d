"""Settings in `settings.json`: every setting declared once, the file upgraded by version.

Every setting is a field of `Settings`: its annotation is its type, its default its default,
its metadata a line of doc and any limits. Reading checks each value against its declaration
and falls back to the default, with a notice, when it does not fit. The file carries `version`;
`UPGRADES[n]` turns a version-n layout into version n+1. No secret is ever written here.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from omni_desktop.core import jsonsafe
from omni_desktop.core.i18n import tr

from omni_desktop.storage.drafts import atomic_write_text, set_aside
from omni_desktop.storage.errors import StorageError, os_reason
from omni_desktop.storage.paths import ensure_folder
from omni_desktop.storage.profiles import Profile, normalize_base_url, profile_problems

JsonObject = dict[str, Any]

CURRENT_VERSION = 2
MAX_SETTINGS_BYTES = 16 * 1024 * 1024  # a file this big is not settings: it is set aside
_SECRET_LIKE = ("apikey", "api_key", "password", "passwd", "secret", "token")


class InvalidSettings(ValueError):
    """Settings that must not be saved; `problems` are plain sentences, one per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


def _setting(default: Any, doc: str, limits: tuple[float, float] | None = None) -> Any:
    return field(default=default, metadata={"doc": doc, "limits": limits})


@dataclass(frozen=True)
class Settings:
    """Every setting, declared once: annotation = type, default = default, metadata = doc."""

    profiles: tuple[Profile, ...] = _setting((), "the accounts, in the operator's order")
    active_profile: str | None = _setting(None, "the profile in use; None = the built-in sandbox")
    sandbox_region: str | None = _setting(
        None, "the sandbox's default region: how numbers without +country are read, e.g. CH"
    )
    autosave_seconds: int = _setting(5, "seconds after a change until autosave", (1, 3600))
    # Keys this version does not know (a newer version wrote them): kept and written back.
    extra: JsonObject = field(default_factory=dict, compare=False, metadata={"internal": True})

    def profile(self, name: str | None) -> Profile | None:
        return next((p for p in self.profiles if p.name == name), None) if name else None

    def active(self) -> Profile | None:
        """The profile in use; None means the built-in sandbox."""
        return self.profile(self.active_profile)

    def problems(self) -> list[str]:
        """Everything that keeps these settings from being saved, as plain sentences."""
        out: list[str] = []
        for index, profile in enumerate(self.profiles):
            out.extend(profile_problems(profile, self.profiles[:index]))
        if self.active_profile is not None and self.active() is None:
            out.append(
                tr("The active profile “{name}” does not exist.").format(name=self.active_profile)
            )
        for f in _declared():
            if not _within(getattr(self, f.name), f.metadata.get("limits")):
                low, high = f.metadata["limits"]
                out.append(
                    tr("The setting {name} must be between {low:g} and {high:g}.").format(
                        name=f.name, low=low, high=high
                    )
                )
        return out

    def with_profile(self, profile: Profile, replacing: str | None = None) -> Settings:
        """A copy with `profile` added, or put in the place of the one named `replacing`.

        InvalidSettings when the profile has problems; its base URL is stored normalized.
        """
        others = [p for p in self.profiles if p.name != replacing]
        problems = profile_problems(profile, others)
        if problems:
            raise InvalidSettings(problems)
        profile = replace(
            profile, name=profile.name.strip(), base_url=normalize_base_url(profile.base_url)
        )
        names = [p.name for p in self.profiles]
        profiles = list(self.profiles)
        if replacing in names:
            profiles[names.index(replacing)] = profile
        else:
            profiles.append(profile)
        active = self.active_profile
        if replacing is not None and active == replacing:
            active = profile.name
        return replace(self, profiles=tuple(profiles), active_profile=active)

    def without_profile(self, name: str) -> Settings:
        """A copy without profile `name`; if it was active, the sandbox becomes active."""
        active = None if self.active_profile == name else self.active_profile
        profiles = tuple(p for p in self.profiles if p.name != name)
        return replace(self, profiles=profiles, active_profile=active)

    def to_json(self) -> JsonObject:
        out: JsonObject = {"version": CURRENT_VERSION}
        for f in _declared():
            value = getattr(self, f.name)
            out[f.name] = [p.to_json() for p in value] if f.name == "profiles" else value
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out

    @classmethod
    def from_json(cls, data: JsonObject) -> tuple[Settings, list[str]]:
        """Read a current-version layout; each unusable value gives its default and a notice."""
        notices: list[str] = []
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        for f in _declared():
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name == "profiles":
                values[f.name] = _read_profiles(value, notices)
            elif _fits(value, hints[f.name]) and _within(value, f.metadata.get("limits")):
                values[f.name] = float(value) if hints[f.name] is float else value
            else:
                notices.append(
                    tr(
                        "The setting {name} had an unusable value, {value}; {default!r} is used."
                    ).format(name=f.name, value=json.dumps(value)[:80], default=f.default)
                )
        known = {f.name for f in fields(cls)} | {"version"}
        extra: JsonObject = {}
        for key, value in data.items():
            if key in known:
                continue
            if _secret_like(key):
                notices.append(
                    tr(
                        "The settings file held a value named {key!r} that looks like a secret; "
                        "it was left out, since secrets belong in the system keyring."
                    ).format(key=key)
                )
            else:
                extra[key] = value
        settings = cls(**values, extra=extra)
        if settings.active_profile is not None and settings.active() is None:
            notices.append(
                tr("The active profile “{name}” no longer exists; the sandbox is used.").format(
                    name=settings.active_profile
                )
            )
            settings = replace(settings, active_profile=None)
        return settings, notices


def _declared() -> list[Any]:
    return [f for f in fields(Settings) if not f.metadata.get("internal")]


def _fits(value: Any, hint: Any) -> bool:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(hint, type) and isinstance(value, hint)


def _within(value: Any, limits: tuple[float, float] | None) -> bool:
    return limits is None or value is None or bool(limits[0] <= value <= limits[1])


def _read_profiles(value: Any, notices: list[str]) -> tuple[Profile, ...]:
    if not isinstance(value, list):
        notices.append(tr("The profiles in the settings file were unreadable and are left out."))
        return ()
    profiles: list[Profile] = []
    for index, raw in enumerate(value, 1):
        try:
            profile = Profile.from_json(raw)
        except ValueError:
            notices.append(tr("Profile {n} in the settings file was unreadable.").format(n=index))
            continue
        problems = profile_problems(profile, profiles)
        if problems:
            notices.append(
                tr("The profile “{name}” was left out: {problems}").format(
                    name=profile.name, problems=" ".join(problems)
                )
            )
            continue
        profiles.append(replace(profile, base_url=normalize_base_url(profile.base_url)))
    return tuple(profiles)


def _secret_like(key: str) -> bool:
    folded = key.casefold().replace("-", "_")
    return folded != "api_key_name" and any(s in folded for s in _SECRET_LIKE)


# --- versions ----------------------------------------------------------------------------------

_V1_ACCOUNT_KEYS = ("base_url", "api_key_name", "auth_scheme", "username", "default_region")


def _upgrade_1_to_2(data: JsonObject) -> JsonObject:
    """v1 held one account, flat: `base_url`, `api_key_name` (its keyring entry), `auth_scheme`,
    `username`, `default_region`. v2 holds `profiles` and `active_profile`; the profile is named
    after v1's keyring entry, so its secret is found where v1 left it."""
    out = {k: v for k, v in data.items() if k not in _V1_ACCOUNT_KEYS}
    base_url = data.get("base_url")
    profiles: list[JsonObject] = []
    if isinstance(base_url, str) and base_url.strip():
        key_name = data.get("api_key_name")
        name = key_name.strip() if isinstance(key_name, str) and key_name.strip() else "Default"
        profiles.append(
            {
                "name": name,
                "base_url": base_url,
                "auth_scheme": data.get("auth_scheme") or "App",
                "username": data.get("username"),
                "default_region": data.get("default_region"),
            }
        )
    out["profiles"] = profiles
    out["active_profile"] = profiles[0]["name"] if profiles else None
    out["version"] = 2
    return out


UPGRADES: dict[int, Callable[[JsonObject], JsonObject]] = {1: _upgrade_1_to_2}


def upgrade(data: JsonObject) -> tuple[JsonObject, int]:
    """`data` brought to CURRENT_VERSION, and the version it had (a file without one is v1)."""
    raw = data.get("version", 1)
    version = raw if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 1 else 1
    start = version
    while version < CURRENT_VERSION:
        data = UPGRADES[version](data)
        version += 1
    return data, start


# --- the file ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    notices: list[str]  # plain sentences for the UI: what was set aside, upgraded or ignored
    upgraded_from: int | None = None  # the file's version, when it was older
    set_aside: Path | None = None  # where a damaged file was moved


class SettingsFile:
    """`settings.json`: `load()` never fails (defaults plus notices), `save()` is atomic."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.path = path
        self._clock = clock

    def load(self) -> LoadedSettings:
        try:
            if self.path.stat().st_size > MAX_SETTINGS_BYTES:
                return self._set_aside()
            data = jsonsafe.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return LoadedSettings(Settings(), [])
        except OSError as exc:
            sentence = tr(
                "The settings file {path} could not be read ({reason}); the defaults are used."
            ).format(path=self.path, reason=os_reason(exc))
            return LoadedSettings(Settings(), [sentence])
        except (ValueError, MemoryError):  # not UTF-8, not JSON, NaN, too deep, huge numbers
            data = None
        if not isinstance(data, dict) or jsonsafe.problem(data):
            return self._set_aside()
        data, version = upgrade(data)
        settings, notices = Settings.from_json(data)
        upgraded = version if version < CURRENT_VERSION else None
        if upgraded is not None:
            notices.insert(
                0,
                tr("The settings were upgraded from version {old} to version {new}.").format(
                    old=version, new=CURRENT_VERSION
                ),
            )
        elif version > CURRENT_VERSION:
            notices.insert(
                0,
                tr(
                    "The settings file was written by a newer omni-desktop (settings version "
                    "{v}); the settings this version does not know are kept as they are."
                ).format(v=version),
            )
        return LoadedSettings(settings, notices, upgraded_from=upgraded)

    def _set_aside(self) -> LoadedSettings:
        try:
            aside = set_aside(self.path, self._clock())
        except OSError as exc:
            sentence = tr(
                "The settings file {path} is damaged and could not be moved aside ({reason}); "
                "the defaults are used and saving the settings will replace it."
            ).format(path=self.path, reason=os_reason(exc))
            return LoadedSettings(Settings(), [sentence])
        sentence = tr(
            "The settings file was damaged; it was kept as {aside} and the defaults are used."
        ).format(aside=aside)
        return LoadedSettings(Settings(), [sentence], set_aside=aside)

    def save(self, settings: Settings) -> None:
        """Write atomically; InvalidSettings on problems, StorageError if writing fails."""
        problems = settings.problems()
        if problems:
            raise InvalidSettings(problems)
        text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n"
        ensure_folder(self.path.parent)
        try:
            atomic_write_text(self.path, text)
        except OSError as exc:
            raise StorageError(
                tr("The settings could not be saved to {path}: {reason}.").format(
                    path=self.path, reason=os_reason(exc)
                )
            ) from None


__all__ = [
    "CURRENT_VERSION",
    "UPGRADES",
    "InvalidSettings",
    "LoadedSettings",
    "Settings",
    "SettingsFile",
    "upgrade",
]
