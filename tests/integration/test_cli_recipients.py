"""`omni-desktop send DRAFT --recipients FILE` as a process, against a real sandbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sheet_files import write_xlsx
from test_cli import app_folders, assert_plain, run_cli, write_draft

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths

__all__ = ["app_folders"]  # the autouse fixture that keeps each run's folders apart

SMS_ONLY: dict[str, Any] = {"destinations": [], "sms": {"text": "Your parcel is on its way."}}
CUSTOMERS = (
    "\ufeffName;Mobile;E-Mail;Kundennummer\r\n"
    '"Schmid, Jürg";079 302 67 27;jurg@example.com;K-1\r\n'
    "Müller;+41 78 123 45 67;;K-2\r\n"
    "Rossi;0041 76 555 12 34;;K-3\r\n"
)


def send(sandbox: SandboxThread, draft: Path, *args: str) -> Any:
    return run_cli("send", str(draft), *args, base_url=sandbox.url, key=sandbox.api_key)


def test_rows_of_a_csv_become_the_destinations(sandbox: SandboxThread, tmp_path: Path) -> None:
    customers = tmp_path / "kunden.csv"
    customers.write_text(CUSTOMERS, encoding="utf-8")
    draft = write_draft(
        tmp_path, {**SMS_ONLY, "destinations": [{"to": {"phoneNumber": "+44 7911 123456"}}]}
    )
    result = send(sandbox, draft, "--recipients", str(customers), "--region", "CH")
    assert result.returncode == 0, result.stderr
    sent = sandbox.server.received_sends[0]["destinations"]
    numbers = [d["to"].get("phoneNumber") for d in sent]
    assert numbers == ["447911123456", "41793026727", "41781234567", "41765551234"]
    assert sent[1]["to"]["emailAddress"] == "jurg@example.com"
    assert "accepted: 1 request(s), 4 message(s)" in result.stdout
    assert "send ID: 1" in result.stderr


def test_dry_run_prints_what_would_go_and_sends_and_records_nothing(
    sandbox: SandboxThread, tmp_path: Path, app_folders: AppPaths
) -> None:
    customers = tmp_path / "kunden.csv"
    customers.write_text(CUSTOMERS, encoding="utf-8")
    result = send(
        sandbox, write_draft(tmp_path, SMS_ONLY), "--recipients", str(customers),
        "--region", "CH", "--dry-run",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "3 recipient(s) would be sent to" in result.stdout
    assert "41793026727  jurg@example.com" in result.stdout
    assert sandbox.server.received_sends == []
    if app_folders.history_file.exists():
        with Outbox(app_folders.history_file) as outbox:
            assert outbox.history() == []


def test_an_invalid_row_exits_2_with_its_row_number(sandbox: SandboxThread, tmp_path: Path) -> None:
    customers = tmp_path / "kunden.csv"
    customers.write_text(
        "Name,Phone\nAna,+41 79 302 67 27\nBen,4.17930E+10\nCleo,+41 12\n", encoding="utf-8"
    )
    result = send(sandbox, write_draft(tmp_path, SMS_ONLY), "--recipients", str(customers))
    assert result.returncode == 2
    assert "2 invalid row(s); nothing was sent" in result.stderr
    assert "row 3: " in result.stderr and "digits lost by the spreadsheet" in result.stderr
    assert "row 4: " in result.stderr
    assert "Fix or remove these rows in the file" in result.stderr
    assert_plain(result)
    assert sandbox.server.received_sends == []


def test_many_invalid_rows_show_ten_and_the_dry_run_shows_them_all(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    customers = tmp_path / "kunden.csv"
    customers.write_text(
        "Name,Phone\n" + "".join(f"N{i},+41 12{i:02d}\n" for i in range(13)), encoding="utf-8"
    )
    draft = write_draft(tmp_path, SMS_ONLY)
    result = send(sandbox, draft, "--recipients", str(customers))
    assert result.returncode == 2
    assert result.stderr.count("row ") == 10
    assert "... and 3 more (--dry-run lists them all)" in result.stderr
    listed = send(sandbox, draft, "--recipients", str(customers), "--dry-run")
    assert listed.returncode == 2
    assert [f"row {n}: " in listed.stderr for n in range(2, 15)] == [True] * 13
    assert "more" not in listed.stderr
    assert sandbox.server.received_sends == []


def test_an_empty_field_is_named_by_the_file_s_own_row(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    """Row numbers in the problems are the spreadsheet's, header included, as the import's."""
    customers = tmp_path / "kunden.csv"
    customers.write_text(
        "Name,Phone\nAna,+41 79 302 67 21\n,+41 79 302 67 22\nCleo,+41 79 302 67 23\n",
        encoding="utf-8",
    )
    draft = write_draft(tmp_path, {"destinations": [], "sms": {"text": "Hi {{Name}}!"}})
    result = send(sandbox, draft, "--recipients", str(customers), "--dry-run")
    assert result.returncode == 2
    assert "{{Name}} is empty in 1 row (row 3)" in result.stderr
    assert sandbox.server.received_sends == []


def test_duplicates_are_dropped_with_a_warning(sandbox: SandboxThread, tmp_path: Path) -> None:
    customers = tmp_path / "list.csv"
    customers.write_text(
        "Phone\n+41 79 302 67 27\n0041793026727\n+41 78 123 45 67\n", encoding="utf-8"
    )
    result = send(sandbox, write_draft(tmp_path, SMS_ONLY), "--recipients", str(customers))
    assert result.returncode == 0, result.stderr
    assert "1 duplicate row(s) dropped" in result.stderr
    sent = sandbox.server.received_sends[0]["destinations"]
    assert [d["to"]["phoneNumber"] for d in sent] == ["41793026727", "41781234567"]


def test_xlsx_sheet_and_named_columns(sandbox: SandboxThread, tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "Notes": [["nothing here"]],
            "Kunden": [
                ["Privat", "Geschäft", "Ref"],
                [41793026727.0, 41781234567, "r-1"],
                [41765551234.0, 41441234567, "r-2"],
            ],
        },
    )
    result = send(
        sandbox, write_draft(tmp_path, SMS_ONLY), "--recipients", str(book), "--sheet", "Kunden",
        "--column", "phone=geschäft", "--column", "messageId=Ref",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    sent = sandbox.server.received_sends[0]["destinations"]
    assert [(d["to"]["phoneNumber"], d["messageId"]) for d in sent] == [
        ("41781234567", "r-1"),
        ("41441234567", "r-2"),
    ]


def test_exclusion_list_leaves_opted_out_rows_out(sandbox: SandboxThread, tmp_path: Path) -> None:
    customers = tmp_path / "kunden.csv"
    customers.write_text(CUSTOMERS, encoding="utf-8")
    optout = tmp_path / "optout.txt"
    optout.write_text("+41 79 302 67 27\n", encoding="utf-8")
    result = send(
        sandbox, write_draft(tmp_path, SMS_ONLY), "--recipients", str(customers),
        "--region", "CH", "--exclude", str(optout),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1 row(s) left out: on the exclusion list" in result.stderr
    sent = sandbox.server.received_sends[0]["destinations"]
    assert "41793026727" not in [d["to"]["phoneNumber"] for d in sent]
    assert len(sent) == 2


def test_file_problems_exit_2_in_one_sentence(sandbox: SandboxThread, tmp_path: Path) -> None:
    draft = write_draft(tmp_path, SMS_ONLY)
    missing = send(sandbox, draft, "--recipients", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and "nope.csv is not a file" in missing.stderr
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 50)
    garbage = send(sandbox, draft, "--recipients", str(binary))
    assert garbage.returncode == 2 and "not a text or spreadsheet file" in garbage.stderr
    customers = tmp_path / "kunden.csv"
    customers.write_text(CUSTOMERS, encoding="utf-8")
    unknown = send(sandbox, draft, "--recipients", str(customers), "--column", "phone=Fax")
    assert unknown.returncode == 2
    assert "no column “Fax”" in unknown.stderr and "Mobile" in unknown.stderr
    for result in (missing, garbage, unknown):
        assert_plain(result)
    assert sandbox.server.received_sends == []


def test_encoding_reads_a_text_file_as_told(sandbox: SandboxThread, tmp_path: Path) -> None:
    """A personalised text in cp1250 read as the operator says; a wrong choice says so."""
    customers = tmp_path / "zakaznici.csv"
    customers.write_bytes("Jméno;Telefon\nDvořák;+41 79 302 67 27\n".encode("cp1250"))
    draft = write_draft(tmp_path, {"destinations": [], "sms": {"text": "Dobrý den, {{Jméno}}"}})
    told = send(sandbox, draft, "--recipients", str(customers), "--encoding", "cp1250")
    assert told.returncode == 0, told.stderr
    assert sandbox.server.received_sends[0]["sms"]["text"] == "Dobrý den, Dvořák"
    wrong = send(sandbox, draft, "--recipients", str(customers), "--encoding", "utf-8")
    assert wrong.returncode == 2
    assert "zakaznici.csv cannot be read as utf-8; choose another encoding." in wrong.stderr
    unknown = send(sandbox, draft, "--recipients", str(customers), "--encoding", "latin-9")
    assert unknown.returncode == 2
    assert "latin-9 is not an encoding this import reads" in unknown.stderr
    assert_plain(unknown)
    assert len(sandbox.server.received_sends) == 1
