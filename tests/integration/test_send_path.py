"""One send path: `omni-desktop send` reads numbers, accounts and keys as the window does.

The CLI runs as a process (exit codes, no traceback) or in-process where a stand-in OS keyring
is needed; the server is a real sandbox on 127.0.0.1.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from stand_ins import DictKeyring
from test_cli import app_folders, assert_plain, run_cli, write_draft

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.secrets import SecretStore
from omni_desktop.storage.settings import Settings, SettingsFile

from omni_desktop import cli
from omni_desktop.app import build_parser

__all__ = ["app_folders"]  # the CLI's folders go to each test's tmp_path (autouse fixture)


def draft_to(*numbers: str) -> dict[str, Any]:
    return {
        "destinations": [{"to": {"phoneNumber": n}} for n in numbers],
        "sms": {"text": "Your parcel is on its way."},
    }


def logged_numbers(sandbox: SandboxThread) -> list[str]:
    """The numbers the sandbox received, from its logs."""
    answer = httpx.get(
        sandbox.url + "/omni/1/logs",
        params={"limit": 1000},
        headers={"Authorization": f"App {sandbox.api_key}"},
    )
    return sorted(entry["to"] for entry in answer.json()["results"])


def sent_requests(paths: AppPaths) -> list[dict[str, Any]]:
    with Outbox(paths.history_file) as outbox:
        return [record.request() for record in outbox.history()]


def test_numbers_in_international_form_stay_international_under_a_region(
    sandbox: SandboxThread, tmp_path: Path, app_folders: AppPaths
) -> None:
    """The bug that sent 1,000 UK customers to +41 44…: `--region CH` must not re-prefix."""
    draft = write_draft(
        tmp_path, draft_to("+44 7700 561913", "447700561914", "079 302 67 27", "0041 79 302 67 28")
    )
    result = run_cli(
        "send", str(draft), "--region", "CH", base_url=sandbox.url, key=sandbox.api_key
    )
    assert result.returncode == 0, result.stderr
    expected = ["41793026727", "41793026728", "447700561913", "447700561914"]
    assert logged_numbers(sandbox) == expected
    (request,) = sent_requests(app_folders)
    assert sorted(d["to"]["phoneNumber"] for d in request["destinations"]) == expected


def test_region_reads_national_numbers_and_without_it_they_are_refused(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    draft = str(write_draft(tmp_path, draft_to("091 234 5678")))
    refused = run_cli("send", draft, base_url=sandbox.url, key=sandbox.api_key)
    assert refused.returncode == 2, refused.stderr
    assert "nothing was sent" in refused.stderr
    sent = run_cli("send", draft, "--region", "hr", base_url=sandbox.url, key=sandbox.api_key)
    assert sent.returncode == 0, sent.stderr
    assert logged_numbers(sandbox) == ["385912345678"]


def test_an_unknown_region_is_a_usage_error(sandbox: SandboxThread, tmp_path: Path) -> None:
    draft = str(write_draft(tmp_path, draft_to("+41 79 302 67 27")))
    result = run_cli("send", draft, "--region", "XX", base_url=sandbox.url, key=sandbox.api_key)
    assert result.returncode == 2
    assert "'XX' is not a country code" in result.stderr
    assert_plain(result)
    assert logged_numbers(sandbox) == []


@pytest.mark.parametrize(
    ("base_url", "key", "says"),
    [
        ("http://127.0.0.1:99999", "k", "port"),
        (None, "clé-secrète", "characters that cannot be sent"),
        (None, "abc\u2014def", "characters that cannot be sent"),
        (None, "    ", "The API key is empty"),
    ],
)
def test_unusable_url_or_key_exits_2_before_anything_leaves(
    sandbox: SandboxThread, tmp_path: Path, app_folders: AppPaths, base_url: str | None,
    key: str, says: str,
) -> None:  # fmt: skip
    draft = str(write_draft(tmp_path, draft_to("+41 79 302 67 27")))
    result = run_cli("send", draft, base_url=base_url or sandbox.url, key=key)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr
    assert_plain(result)
    assert logged_numbers(sandbox) == []
    assert not app_folders.history_file.exists() or sent_requests(app_folders) == []


def test_a_key_saved_with_a_trailing_space_still_signs_in(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    draft = str(write_draft(tmp_path, draft_to("+41 79 302 67 27")))
    result = run_cli("send", draft, base_url=sandbox.url, key=f" {sandbox.api_key} \n")
    assert result.returncode == 0, result.stderr


def test_the_window_and_the_cli_agree_on_the_reused_id_check(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    body = draft_to("+41 79 302 67 27")
    body["destinations"][0]["messageId"] = "order-77"
    draft = str(write_draft(tmp_path, body))
    first = run_cli("send", draft, base_url=sandbox.url, key=sandbox.api_key)
    assert first.returncode == 0, first.stderr
    again = run_cli("send", draft, base_url=sandbox.url, key=sandbox.api_key)
    assert again.returncode == 2
    assert "reuses the messageId order-77" in again.stderr
    assert logged_numbers(sandbox) == ["41793026727"]


# --- accounts: the keyring, never silently another account's key ----------------------------


def send_in_process(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.send_command(build_parser().parse_args(["send", *argv]), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def shop(sandbox: SandboxThread, app_folders: AppPaths) -> Profile:
    profile = Profile(name="Shop", base_url=sandbox.url, default_region="HR")
    SettingsFile(app_folders.ensure().settings_file).save(Settings(profiles=(profile,)))
    return profile


@pytest.mark.parametrize(
    ("in_keyring", "says"),
    [
        (True, "Signing in with the key of Shop from the keyring."),
        (False, "Signing in with INFOBIP_API_KEY (no key of Shop is in the keyring)."),
    ],
)
def test_profile_takes_its_key_from_the_keyring_and_says_which_key_it_used(
    sandbox: SandboxThread,
    shop: Profile,
    os_keyring: DictKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_keyring: bool,
    says: str,
) -> None:
    if in_keyring:
        SecretStore().set("Shop", sandbox.api_key)
        monkeypatch.setenv("INFOBIP_API_KEY", "another-accounts-key")  # never used silently
    else:
        monkeypatch.setenv("INFOBIP_API_KEY", sandbox.api_key)
    draft = str(write_draft(tmp_path, draft_to("091 234 5678")))  # national: the profile's HR
    code, out, err = send_in_process(draft, "--profile", "Shop")
    assert code == 0, err
    assert says in err
    assert "385912345678" in out


def test_profile_region_is_overridden_by_the_region_option(
    sandbox: SandboxThread, shop: Profile, os_keyring: DictKeyring, tmp_path: Path
) -> None:
    SecretStore().set("Shop", sandbox.api_key)
    draft = str(write_draft(tmp_path, draft_to("079 302 67 27")))
    code, out, err = send_in_process(draft, "--profile", "Shop", "--json")
    assert code == 0, err
    assert json.loads(out)["messages"][0]["to"]["phoneNumber"] == "385793026727"  # the profile's HR
    code, out, err = send_in_process(draft, "--profile", "Shop", "--region", "CH", "--json")
    assert code == 0, err
    assert json.loads(out)["messages"][0]["to"]["phoneNumber"] == "41793026727"
