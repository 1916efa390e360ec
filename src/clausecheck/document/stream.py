"""The main part parsed while it is walked, so the whole element tree of a long agreement never exists at once.

The tree of a 300-page `document.xml` takes about 7 MB, and memory the XML
library frees is not reused for Python objects: the reader's peak was the
tree plus everything built from it. So the body is given to the walker one
top-level child at a time, each as soon as it is complete, and deleted once
walked (`docs/reading.md`). A reader that must find paragraphs again
afterwards (Word comments are anchored in them) keeps them instead.

Parsing uses the same hardened options as every other part, and its failures
become the same `DocumentError`s (`parse_failure`), raised when the walk reaches them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TypedDict

from lxml import etree

from clausecheck.errors import CorruptDocument, DocumentError, UnsafeDocument


class _Options(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    huge_tree: bool
    remove_comments: bool


PARSER_OPTIONS = _Options(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)
"""entity resolution, network and DTD loading off; libxml2's size and depth limits on"""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY, _P, _TBL = f"{_W}body", f"{_W}p", f"{_W}tbl"


def parse_failure(source: str, name: str, error: etree.XMLSyntaxError) -> DocumentError:
    """What a part that does not parse is: unsafe past the parser's limits, otherwise damaged."""
    message = str(error)
    if any(s in message for s in ("limit", "Excessive depth", "amplification", "huge")):
        return UnsafeDocument(
            source, f"part {name} exceeds the XML parser's limits ({message})", hint="do not open this file"
        )
    return CorruptDocument(
        source, f"part {name} is not well-formed XML ({message})", hint="open it in Word and save it again"
    )


class MainPart:
    """The main document part, parsed up to its root on creation and the rest on demand by `body_children()`."""

    def __init__(self, source: str, name: str, data: bytes) -> None:
        self.source = source
        self.name = name
        # start events tell where the body is; end events, which top-level paragraphs and tables are complete
        self._events = etree.iterparse(
            io.BytesIO(data), events=("start", "end"), tag=(_BODY, _P, _TBL), **PARSER_OPTIONS
        )
        self._first = self._next()
        self.root: etree._Element = (
            self._first[1].getroottree().getroot() if self._first is not None else self._events.root
        )

    def _next(self) -> tuple[str, etree._Element] | None:
        try:
            return next(self._events, None)
        except etree.XMLSyntaxError as e:
            raise parse_failure(self.source, self.name, e) from None

    def body_children(self, *, keep: bool = False) -> Iterator[etree._Element]:
        """The body's children in document order, each once it is fully parsed.

        A child is removed from the tree when the caller asks for the next one,
        unless `keep`. Call once.
        """
        body = None
        given = 0  # children kept in the tree and already given
        event = self._first
        while event is not None:
            kind, el = event
            if kind == "start":
                if body is None and el.tag == _BODY and el.getparent() is self.root:
                    body = el
            elif body is not None and (el is body or el.getparent() is body):
                # every child before `el` is complete, and so is `el`; once `el` is the body, all are
                while len(body) > given:
                    child = body[given]
                    yield child
                    if keep:
                        given += 1
                    else:
                        del body[given]
                    if child is el:
                        break
            event = self._next()
