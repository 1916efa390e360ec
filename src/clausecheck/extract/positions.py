"""A pack's vocabularies placed at a position, as regular expressions built once per lexicon.

Some wording only counts where it stands: an annex noun followed by its
number (附件三, Schedule 2), a pointer followed by a capitalised document
name ("in accordance with the Site Safety Rules"), a quoted term followed by
the verb that defines it. The words come from the pack, so a pack author
adds a form with one line; only the position is written here.
"""

from __future__ import annotations

from clausecheck._identity_cache import IdentityCache
from clausecheck._lazy_re import lazy_compile
from clausecheck.extract.lexicon import Lexicon

_QUOTE_OPEN, _QUOTE_CLOSE = '"“「『', '"”」』'


class Positions:
    """The positional patterns of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        def words(name: str) -> str:
            return f"(?i:{lexicon.alternation(name)})"

        quoted = rf"[{_QUOTE_OPEN}](?P<term>[^{_QUOTE_CLOSE}]{{1,80}})[{_QUOTE_CLOSE}]"
        self.annex = lazy_compile(
            rf"(?<![A-Za-z]){words('annex_noun')}\s*(?P<number>[一二三四五六七八九十\d]+|[A-Z0-9]{{1,3}}\b|[IVX]+\b)"
        )
        """附件三, Schedule 2: the number is the group `number`"""
        self.named_document = lazy_compile(
            rf"\b{words('reference_lead')}\s+(?:the\s+)?(?P<title>(?:[A-Z][\w'’-]*\s+){{0,5}}{words('document_noun')})\b"
        )
        """"in accordance with the Site Safety Rules": the name is the group `title`"""
        self.defined_term = lazy_compile(rf"{quoted}\s*{words('definition_verb')}")
        """'"Site Rules" means', '“现场”是指' anywhere: the term is the group `term`"""
        self.definition = lazy_compile(rf"\s*(?:\(?\w{{1,4}}\)\s*)?{quoted}\s*{words('definition_verb')}")
        """a sentence that opens by defining a quoted term, after an item label: it binds nobody"""
        self.defines_name = lazy_compile(rf"[\s{_QUOTE_OPEN}{_QUOTE_CLOSE}']*(?:[：:]|{words('definition_verb')})")
        """right after a party's name: `甲方：指…`, `“乙方”是指…`, `"Contractor" means …`"""
        self.subject_en = lazy_compile(
            rf"(?<![\w'’])(?:The\s+|the\s+)?(?P<name>[A-Z][A-Za-z&-]{{1,24}}|[A-Z]{{2,12}})\s+"
            rf"(?:{words('binding')}|{words('weak')})(?![A-Za-z])"
        )
        """a capitalised English name opening a duty ("Datec will", "the Contractor shall"): group `name`"""
        self.people_definition = lazy_compile(
            rf"[\"“](?P<term>[A-Z][\w\s-]{{1,30}}?)[\"”]\s+{words('definition_verb')}(?:\s+[^\s.]+){{0,5}}?\s+"
            rf"(?:{words('personnel')}|persons?|individuals?)\b"
            rf"(?:(?!\bnot\b)[^.]){{0,60}}?\b(?:of|by)\s+(?:the\s+)?(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)"
        )
        """'"Engineer" means any employee … of the Supplier', '"Temporary Worker" means a person supplied by the
        Agency': a term whose head noun is people names the owner's people; '"Assignment" means a period during
        which a worker … of the Host' names no people, and "not an employee of the Host" no owner"""
        self.statute = lazy_compile(rf"《[^》]{{2,40}}{words('statute_noun')}》")
        """a statute or standard named in 《》 (《安全生产法》, 《建筑施工高处作业安全技术规范》): it pins a duty"""
        self.not_a_party = lazy_compile(words("not_a_party"))
        """capitalised words that open duties but are no party (fullmatch)"""
        self.object_before = lazy_compile(rf"(?:{lexicon.alternation('object_marker')})$")
        """right before a Chinese name, a word that makes it an object ("向贵公司支付", "为本公司提供")"""


positions: IdentityCache[Lexicon, Positions] = IdentityCache(Positions)
"""The positional patterns of a lexicon, built once."""
