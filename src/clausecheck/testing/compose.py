"""Build a real .docx from a compact notation, for tests, pack cases and examples.

Pack test cases and the reader's own tests must pass through the real reader,
so they are rendered to real Word files at test time. Writing them as python-
docx calls would bury the agreement in code; this notation keeps a fixture
readable (STYLE habit 8, after python-docx's `cxml`). The package is built
with python-docx from a minimal in-memory template, the body as one XML
string parsed once: hundreds of cases build in well under a second.

Notation
========

Every non-empty line is one paragraph; lines are stripped.

Block lines
-----------

``# Title``, ``## Title``, ``### Title``
    Word ``Heading 1``/``2``/``3`` paragraphs.
``| a | b |``
    A table row; consecutive rows form one table, and the first row is a
    header row (``w:tblHeader``). A cell holding only ``<`` merges into the
    cell on its left (``gridSpan``); only ``^`` merges into the cell above
    (``vMerge``). ``[[x ; y // z ; w]]`` as a whole cell is a nested table
    (rows split by ``//``, cells by ``;``). Cells take inline markup.
``[flag] …`` (at the start of a line, several allowed)
    ``[ins]``/``[del]`` the whole paragraph is a tracked insertion/deletion
    (runs and paragraph mark); ``[delmark]`` delete only the paragraph mark,
    which joins the paragraph to the next once accepted; ``[sdt]`` wrap the paragraph in a block-level
    content control; ``[hidden]`` format it hidden; ``[style=StyleId]`` give
    it a paragraph style; ``[nonum]`` keep its label literal even with
    ``auto_numbering``; ``[altchunk]`` embed the line as an HTML altChunk (which
    Word merges on open and readers cannot see).

Clause labels
-------------

Labels are written as text: ``第一条 …``, ``1.1 …``, ``(a) …``, ``（一）…``,
``Article 5 …``, ``附件一 …``. With ``auto_numbering=True`` each label the
reader recognises becomes Word automatic numbering instead: a list per label
style (``第%1条`` chineseCounting, ``%1.%2`` decimal, ``(%1)`` lowerLetter…),
with a new list instance and ``startOverride`` wherever the written number
does not follow on, and the label is removed from the text. One fixture so
tests both the literal and the automatic path.

Inline markup (nests)
---------------------

=======================  ==================================================
``{+text+}``             tracked insertion
``{-text-}``             tracked deletion
``{moveto:text}``        text moved here (tracked)
``{movefrom:text}``      text moved away (tracked)
``{sdt:text}``           run-level content control
``{ph:text}``            content control showing its placeholder prompt
``{fld:PAGE|7}``         simple field: instruction, cached result
``{field:REF x|3}``      complex field (fldChar begin/separate/end)
``{link:URL|text}``      hyperlink
``{tag:text}``           smart tag
``{xml:text}``           inline custom XML element
``{box:text}``           text box (DrawingML with a VML fallback); ``;`` splits paragraphs
``{fn:text}``            footnote reference, the note holding ``text``
``{en:text}``            endnote reference
``{comment:text}``       a Word comment on the paragraph (never agreement text)
``{hidden:text}``        hidden run (``w:vanish``)
``{sym:F0FC}``           ``w:sym`` character (Wingdings)
``{ruby:base|guide}``    ruby (phonetic guide) text
``{tab}`` ``{br}``       tab, line break
=======================  ==================================================

A literal ``{`` is written ``{{``; a literal ``}`` as ``}}``.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from clausecheck.document.labels import LabelMatch, match_label

__all__ = ["compose_docx"]

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
}
_NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in _NS.items())
_CHANGE = 'w:author="clausecheck" w:date="2024-01-01T00:00:00Z"'
_FLAG = re.compile(r"^\[(ins|del|delmark|sdt|hidden|nonum|altchunk|style=[A-Za-z0-9_-]+)\]\s*")
_HEADING = re.compile(r"^(#{1,3})\s+")
_CHANGES = {"ins": ("ins", False), "del": ("del", True), "moveto": ("moveTo", False), "movefrom": ("moveFrom", True)}
"""inline tracked-change markup: its element and whether its text is removed (`w:delText`)"""


def compose_docx(
    notation: str,
    *,
    auto_numbering: bool = False,
    header: str | None = None,
    footer: str | None = None,
    title: str | None = None,
) -> bytes:
    """The .docx bytes for `notation` (syntax in the module docstring).

    `header`/`footer` are notation too, for the default header and footer of
    the single section; `title` sets the core-properties title.
    """
    document = docx.Document(io.BytesIO(_template()))
    builder = _Builder(document, auto_numbering)
    body = document.element.body
    sect_pr = body[-1]
    for el in builder.blocks(notation):
        sect_pr.addprevious(el)
    section = document.sections[0]
    for text, target in ((header, section.header), (footer, section.footer)):
        if text is not None:
            target.is_linked_to_previous = False
            element = target._element
            for child in list(element):
                element.remove(child)
            for el in builder.blocks(text):
                element.append(el)
    if title is not None:
        document.core_properties.title = title
    builder.finish()
    out = io.BytesIO()
    document.save(out)
    return _fixed_timestamps(out.getvalue())


def _fixed_timestamps(package: bytes) -> bytes:
    """The same package with every member dated 1980-01-01, so one notation always builds the same bytes.

    python-docx stamps members with the time of saving; examples and goldens
    built from notation would otherwise change on every rebuild.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(
                zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                source.read(info),
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


# --- inline markup ------------------------------------------------------------


@dataclass
class _Node:
    kind: str  # "text" or a markup kind
    text: str = ""
    children: list[_Node] = field(default_factory=list)


def _parse_inline(text: str) -> list[_Node]:
    """Split inline markup into a tree of text and markup nodes."""
    return _parse_until(text, 0, None)[0]


def _parse_until(text: str, i: int, closer: str | None) -> tuple[list[_Node], int]:
    nodes: list[_Node] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            nodes.append(_Node("text", "".join(buf)))
            buf.clear()

    n = len(text)
    while i < n:
        if closer is not None and text.startswith(closer, i):
            flush()
            return nodes, i + len(closer)
        c = text[i]
        if c == "{" and text.startswith("{{", i):
            buf.append("{")
            i += 2
        elif c == "}" and text.startswith("}}", i) and closer != "}":
            buf.append("}")
            i += 2
        elif c == "{" and i + 1 < n and text[i + 1] in "+-":
            flush()
            sign = text[i + 1]
            children, i = _parse_until(text, i + 2, sign + "}")
            nodes.append(_Node("ins" if sign == "+" else "del", children=children))
        elif c == "{":
            m = re.match(r"\{([a-z]+)(:|\})", text[i:])
            if not m:
                buf.append(c)
                i += 1
                continue
            flush()
            kind = m.group(1)
            i += m.end()
            if m.group(2) == "}":
                nodes.append(_Node(kind))
                continue
            children, i = _parse_until(text, i, "}")
            nodes.append(_Node(kind, children=children))
        else:
            buf.append(c)
            i += 1
    flush()
    return nodes, i


def _plain(nodes: list[_Node]) -> str:
    return "".join(n.text if n.kind == "text" else _plain(n.children) for n in nodes)


def _split_args(nodes: list[_Node], count: int) -> list[list[_Node]]:
    """Split markup content at '|' into `count` parts (the last part keeps any further '|')."""
    parts: list[list[_Node]] = [[]]
    for node in nodes:
        if node.kind == "text" and "|" in node.text and len(parts) < count:
            pieces = node.text.split("|", count - len(parts))
            for j, piece in enumerate(pieces):
                if j:
                    parts.append([])
                if piece:
                    parts[-1].append(_Node("text", piece))
        else:
            parts[-1].append(node)
    while len(parts) < count:
        parts.append([])
    return parts


def _t(text: str, tag: str = "w:t") -> str:
    return f'<{tag} xml:space="preserve">{escape(text)}</{tag}>'


# --- numbering ----------------------------------------------------------------


@dataclass(frozen=True)
class _ListStyle:
    """One kind of label as a Word list: a key and, per level, (numFmt, lvlText)."""

    key: str
    level: int
    fmt: str
    text: str


def _list_style(match: LabelMatch) -> _ListStyle | None:
    """How Word would number `match`, or None when no list can render it exactly."""
    label = match.label
    digits = any(c.isdigit() for c in label)
    full_width = any("０" <= c <= "９" for c in label)
    series = match.series
    if series.startswith("zh:"):
        word = series[3:]
        fmt = "decimal" if digits else "chineseCounting"
        return _ListStyle(f"{series}:{fmt}", 0, fmt, f"第%1{word}")
    if series == "annex" and label.startswith(("附件", "附表", "附录", "附錄")):
        fmt = "decimal" if digits else "chineseCounting"
        return _ListStyle(f"annex:{label[:2]}:{fmt}", 0, fmt, f"{label[:2]}%1")
    if series == "annex" or series.startswith("en:"):
        word, number = label.rsplit(" ", 1)
        if "." in number:
            return None
        fmt = "decimal" if number.isdigit() else "upperRoman" if _is_roman(number) else "upperLetter"
        return _ListStyle(f"word:{word}:{fmt}", 0, fmt, f"{word} %1")
    if series.startswith("decimal:"):
        depth = int(series.split(":")[1])
        fmt = "decimalFullWidth" if full_width else "decimal"
        dot = "．" if full_width else "."
        marks = dot.join(f"%{k}" for k in range(1, depth + 1))
        return _ListStyle(f"decimal:{fmt}", depth - 1, fmt, marks + (dot if depth == 1 else ""))
    if series == "number:comma":
        return _ListStyle("number:comma", 0, "decimal", "%1、")
    if series == "number:half-paren":
        return _ListStyle(f"number:half-paren:{label[-1]}", 0, "decimal", "%1" + label[-1])
    if series == "number:paren" and label[0] in "(（":
        close = "）" if label[0] == "（" else ")"
        return _ListStyle(f"number:paren:{label[0]}", 0, "decimal", f"{label[0]}%1{close}")
    if series == "zh-paren":
        return _ListStyle("zh-paren", 0, "chineseCounting", f"{label[0]}%1{label[-1]}")
    if series == "zh-enum":
        return _ListStyle("zh-enum", 0, "chineseCounting", "%1、")
    if series == "circled":
        return _ListStyle("circled", 0, "decimalEnclosedCircle", "%1")
    kind, _, case = series.partition(":")
    if kind in ("paren-letter", "paren-roman"):
        fmt = f"{case}{'Letter' if kind == 'paren-letter' else 'Roman'}"
        return _ListStyle(series, 0, fmt, "(%1)")
    if kind in ("letter-dot", "roman-dot", "letter-half-paren", "roman-half-paren") and label.isascii():
        fmt = f"{case}{'Letter' if kind.startswith('letter') else 'Roman'}"
        return _ListStyle(series, 0, fmt, "%1." if kind.endswith("dot") else "%1)")
    return None


def _is_roman(text: str) -> bool:
    return bool(text) and all(c in "IVXLC" for c in text)


class _Lists:
    """Word lists for auto-numbered labels: one abstractNum per label style, new nums to restart."""

    def __init__(self) -> None:
        self.abstract: dict[str, dict[int, _ListStyle]] = {}
        self.abstract_id: dict[str, int] = {}
        self.current: dict[str, int] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.nums: list[tuple[int, int, dict[int, int]]] = []  # (numId, abstractNumId, startOverrides)

    def number(self, style: _ListStyle, value: int) -> tuple[int, int]:
        """(numId, ilvl) that make Word show `value` at this point of the document."""
        key = style.key
        if key not in self.abstract:
            self.abstract[key] = {}
            self.abstract_id[key] = len(self.abstract_id)
            self.counters[key] = [None] * 9
        self.abstract[key].setdefault(style.level, style)
        counters = self.counters[key]
        level = style.level
        expected = 1 if counters[level] is None else counters[level] + 1  # type: ignore[operator]
        if key not in self.current or value != expected:
            num_id = len(self.nums) + 1
            overrides = {} if value == expected else {level: value}
            self.nums.append((num_id, self.abstract_id[key], overrides))
            self.current[key] = num_id
        counters[level] = value
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        return self.current[key], level

    def xml(self) -> bytes:
        parts = [f"<w:numbering {_NSDECL}>"]
        for key, aid in self.abstract_id.items():
            parts.append(f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>')
            styles = self.abstract[key]
            template = next(iter(styles.values()))
            for level in range(9):
                style = styles.get(level)
                fmt = style.fmt if style else template.fmt
                text = style.text if style else f"%{level + 1}."
                parts.append(
                    f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val={quoteattr(text)}/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{360 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
                )
            parts.append("</w:abstractNum>")
        for num_id, aid, overrides in self.nums:
            parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>')
            for level, start in overrides.items():
                parts.append(f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>')
            parts.append("</w:num>")
        parts.append("</w:numbering>")
        return "".join(parts).encode("utf-8")


# --- building -----------------------------------------------------------------


class _Builder:
    def __init__(self, document: docx.document.Document, auto_numbering: bool) -> None:
        self.document = document
        self.part = document.part
        self.auto = auto_numbering
        self.lists = _Lists()
        self.ids = 0
        self.footnotes: list[str] = []
        self.endnotes: list[str] = []
        self.chunks = 0
        self.letter_values: dict[str, int] = {}

    def next_id(self) -> int:
        self.ids += 1
        return self.ids

    # block level

    def blocks(self, notation: str) -> list:  # type: ignore[type-arg]
        xml: list[str] = []
        table: list[str] = []
        for raw in notation.splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("|") and line.endswith("|") and len(line) > 1:
                table.append(line)
                continue
            if table:
                xml.append(self.table(table))
                table = []
            xml.append(self.paragraph_line(line))
        if table:
            xml.append(self.table(table))
        if not xml:
            return []
        root = parse_xml(f"<w:body {_NSDECL}>{''.join(xml)}</w:body>")
        return list(root)

    def paragraph_line(self, line: str) -> str:
        flags = []
        while True:
            m = _FLAG.match(line)
            if not m:
                break
            flags.append(m.group(1))
            line = line[m.end() :]
        if "altchunk" in flags:
            return self.alt_chunk(line)
        style = next((f[6:] for f in flags if f.startswith("style=")), None)
        heading = _HEADING.match(line)
        if heading:
            style = f"Heading{len(heading.group(1))}"
            line = line[heading.end() :]
        xml = self.paragraph(line, style=style, flags=flags)
        if "sdt" in flags:
            xml = (
                f'<w:sdt><w:sdtPr><w:id w:val="{self.next_id()}"/></w:sdtPr><w:sdtContent>{xml}</w:sdtContent></w:sdt>'
            )
        return xml

    def paragraph(self, text: str, *, style: str | None = None, flags: list[str] | tuple[str, ...] = ()) -> str:
        nodes = _parse_inline(text)
        num = None
        if self.auto and "nonum" not in flags and nodes and nodes[0].kind == "text":
            num, rest = self.auto_number(nodes[0].text, heading=style is not None)
            if num is not None:
                nodes = [_Node("text", rest), *nodes[1:]] if rest else nodes[1:]
        ppr = []
        if style:
            ppr.append(f'<w:pStyle w:val="{style}"/>')
        if num is not None:
            ppr.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
        mark = ""
        if "ins" in flags:
            mark = f'<w:ins w:id="{self.next_id()}" {_CHANGE}/>'
        elif "del" in flags or "delmark" in flags:
            mark = f'<w:del w:id="{self.next_id()}" {_CHANGE}/>'
        if mark:
            ppr.append(f"<w:rPr>{mark}</w:rPr>")
        hidden = "hidden" in flags
        deleted = "del" in flags
        runs = self.inline(nodes, hidden=hidden, deleted=deleted)
        if "ins" in flags:
            runs = self.change("ins", runs)
        elif deleted:
            runs = self.change("del", runs)
        ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
        return f"<w:p>{ppr_xml}{runs}</w:p>"

    def auto_number(self, text: str, heading: bool) -> tuple[tuple[int, int] | None, str]:
        match = match_label(text, heading=heading)
        if match is None or match.value is None:
            return None, text
        series, value = match.series, match.value
        if (
            match.alt_series
            and match.alt_value is not None
            and self.letter_values.get(match.alt_series) == match.alt_value - 1
        ):
            series, value = match.alt_series, match.alt_value  # (h) then (i): a letter
            match = LabelMatch(match.label, match.cite, series, None, match.form, value, match.rest)
        style = _list_style(match)
        if style is None or value is None:
            return None, text
        self.letter_values[series] = value
        return self.lists.number(style, value), match.rest

    def run(self, text: str, *, hidden: bool = False, deleted: bool = False) -> str:
        if not text:
            return ""
        rpr = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
        return f"<w:r>{rpr}{_t(text, 'w:delText' if deleted else 'w:t')}</w:r>"

    def inline(self, nodes: list[_Node], *, hidden: bool = False, deleted: bool = False) -> str:
        out = []
        for node in nodes:
            kind = node.kind
            inner = node.children
            if kind == "text":
                out.append(self.run(node.text, hidden=hidden, deleted=deleted))
            elif kind in _CHANGES:
                tag, removed = _CHANGES[kind]
                out.append(self.change(tag, self.inline(inner, hidden=hidden, deleted=removed)))
            elif kind in ("sdt", "ph"):
                placeholder = "<w:showingPlcHdr/>" if kind == "ph" else ""
                body = self.inline(inner, hidden=hidden, deleted=deleted)
                out.append(
                    f'<w:sdt><w:sdtPr><w:id w:val="{self.next_id()}"/>{placeholder}</w:sdtPr>'
                    f"<w:sdtContent>{body}</w:sdtContent></w:sdt>"
                )
            elif kind == "fld":
                instr, result = _split_args(inner, 2)
                out.append(
                    f"<w:fldSimple w:instr={quoteattr(' ' + _plain(instr).strip() + ' ')}>"
                    f"{self.inline(result, hidden=hidden, deleted=deleted)}</w:fldSimple>"
                )
            elif kind == "field":
                instr, result = _split_args(inner, 2)
                out.append(
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f"<w:r>{_t(' ' + _plain(instr).strip() + ' ', 'w:instrText')}</w:r>"
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    f"{self.inline(result, hidden=hidden, deleted=deleted)}"
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                )
            elif kind == "link":
                url, shown = _split_args(inner, 2)
                target = _plain(url).strip()
                body = self.inline(shown or url, hidden=hidden, deleted=deleted)
                if target.startswith("#"):
                    out.append(f"<w:hyperlink w:anchor={quoteattr(target[1:])}>{body}</w:hyperlink>")
                else:
                    rid = self.part.relate_to(target, RT.HYPERLINK, is_external=True)
                    out.append(f'<w:hyperlink r:id="{rid}">{body}</w:hyperlink>')
            elif kind == "tag":
                body = self.inline(inner, hidden=hidden, deleted=deleted)
                out.append(
                    f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">{body}</w:smartTag>'
                )
            elif kind == "xml":
                out.append(
                    f'<w:customXml w:element="value">{self.inline(inner, hidden=hidden, deleted=deleted)}</w:customXml>'
                )
            elif kind == "hidden":
                out.append(self.inline(inner, hidden=True, deleted=deleted))
            elif kind == "box":
                out.append(self.text_box(_plain(inner)))
            elif kind in ("fn", "en"):
                out.append(self.note(kind, _plain(inner)))
            elif kind == "comment":
                out.append(self.comment(_plain(inner)))
            elif kind == "sym":
                out.append(f'<w:r><w:sym w:font="Wingdings" w:char="{escape(_plain(inner).strip())}"/></w:r>')
            elif kind == "ruby":
                base, guide = _split_args(inner, 2)
                out.append(
                    '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="10"/>'
                    '<w:hpsRaise w:val="18"/><w:hpsBaseText w:val="21"/><w:lid w:val="zh-CN"/></w:rubyPr>'
                    f"<w:rt>{self.run(_plain(guide))}</w:rt><w:rubyBase>{self.run(_plain(base))}</w:rubyBase>"
                    "</w:ruby></w:r>"
                )
            elif kind == "tab":
                out.append("<w:r><w:tab/></w:r>")
            elif kind == "br":
                out.append("<w:r><w:br/></w:r>")
            else:
                raise ValueError(f"compose_docx: unknown inline markup {{{kind}:…}}")
        return "".join(out)

    def change(self, tag: str, body: str) -> str:
        """`body` as a tracked change: `w:ins`, `w:del`, `w:moveTo` or `w:moveFrom`."""
        return f'<w:{tag} w:id="{self.next_id()}" {_CHANGE}>{body}</w:{tag}>'

    def text_box(self, text: str) -> str:
        paragraphs = "".join(self.paragraph(p.strip()) for p in text.split(";") if p.strip())
        box_id = self.next_id()
        return (
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="1828800" cy="457200"/>'
            f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="457200"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f"<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
            "</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
            '<mc:Fallback><w:pict><v:shape style="width:144pt;height:36pt" type="#_x0000_t202"><v:textbox>'
            f"<w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )

    def note(self, kind: str, text: str) -> str:
        notes = self.footnotes if kind == "fn" else self.endnotes
        notes.append(text)
        note_id = len(notes)
        tag, style = (
            ("footnoteReference", "FootnoteReference") if kind == "fn" else ("endnoteReference", "EndnoteReference")
        )
        return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:{tag} w:id="{note_id}"/></w:r>'

    def comment(self, text: str) -> str:
        comment = self.document.comments.add_comment(text=text, author="clausecheck", initials="CC")
        cid = comment.comment_id
        return (
            f'<w:commentRangeStart w:id="{cid}"/><w:commentRangeEnd w:id="{cid}"/>'
            f'<w:r><w:commentReference w:id="{cid}"/></w:r>'
        )

    def alt_chunk(self, html: str) -> str:
        self.chunks += 1
        blob = f"<html><body><p>{escape(html)}</p></body></html>".encode()
        part = Part(PackURI(f"/word/afchunk{self.chunks}.htm"), "text/html", blob, self.part.package)
        rid = self.part.relate_to(part, RT.A_F_CHUNK)
        return f'<w:altChunk r:id="{rid}"/>'

    # tables

    def table(self, lines: list[str]) -> str:
        rows = [_cells(line) for line in lines]
        columns = max(len(r) for r in rows)
        out = [
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        ]
        out.append('<w:gridCol w:w="2000"/>' * columns)
        out.append("</w:tblGrid>")
        for r, cells in enumerate(rows):
            out.append("<w:tr>")
            if r == 0:
                out.append("<w:trPr><w:tblHeader/></w:trPr>")
            c = 0
            while c < len(cells):
                span = 1
                while c + span < len(cells) and cells[c + span] == "<":
                    span += 1
                content = cells[c]
                tc_pr = []
                if span > 1:
                    tc_pr.append(f'<w:gridSpan w:val="{span}"/>')
                below = rows[r + 1][c] if r + 1 < len(rows) and c < len(rows[r + 1]) else None
                if content == "^":
                    tc_pr.append("<w:vMerge/>")
                elif below == "^":
                    tc_pr.append('<w:vMerge w:val="restart"/>')
                pr = f"<w:tcPr>{''.join(tc_pr)}</w:tcPr>" if tc_pr else ""
                out.append(f"<w:tc>{pr}{self.cell(content)}</w:tc>")
                c += span
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def cell(self, content: str) -> str:
        if content == "^":
            return "<w:p/>"
        if content.startswith("[[") and content.endswith("]]"):
            rows = ["| " + " | ".join(c.strip() for c in row.split(";")) + " |" for row in content[2:-2].split("//")]
            return self.table(rows) + "<w:p/>"
        return self.paragraph(content)

    # parts

    def finish(self) -> None:
        package = self.part.package
        if self.lists.nums:
            part = Part(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, self.lists.xml(), package)
            self.part.relate_to(part, RT.NUMBERING)
        for notes, kind in ((self.footnotes, "footnote"), (self.endnotes, "endnote")):
            if not notes:
                continue
            body = [
                f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
                f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>',
            ]
            for i, text in enumerate(notes, start=1):
                ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
                body.append(
                    f'<w:{kind} w:id="{i}"><w:p><w:r><w:{ref}/></w:r>{self.inline(_parse_inline(" " + text))}</w:p></w:{kind}>'
                )
            xml = f"<w:{kind}s {_NSDECL}>{''.join(body)}</w:{kind}s>".encode()
            content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
            rel = RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES
            part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml, package)
            self.part.relate_to(part, rel)


def _cells(line: str) -> list[str]:
    """Cells of a `| a | b |` row, not splitting inside `{…}` markup or `[[…]]` nested tables."""
    cells: list[str] = []
    buf: list[str] = []
    depth = 0
    body = line[1:-1]
    i = 0
    while i < len(body):
        c = body[i]
        if body.startswith("[[", i) or c == "{":
            depth += 1
        elif body.startswith("]]", i) or c == "}":
            depth = max(0, depth - 1)
        if c == "|" and depth == 0:
            cells.append("".join(buf).strip())
            buf = []
        else:
            buf.append(c)
        i += 1
    cells.append("".join(buf).strip())
    return cells


# --- the template ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _template() -> bytes:
    """A minimal Word package: the styles the notation uses and nothing else (python-docx's is 0.9 MB of styles)."""
    w = _NS["w"]
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>',
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>',
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
        '<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
    ]
    for level in (1, 2, 3):
        styles.append(
            f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
            f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:outlineLvl w:val="{level - 1}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        )
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            f'<w:document {_NSDECL} mc:Ignorable="wps"><w:body>'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
            'w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>'
        ),
        "word/styles.xml": f'<w:styles xmlns:w="{w}">{"".join(styles)}</w:styles>',
        "word/settings.xml": f'<w:settings xmlns:w="{w}"><w:defaultTabStop w:val="720"/></w:settings>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            zf.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)
    return out.getvalue()
