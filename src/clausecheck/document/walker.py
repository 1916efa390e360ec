"""The element-tree walk: every paragraph of a part, with its text as it reads once changes are accepted.

python-docx's `Paragraph.text` drops tracked insertions, content controls,
smart tags, simple-field results and text boxes, and `document.paragraphs`
skips block-level content controls (`docs/dev/dependencies.md` §C.1). This walker
reads the WordprocessingML tree directly with lxml, in reading order, and
returns one `RawParagraph` per paragraph: its accepted text, its direct
paragraph properties and where it sits (part, table cell). What each element
becomes is tabulated in `docs/reading.md`; numbering and labels are applied
by the reader, which calls this once per part.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml import etree

from clausecheck.budget import checkpoint
from clausecheck.document.construct import trusted
from clausecheck.document.model import Part, TableCell
from clausecheck.document.package import W

_W = f"{{{W}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

P, R, T, TBL, TR, TC = (f"{_W}{n}" for n in ("p", "r", "t", "tbl", "tr", "tc"))
PPR, RPR, TAB, BR, CR = (f"{_W}{n}" for n in ("pPr", "rPr", "tab", "br", "cr"))
INS, DEL, MOVE_TO, MOVE_FROM = (f"{_W}{n}" for n in ("ins", "del", "moveTo", "moveFrom"))
HYPERLINK, SMART_TAG, CUSTOM_XML, SDT, SDT_CONTENT, SDT_PR = (
    f"{_W}{n}" for n in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "sdtPr")
)
FLD_SIMPLE, FLD_CHAR, INSTR_TEXT = (f"{_W}{n}" for n in ("fldSimple", "fldChar", "instrText"))
DRAWING, PICT, TXBX_CONTENT, OBJECT = (f"{_W}{n}" for n in ("drawing", "pict", "txbxContent", "object"))
SYM, NO_BREAK_HYPHEN, SOFT_HYPHEN, PTAB, RUBY, RUBY_BASE = (
    f"{_W}{n}" for n in ("sym", "noBreakHyphen", "softHyphen", "ptab", "ruby", "rubyBase")
)
VANISH, SPEC_VANISH, ALT_CHUNK, SUB_DOC = (f"{_W}{n}" for n in ("vanish", "specVanish", "altChunk", "subDoc"))
BDO, DIR = f"{_W}bdo", f"{_W}dir"
ALTERNATE, CHOICE = f"{_MC}AlternateContent", f"{_MC}Choice"
MATH_PARA, MATH, MATH_T = f"{_M}oMathPara", f"{_M}oMath", f"{_M}t"
VAL = f"{_W}val"
P_STYLE, NUM_PR, NUM_ID, ILVL, OUTLINE_LVL = (f"{_W}{n}" for n in ("pStyle", "numPr", "numId", "ilvl", "outlineLvl"))
FLD_CHAR_TYPE, BR_TYPE = f"{_W}fldCharType", f"{_W}type"

_TRUE_OFF = ("0", "false", "off")
_INLINE_CONTAINERS = frozenset({HYPERLINK, SMART_TAG, CUSTOM_XML, BDO, DIR, FLD_SIMPLE})
_SYMBOLS = {
    "F0FC": "✓", "F0FB": "✗", "F0FE": "☒", "F0FD": "☒", "F0A8": "☐", "F06F": "☐", "F0B7": "•",
    "F0A7": "▪", "F0D8": "➢", "F06C": "●", "F09F": "•", "F0B4": "×",
}  # fmt: skip


@dataclass(slots=True)
class RawParagraph:
    """One paragraph as read: text with changes accepted, direct properties, position."""

    part: Part
    text: str
    style: str | None
    num_id: str | None
    ilvl: str | None
    outline_level: int | None
    cell: TableCell | None
    tracked: bool
    hidden: bool
    element: etree._Element | None = None
    """the `w:p` the text ends in, so a writer (Word comments) can find the paragraph again"""


@dataclass(slots=True)
class _CellContext:
    table: int
    row: int
    col: int
    path: tuple[int, ...]
    row_span: int
    col_span: int
    header: bool
    nested: int = 0
    model: TableCell | None = None

    def cell(self) -> TableCell:
        if self.model is None:
            self.model = trusted(
                TableCell,
                {
                    "table": self.table,
                    "row": self.row,
                    "col": self.col,
                    "row_span": self.row_span,
                    "col_span": self.col_span,
                    "header": self.header,
                    "path": self.path,
                },
            )
        return self.model


class Walker:
    """Walks parts in reading order; `tables` counts top-level tables across every part walked.

    Paragraphs carry their `w:p` only with `keep_elements`: an element kept
    alive keeps its part's tree alive, which the reader otherwise frees as it walks.
    """

    def __init__(self, *, keep_elements: bool = False) -> None:
        self.keep_elements = keep_elements
        self.tables = 0
        self.warnings: list[str] = []
        self.tracked_any = False
        self._fields: list[bool] = []  # one entry per open complex field: True once past 'separate'
        self._instr = 0  # open fields still in their instruction
        self._pending: list[str] = []  # text of paragraphs whose mark was deleted, joined to the next
        self._pending_tracked = False
        self._out: list[RawParagraph] = []

    def walk(self, root: Iterable[etree._Element], part: Part) -> list[RawParagraph]:
        """Every paragraph under `root` (a body, header, footer or one note, or the children of one), in
        reading order."""
        self._fields.clear()
        self._instr = 0
        self._out = []
        self._container(root, part, None)
        self._flush(part, None)
        return self._out

    # --- block level ------------------------------------------------------

    def _container(self, el: Iterable[etree._Element], part: Part, cell: _CellContext | None) -> None:
        for child in el:
            tag = child.tag
            if tag == P:
                checkpoint()
                self._paragraph(child, part, cell)
            elif tag == TBL:
                self._table(child, part, cell)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._container(content, part, cell)
            elif tag in (CUSTOM_XML, INS, MOVE_TO):
                if tag != CUSTOM_XML:
                    self.tracked_any = True
                self._container(child, part, cell)
            elif tag in (DEL, MOVE_FROM):
                self.tracked_any = True
            elif tag == ALTERNATE:
                choice = child.find(CHOICE)
                if choice is not None:
                    self._container(choice, part, cell)
            elif tag in (ALT_CHUNK, SUB_DOC):
                self.warnings.append(
                    "an embedded document (altChunk/subDoc) is not read; open the agreement in Word and save it "
                    "to merge it into the text"
                )

    def _paragraph(self, p: etree._Element, part: Part, cell: _CellContext | None) -> None:
        style = num_id = ilvl = None
        outline = None
        mark_deleted = tracked = False
        pieces: list[str] = []
        hidden: list[int] = []
        boxes: list[etree._Element] = []
        for child in p:
            if child.tag == PPR:
                style, num_id, ilvl, outline, mark_deleted, tracked = _paragraph_properties(child)
            else:
                tracked |= self._inline_child(child, pieces, hidden, boxes)
        # a complex field whose instruction runs past the paragraph end is broken: do not let it swallow text
        while self._fields and not self._fields[-1]:
            self._fields.pop()
            self._instr -= 1
        if hidden:
            skip = set(hidden)
            visible = "".join(piece for i, piece in enumerate(pieces) if i not in skip)
            is_hidden = not visible.strip()
            text = "".join(pieces) if is_hidden else visible
        else:
            text = "".join(pieces)
            is_hidden = False
        if tracked:
            self.tracked_any = True
        if mark_deleted:
            self._pending.append(text)
            self._pending_tracked = True
        else:
            if self._pending:
                text = "".join(self._pending) + text
                self._pending.clear()
                tracked = tracked or self._pending_tracked
                self._pending_tracked = False
            para = RawParagraph(
                part=part,
                text=text,
                style=style,
                num_id=num_id,
                ilvl=ilvl,
                outline_level=outline,
                cell=cell.cell() if cell is not None else None,
                tracked=tracked,
                hidden=is_hidden and bool(text.strip()),
                element=p if self.keep_elements else None,
            )
            self._out.append(para)
        for box in boxes:
            self._scoped(box, "textbox", None)

    def _scoped(self, el: etree._Element, part: Part, cell: _CellContext | None) -> None:
        """Walk a cell or text box: a deleted paragraph mark never joins text across its edge."""
        saved, saved_tracked = self._pending, self._pending_tracked
        self._pending, self._pending_tracked = [], False
        self._container(el, part, cell)
        self._flush(part, cell)
        self._pending, self._pending_tracked = saved, saved_tracked

    def _flush(self, part: Part, cell: _CellContext | None) -> None:
        """A deleted paragraph mark at the end of a container has nothing to join: keep its text."""
        if not self._pending:
            return
        text = "".join(self._pending)
        self._pending.clear()
        self._pending_tracked = False
        if text.strip():
            self._out.append(
                RawParagraph(part, text, None, None, None, None, cell.cell() if cell else None, True, False)
            )

    # --- inside a paragraph -------------------------------------------------

    def _inline(self, el: etree._Element, pieces: list[str], hidden: list[int], boxes: list[etree._Element]) -> bool:
        """Read an inline container's runs; True when it holds a tracked change."""
        tracked = False
        for child in el:
            tracked |= self._inline_child(child, pieces, hidden, boxes)
        return tracked

    def _inline_child(
        self, child: etree._Element, pieces: list[str], hidden: list[int], boxes: list[etree._Element]
    ) -> bool:
        """Read one child of a paragraph or inline container; True when it is or holds a tracked change."""
        tag = child.tag
        if tag == R:
            self._run(child, pieces, hidden, boxes)
        elif tag in _INLINE_CONTAINERS:
            return self._inline(child, pieces, hidden, boxes)
        elif tag in (INS, MOVE_TO):
            self._inline(child, pieces, hidden, boxes)
            return True
        elif tag in (DEL, MOVE_FROM):
            return True
        elif tag == SDT:
            return self._inline_sdt(child, pieces, hidden, boxes)
        elif tag in (MATH, MATH_PARA):
            pieces.extend(t.text or "" for t in child.iter(MATH_T))
        elif tag == ALTERNATE:
            choice = child.find(CHOICE)
            if choice is not None:
                return self._inline(choice, pieces, hidden, boxes)
        return False

    def _inline_sdt(
        self, sdt: etree._Element, pieces: list[str], hidden: list[int], boxes: list[etree._Element]
    ) -> bool:
        props = sdt.find(SDT_PR)
        if props is not None and props.find(f"{_W}showingPlcHdr") is not None:
            return False  # placeholder prompt ("Click here to enter text"), not agreement text
        content = sdt.find(SDT_CONTENT)
        return self._inline(content, pieces, hidden, boxes) if content is not None else False

    def _run(self, r: etree._Element, pieces: list[str], hidden: list[int], boxes: list[etree._Element]) -> None:
        is_hidden = False
        for child in r:
            tag = child.tag
            if tag == T:
                if self._instr:
                    continue
                if is_hidden:
                    hidden.append(len(pieces))
                pieces.append(child.text or "")
            elif tag == RPR:
                vanish = child.find(VANISH)
                if vanish is None:
                    vanish = child.find(SPEC_VANISH)
                is_hidden = vanish is not None and vanish.get(VAL) not in _TRUE_OFF
            elif tag in (TAB, PTAB):
                if not self._instr:
                    pieces.append("\t")
            elif tag == FLD_CHAR:
                kind = child.get(FLD_CHAR_TYPE)
                if kind == "begin":
                    self._fields.append(False)
                    self._instr += 1
                elif kind == "separate":
                    if self._fields and not self._fields[-1]:
                        self._fields[-1] = True
                        self._instr -= 1
                elif kind == "end" and self._fields and not self._fields.pop():
                    self._instr -= 1
            elif tag == INSTR_TEXT:
                continue
            elif tag == BR:
                if not self._instr and child.get(BR_TYPE) in (None, "textWrapping"):
                    pieces.append("\n")
            elif tag == CR:
                if not self._instr:
                    pieces.append("\n")
            elif tag == NO_BREAK_HYPHEN:
                if not self._instr:
                    pieces.append("-")
            elif tag == SYM and not self._instr:
                code = (child.get(f"{_W}char") or "").upper()
                if code in _SYMBOLS:
                    pieces.append(_SYMBOLS[code])
                else:
                    with contextlib.suppress(ValueError):
                        pieces.append(chr(int(code, 16)))
            elif tag in (DRAWING, PICT, ALTERNATE):
                _find_boxes(child, boxes)
            elif tag == RUBY:
                base = child.find(RUBY_BASE)
                if base is not None:
                    self._inline(base, pieces, hidden, boxes)
            elif tag == OBJECT:
                _find_boxes(child, boxes)
                self.warnings.append("an embedded object (OLE) is not read")

    # --- tables -------------------------------------------------------------

    def _table(self, tbl: etree._Element, part: Part, outer: _CellContext | None) -> None:
        path: tuple[int, ...]
        if outer is None:
            index, path = self.tables, ()
            self.tables += 1
        else:
            index, path = outer.table, (*outer.path, outer.row, outer.col, outer.nested)
            outer.nested += 1
        first_row_header = _looks_first_row(tbl)
        rows = []
        for tr in _expand(tbl, TR):
            tr_pr = tr.find(f"{_W}trPr")
            header = False
            if tr_pr is not None:
                if tr_pr.find(DEL) is not None:
                    self.tracked_any = True
                    continue  # a deleted row is gone once changes are accepted
                if tr_pr.find(INS) is not None:
                    self.tracked_any = True
                header_el = tr_pr.find(f"{_W}tblHeader")
                header = header_el is not None and header_el.get(VAL) not in _TRUE_OFF
            col = _grid_before(tr_pr)
            cells = []
            for tc in _expand(tr, TC):
                tc_pr = tc.find(f"{_W}tcPr")
                span, merge = 1, None
                if tc_pr is not None:
                    if tc_pr.find(f"{_W}cellDel") is not None:
                        self.tracked_any = True
                        continue
                    grid_span = tc_pr.find(f"{_W}gridSpan")
                    if grid_span is not None:
                        span = max(1, _int(grid_span.get(VAL), 1))
                    v_merge = tc_pr.find(f"{_W}vMerge")
                    if v_merge is not None:
                        merge = "restart" if v_merge.get(VAL) == "restart" else "continue"
                cells.append((tc, col, span, merge))
                col += span
            rows.append((header, cells))
        headers_done = False
        for r, (header, cells) in enumerate(rows):
            if not header:
                headers_done = True
            is_header = (header and not headers_done) or (r == 0 and first_row_header)
            for tc, col, span, merge in cells:
                if merge == "continue":
                    continue
                row_span = 1
                if merge == "restart":
                    for later in rows[r + 1 :]:
                        below = next((c for c in later[1] if c[1] == col), None)
                        if below is None or below[3] != "continue":
                            break
                        row_span += 1
                context = _CellContext(index, r, col, path, row_span, span, is_header)
                self._scoped(tc, part, context)


def _paragraph_properties(ppr: etree._Element) -> tuple:
    style = num_id = ilvl = None
    outline = None
    mark_deleted = tracked = False
    for child in ppr:
        tag = child.tag
        if tag == P_STYLE:
            style = child.get(VAL)
        elif tag == NUM_PR:
            for sub in child:
                if sub.tag == NUM_ID:
                    num_id = sub.get(VAL)
                elif sub.tag == ILVL:
                    ilvl = sub.get(VAL)
        elif tag == OUTLINE_LVL:
            level = _int(child.get(VAL), 9)
            outline = level if 0 <= level <= 8 else None
        elif tag == RPR:
            if child.find(DEL) is not None or child.find(MOVE_FROM) is not None:
                mark_deleted = tracked = True
            elif child.find(INS) is not None or child.find(MOVE_TO) is not None:
                tracked = True
    return style, num_id, ilvl, outline, mark_deleted, tracked


def _find_boxes(el: etree._Element, boxes: list[etree._Element]) -> None:
    """Text-box contents under a drawing, taking `mc:Choice` only and not descending into a box."""
    for child in el:
        tag = child.tag
        if tag == TXBX_CONTENT:
            boxes.append(child)
        elif tag == f"{_MC}Fallback":
            continue
        elif isinstance(tag, str):
            _find_boxes(child, boxes)


def _expand(el: etree._Element, wanted: str) -> Iterator[etree._Element]:
    """Children with tag `wanted`, looking through content controls and custom XML that wrap them."""
    for child in el:
        tag = child.tag
        if tag == wanted:
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _expand(content, wanted)
        elif tag == CUSTOM_XML:
            yield from _expand(child, wanted)


def _looks_first_row(tbl: etree._Element) -> bool:
    """`w:tblLook` asks for first-row (header) formatting: attribute `firstRow`, or bit 0x0020 of `val`."""
    look = tbl.find(f"{_W}tblPr/{_W}tblLook")
    if look is None:
        return False
    first = look.get(f"{_W}firstRow")
    if first is not None:
        return first not in _TRUE_OFF
    try:
        return bool(int(look.get(VAL, "0"), 16) & 0x0020)
    except ValueError:
        return False


def _grid_before(tr_pr: etree._Element | None) -> int:
    if tr_pr is None:
        return 0
    el = tr_pr.find(f"{_W}gridBefore")
    return max(0, _int(el.get(VAL), 0)) if el is not None else 0


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
