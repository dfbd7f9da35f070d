"""History export: one send, or a time range's sends, from a real outbox file to CSV and
XLSX, read back; server text stays text (never a formula)."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from omni_desktop.core.message import Destination, OmniMessage, to_json, with_ids
from omni_desktop.core.report import Price, Report
from omni_desktop.core.status import DELIVERED_TO_HANDSET, PENDING_ENROUTE, Status

from omni_desktop.storage.outbox import Outbox

from omni_desktop.services.exporting import ExportError
from omni_desktop.services.history import HistoryService

START = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
HOSTILE = '=HYPERLINK("http://127.0.0.1/x","click")'


def body(*phones: str) -> Any:
    message = OmniMessage(destinations=[Destination(phone=p) for p in phones])
    message.content("sms").values["text"] = "Your parcel 4711 arrives today."
    return to_json(with_ids(message, START))


@pytest.fixture
def history(tmp_path: Path) -> Iterator[tuple[HistoryService, list[int]]]:
    """Three sends a day apart; the first delivered with a price and a hostile description."""
    now = [START]
    outbox = Outbox(tmp_path / "outbox.db", clock=lambda: now[0])
    ids: list[int] = []
    for day, phones in enumerate(
        (("+41793026721", "+41793026722"), ("+41793026723",), ("+41793026724",))
    ):
        now[0] = START + timedelta(days=day)
        sent = body(*phones)
        send_id = outbox.record_before_send(None, "http://127.0.0.1:9", sent)
        answer = {
            "bulkId": sent["bulkId"],
            "messages": [
                {"messageId": d["messageId"], "to": d["to"], "status": PENDING_ENROUTE.to_json()}
                for d in sent["destinations"]
            ],
        }
        outbox.record_answer(send_id, answer)
        ids.append(send_id)
        if len(ids) == 1:
            first = sent["destinations"][0]
            status = Status(3, "DELIVERED", 5, "DELIVERED_TO_HANDSET", HOSTILE)
            outbox.apply_reports(
                [
                    Report(
                        first["messageId"],
                        "41793026721",
                        status,
                        "SMS",
                        sent["bulkId"],
                        price=Price(0.0075, "EUR"),
                    ),
                    Report(
                        sent["destinations"][1]["messageId"],
                        "41793026722",
                        DELIVERED_TO_HANDSET,
                        "SMS",
                        sent["bulkId"],
                    ),
                ]
            )
    yield HistoryService(outbox, lambda _profile: None), ids
    outbox.close()


def test_one_send_to_csv(history: tuple[HistoryService, list[int]], tmp_path: Path) -> None:
    service, ids = history
    path = tmp_path / "send.csv"
    assert asyncio.run(service.export(path, send_id=ids[0])) == 2
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["To"] for r in rows] == ["+41793026721", "+41793026722"]
    assert float(rows[0]["Price"]) == 0.0075 and rows[0]["Currency"] == "EUR"
    assert rows[1]["Price"] == "" and rows[1]["Currency"] == ""
    assert datetime.fromisoformat(rows[0]["Sent at"]) == START
    assert rows[0]["Description"] == "'" + HOSTILE  # a spreadsheet shows it, never runs it


def test_a_time_range_to_xlsx(history: tuple[HistoryService, list[int]], tmp_path: Path) -> None:
    service, ids = history
    path = tmp_path / "range.xlsx"
    since, until = START + timedelta(hours=1), START + timedelta(days=2, hours=1)
    assert asyncio.run(service.export(path, since=since, until=until)) == 2
    table = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header = table[0]
    assert header[:2] == ["Send", "Sent at"]
    assert [line[header.index("Send")] for line in table[1:]] == [ids[1], ids[2]]  # oldest first
    everything = tmp_path / "all.xlsx"
    assert (
        asyncio.run(service.export(everything, since=START, until=START + timedelta(days=9))) == 4
    )
    table = CalamineWorkbook.from_path(str(everything)).get_sheet_by_index(0).to_python()
    described = table[1][header.index("Description")]
    assert described == HOSTILE  # text, as sent: XLSX writes every string as a string
    assert table[1][header.index("Price")] == 0.0075


def test_bad_requests_say_why(history: tuple[HistoryService, list[int]], tmp_path: Path) -> None:
    service, ids = history
    with pytest.raises(ExportError, match="ends before it starts"):
        asyncio.run(service.export(tmp_path / "x.csv", since=START, until=START - timedelta(1)))
    with pytest.raises(ExportError, match=r"\.csv or \.xlsx"):
        asyncio.run(service.export(tmp_path / "x.txt", send_id=ids[0]))
    with pytest.raises(KeyError):
        asyncio.run(service.export(tmp_path / "x.csv", send_id=999))
    assert not list(tmp_path.glob("x.*"))
