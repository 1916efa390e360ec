"""Tables: every cell once, merged cells not repeated, nested tables, coordinates, header rows."""

from __future__ import annotations

from clausecheck.document.reader import read_document

from .packages import docx_with


def cells(doc):
    return [
        (b.text, b.table.row, b.table.col, b.table.row_span, b.table.col_span, b.table.header)
        for b in doc.blocks
        if b.table
    ]


def test_merged_cells_are_read_once_with_their_span(read):
    doc = read("| 责任方 | 条款 | < |\n| 甲方 | 提供 | 防护用品 |\n| ^ | 培训 | 告知 |")
    assert cells(doc) == [
        ("责任方", 0, 0, 1, 1, True),
        ("条款", 0, 1, 1, 2, True),
        ("甲方", 1, 0, 2, 1, False),
        ("提供", 1, 1, 1, 1, False),
        ("防护用品", 1, 2, 1, 1, False),
        ("培训", 2, 1, 1, 1, False),
        ("告知", 2, 2, 1, 1, False),
    ]


def test_nested_tables_keep_the_outer_position(read):
    doc = read("| a | b |\n| c | [[x ; y // z ; w]] |")
    nested = [b for b in doc.blocks if b.table and b.table.path]
    assert [(b.text, b.table.table, b.table.path, b.table.row, b.table.col) for b in nested] == [
        ("x", 0, (1, 1, 0), 0, 0),
        ("y", 0, (1, 1, 0), 0, 1),
        ("z", 0, (1, 1, 0), 1, 0),
        ("w", 0, (1, 1, 0), 1, 1),
    ]


def test_tables_are_numbered_in_document_order(read):
    doc = read("| a |\n| b |\ntext\n| c |\n| d |")
    assert [(b.text, b.table.table) for b in doc.blocks if b.table] == [("a", 0), ("b", 0), ("c", 1), ("d", 1)]


def test_cells_take_inline_markup_and_tracked_changes(read):
    doc = read("| 责任方 | 义务 |\n| 乙方 | {+应当+}提供{sdt:安全帽} |")
    assert [b.text for b in doc.blocks] == ["责任方", "义务", "乙方", "应当提供安全帽"]
    assert doc.blocks[3].tracked


def _table(rows: str, look: str = "") -> str:
    return f"<w:tbl><w:tblPr>{look}</w:tblPr>{rows}</w:tbl>"


def _row(*texts: str, props: str = "") -> str:
    tcs = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in texts)
    return f"<w:tr>{props}{tcs}</w:tr>"


def test_header_row_from_first_row_look_or_repeat_flag():
    no_header = read_document(docx_with(_table(_row("a") + _row("b"))))
    assert [b.table.header for b in no_header.blocks] == [False, False]
    looked = read_document(docx_with(_table(_row("a") + _row("b"), '<w:tblLook w:val="0020"/>')))
    assert [b.table.header for b in looked.blocks] == [True, False]
    repeated = _row("h1", props="<w:trPr><w:tblHeader/></w:trPr>") + _row("h2", props="<w:trPr><w:tblHeader/></w:trPr>")
    flagged = read_document(docx_with(_table(repeated + _row("b"))))
    assert [b.table.header for b in flagged.blocks] == [True, True, False]


def test_tracked_row_and_cell_deletions_are_accepted():
    rows = _row("kept") + _row("gone", props='<w:trPr><w:del w:id="1" w:author="x"/></w:trPr>') + _row("last")
    doc = read_document(docx_with(_table(rows)))
    assert [(b.text, b.table.row) for b in doc.blocks] == [("kept", 0), ("last", 1)]
    assert doc.has_tracked_changes
    cell_del = (
        '<w:tr><w:tc><w:tcPr><w:cellDel w:id="2" w:author="x"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
    )
    cell_del += "<w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr>"
    assert [b.text for b in read_document(docx_with(_table(cell_del))).blocks] == ["y"]


def test_rows_and_cells_inside_content_controls_and_grid_before():
    rows = (
        "<w:sdt><w:sdtContent>"
        + _row("in sdt")
        + "</w:sdtContent></w:sdt>"
        + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:sdt><w:sdtContent>'
        + "<w:tc><w:p><w:r><w:t>shifted</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr>"
    )
    doc = read_document(docx_with(_table(rows)))
    assert [(b.text, b.table.row, b.table.col) for b in doc.blocks] == [("in sdt", 0, 0), ("shifted", 1, 1)]
