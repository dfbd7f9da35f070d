"""Targets: where sends go and how they sign in, built one way for the window and the CLI.

A `Target` is the built-in sandbox, an account (a settings profile with its secret from the
keyring) or a base URL with a key from the environment. Its credentials are checked and
cleaned here once (`credentials`), so a key saved with a stray space or a character no HTTP
header can carry is refused before anything leaves the machine, in one plain sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from omni_desktop.core.i18n import tr
from omni_desktop.core.regions import check_region

from omni_desktop.api.auth import Auth, AuthScheme
from omni_desktop.storage.secrets import NoKeyring

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.profiles import Profile
    from omni_desktop.storage.secrets import SecretStore
    from omni_desktop.storage.settings import Settings

SANDBOX = "Sandbox"


class TargetError(ValueError):
    """A target that cannot be used; `str()` is one plain sentence. Nothing was sent."""


@dataclass(frozen=True)
class Target:
    """Where sends go: the built-in sandbox, or an account's base URL and credentials."""

    name: str
    base_url: str
    api_key: str = field(repr=False)  # the secret of `auth_scheme`: key, password or token
    is_sandbox: bool
    profile: str | None = None  # the settings profile this target comes from, if any
    auth_scheme: str = "App"  # App, Basic, IBSSO or Bearer
    username: str = ""  # Basic only
    default_region: str | None = None  # country of numbers typed without their country code
    key_source: str = ""  # where the secret came from, said by the CLI

    def auth(self) -> Auth:
        """The credentials; TargetError when they cannot be sent."""
        return credentials(self.auth_scheme, self.api_key, self.username)

    def client(self, deadline: float = 30.0) -> OmniClient:
        """A new client for this target; TargetError for an unusable URL or credentials."""
        from omni_desktop.api.client import OmniClient

        auth = self.auth()
        try:
            return OmniClient(self.base_url, auth, deadline=deadline)
        except ValueError as exc:
            raise TargetError(str(exc)) from None

    def with_region(self, region: str | None) -> Target:
        """This target reading national numbers as `region`'s; TargetError for a bad code."""
        return replace(self, default_region=_region(region))

    @property
    def label(self) -> str:
        """The target as the confirm step names it."""
        return self.name if self.is_sandbox else f"{self.name} ({self.base_url})"


def credentials(scheme: str, secret: str, username: str = "") -> Auth:
    """The one way a stored or typed secret becomes credentials (`Auth` drops surrounding
    spaces and refuses an empty secret or one an HTTP header cannot carry); TargetError."""
    try:
        kind = AuthScheme(scheme)
    except ValueError:
        raise TargetError(
            tr("The sign-in method must be App, Basic, IBSSO or Bearer, not {scheme!r}.").format(
                scheme=scheme
            )
        ) from None
    try:
        return Auth(kind, secret, username)
    except ValueError as exc:
        raise TargetError(str(exc)) from None


def _region(region: str | None) -> str | None:
    if region is None or not region.strip():
        return None
    checked, problem = check_region(region)
    if checked is None:
        raise TargetError(problem or "")
    return checked


def sandbox_target(url: str, api_key: str, region: str | None = None) -> Target:
    """The built-in sandbox at `url`."""
    return Target(SANDBOX, url, api_key, is_sandbox=True, default_region=_region(region))


def environment_target(base_url: str, env: Mapping[str, str], region: str | None = None) -> Target:
    """An account given by base URL, its key in `INFOBIP_API_KEY`."""
    key = env.get("INFOBIP_API_KEY", "")
    if not key:
        raise TargetError(tr("No API key: set INFOBIP_API_KEY to the account's API key."))
    name = urlsplit(base_url).hostname or base_url
    target = Target(
        name, base_url, key, is_sandbox=False, default_region=_region(region),
        key_source=tr("the key in INFOBIP_API_KEY"),
    )  # fmt: skip
    target.auth()  # refused here, before anything is recorded
    return target


def profile_target(
    settings: Settings,
    secrets: SecretStore,
    name: str,
    *,
    env: Mapping[str, str] | None = None,
    base_url: str | None = None,
) -> Target:
    """The account `name` with its secret from the keyring (TargetError if it has none).

    Only when the keyring holds nothing for it, and `env` is given, is `INFOBIP_API_KEY` used;
    `key_source` says which was used, so the CLI can say it.
    """
    profile = settings.profile(name)
    if profile is None:
        names = ", ".join(p.name for p in settings.profiles) or tr("none yet")
        raise TargetError(
            tr("There is no account named {name!r} (accounts: {names}).").format(
                name=name, names=names
            )
        )
    env_key = (env or {}).get("INFOBIP_API_KEY", "")
    try:
        secret = secrets.get(profile.name) or ""
        source = tr("the key of {name} from the keyring").format(name=profile.name)
    except NoKeyring as exc:
        if not env_key:
            raise TargetError(
                tr("{problem} The key of {name} cannot be read.").format(
                    problem=exc.sentence, name=profile.name
                )
                + _environment_hint(env)
            ) from None
        secret = ""
    if not secret and env_key:
        secret = env_key
        source = tr("INFOBIP_API_KEY (no key of {name} is in the keyring)").format(
            name=profile.name
        )
    if not secret:
        raise TargetError(
            tr("No key is stored for {name}: enter it in Account > Accounts….").format(
                name=profile.name
            )
            + _environment_hint(env)
        )
    target = from_profile(profile, secret, base_url=base_url, key_source=source)
    target.auth()
    return target


def _environment_hint(env: Mapping[str, str] | None) -> str:
    """Where a headless caller (who passes `env`) can give the key instead."""
    if env is None:
        return ""
    return " " + tr("Or set INFOBIP_API_KEY to the account's key.")


def from_profile(
    profile: Profile, secret: str, *, base_url: str | None = None, key_source: str = ""
) -> Target:
    """The target of `profile` signing in with `secret` (not checked: see `Target.auth`)."""
    return Target(
        profile.name,
        base_url or profile.base_url,
        secret,
        is_sandbox=False,
        profile=profile.name,
        auth_scheme=profile.auth_scheme,
        username=profile.username or "",
        default_region=profile.default_region,
        key_source=key_source,
    )


__all__ = [
    "SANDBOX",
    "Target",
    "TargetError",
    "credentials",
    "environment_target",
    "from_profile",
    "profile_target",
    "sandbox_target",
]
