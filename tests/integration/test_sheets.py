"""Spreadsheet files read from real files: each format, each encoding, and hostile files."""

from __future__ import annotations

import random
import re
import time
import zipfile
from pathlib import Path

import pytest
from sheet_files import sheet_xml, write_ods, write_xlsx

from omni_desktop.core.audience import Mapping

from omni_desktop.storage.sheets import MAX_CELL_CHARS, SheetError, read_sheet, sheet_names

from omni_desktop.services.importing import (
    ImportCancelled,
    export_invalid,
    preview,
    read_recipients,
    remove_duplicates,
    remove_invalid,
)

CUSTOMERS = 'Name;Mobile;E-Mail\r\n"Schmid, Jürg";079 302 67 27;jurg@example.com\r\n'


def test_duplicates_are_rows_repeating_an_address_never_rows_lacking_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Phone,E-Mail\n"
        ",ana@example.com\n"  # e-mail only
        ",ben@example.com\n"  # e-mail only, another
        "+41 79 302 67 27,\n"  # phone only
        "+41 79 302 67 28,\n"  # phone only, another
        "0041793026727,\n"  # row 4's number again, written otherwise
        ",ANA@example.com\n"  # row 2's address again
        "+41 79 302 67 29,ben@example.com\n",  # a new number, row 3's address
        encoding="utf-8",
    )
    result = read_recipients(path, None, None)
    assert result.duplicates == frozenset({6, 7, 8})
    assert (result.valid_count, result.invalid_count, result.duplicate_count) == (4, 0, 3)


def test_utf8_bom_semicolons_and_quoted_commas(tmp_path: Path) -> None:
    path = tmp_path / "kunden.csv"
    path.write_bytes("\ufeff".encode() + CUSTOMERS.encode("utf-8"))
    found = preview(path)
    assert (found.encoding, found.delimiter, found.header_row) == ("utf-8-sig", ";", 1)
    assert found.headers == ["Name", "Mobile", "E-Mail"]
    assert found.rows == [["Schmid, Jürg", "079 302 67 27", "jurg@example.com"]]
    assert found.mapping == Mapping(phone=1, email=2)


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("cp1250", "Dvořák Čestmír, Žilina"),
        ("cp1250", "Łódź, Kraków, Gdańsk, żółw"),
        ("cp1250", "Győr, Szőke Árpád, Pécs"),
        ("cp1250", "Đurđević Ivan, Čakovec"),
        ("cp1250", "Ştefan Braşov, Iaşi; Bogdăneşti"),
        ("cp1252", "Crème brûlée à la française, 5 €"),
        ("cp1252", "Señora Núñez, mañana"),
        ("cp1252", "Niccolò Città, perché più"),
        ("cp1252", "Zoë Müller, Genève; Jürg Bärtschi, Zürich; Chloé Rossetti, Lugano"),
        ("cp1252", "João Conceição, São Paulo"),
        ("utf-16", "Čaj ß €"),
    ],
)
def test_legacy_and_utf16_encodings(tmp_path: Path, encoding: str, name: str) -> None:
    lines = ["Name\tTelefon"] + [f"{name} {i}\t+41 79 302 67 {10 + i}" for i in range(30)]
    path = tmp_path / "export.txt"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    data = read_sheet(path)
    assert data.encoding == encoding
    assert data.delimiter == "\t"  # the commas inside the names are no delimiter
    assert data.rows[1] == [f"{name} 0", "+41 79 302 67 10"]


def test_utf8_without_bom_and_pipes(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Phone|Name\n+41 79 302 67 27|Zoë\n+41 78 123 45 67|Ana|\n", encoding="utf-8")
    data = read_sheet(path)
    assert (data.encoding, data.delimiter) == ("utf-8", "|")
    assert data.rows == [
        ["Phone", "Name"],
        ["+41 79 302 67 27", "Zoë"],
        ["+41 78 123 45 67", "Ana"],
    ]


def test_xlsx_numbers_stored_as_numbers_read_back_exactly(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "Leer": [],
            "Kunden": [
                ["Name", "Handy", "Seit", "Punkte"],
                ["<b>Ana</b>", 41793026727.0, None, 2.5],
                ["Ben", 41781234567, True, 9007199254740993.0],
            ],
        },
    )
    assert sheet_names(path) == ("Leer", "Kunden")
    data = read_sheet(path)
    assert data.sheet == "Kunden"  # the first non-empty sheet
    assert data.rows[1] == ["<b>Ana</b>", "41793026727", "", "2.5"]
    assert data.rows[2][:3] == ["Ben", "41781234567", "TRUE"]
    assert "E+15" in data.rows[2][3]  # past 2**53 the digits are gone: never shown as exact


def test_several_sheets_and_a_named_one(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "b.xlsx", {"A": [["Phone"], ["+41 79 302 67 27"]], "B": [["x"]]})
    assert read_sheet(path, "B").rows == [["x"]]
    with pytest.raises(SheetError, match="no sheet named “C”; its sheets are: A, B"):
        read_sheet(path, "C")


def test_ods_reads_like_xlsx(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "k.ods", {"Kunden": [["Mobile", "Name"], [41793026727.0, "Jürg"]]})
    result = read_recipients(path, None, "CH")
    assert [r.destination.phone for r in result.rows] == ["41793026727"]
    assert result.rows[0].fields == {"Name": "Jürg"}


def test_xls_written_by_xlwt(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Kunden")
    for r, row in enumerate([["Mobile", "Name"], [41793026727.0, "Jürg"]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "old.xls"
    book.save(str(path))
    assert read_sheet(path).rows == [["Mobile", "Name"], ["41793026727", "Jürg"]]


def test_counts_duplicates_invalid_and_export(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text(
        "Mobile,Name\n"
        "079 302 67 27,Ana\n"
        "+41793026727,Ana again\n"
        "4.17930E+10,Ben\n"
        "=cmd|' /C calc'!A0,Eve\n"
        "793026728,Lost zero\n",
        encoding="utf-8",
    )
    result = read_recipients(path, None, "CH")
    assert (result.valid_count, result.invalid_count, result.duplicate_count) == (2, 2, 1)
    assert [r.row for r in result.invalid] == [4, 5]
    assert len(remove_duplicates(result).rows) == 4
    assert len(remove_invalid(result).rows) == 3
    out = tmp_path / "invalid.csv"
    assert export_invalid(result, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "digits lost by the spreadsheet" in text and "Reason" in text
    assert "'=cmd" in text  # never a formula when Excel opens it


def test_exclusion_list(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("Phone;Mail\n+41 79 302 67 27;\n;ana@example.com\n+41 78 123 45 67;\n")
    optout = write_xlsx(
        tmp_path / "optout.xlsx", {"S": [["Nummer"], [41793026727], ["ANA@example.com"]]}
    )
    result = read_recipients(path, None, None, exclusions=optout)
    assert result.excluded_count == 2
    assert [r.destination.phone for r in result.rows] == ["+41 78 123 45 67"]


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Phone\n" + "".join(f"+4179{i:07d}\n" for i in range(10_000)))
    seen: list[tuple[int, int]] = []
    result = read_recipients(path, None, None, progress=lambda d, t: seen.append((d, t)))
    assert len(result.rows) == 10_000 and seen[-1] == (10_000, 10_000) and len(seen) >= 3
    with pytest.raises(ImportCancelled):
        read_recipients(path, None, None, cancelled=lambda: True)


# --- hostile files ------------------------------------------------------------------------------


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.truncate(2 * 1024**3)  # a 2 GB sparse file: nothing is read
    start = time.monotonic()
    with pytest.raises(SheetError, match="larger than 256 MB; split the list"):
        read_sheet(path)
    assert time.monotonic() - start < 1


def test_binary_and_renamed_workbook(tmp_path: Path) -> None:
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    with pytest.raises(SheetError, match="not a text or spreadsheet file"):
        read_sheet(binary)
    renamed = write_xlsx(tmp_path / "b.xlsx", {"S": [["x"]]}).rename(tmp_path / "b.csv")
    with pytest.raises(SheetError, match=re.escape("rename it to .xlsx")):
        read_sheet(renamed)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(SheetError, match="damaged or not a spreadsheet"):
        read_sheet(fake)


def test_zip_bomb_disguised_as_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            block = b"\0" * (1 << 20)
            for _ in range(1100):  # 1.1 GB of zeros, about 1 MB packed
                entry.write(block)
    assert path.stat().st_size < 5 * 1024 * 1024
    with pytest.raises(SheetError, match="unpacks to more than"):
        read_sheet(path)


def test_far_apart_cells_never_allocate_the_whole_rectangle(tmp_path: Path) -> None:
    # Two cells at A1 and XFD1048576 made calamine allocate 512 GB and abort the process.
    far = sheet_xml([["x"]]).replace(
        "</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    )
    path = write_xlsx(tmp_path / "far.xlsx", {}, {"S": far})
    with pytest.raises(SheetError, match="1,048,576 rows by 16,384 columns"):
        read_sheet(path)


@pytest.mark.parametrize("cut", [1, 5, 9, 13])
def test_a_far_cell_reference_cut_by_the_read_chunk_is_still_seen(tmp_path: Path, cut: int) -> None:
    # The sheet is scanned 1 MB at a time: a reference split between two chunks counts too.
    head = sheet_xml([["x"]]).replace("</sheetData>", "") + '<row r="900000"><c'
    ref = ' r="ZZ900000"'
    filler = "<!--" + "f" * ((1 << 20) - cut - len(head) - 7) + "-->"
    xml = head[: -len('<row r="900000"><c')] + filler + '<row r="900000"><c' + ref
    xml += "><v>1</v></c></row></sheetData></worksheet>"
    assert xml.index(ref) == (1 << 20) - cut  # the chunk ends inside the reference
    path = write_xlsx(tmp_path / "far.xlsx", {}, {"S": xml})
    with pytest.raises(SheetError, match="900,000 rows by 702 columns"):
        read_sheet(path)


def test_workbook_rows_read_one_at_a_time_keep_their_cells_where_they_were(
    tmp_path: Path,
) -> None:
    # Rows are read a row at a time (the window's thread is not held for the whole sheet);
    # an empty area before the data still counts, so columns and row numbers stay the file's.
    from python_calamine import CalamineWorkbook

    from omni_desktop.storage.sheets import cell_text

    rng = random.Random(11)
    for n in range(60):
        writer, suffix = rng.choice(((write_xlsx, "xlsx"), (write_ods, "ods")))
        values = (None, None, "", "v", 2.0, 41793026727.0)
        rows = [
            [rng.choice(values) for _ in range(rng.randrange(6))] for _ in range(rng.randrange(6))
        ]
        path = writer(tmp_path / f"s{n}.{suffix}", {"S": rows})
        whole = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("S")
        expected = [[cell_text(v) for v in row] for row in whole.to_python(skip_empty_area=False)]
        for row in expected:
            while row and not row[-1]:
                row.pop()
        while expected and not expected[-1]:
            expected.pop()
        assert read_sheet(path, "S").rows == expected, rows


def test_a_row_of_100000_columns_and_a_10_mb_cell(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text("Phone\n" + ",".join(["1"] * 100_000) + "\n")
    with pytest.raises(SheetError, match=re.escape("Row 2 of wide.csv has 100,000 columns")):
        read_sheet(wide)
    big_cell = tmp_path / "cell.csv"
    big_cell.write_text('Phone,Note\n+41793026727,"' + "x" * (10 * 1024 * 1024) + '"\n')
    with pytest.raises(SheetError, match=re.escape("Row 2 of cell.csv could not be read")):
        read_sheet(big_cell)
    long_cell = tmp_path / "long.xlsx"
    write_xlsx(long_cell, {"S": [["Phone", "Note"], ["+41793026727", "y" * 100_000]]})
    data = read_sheet(long_cell)
    assert data.cut_cells == 1 and len(data.rows[1][1]) == MAX_CELL_CHARS


def test_formulas_are_never_evaluated(tmp_path: Path) -> None:
    xml = sheet_xml([["Phone"]]).replace(
        "</sheetData>",
        '<row r="2"><c r="A2" t="str"><f>HYPERLINK("http://x","y")</f><v>cached</v></c></row>'
        "</sheetData>",
    )
    path = write_xlsx(tmp_path / "f.xlsx", {}, {"S": xml})
    assert read_sheet(path).rows == [["Phone"], ["cached"]]
