"""Profiles (accounts): where an OMNI account is and how it signs in, checked in plain words.

A profile holds no secret: its API key, password or token is in the keyring under the
profile's name (`SecretStore`). The built-in sandbox is not a profile; it is what runs when no
profile is active.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from omni_desktop.core.i18n import tr
from omni_desktop.core.urls import check_base_url

JsonObject = dict[str, Any]

AUTH_SCHEMES = ("App", "Basic", "IBSSO", "Bearer")
SANDBOX_NAME = "Sandbox"  # the built-in sandbox's name, reserved


def normalize_base_url(text: str) -> str:
    """The base URL without a trailing slash; ValueError with a plain sentence if unusable."""
    return check_base_url(text)


@dataclass(frozen=True)
class Profile:
    """One account: where it is and how it signs in. Its secret is in the keyring by `name`."""

    name: str
    base_url: str
    auth_scheme: str = "App"  # one of AUTH_SCHEMES
    username: str | None = None  # Basic only
    default_region: str | None = None  # e.g. "HR": how phone numbers without +country are read

    def problems(self) -> list[str]:
        """What is wrong with this profile on its own, as plain sentences."""
        out: list[str] = []
        name = self.name.strip()
        if not name:
            out.append(tr("Give the profile a name."))
        elif name.casefold() == SANDBOX_NAME.casefold():
            out.append(tr("“Sandbox” is the built-in sandbox; choose another profile name."))
        elif any(ch in name for ch in "\r\n\t") or len(name) > 64:
            out.append(tr("A profile name is one line of at most 64 characters."))
        try:
            normalize_base_url(self.base_url)
        except ValueError as exc:
            out.append(str(exc))
        if self.auth_scheme not in AUTH_SCHEMES:
            out.append(
                tr(
                    "The sign-in method must be App, Basic, IBSSO or Bearer, not {scheme!r}."
                ).format(scheme=self.auth_scheme)
            )
        elif self.auth_scheme == "Basic" and not (self.username or "").strip():
            out.append(tr("Basic sign-in needs a username."))
        elif self.auth_scheme != "Basic" and self.username:
            out.append(tr("Only Basic sign-in uses a username; clear it for this profile."))
        region = self.default_region
        if region is not None and not (len(region) == 2 and region.isascii() and region.isalpha()):
            out.append(
                tr("The default region is a two-letter country code such as HR, not {r!r}.").format(
                    r=region
                )
            )
        return out

    def to_json(self) -> JsonObject:
        return {
            "name": self.name,
            "base_url": self.base_url,
            "auth_scheme": self.auth_scheme,
            "username": self.username,
            "default_region": self.default_region,
        }

    @classmethod
    def from_json(cls, obj: Any) -> Profile:
        """ValueError when `obj` is not a profile object at all."""
        if not isinstance(obj, dict) or not isinstance(obj.get("name"), str):
            raise ValueError(tr("a profile without a name"))

        def text(key: str) -> str | None:
            value = obj.get(key)
            return value if isinstance(value, str) and value else None

        region = text("default_region")
        return cls(
            name=obj["name"],
            base_url=text("base_url") or "",
            auth_scheme=text("auth_scheme") or "App",
            username=text("username"),
            default_region=region.upper() if region else None,
        )


def profile_problems(profile: Profile, others: Iterable[Profile]) -> list[str]:
    """The profile's own problems, plus a clash with the names of `others`."""
    out = profile.problems()
    key = profile.name.strip().casefold()
    if key and any(o.name.strip().casefold() == key for o in others):
        out.append(
            tr("A profile named “{name}” exists already; choose another name.").format(
                name=profile.name.strip()
            )
        )
    return out


__all__ = ["AUTH_SCHEMES", "SANDBOX_NAME", "Profile", "normalize_base_url", "profile_problems"]
