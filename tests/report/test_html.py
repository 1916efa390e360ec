"""The HTML report: self-contained, escaped, and linked both ways between findings and clauses."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import clausecheck
from clausecheck.findings import Report
from clausecheck.report.html import render_html

from .kit import EXAMPLES, example_path, judged, write_agreement


class _Page(HTMLParser):
    """Ids, links, classes by id and every attribute that could load something."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.links: list[str] = []
        self.loads: list[tuple[str, str, str]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"]] = a.get("class") or ""
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        for name in ("src", "srcset", "data", "action", "poster"):
            if name in a:
                self.loads.append((tag, name, a[name]))
        if tag == "link":
            self.loads.append((tag, "href", a.get("href", "")))


def page_of(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def report_html(names: list[str]) -> str:
    documents, results = {}, []
    for name in names:
        document, result = judged(example_path(name), EXAMPLES[name].pack)
        documents[result.path] = document
        results.append(result)
    return render_html(Report(version="0", packs=["x"], documents=results), documents)


def test_one_self_contained_page_for_every_example():
    html = report_html(sorted(EXAMPLES))
    page = page_of(html)
    assert not page.loads and not ({"script", "iframe", "img", "object", "embed"} & page.tags)
    assert "@import" not in html and "url(" not in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert all(link.startswith("#") for link in page.links)
    assert all(link[1:] in page.ids for link in page.links), "every link lands on an element of the page"


def test_findings_link_to_highlighted_clauses_and_back():
    name = "onsite-maintenance.en"
    html = report_html([name])
    page = page_of(html)
    _, result = judged(example_path(name), EXAMPLES[name].pack)
    for f in result.findings:
        for loc in f.locations:
            assert f"#d0-{loc.block_id}" in page.links
            assert "cited" in page.ids[f"d0-{loc.block_id}"]
    void = next(f for f in result.findings if f.status == "forbidden")
    paragraph = re.search(rf'<p id="d0-{void.locations[0].block_id}"[^>]*>(.*?)</p>', html).group(1)
    assert void.locations[0].excerpt in paragraph and "CC201</a>" in paragraph
    assert 'href="#d0-f0"' in paragraph  # the most severe finding comes first
    missing = next(f for f in result.findings if f.status == "missing")
    assert missing.suggestion in html
    assert '(<a href="#d0-b8">3</a>)' in html  # where to add it: the Health and Safety article


def test_topic_matrix_and_tables_are_shown(tmp_path):
    name = "it-onsite-services.zh-Hans"
    html = report_html([name])
    _, result = judged(example_path(name), EXAMPLES[name].pack)
    for t in result.topics:
        assert f'<span class="label">{t.topic}</span>' in html
    assert "<table>\n<tr><td>" in html  # the responsibility table of the annex


def test_agreement_text_is_escaped(tmp_path):
    path = write_agreement(
        tmp_path,
        "# <script>alert(1)</script> Agreement\n1. Safety\n"
        "1.1 The Customer shall not be liable for any injury to or death of any Engineer & co.",
    )
    document = clausecheck.read_document(path)
    result = clausecheck.check(document).documents[0]
    html = render_html(Report(version="0", packs=["safety-core"], documents=[result]), {result.path: document})
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Engineer &amp; co." in html


def test_an_unreadable_agreement_shows_its_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"")
    report = clausecheck.check([bad])
    html = render_html(report)
    assert "the file is empty" in html and page_of(html).ids
